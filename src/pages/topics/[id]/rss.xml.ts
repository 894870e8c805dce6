import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { newestFirst, paperDate } from '../../../lib/feeds.ts';
import { loadSite, SITE_TITLE } from '../../../lib/site.ts';
import { cacheKey } from '../../../lib/page-keys.ts';
import { pageUrl } from '../../../lib/url.ts';

/** The newest papers a topic's feed lists. */
const FEED_ITEMS = 50;

export async function getStaticPaths() {
  const { topics, papersByTopic } = await loadSite();
  return topics.map((topic) => {
    const items = newestFirst(papersByTopic.get(topic.id) ?? [])
      .slice(0, FEED_ITEMS)
      .map((paper) => ({ title: paper.title, link: pageUrl('papers', paper.slug), description: paper.summary, pubDate: paperDate(paper) }));
    return { params: { id: topic.id }, props: { topic, items }, cacheKey: cacheKey(topic, items) };
  });
}

/** One feed per topic, for readers who follow a single subject. */
export async function GET(context: APIContext) {
  const { topic, items } = context.props as Awaited<ReturnType<typeof getStaticPaths>>[number]['props'];
  return rss({
    title: `${topic.title} · ${SITE_TITLE}`,
    description: topic.description,
    site: new URL(pageUrl(), context.site).href,
    items,
  });
}
