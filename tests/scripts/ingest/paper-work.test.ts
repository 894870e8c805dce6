import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileTerms } from '../../../scripts/analysis/assign-topics.ts';
import { FEATURES, MDX, paperWork, prefillPaperWork, taxonomyKeyOf, TOPIC_SCORES, workKeys } from '../../../scripts/ingest/paper-work.ts';
import { parseTopicsFile } from '../../../scripts/ingest/topics-file.ts';
import { syntheticPapers } from '../../../scripts/harness/synthetic.ts';
import { Memo } from '../../../scripts/shared/memo.ts';
import { ROOT } from '../../helpers/paths.ts';

const dir = mkdtempSync(join(tmpdir(), 'abstracta-paper-work-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const topics = parseTopicsFile(readFileSync(join(ROOT, 'content/topics.yaml'), 'utf8'), 'topics.yaml');

describe('prefillPaperWork', () => {
  it('does every paper the memo lacks on worker threads, with the same results as doing it here', async () => {
    const papers = syntheticPapers(450, 5);
    const memo = Memo.open(dir, 'test');
    // Two cores, as on the machines this runs on (the test does not depend on how many this one has).
    expect(await prefillPaperWork(papers, topics, memo, 2)).toBe(450);
    const compiled = topics.map(compileTerms);
    const taxonomyKey = taxonomyKeyOf(topics);
    for (const paper of papers.filter((_, i) => i % 37 === 0)) {
      const keys = workKeys(paper, taxonomyKey);
      const here = paperWork(paper, compiled);
      expect(memo.peek(MDX, keys.mdx)).toEqual(here.mdx);
      expect(memo.peek(FEATURES, keys.features)).toEqual(here.features);
      expect(memo.peek(TOPIC_SCORES, keys.scores)).toEqual(here.scores);
    }
    // Once the memo has them, there is nothing left to do.
    expect(await prefillPaperWork(papers, topics, memo, 2)).toBe(0);
  });

  it('leaves a few papers to the pipeline: threads would cost more than they save', async () => {
    expect(await prefillPaperWork(syntheticPapers(20, 6), topics, Memo.open(join(dir, 'few'), 'test'), 2)).toBe(0);
  });
});
