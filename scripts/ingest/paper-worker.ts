/** A worker thread of `prefillPaperWork`: the per-paper work of its share of the papers, sent back whole. */
import { parentPort, workerData } from 'node:worker_threads';
import type { Topic } from '../../src/schemas.ts';
import { compileTerms } from '../analysis/assign-topics.ts';
import type { Document } from '../analysis/vectors.ts';
import { paperWork } from './paper-work.ts';

const { papers, topics } = workerData as { papers: Document[]; topics: Topic[] };
const compiled = topics.map(compileTerms);
parentPort!.postMessage(papers.map((paper) => paperWork(paper, compiled)));
