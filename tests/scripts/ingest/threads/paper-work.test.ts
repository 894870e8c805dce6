import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import {
  abstractWork,
  FEATURES,
  MDX,
  runBatch,
  startPaperWork,
  taxonomyKeyOf,
  TOPIC_SCORES,
  WORK_KINDS,
  workKeys,
  workOf,
} from '../../../../scripts/ingest/threads/paper-work.ts';
import { parseTopicsFile } from '../../../../scripts/ingest/topics-file.ts';
import { syntheticPapers } from '../../../../scripts/harness/synthetic.ts';
import { Memo } from '../../../../scripts/shared/memo.ts';
import { ROOT } from '../../../helpers/paths.ts';

const dir = mkdtempSync(join(tmpdir(), 'abstracta-paper-work-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const topics = parseTopicsFile(readFileSync(join(ROOT, 'content/topics.yaml'), 'utf8'), 'topics.yaml');
const taxonomyKey = taxonomyKeyOf(topics);
const work = workOf(topics);

/** Waits until the worker threads have had time to start and claim work (they start in about 0.3 s). */
const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));

describe('startPaperWork', () => {
  it('shares every paper the memo lacks with a worker thread, with the same results as doing it here', async () => {
    const papers = syntheticPapers(450, 5);
    const memo = Memo.open(dir, 'test');
    // Two cores, as on the machines this runs on (the test does not depend on how many this one has).
    expect(startPaperWork(papers, topics, memo, 2)).toBe(450);
    // Read once the worker has had time to do all of it: what is checked here is mostly its work.
    await pause(3000);
    for (const kind of WORK_KINDS) {
      for (const paper of papers.filter((_, i) => i % 37 === 0)) {
        expect(memo.peek(kind, workKeys(paper, taxonomyKey)[kind])).toEqual(work[kind](paper));
      }
    }
    expect(Object.values(memo.stats).map(({ computed }) => computed)).toEqual([450, 450, 450]);
    // Once the memo has them, there is nothing left to do.
    expect(startPaperWork(papers, topics, memo, 2)).toBe(0);
  });

  it('does here what no worker has claimed when the pipeline asks first, and waits for the rest', () => {
    const papers = syntheticPapers(600, 7);
    const memo = Memo.open(join(dir, 'eager'), 'test');
    expect(startPaperWork(papers, topics, memo, 2)).toBe(600);
    // Read at once, before a worker has even started: every kind, every paper, is in the memo.
    for (const paper of papers) {
      const keys = workKeys(paper, taxonomyKey);
      expect(memo.peek(FEATURES, keys[FEATURES])).toBeDefined();
      expect(memo.peek(TOPIC_SCORES, keys[TOPIC_SCORES])).toBeDefined();
      expect(memo.peek(MDX, keys[MDX])).toEqual(abstractWork(paper.abstract));
    }
  });

  it('does everything here when a worker fails, without the failure ending the run', async () => {
    const failing = join(dir, 'failing-worker.mjs');
    writeFileSync(failing, "throw new Error('worker failed to start');\n");
    const papers = syntheticPapers(450, 9);
    const memo = Memo.open(join(dir, 'failing'), 'test');
    expect(startPaperWork(papers, topics, memo, 2, pathToFileURL(failing))).toBe(450);
    // The worker's failure arrives as an event meanwhile; unhandled, it would end the process.
    await pause(1000);
    for (const paper of papers.filter((_, i) => i % 37 === 0))
      expect(memo.peek(MDX, workKeys(paper, taxonomyKey)[MDX])).toEqual(abstractWork(paper.abstract));
  });

  it('leaves a few papers to the pipeline: a thread would cost more than it saves', () => {
    expect(startPaperWork(syntheticPapers(20, 6), topics, Memo.open(join(dir, 'few'), 'test'), 2)).toBe(0);
    expect(startPaperWork(syntheticPapers(450, 6), topics, Memo.open(join(dir, 'one-core'), 'test'), 1)).toBe(0);
  });

  it('sends a paper whose work throws as null, for the pipeline to do again and report', () => {
    const papers = syntheticPapers(3, 8);
    const failing = {
      ...work,
      [MDX]: (paper: { title: string }) =>
        paper === papers[1]
          ? (() => {
              throw new Error('unsafe');
            })()
          : 'ok',
    };
    expect(runBatch(failing, MDX, papers, 0, 2)).toEqual(['ok', null]);
    expect(runBatch(failing, MDX, papers, 1, 2)).toEqual(['ok']);
  });
});
