/**
 * The part of ingest's work that depends on one paper's text alone: its MDX body (checked, with the
 * HTML and text the page shows), its text features, and its topic term scores. Each is remembered in
 * the memo by a key of exactly its inputs, so a re-run computes it only for new or changed papers; and
 * when many papers need it (a first ingest, a new taxonomy), it is spread over the machine's cores with
 * worker threads before the pipeline asks for it.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Topic } from '../../src/schemas.ts';
import { compileTerms, termScores, type CompiledTerm } from '../analysis/assign-topics.ts';
import { documentFeatures, type Document, type DocumentFeatures } from '../analysis/vectors.ts';
import { renderAbstract, type RenderedAbstract } from '../entries/mdx.ts';
import { readableMath } from '../entries/math.ts';
import { memoKey, type Memo } from '../shared/memo.ts';

/** Memo spaces of the per-paper work. */
export const MDX = 'mdx';
export const FEATURES = 'features';
export const TOPIC_SCORES = 'topic-scores';

/** The key of a taxonomy's terms, part of every topic score's key. */
export const taxonomyKeyOf = (topics: readonly Topic[]) => memoKey(JSON.stringify(topics));

/** The memo keys of one paper's work. */
export function workKeys(paper: Document, taxonomyKey: string): { mdx: string; features: string; scores: string } {
  const text = memoKey(paper.title, paper.abstract);
  return { mdx: memoKey(paper.abstract), features: text, scores: memoKey(taxonomyKey, text) };
}

export interface PaperWork {
  mdx: RenderedAbstract;
  features: DocumentFeatures;
  scores: number[];
}

/** All of one paper's work. */
export function paperWork(paper: Document, compiled: readonly (readonly CompiledTerm[])[]): PaperWork {
  return { mdx: renderAbstract(paper.abstract), features: featuresOf(paper), scores: termScores(paper, compiled) };
}

/** A paper's text features, its TeX read as words (`\mathcal{O}` gives no `mathcal` keyword). */
export function featuresOf(paper: Document): DocumentFeatures {
  return documentFeatures({ ...paper, abstract: readableMath(paper.abstract) });
}

/** Below this many papers to do, threads cost more than they save. */
const MIN_PARALLEL = 200;
/** Papers a worker sends back at once: one message for all of them would need their size twice over. */
const BATCH = 1000;

/**
 * Does the work of every paper the memo lacks, on all cores, and records it in the memo; the pipeline
 * then finds it there. Returns how many papers were done.
 */
export async function prefillPaperWork(
  papers: readonly Document[],
  topics: readonly Topic[],
  memo: Memo,
  cores = availableParallelism(),
): Promise<number> {
  if (!memo.remembers) return 0;
  const taxonomyKey = taxonomyKeyOf(topics);
  // Papers whose body the memo lacks are new or changed: they need all the work. (Looking up the
  // other spaces too would mean loading them on every run, though a run that changed nothing needs
  // neither; the pipeline computes whatever else is missing itself.)
  const todo = papers.filter((paper) => !memo.peek(MDX, workKeys(paper, taxonomyKey).mdx));
  const threads = Math.min(cores, Math.floor(todo.length / (MIN_PARALLEL / 2)));
  if (threads < 2) return 0;
  const record = (paper: Document, work: PaperWork) => {
    const keys = workKeys(paper, taxonomyKey);
    memo.set(MDX, keys.mdx, work.mdx);
    memo.set(FEATURES, keys.features, work.features);
    memo.set(TOPIC_SCORES, keys.scores, work.scores);
  };
  // The main thread takes one share and each worker another, all at once; workers send their results
  // back in batches, recorded as they come.
  const shares = Array.from({ length: threads }, (_, t) => todo.filter((_, i) => i % threads === t));
  const workers = shares.slice(1).map(
    (share) =>
      new Promise<void>((done, fail) => {
        const papersOf = share.map(({ title, abstract }) => ({ title, abstract }));
        const worker = new Worker(new URL('./paper-worker.ts', import.meta.url), {
          workerData: { papers: papersOf, topics, batch: BATCH },
        });
        let received = 0;
        worker.on('message', (batch: PaperWork[]) => {
          batch.forEach((work, i) => record(share[received + i], work));
          received += batch.length;
          if (received === share.length) {
            void worker.terminate();
            done();
          }
        });
        worker.once('error', fail);
      }),
  );
  const compiled = topics.map(compileTerms);
  for (const paper of shares[0]) record(paper, paperWork(paper, compiled));
  await Promise.all(workers);
  return todo.length;
}
