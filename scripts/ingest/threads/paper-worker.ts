/**
 * A worker thread of `startPaperWork`: for each kind of per-paper work in turn, claims batches of
 * papers from a counter shared with every other thread, does them, and posts each batch back on its
 * port. A paper whose work throws (an MDX body that fails its check) is sent as `null`: the main
 * thread's pipeline does it again and reports the failure there, as it does for any paper.
 */
import { workerData } from 'node:worker_threads';
import { claimBatches, runBatch, WORK_KINDS, workOf, type WorkBatch, type WorkerData } from './paper-work.ts';

const { papers, topics, batch: size, state, port } = workerData as WorkerData;
const work = workOf(topics);
WORK_KINDS.forEach((kind, k) =>
  claimBatches(state, k, Math.ceil(papers.length / size), (batch) =>
    port.postMessage({ kind: k, batch, results: runBatch(work, kind, papers, batch, size) } satisfies WorkBatch),
  ),
);
