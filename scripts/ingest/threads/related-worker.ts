/**
 * The thread of `startRelated`: computes every related list from the packed vectors, says how far it
 * has got in shared memory as it goes, and posts the lists, then marks them finished (so the main
 * thread, seeing the mark, finds them on the port). A failure is marked too: the main thread then
 * computes the lists itself.
 */
import { workerData } from 'node:worker_threads';
import { relatedFromPacked } from '../../analysis/related.ts';
import { DONE, FAILED, FINISHED, PROGRESS, type RelatedJobData } from './related-job.ts';

const { packed, papers, state, port } = workerData as RelatedJobData;
try {
  const lists = relatedFromPacked(packed, papers, undefined, undefined, (index) => Atomics.store(state, PROGRESS, index + 1));
  port.postMessage(lists);
  Atomics.store(state, DONE, FINISHED);
} catch {
  Atomics.store(state, DONE, FAILED);
}
Atomics.notify(state, DONE);
