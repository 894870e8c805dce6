/** Why two papers are related, in words a reader can check. */
import type { Paper } from '../schemas.ts';

/** `Shared keywords: a, b` when keywords overlap, else `Same topic: X`, else `Similar wording`. */
export function relatedReason(
  paper: Pick<Paper, 'keywords' | 'topics'>,
  other: Pick<Paper, 'keywords' | 'topics'>,
  topicTitle: (id: string) => string,
): string {
  const lower = new Set(paper.keywords.map((k) => k.toLowerCase()));
  const keywords = other.keywords.filter((k) => lower.has(k.toLowerCase()));
  if (keywords.length) return `Shared keywords: ${keywords.join(', ')}`;
  const topics = other.topics.filter((t) => paper.topics.includes(t));
  if (topics.length) return `Same topic: ${topics.map(topicTitle).join(', ')}`;
  return 'Similar wording';
}
