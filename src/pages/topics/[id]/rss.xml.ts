import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { getCollection } from 'astro:content';
import { newestFirst, paperDate } from '../../../lib/feeds.ts';
import { loadSite, SITE_TITLE } from '../../../lib/site.ts';
import { pageUrl } from '../../../lib/url.ts';

export async function getStaticPaths() {
  const topics = await getCollection('topics');
  return topics.map((entry) => ({ params: { id: entry.data.id } }));
}

/** One feed per topic, for readers who follow a single subject. */
export async function GET(context: APIContext) {
  const { topicsById, papersByTopic } = await loadSite();
  const id = context.params.id!;
  const topic = topicsById.get(id)!;
  return rss({
    title: `${topic.title} · ${SITE_TITLE}`,
    description: topic.description,
    site: new URL(pageUrl(), context.site).href,
    items: newestFirst(papersByTopic.get(id) ?? [])
      .slice(0, 50)
      .map((paper) => ({ title: paper.title, link: pageUrl('papers', paper.slug), description: paper.summary, pubDate: paperDate(paper) })),
  });
}
