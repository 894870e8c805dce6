/** The digest archive: every digest a paper came from, with its papers in their original order. */
import { slug as githubSlug } from 'github-slugger';
import type { DigestRef, Paper } from '../schemas.ts';
import { formatDigestDate } from './dates.ts';
import { digestKey } from './papers.ts';

export interface Digest {
  /** URL segment: the file name without its extension, as a slug. */
  id: string;
  source: string;
  date?: string;
  /** How the digest is named on pages: its date when known, else its file name. */
  label: string;
}

/** The URL segment of a digest file. */
export function digestId(source: string): string {
  return githubSlug(source.replace(/\.[^.]+$/, '')) || 'digest';
}

/** Every digest the papers came from, newest first. */
export function listDigests(papers: readonly Pick<Paper, 'digests'>[]): Digest[] {
  const bySource = new Map<string, DigestRef>();
  for (const paper of papers) for (const ref of paper.digests) if (!bySource.has(ref.source)) bySource.set(ref.source, ref);
  return [...bySource.values()]
    .sort((a, b) => digestKey(b).localeCompare(digestKey(a)))
    .map((ref) => ({
      id: digestId(ref.source),
      source: ref.source,
      ...(ref.date ? { date: ref.date } : {}),
      label: ref.date ? formatDigestDate(ref.date) : ref.source,
    }));
}

/** The papers of one digest, in the order the digest listed them. */
export function papersOfDigest<T extends Pick<Paper, 'digests'>>(papers: readonly T[], source: string): T[] {
  const rank = (paper: T) => paper.digests.find((d) => d.source === source)?.rank ?? Infinity;
  return papers.filter((paper) => paper.digests.some((d) => d.source === source)).sort((a, b) => rank(a) - rank(b));
}

/** The papers of every digest, by source file, each in the order its digest listed them: one pass over all papers. */
export function papersByDigest<T extends Pick<Paper, 'digests'>>(papers: readonly T[]): Map<string, T[]> {
  const bySource = new Map<string, { paper: T; rank: number }[]>();
  for (const paper of papers)
    for (const ref of paper.digests) {
      let list = bySource.get(ref.source);
      if (!list) bySource.set(ref.source, (list = []));
      list.push({ paper, rank: ref.rank });
    }
  return new Map([...bySource].map(([source, list]) => [source, list.sort((a, b) => a.rank - b.rank).map(({ paper }) => paper)]));
}
