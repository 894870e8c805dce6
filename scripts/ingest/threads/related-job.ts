/**
 * Every paper's related list computed afresh (a first ingest, a new taxonomy, a large change) on a
 * thread of its own, while the pipeline's main thread works out the keywords and the map. On a first
 * ingest this was the largest step left on the main thread after the per-paper work moved to workers
 * (see `paper-work.ts`), and the other core was idle by then.
 *
 * The thread gets the papers' vectors packed into a few typed arrays (`packVectors`), not the Maps
 * the pipeline holds. It reports progress through shared memory as it goes: should it fail or stall,
 * the main thread computes the lists itself, so the thread changes how fast the lists come, never
 * what they are (the same function on the same input, on either thread).
 */
import { availableParallelism } from 'node:os';
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { packVectors, relatedFromPacked, type PackedVectors, type RelatedInput, type RelatedMeta } from '../../analysis/related.ts';

/** What the thread is handed. */
export interface RelatedJobData {
  packed: PackedVectors;
  papers: RelatedMeta[];
  /** Shared slots: {@link DONE} and {@link PROGRESS}. */
  state: Int32Array;
  port: MessagePort;
}

/** Slot of `state`: 0 while working, {@link FINISHED} once the lists are on the port, {@link FAILED}. */
export const DONE = 0;
/** Slot of `state`: papers done so far, plus one (so a thread that has done the first one has moved it). */
export const PROGRESS = 1;
export const FINISHED = 1;
export const FAILED = 2;

export interface RelatedJobOptions {
  /** Cores to count on (default: what Node reports); with one, there is no thread. */
  cores?: number;
  /** Below this many papers the lists are computed on the main thread: a thread's start costs more. */
  minPapers?: number;
  /** A thread that reports no progress for this long is given up on. */
  stallMs?: number;
  /** The thread's module (tests give one that fails). */
  worker?: URL;
}

/** The lists when asked for, and whether a thread made them (known once they are asked for). */
export interface RelatedJob {
  lists(): number[][];
  readonly onThread: boolean;
}

/**
 * Starts computing the related lists of `papers` (as `relatedPapers` does) on another thread and
 * returns at once; `lists()` waits for them.
 */
export function startRelated(
  papers: readonly RelatedInput[],
  {
    cores = availableParallelism(),
    minPapers = 1000,
    stallMs = 60_000,
    worker: url = new URL('./related-worker.ts', import.meta.url),
  }: RelatedJobOptions = {},
): RelatedJob {
  const packed = packVectors(papers.map((paper) => paper.vector));
  const meta = papers.map(({ topics, identity }) => ({ topics, identity }));
  const here = (): number[][] => relatedFromPacked(packed, meta);
  if (cores < 2 || papers.length < minPapers) return { lists: here, onThread: false };
  const state = new Int32Array(new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT));
  const { port1: results, port2: port } = new MessageChannel();
  const data: RelatedJobData = { packed, papers: meta, state, port };
  const thread = new Worker(url, { workerData: data, transferList: [port] });
  // Nothing waits for the thread's exit: a run that fails before asking for the lists must not hang on it.
  thread.unref();
  // A thread that fails is not an error of the run: the lists are then computed here.
  thread.on('error', () => {});
  let onThread = false;
  let lists: number[][] | undefined;
  return {
    get onThread() {
      return onThread;
    },
    lists: () => {
      if (lists) return lists;
      // Waits in slices, giving up only when the thread has stopped making progress.
      for (let seen = -1; Atomics.load(state, DONE) === 0;) {
        const progress = Atomics.load(state, PROGRESS);
        if (progress === seen) break;
        seen = progress;
        Atomics.wait(state, DONE, 0, stallMs);
      }
      const message = Atomics.load(state, DONE) === FINISHED ? receiveMessageOnPort(results) : undefined;
      results.close();
      void thread.terminate();
      onThread = message !== undefined;
      lists = message ? (message.message as number[][]) : here();
      return lists;
    },
  };
}
