/**
 * Many digests in several formats into one content folder: the seed, every Hugging Face day and
 * the arXiv Atom responses (all real, copied into tests/fixtures/). One entry per distinct paper,
 * every date a repeated paper trended on, a second run that changes nothing, and the real malformed
 * exports refused by name.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { abstractText } from '../../scripts/entries/mdx.ts';
import { digestKey } from '../../src/lib/papers.ts';
import { filesIn } from '../../scripts/ingest/inputs.ts';
import { normalizeTitle } from '../../scripts/entries/text.ts';
import { sameAbstract } from '../../scripts/ingest/merge.ts';
import { copyContent, fingerprint, ingest } from '../helpers/content.ts';
import { FIXTURES } from '../helpers/paths.ts';

// Every real day kept as a fixture: 2024 (142 days) and 2026 (38 days, where two papers trend twice).
const HF_2024 = [
  ...filesIn(join(FIXTURES, 'hf-daily-papers', '2024')),
  ...filesIn(join(FIXTURES, 'hf-daily-papers', '2026')),
  join(FIXTURES, 'hf-daily-papers', 'sample-2026-06.json'),
];
const ATOM = filesIn(join(FIXTURES, 'arxiv-atom')).filter((file) => file.endsWith('.xml'));
const dir = copyContent();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Distinct arXiv ids in the inputs, read straight from the files (not through the parsers). */
function distinctIds(): Set<string> {
  const ids = new Set<string>();
  for (const file of HF_2024) for (const entry of JSON.parse(readFileSync(file, 'utf8'))) ids.add(entry.paper.id);
  for (const file of ATOM)
    for (const match of readFileSync(file, 'utf8').matchAll(/<id>https?:\/\/arxiv\.org\/abs\/([^<]+?)(?:v\d+)?<\/id>/g)) ids.add(match[1]);
  return ids;
}

describe('the seed, every Hugging Face day and the Atom responses together', () => {
  const first = ingest(dir, [...HF_2024, ...ATOM]);
  const entries = readdirSync(join(dir, 'papers')).filter((name) => name.endsWith('.mdx'));
  const frontmatter = (name: string) =>
    parse(
      readFileSync(join(dir, 'papers', name), 'utf8')
        .split('\n---\n')[0]
        .slice(4),
    );

  it('makes one entry per distinct paper, whatever the source', () => {
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    const papers = entries.map(frontmatter);
    // Every arXiv id once, and every seed paper that a JSON source also lists merged into that paper.
    const ids = papers.flatMap((paper) => (paper.arxiv ? [paper.arxiv] : []));
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ids)).toEqual(distinctIds());
    const pastedAndJson = papers.filter((paper) => paper.arxiv && paper.digests.some((d: { source: string }) => d.source.endsWith('.txt')));
    expect(pastedAndJson.map((paper) => paper.arxiv).sort()).toEqual(['2406.04391', '2407.03418', '2408.14340', '2410.05254']);
    expect(entries.length).toBe(83 - pastedAndJson.length + distinctIds().size);
    // No two pages are the same paper: no title twice with abstracts that agree.
    const byTitle = new Map<string, { abstract: string; slug: string }[]>();
    for (const name of entries) {
      const text = readFileSync(join(dir, 'papers', name), 'utf8');
      const paper = frontmatter(name);
      const list = byTitle.get(normalizeTitle(paper.title)) ?? [];
      list.push({ abstract: abstractText(text.split('\n---\n').slice(1).join('\n---\n')), slug: paper.slug });
      byTitle.set(normalizeTitle(paper.title), list);
    }
    const twins = [...byTitle.values()].flatMap((list) =>
      list.flatMap((a, i) =>
        list
          .slice(i + 1)
          .filter((b) => sameAbstract(a.abstract, b.abstract))
          .map((b) => `${a.slug} = ${b.slug}`),
      ),
    );
    expect(twins).toEqual([]);
  });

  it('lists every day a repeated paper trended on', () => {
    const repeated = entries.map(frontmatter).filter((paper) => paper.digests.length > 1);
    expect(repeated.map((paper) => paper.arxiv).sort()).toEqual([
      '2406.04391',
      '2407.03418',
      '2408.14340',
      '2410.05254',
      '2608.12313',
      '2608.13558',
    ]);
    for (const paper of repeated) {
      const sources = paper.digests.map((d: { source: string }) => d.source);
      expect(new Set(sources).size).toBe(sources.length);
      // Oldest first (a yearless date, as the pasted seed has, before any dated one).
      const keys = paper.digests.map((d: { date?: string; source: string }) => digestKey(d));
      expect([...keys].sort()).toEqual(keys);
    }
  });

  it('changes nothing when run again', () => {
    const before = fingerprint(dir);
    const again = ingest(dir, ['--force']);
    expect(again.stdout).toMatch(/0 written, 0 removed/);
    expect(fingerprint(dir)).toEqual(before);
  }, 60_000);

  it('refuses the real malformed exports by name, and writes nothing', () => {
    const before = fingerprint(dir);
    const malformed = filesIn(join(FIXTURES, 'hf-daily-papers', 'malformed'));
    const refused = ingest(dir, malformed);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/2024-12-11\.json:\$\[0\]: expected a daily-papers entry/);
    expect(refused.stderr).toMatch(/2025-01-10\.json:\$: expected a JSON array/);
    expect(fingerprint(dir)).toEqual(before);
  }, 60_000);
});
