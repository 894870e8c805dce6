import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { paperSchema, topicSchema } from './schemas.ts';

/** One MDX entry per paper, written by `npm run ingest`. */
const papers = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './content/papers' }),
  schema: paperSchema,
});

/** The user's taxonomy. */
const topics = defineCollection({
  loader: file('./content/topics.yaml'),
  schema: topicSchema,
});

export const collections = { papers, topics };
