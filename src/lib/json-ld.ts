/**
 * Structured data for search engines: a `ScholarlyArticle` per paper page. Serialized so that no
 * title can close the `<script>` element it sits in (`<` is written as `\u003c`).
 */
import type { Paper } from '../schemas.ts';

export function scholarlyArticle(
  paper: Pick<Paper, 'title' | 'summary' | 'keywords' | 'digests' | 'links'>,
  url: string,
  abstract: string,
): Record<string, unknown> {
  const dated = paper.digests.find((d) => d.date && d.date.length === 10);
  return {
    '@context': 'https://schema.org',
    '@type': 'ScholarlyArticle',
    headline: paper.title,
    name: paper.title,
    abstract,
    description: paper.summary,
    keywords: paper.keywords.join(', '),
    url,
    ...(dated ? { datePublished: dated.date } : {}),
    ...(paper.links.length ? { sameAs: paper.links.map((link) => link.url) } : {}),
  };
}

/** JSON for an inline `application/ld+json` block. */
export function jsonLd(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
