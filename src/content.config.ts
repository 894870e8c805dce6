import { defineCollection } from 'astro:content';
import { file } from 'astro/loaders';
import { paperLoader } from './lib/paper-loader.ts';
import { mapPointSchema, paperSchema, topicSchema } from './schemas.ts';

/** The content folder; `ABSTRACTA_CONTENT` builds another one (tests and benchmarks use it). */
const CONTENT = process.env.ABSTRACTA_CONTENT || './content';

/** One MDX entry per paper, written by `npm run ingest`; see `paperLoader` for how bodies render. */
const papers = defineCollection({
  loader: paperLoader(`${CONTENT}/papers`),
  schema: paperSchema,
});

/** The user's taxonomy. */
const topics = defineCollection({
  loader: file(`${CONTENT}/topics.yaml`),
  schema: topicSchema,
});

/** Where each paper sits on the corpus map, written by ingest beside the entries. */
const map = defineCollection({
  loader: file(`${CONTENT}/papers/_map.json`),
  schema: mapPointSchema,
});

export const collections = { papers, topics, map };
