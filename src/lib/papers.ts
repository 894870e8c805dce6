/**
 * Decisions the pages share about papers and topics, as pure functions over plain data so they can be
 * tested without Astro: ordering, grouping by topic, neighbours, the digest summary.
 */
import type { Paper, Topic } from '../schemas.ts';
import { sortableDate } from './dates.ts';

/** Sort key of a digest: its date (undated first, then yearless, then dated ones), then its file name. */
export const digestKey = (ref: { date?: string; source: string }) => `${sortableDate(ref.date)}|${ref.source}`;

/** Papers in reading order: first digest date, then rank in it, then title. */
export function sortPapers<T extends Pick<Paper, 'digests' | 'title'>>(papers: readonly T[]): T[] {
  const key = (p: T) => `${digestKey(p.digests[0])}|${String(p.digests[0].rank).padStart(6, '0')}`;
  return [...papers].sort((a, b) => key(a).localeCompare(key(b)) || a.title.localeCompare(b.title));
}

/** Papers of one topic: those with it as primary topic first, then those listing it second or third. */
export function papersOfTopic<T extends Pick<Paper, 'topics' | 'digests' | 'title'>>(papers: readonly T[], topicId: string): T[] {
  const sorted = sortPapers(papers);
  return [...sorted.filter((p) => p.topics[0] === topicId), ...sorted.filter((p) => p.topics.indexOf(topicId) > 0)];
}

/** How many papers list each topic, primary or not. */
export function topicCounts(papers: readonly Pick<Paper, 'topics'>[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const paper of papers) for (const id of paper.topics) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
}

/** The items before and after `index` in `list`, for prev/next links. */
export function neighbours<T>(list: readonly T[], index: number): { prev?: T; next?: T } {
  return { prev: index > 0 ? list[index - 1] : undefined, next: index >= 0 && index < list.length - 1 ? list[index + 1] : undefined };
}

/** Topics alphabetically by title, each child right after its parent. */
export function orderTopics<T extends Pick<Topic, 'id' | 'parent' | 'title'>>(topics: readonly T[]): T[] {
  const sorted = [...topics].sort((a, b) => a.title.localeCompare(b.title, 'en'));
  const roots = sorted.filter((t) => !t.parent);
  return roots.flatMap((root) => [root, ...sorted.filter((t) => t.parent === root.id)]);
}

/** Minutes to read `words` words at 230 words a minute, at least one. */
export function readingMinutes(words: number): number {
  return Math.max(1, Math.round(words / 230));
}
