/** A worker thread of `prefillPaperWork`: the per-paper work of its share of the papers, sent back in batches. */
import { parentPort, workerData } from 'node:worker_threads';
import type { Topic } from '../../src/schemas.ts';
import { compileTerms } from '../analysis/assign-topics.ts';
import type { Document } from '../analysis/vectors.ts';
import { paperWork } from './paper-work.ts';

const { papers, topics, batch } = workerData as { papers: Document[]; topics: Topic[]; batch: number };
const compiled = topics.map(compileTerms);
for (let start = 0; start < papers.length; start += batch)
  parentPort!.postMessage(papers.slice(start, start + batch).map((paper) => paperWork(paper, compiled)));
