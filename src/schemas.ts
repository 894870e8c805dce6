/**
 * The single source of truth for Abstracta's data: the frontmatter of every paper entry and the
 * entries of `content/topics.yaml`. `src/content.config.ts` validates content with these schemas and
 * the ingest scripts build and check their output with them; every type comes from `z.infer`.
 */
import { z } from 'astro/zod';

/** A slug or topic id: lowercase words joined by single hyphens, never a path. */
export const SLUG_PATTERN = /^[\p{Ll}\p{Lm}\p{Lo}\p{M}\p{N}_]+(?:-[\p{Ll}\p{Lm}\p{Lo}\p{M}\p{N}_]+)*$/u;

/** A digest date: `YYYY-MM-DD` when the year is known, `MM-DD` when it is not (years are never invented). */
export const DIGEST_DATE_PATTERN = /^(?:\d{4}-)?(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/;

export const slugSchema = z.string().min(1).max(100).regex(SLUG_PATTERN, 'must be a lowercase slug');

/** What a link points at, so the paper page can label it. */
export const linkKindSchema = z.enum(['code', 'data', 'project', 'arxiv', 'pdf', 'doi']);

/** An arXiv identifier without version: new style `2401.01234`, or old style `hep-th/9901001`. */
export const ARXIV_ID_PATTERN = /^(?:\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?\/\d{7})$/;

export const linkSchema = z.object({
  /** The absolute http(s) URL, as cleaned from the abstract. */
  url: z.url({ protocol: /^https?$/ }),
  /**
   * `code` for GitHub/GitLab-like hosts, `data` for dataset hosts, `project` for anything else found in
   * an abstract; `arxiv`, `pdf` and `doi` for the paper itself, from sources that know them.
   */
  kind: linkKindSchema,
});

export const digestRefSchema = z.object({
  /** File name of the digest under `content/digests/`. */
  source: z.string().min(1),
  /** Date of the digest (`YYYY-MM-DD` or `MM-DD`); absent when the digest names no date. */
  date: z.string().regex(DIGEST_DATE_PATTERN).optional(),
  /** 1-based position of the paper in that digest. */
  rank: z.number().int().positive(),
});

/** Keywords kept per paper: every one a source gives (Hugging Face lists up to 24), within reason. */
export const MAX_KEYWORDS = 40;
/** Keywords a paper page shows as links; the rest are searchable but not shown. */
export const SHOWN_KEYWORDS = 8;

export const paperSchema = z.object({
  /** The paper's title, exactly as the digest gives it (after cleanup). */
  title: z.string().min(1),
  /** URL segment of the paper page; stable across runs for the same paper. */
  slug: slugSchema,
  /** Every digest the paper appeared in, oldest first. */
  digests: z.array(digestRefSchema).min(1),
  /** Topic ids from `content/topics.yaml`, primary first (1 to 3). */
  topics: z.array(slugSchema).min(1).max(3),
  /** When true, ingest keeps `topics` as edited by hand instead of recomputing them. Default false. */
  topicsPinned: z.boolean().optional(),
  /** Key phrases in their surface form, most characteristic first: all a source curated (the page shows the first 8, search finds all). */
  keywords: z.array(z.string().min(1)).max(MAX_KEYWORDS),
  /** Authors in order, when the source names them (text digests do not). */
  authors: z.array(z.string().min(1)).optional(),
  /** The arXiv identifier (no version), when known: the paper's identity across sources. */
  arxiv: z.string().regex(ARXIV_ID_PATTERN).optional(),
  /** arXiv categories, primary first, when known. */
  categories: z.array(z.string().min(1)).optional(),
  /** Upvotes on Hugging Face daily papers, when the source gives them (the highest seen). */
  upvotes: z.number().int().nonnegative().optional(),
  /** Year of publication, when a source gives only the year (BibTeX). */
  year: z.number().int().min(1000).max(9999).optional(),
  /** Date of first publication (`YYYY-MM-DD`), when the source gives it. */
  published: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  /** Slugs of the most related papers, best first; never the paper itself. */
  related: z.array(slugSchema).max(10),
  /** Every URL found in the abstract, in order of appearance. */
  links: z.array(linkSchema),
  /** The abstract's first sentence, for lists and meta descriptions. */
  summary: z.string(),
  /** Word count of the abstract. */
  words: z.number().int().nonnegative(),
});

/** A topic's signal term: a word or phrase, optionally weighted (default weight 1). */
export const topicTermSchema = z.union([
  z.string().min(1),
  z.strictObject({ term: z.string().min(1), weight: z.number().positive().max(10) }),
]);

export const topicSchema = z.strictObject({
  /** URL segment and reference key of the topic. */
  id: slugSchema,
  /** Display name. */
  title: z.string().min(1),
  /** One or two sentences shown on the topic page and in topic cards. */
  description: z.string().min(1),
  /** Words and phrases that signal the topic in a title or abstract. */
  terms: z.array(topicTermSchema).min(1),
  /** Id of the parent topic, for one level of nesting. */
  parent: slugSchema.optional(),
});

export const topicsFileSchema = z.array(topicSchema).min(1);

/** A paper's place on the corpus map (`content/papers/_map.json`, written by ingest). */
export const mapPointSchema = z.object({
  /** The paper's slug. */
  id: slugSchema,
  /** Horizontal position in the unit square (first principal component of the LSA space). */
  x: z.number().min(0).max(1),
  /** Vertical position in the unit square (second principal component). */
  y: z.number().min(0).max(1),
});

export type Link = z.infer<typeof linkSchema>;
export type LinkKind = z.infer<typeof linkKindSchema>;
export type DigestRef = z.infer<typeof digestRefSchema>;
export type Paper = z.infer<typeof paperSchema>;
export type Topic = z.infer<typeof topicSchema>;
export type TopicTerm = z.infer<typeof topicTermSchema>;
export type MapPoint = z.infer<typeof mapPointSchema>;
