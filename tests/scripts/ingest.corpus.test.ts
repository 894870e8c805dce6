/**
 * Many digests in several formats into one content folder: the seed, every 2024 Hugging Face day and
 * the arXiv Atom responses (all real, copied into tests/fixtures/). One entry per distinct paper,
 * every date a repeated paper trended on, a second run that changes nothing, and the real malformed
 * exports refused by name.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { filesIn } from '../../scripts/ingest/inputs.ts';
import { copyContent, fingerprint, ingest } from '../helpers/content.ts';
import { FIXTURES } from '../helpers/paths.ts';

// Every real day kept as a fixture: 2024 (142 days) and 2026 (38 days, where two papers trend twice).
const HF_2024 = [...filesIn(join(FIXTURES, 'hf-daily-papers', '2024')), ...filesIn(join(FIXTURES, 'hf-daily-papers', '2026'))];
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

describe('the seed, 180 Hugging Face days and the Atom responses together', () => {
  const first = ingest(dir, [...HF_2024, ...ATOM]);
  const entries = readdirSync(join(dir, 'papers')).filter((name) => name.endsWith('.mdx'));
  const frontmatter = (name: string) =>
    parse(
      readFileSync(join(dir, 'papers', name), 'utf8')
        .split('\n---\n')[0]
        .slice(4),
    );

  it('makes one entry per distinct paper', () => {
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(entries.length).toBe(83 + distinctIds().size);
  });

  it('lists every day a repeated paper trended on', () => {
    const repeated = entries.map(frontmatter).filter((paper) => paper.digests.length > 1);
    expect(repeated.map((paper) => paper.arxiv).sort()).toEqual(['2608.12313', '2608.13558']);
    for (const paper of repeated) {
      const sources = paper.digests.map((d: { source: string }) => d.source);
      expect(new Set(sources).size).toBe(sources.length);
      // Oldest first.
      expect([...sources].sort()).toEqual(sources);
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
