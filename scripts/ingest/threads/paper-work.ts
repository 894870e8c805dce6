/**
 * The part of ingest's work that depends on one paper's text alone: its text features, its topic term
 * scores, and its MDX body (checked, with the HTML and text the page shows). Each is remembered in the
 * memo by a key of exactly its inputs, so a re-run computes it only for new or changed papers.
 *
 * When many papers need it (a first ingest), worker threads do it while the main thread runs the
 * pipeline, and both take batches from one shared counter per kind of work: the pipeline does what no
 * worker has claimed when it first needs a kind, and waits only for the batches in a worker's hands.
 * The kinds are done in the order the pipeline needs them (features for the vectors, scores for the
 * topics, bodies only when the entries are assembled), so the workers' start and everything they do
 * after the features hide behind the main thread's corpus-wide steps instead of being waited for.
 */
import { availableParallelism } from 'node:os';
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { Topic } from '../../../src/schemas.ts';
import { compileTerms, termScores } from '../../analysis/assign-topics.ts';
import { documentFeatures, type Document, type DocumentFeatures } from '../../analysis/vectors.ts';
import { renderAbstract, type RenderedAbstract } from '../../entries/mdx.ts';
import { readableMath } from '../../entries/math.ts';
import { countWords, firstSentence } from '../../entries/text.ts';
import { memoKey, type Memo } from '../../shared/memo.ts';

/** Memo spaces of the per-paper work. */
export const MDX = 'mdx';
export const FEATURES = 'features';
export const TOPIC_SCORES = 'topic-scores';

/** The kinds of per-paper work, in the order the pipeline first needs them. */
export const WORK_KINDS = [FEATURES, TOPIC_SCORES, MDX] as const;
type WorkKind = (typeof WORK_KINDS)[number];

/** The key of a taxonomy's terms, part of every topic score's key. */
export const taxonomyKeyOf = (topics: readonly Topic[]) => memoKey(JSON.stringify(topics));

/** The memo keys of one paper's work. */
export function workKeys(paper: Document, taxonomyKey: string): Record<WorkKind, string> {
  const text = memoKey(paper.title, paper.abstract);
  return { [MDX]: memoKey(paper.abstract), [FEATURES]: text, [TOPIC_SCORES]: memoKey(taxonomyKey, text) };
}

/** A paper's text features, its TeX read as words (`\mathcal{O}` gives no `mathcal` keyword). */
export function featuresOf(paper: Document): DocumentFeatures {
  return documentFeatures({ ...paper, abstract: readableMath(paper.abstract) });
}

/** What an entry shows of its abstract: the checked body (see `renderAbstract`), its first sentence and its length. */
export interface AbstractWork extends RenderedAbstract {
  summary: string;
  words: number;
}

/**
 * The work on an abstract alone. The measures go with the body because they are per-paper work too:
 * counting words by ICU's segmenter took 0.19 s of every daily update of the real corpus, for every
 * paper, before they were remembered.
 */
export function abstractWork(abstract: string): AbstractWork {
  return { ...renderAbstract(abstract), summary: firstSentence(abstract), words: countWords(abstract) };
}

/** Each kind of a paper's work, with a taxonomy's terms compiled once. */
export function workOf(topics: readonly Topic[]): Record<WorkKind, (paper: Document) => unknown> {
  const compiled = topics.map(compileTerms);
  return {
    [FEATURES]: featuresOf,
    [TOPIC_SCORES]: (paper) => termScores(paper, compiled),
    [MDX]: (paper) => abstractWork(paper.abstract),
  };
}

/** What a worker is handed. */
export interface WorkerData {
  papers: Document[];
  topics: readonly Topic[];
  batch: number;
  /** Per kind of work, two slots: the next batch to claim, and the batches finished (by any thread). */
  state: Int32Array;
  port: MessagePort;
}

/** One batch of one kind of work, results in the order of its papers (`null`: it threw). */
export interface WorkBatch {
  kind: number;
  batch: number;
  results: unknown[];
}

/**
 * Claims batches of work kind `kind` from `state` until none is left, doing each with `run`, and
 * counts each as finished after `run` returns (a worker has posted it by then, so a thread that sees
 * the count finds the message on the port).
 */
export function claimBatches(state: Int32Array, kind: number, batches: number, run: (batch: number) => void): void {
  for (let batch = Atomics.add(state, 2 * kind, 1); batch < batches; batch = Atomics.add(state, 2 * kind, 1)) {
    run(batch);
    Atomics.add(state, 2 * kind + 1, 1);
    Atomics.notify(state, 2 * kind + 1);
  }
}

/** Kind `kind` of the work of the papers of batch `batch`; `null` for a paper whose work threw. */
export function runBatch(
  work: ReturnType<typeof workOf>,
  kind: WorkKind,
  papers: readonly Document[],
  batch: number,
  size: number,
): unknown[] {
  return papers.slice(batch * size, (batch + 1) * size).map((paper) => {
    try {
      return work[kind](paper);
    } catch {
      return null;
    }
  });
}

/** Below this many papers to do, a worker costs more than it saves. */
const MIN_PARALLEL = 200;
/** Papers in a batch: small enough that no thread is left waiting long for another's last one. */
const BATCH = 64;
/** A worker that finishes no batch for this long is given up on; the pipeline does what it left. */
const STALL_MS = 60_000;

/**
 * Starts the per-paper work of every paper the memo lacks a body for (new or changed papers) on
 * worker threads, and returns at once with how many papers that is. Each kind of work reaches the
 * memo the first time the pipeline reads it. Should a worker fail or stall, what it did not deliver is
 * missing from the memo and the pipeline computes it itself: threads change how fast a result comes,
 * never the result.
 */
export function startPaperWork(
  papers: readonly Document[],
  topics: readonly Topic[],
  memo: Memo,
  cores = availableParallelism(),
  // The workers' module (tests give one that fails).
  workerModule = new URL('./paper-worker.ts', import.meta.url),
): number {
  if (!memo.remembers) return 0;
  const taxonomyKey = taxonomyKeyOf(topics);
  // Papers whose body the memo lacks are new or changed: they need all the work. (Looking up the
  // other spaces too would mean loading them on every run, though a run that changed nothing needs
  // neither; the pipeline computes whatever else is missing itself.)
  const keyed = papers.map((paper) => ({ paper, keys: workKeys(paper, taxonomyKey) })).filter(({ keys }) => !memo.peek(MDX, keys[MDX]));
  const todo = keyed.map(({ paper }) => paper);
  const workers = Math.min(cores - 1, Math.floor(todo.length / MIN_PARALLEL));
  if (workers < 1) return 0;
  const shared = todo.map(({ title, abstract }) => ({ title, abstract }));
  const batches = Math.ceil(todo.length / BATCH);
  const state = new Int32Array(new SharedArrayBuffer(2 * WORK_KINDS.length * Int32Array.BYTES_PER_ELEMENT));
  const threads = Array.from({ length: workers }, () => {
    const { port1: results, port2: port } = new MessageChannel();
    const workerData: WorkerData = { papers: shared, topics, batch: BATCH, state, port };
    const worker = new Worker(workerModule, { workerData, transferList: [port] });
    // Nothing waits for a worker's exit: a run that fails before reading its work must not hang on one.
    worker.unref();
    // Nor does a worker that fails end the run: the pipeline computes what it did not deliver.
    worker.on('error', () => {});
    return { worker, results };
  });
  const record = ({ kind, batch, results }: WorkBatch) =>
    results.forEach((result, i) => {
      if (result !== null) memo.set(WORK_KINDS[kind], keyed[batch * BATCH + i].keys[WORK_KINDS[kind]], result);
    });
  const work = workOf(topics);
  let settled = 0;
  WORK_KINDS.forEach((kind, k) =>
    memo.pending(kind, () => {
      claimBatches(state, k, batches, (batch) => record({ kind: k, batch, results: runBatch(work, kind, todo, batch, BATCH) }));
      for (let done = Atomics.load(state, 2 * k + 1); done < batches; done = Atomics.load(state, 2 * k + 1)) {
        if (Atomics.wait(state, 2 * k + 1, done, STALL_MS) === 'timed-out') break;
      }
      for (const { results } of threads) {
        for (let message = receiveMessageOnPort(results); message; message = receiveMessageOnPort(results))
          record(message.message as WorkBatch);
      }
      if (++settled < WORK_KINDS.length) return;
      for (const { worker, results } of threads) {
        results.close();
        void worker.terminate();
      }
    }),
  );
  return todo.length;
}
