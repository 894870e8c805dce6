/**
 * Everything a paper page shows beyond the paper itself, gathered for every paper in one pass: its
 * place in its primary topic (the sidebar's first papers, previous and next) and its related papers
 * with what the page says of them. The page renders from this, and its cache key is a digest of it
 * (see `page-keys.ts`), so the two cannot drift apart.
 */
import type { Paper } from '../schemas.ts';
import { neighbours } from './papers.ts';

/** How many papers of the current topic the sidebar lists. */
export const SIDEBAR_PAPERS = 12;

type Linked = Pick<Paper, 'slug' | 'title'>;

export interface PaperView {
  /** The first papers of the primary topic, in reading order (at most {@link SIDEBAR_PAPERS}). */
  topicPapers: Linked[];
  /** Whether the topic has more papers than the sidebar lists. */
  moreInTopic: boolean;
  prev?: Linked;
  next?: Linked;
  /** Related papers, best first, with the fields the reason for each is given from. */
  related: Pick<Paper, 'slug' | 'title' | 'topics' | 'keywords'>[];
}

/** The view of every paper, by slug. `papersByTopic` lists each topic's papers in reading order. */
export function paperViews(
  papers: readonly Paper[],
  papersByTopic: ReadonlyMap<string, readonly Paper[]>,
  papersBySlug: ReadonlyMap<string, Paper>,
): Map<string, PaperView> {
  const link = ({ slug, title }: Linked): Linked => ({ slug, title });
  const positions = new Map<string, Map<string, number>>();
  for (const [topic, list] of papersByTopic) positions.set(topic, new Map(list.map((paper, index) => [paper.slug, index])));
  return new Map(
    papers.map((paper) => {
      const topic = paper.topics[0];
      const list = papersByTopic.get(topic) ?? [];
      const { prev, next } = neighbours(list, positions.get(topic)?.get(paper.slug) ?? -1);
      const related = paper.related.flatMap((slug) => {
        const other = papersBySlug.get(slug);
        return other ? [{ slug: other.slug, title: other.title, topics: other.topics, keywords: other.keywords }] : [];
      });
      const view: PaperView = {
        topicPapers: list.slice(0, SIDEBAR_PAPERS).map(link),
        moreInTopic: list.length > SIDEBAR_PAPERS,
        ...(prev ? { prev: link(prev) } : {}),
        ...(next ? { next: link(next) } : {}),
        related,
      };
      return [paper.slug, view];
    }),
  );
}
