import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { paperSchema, topicSchema } from './schemas.ts';

/** The content folder; `ABSTRACTA_CONTENT` builds another one (tests and benchmarks use it). */
const CONTENT = process.env.ABSTRACTA_CONTENT || './content';

/** One MDX entry per paper, written by `npm run ingest`. */
const papers = defineCollection({
  loader: glob({ pattern: '*.mdx', base: `${CONTENT}/papers` }),
  schema: paperSchema,
});

/** The user's taxonomy. */
const topics = defineCollection({
  loader: file(`${CONTENT}/topics.yaml`),
  schema: topicSchema,
});

export const collections = { papers, topics };
