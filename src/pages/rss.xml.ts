import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { newestFirst, paperDate } from '../lib/feeds.ts';
import { loadSite, SITE_DESCRIPTION, SITE_TITLE } from '../lib/site.ts';
import { pageUrl } from '../lib/url.ts';

/** How many papers a feed carries: feed readers only want what is new. */
const FEED_SIZE = 50;

/** The feed of all papers, newest first. */
export async function GET(context: APIContext) {
  const { papers } = await loadSite();
  return rss({
    title: SITE_TITLE,
    description: SITE_DESCRIPTION,
    site: new URL(pageUrl(), context.site).href,
    items: newestFirst(papers)
      .slice(0, FEED_SIZE)
      .map((paper) => ({ title: paper.title, link: pageUrl('papers', paper.slug), description: paper.summary, pubDate: paperDate(paper) })),
  });
}
