/**
 * Site-wide data, loaded from the content collections once per build and shared by every page, so
 * no page repeats a collection scan.
 */
import { getCollection } from 'astro:content';
import type { MapPoint, Paper, Topic } from '../schemas.ts';
import { cacheKey } from './page-keys.ts';
import { orderTopics, papersOfTopic, sortPapers, topicCounts } from './papers.ts';
import { PARTS_LIST, parseSearchParts } from './search-parts.ts';
import { assetUrl } from './url.ts';

/** Shown in the header, titles and feeds. */
export const SITE_TITLE = 'Abstracta';
export const SITE_DESCRIPTION = 'Research-paper digests, grouped by topic and searchable.';

/**
 * Search indexes of other Abstracta sites to search together with this one (Pagefind's multisite
 * `mergeIndex`): the URLs of their `pagefind/` folders, from `SEARCH_MERGE` (comma-separated), e.g.
 * `/2025/pagefind/,/2026/pagefind/` for an archive built in shards (see docs/scaling.md).
 */
export const SEARCH_MERGE = parseSearchMerge(process.env.SEARCH_MERGE);

/** Splits and checks `SEARCH_MERGE`: root-relative or http(s) URLs of folders (ending in `/`). */
export function parseSearchMerge(value: string | undefined): string[] {
  const urls = (value ?? '')
    .split(',')
    .map((url) => url.trim())
    .filter(Boolean);
  for (const url of urls) {
    if (!/^(\/|https?:\/\/)/.test(url) || !url.endsWith('/'))
      throw new Error(`SEARCH_MERGE: "${url}" must be a URL of a pagefind/ folder, starting with / or http(s):// and ending with /`);
  }
  return urls;
}

/**
 * When `npm run build` makes this site's index in parts (a very large site, see `search-parts.ts`),
 * the URL of the list of the other parts, searched together with `pagefind/`, results under this base.
 * Pages name the list, not the parts, so how many parts there are is not part of any page.
 */
export const SEARCH_PARTS_LIST = parseSearchParts(process.env.ABSTRACTA_SEARCH_PARTS) > 1 ? assetUrl('pagefind', PARTS_LIST) : undefined;

export interface SiteData {
  papers: Paper[];
  topics: Topic[];
  topicsById: Map<string, Topic>;
  papersBySlug: Map<string, Paper>;
  /** Papers of each topic, primary ones first (see `papersOfTopic`). */
  papersByTopic: Map<string, Paper[]>;
  counts: Map<string, number>;
  /** Positions of papers on the corpus map. */
  mapPoints: MapPoint[];
  /**
   * A digest of what every page's frame shows (the topics in the sidebar and chips, the searched
   * indexes: merged sites and this site's parts): part of every page's cache key.
   */
  layoutKey: string;
}

let cached: Promise<SiteData> | undefined;

/** Papers in reading order, topics in taxonomy order, and per-topic counts. */
export function loadSite(): Promise<SiteData> {
  cached ??= (async () => {
    const [paperEntries, topicEntries, mapEntries] = await Promise.all([
      getCollection('papers'),
      getCollection('topics'),
      getCollection('map'),
    ]);
    const papers = sortPapers(paperEntries.map((entry) => entry.data));
    const topics = orderTopics(topicEntries.map((entry) => entry.data));
    return {
      papers,
      topics,
      topicsById: new Map(topics.map((t) => [t.id, t])),
      papersBySlug: new Map(papers.map((p) => [p.slug, p])),
      papersByTopic: new Map(topics.map((t) => [t.id, papersOfTopic(papers, t.id)])),
      counts: topicCounts(papers),
      mapPoints: mapEntries.map((entry) => entry.data),
      layoutKey: cacheKey(topics, SEARCH_MERGE, SEARCH_PARTS_LIST),
    };
  })();
  return cached;
}
