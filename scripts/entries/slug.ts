/**
 * Paper slugs: readable, short, stable, unique and safe as a single path segment.
 */
import { createHash } from 'node:crypto';
import { slug as githubSlug } from 'github-slugger';
import { SLUG_PATTERN } from '../../src/schemas.ts';

/** Longest slug before the cut at a word boundary; keeps URLs and file names comfortable. */
export const MAX_SLUG_LENGTH = 80;

/** Slugs that would collide with the paper index's own pages under `/papers/`. */
const RESERVED_SLUGS = new Set(['by-title', 'page']);

/** A short, stable hash of a string, used to tell apart papers whose titles slug alike. */
export function shortHash(text: string, length = 6): string {
  return createHash('sha256').update(text).digest('hex').slice(0, length);
}

/**
 * The slug of a title: GitHub's heading slugs (lowercase, punctuation dropped, spaces to hyphens),
 * with runs of hyphens folded, cut at a word boundary within {@link MAX_SLUG_LENGTH} characters.
 * A title with no letters or digits gets `paper-<hash>`.
 */
export function slugify(title: string): string {
  const base = githubSlug(title.normalize('NFKC')).replace(/-{2,}/g, '-').replace(/^-|-$/g, '');
  let slug = base;
  if (slug.length > MAX_SLUG_LENGTH) {
    const cut = slug.lastIndexOf('-', MAX_SLUG_LENGTH);
    slug = slug.slice(0, cut > MAX_SLUG_LENGTH / 2 ? cut : MAX_SLUG_LENGTH).replace(/-$/, '');
  }
  // github-slugger keeps letters, marks, digits, `_` and `-`; anything else (or nothing) falls back.
  if (!SLUG_PATTERN.test(slug)) return `paper-${shortHash(title)}`;
  // Paths the paper index uses beside the papers: `/papers/by-title/`, `/papers/page/2/`.
  return RESERVED_SLUGS.has(slug) ? `${slug}-paper` : slug;
}

/**
 * Slugs for a list of papers, in order. When several papers share a slug, the first keeps it and each
 * other one gets a suffix hashed from its identity, so a paper's slug never depends on its neighbours'.
 */
export function assignSlugs(papers: readonly { title: string; identity: string }[]): string[] {
  const taken = new Set<string>();
  return papers.map(({ title, identity }) => {
    const base = slugify(title);
    let slug = base;
    for (let length = 6; taken.has(slug); length += 2) {
      slug = `${base.slice(0, MAX_SLUG_LENGTH - length - 1)}-${shortHash(identity, length)}`;
    }
    taken.add(slug);
    return slug;
  });
}
