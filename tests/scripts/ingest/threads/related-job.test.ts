import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { relatedPapers, type RelatedInput } from '../../../../scripts/analysis/related.ts';
import { buildCorpus } from '../../../../scripts/analysis/vectors.ts';
import { syntheticPapers } from '../../../../scripts/harness/synthetic.ts';
import { startRelated } from '../../../../scripts/ingest/threads/related-job.ts';

const docs = syntheticPapers(600, 5);
const corpus = buildCorpus(docs);
const topics = ['a', 'b', 'c'];
const input: RelatedInput[] = docs.map((_, i) => ({
  vector: corpus.vectors[i],
  topics: [topics[i % 3], ...(i % 4 === 0 ? [topics[(i + 1) % 3]] : [])],
  // Some duplicates: a paper never relates to another with its identity.
  identity: String(i % 590),
}));
const expected = relatedPapers(input);

describe('startRelated', () => {
  const dir = mkdtempSync(join(tmpdir(), 'abstracta-related-job-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gives on another thread exactly the lists relatedPapers gives', () => {
    const job = startRelated(input, { cores: 2, minPapers: 0 });
    expect(job.lists()).toEqual(expected);
    expect(job.onThread).toBe(true);
    // Asked again, the same lists, with no second wait.
    expect(job.lists()).toBe(job.lists());
  });

  it('computes them itself with one core or few papers', () => {
    for (const options of [
      { cores: 1, minPapers: 0 },
      { cores: 2, minPapers: 601 },
    ]) {
      const job = startRelated(input, options);
      expect(job.lists()).toEqual(expected);
      expect(job.onThread).toBe(false);
    }
  });

  it('computes them itself when the thread stops making progress or fails', () => {
    const stalls = join(dir, 'stalls.mjs');
    writeFileSync(stalls, 'setInterval(() => {}, 1000);\n');
    const fails = join(dir, 'fails.mjs');
    writeFileSync(fails, "throw new Error('no');\n");
    for (const file of [stalls, fails]) {
      const job = startRelated(input, { cores: 2, minPapers: 0, stallMs: 300, worker: pathToFileURL(file) });
      expect(job.lists()).toEqual(expected);
      expect(job.onThread).toBe(false);
    }
  });
});
