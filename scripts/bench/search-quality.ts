/**
 * How well search finds a paper from what a reader types, on the real corpus built with `npm run
 * build`: query sets made from the papers themselves (seeded, so each run asks the same), run through
 * Pagefind alone, through the site's own search box (Pagefind, then `forgive` when nothing is found,
 * with the vocabulary file the site serves), and through a plain BM25 index of the same titles and
 * abstracts (MiniSearch, no fuzzy or prefix matching). Recall@10 (the paper is in the first ten) and
 * MRR@10 (1 / its rank there).
 */
import { distance } from 'fastest-levenshtein';
import MiniSearch from 'minisearch';
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { forgive } from '../../src/lib/forgiving-search.ts';
import { nameParts } from '../../src/lib/search-words.ts';
import { SHOWN_KEYWORDS } from '../../src/schemas.ts';
import { random } from '../analysis/math/random.ts';
import { loadPagefind } from '../harness/pagefind.ts';
import { searchEntry } from '../search/records.ts';
import { discard } from './scratch.ts';
import { buildRealSite } from './site.ts';

/** Queries per set. */
const PER_SET = 150;

interface Paper {
  slug: string;
  title: string;
  keywords: string[];
  abstract: string;
}

interface Query {
  text: string;
  slug: string;
}

interface Scores {
  recall: number;
  mrr: number;
}

export interface SearchQualityResult {
  papers: number;
  sets: { name: string; queries: number; pagefind: Scores; site: Scores; bm25: Scores; pagefindEmpty: number; siteEmpty: number }[];
  vocabulary: { bytes: number; gzipBytes: number; words: number };
}

/** The papers of a built content folder: slug, title, every keyword and the abstract's text, read as the search index reads them. */
function readPapers(papersDir: string): Paper[] {
  return readdirSync(papersDir)
    .filter((name) => name.endsWith('.mdx'))
    .sort()
    .map((name) => {
      const { paper, text } = searchEntry(readFileSync(join(papersDir, name), 'utf8'));
      return { slug: paper.slug, title: paper.title, keywords: paper.keywords, abstract: text };
    });
}

const wordsOf = (text: string) => text.toLowerCase().match(/\p{L}[\p{L}\p{N}]*/gu) ?? [];

/** The query sets, each from papers picked with a seeded generator. */
export function querySets(papers: readonly Paper[], seed = 7): { name: string; queries: Query[] }[] {
  const next = random(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)];
  const sample = (filter: (paper: Paper) => boolean) => {
    const pool = papers.filter(filter);
    const chosen = new Set<Paper>();
    while (chosen.size < Math.min(PER_SET, pool.length)) chosen.add(pick(pool));
    return [...chosen];
  };
  // Document frequency of words over titles and abstracts: "rare" title words are the telling ones.
  const df = new Map<string, number>();
  for (const paper of papers)
    for (const word of new Set(wordsOf(`${paper.title} ${paper.abstract}`))) df.set(word, (df.get(word) ?? 0) + 1);
  const rareTitleWords = (paper: Paper) =>
    [...new Set(wordsOf(paper.title))]
      .filter((word) => word.length >= 5)
      .sort((a, b) => df.get(a)! - df.get(b)! || (a < b ? -1 : 1))
      .slice(0, 3);
  const swap = (word: string) => {
    const at = 1 + Math.floor(next() * (word.length - 2));
    return word.slice(0, at - 1) + word[at] + word[at - 1] + word.slice(at + 1);
  };
  const titled = sample((paper) => rareTitleWords(paper).length === 3);
  const parts = (paper: Paper) => nameParts(paper.title).filter((part) => part.length >= 4 && /\p{L}{4}/u.test(part));
  return [
    {
      name: 'two of its keywords',
      queries: sample((paper) => paper.keywords.length >= 2).map((paper) => {
        const first = pick(paper.keywords);
        const second = pick(paper.keywords.filter((k) => k !== first));
        return { text: `${first} ${second}`, slug: paper.slug };
      }),
    },
    {
      name: 'three rare words of its title',
      queries: titled.map((paper) => ({ text: rareTitleWords(paper).join(' '), slug: paper.slug })),
    },
    {
      name: 'the same words, one with two letters swapped',
      queries: titled.map((paper) => {
        const words = rareTitleWords(paper);
        const at = Math.floor(next() * words.length);
        return { text: words.map((word, i) => (i === at ? swap(word) : word)).join(' '), slug: paper.slug };
      }),
    },
    {
      name: 'a part of a name in its title (FinLLMs → llms)',
      queries: sample((paper) => parts(paper).length > 0).map((paper) => ({ text: pick(parts(paper)).toLowerCase(), slug: paper.slug })),
    },
    {
      name: `one of its keywords beyond the ${SHOWN_KEYWORDS} shown`,
      queries: sample((paper) => paper.keywords.length > SHOWN_KEYWORDS).map((paper) => ({
        text: pick(paper.keywords.slice(SHOWN_KEYWORDS)),
        slug: paper.slug,
      })),
    },
  ];
}

const score = (ranked: readonly string[], slug: string): Scores => {
  const rank = ranked.slice(0, 10).indexOf(slug);
  return { recall: rank === -1 ? 0 : 1, mrr: rank === -1 ? 0 : 1 / (rank + 1) };
};
const mean = (scores: readonly Scores[]): Scores => ({
  recall: scores.reduce((sum, s) => sum + s.recall, 0) / scores.length,
  mrr: scores.reduce((sum, s) => sum + s.mrr, 0) / scores.length,
});

export async function runSearchQuality(): Promise<SearchQualityResult> {
  const site = buildRealSite();
  try {
    const papers = readPapers(join(site.dir, 'content', 'papers'));
    const vocabularyText = readFileSync(join(site.dist, 'search-vocabulary.txt'));
    const vocabulary = vocabularyText.toString('utf8').split('\n').filter(Boolean);
    const { api } = await loadPagefind(site.dist);
    const slugOf = (url: string) =>
      url
        .split('?')[0]
        .replace(/^\/papers\//, '')
        .replace(/\/$/, '');
    const pagefind = async (term: string) => {
      const response = await api.search(term);
      return {
        total: response.results.length,
        top: (await Promise.all(response.results.slice(0, 10).map((r) => r.data()))).map((d) => slugOf(d.url)),
      };
    };
    const bm25 = new MiniSearch<Paper & { id: string }>({ fields: ['title', 'abstract'], storeFields: [], idField: 'slug' });
    bm25.addAll(papers.map((paper) => ({ ...paper, id: paper.slug })));

    const sets = [];
    for (const { name, queries } of querySets(papers)) {
      const raw: Scores[] = [];
      const forgiven: Scores[] = [];
      const plain: Scores[] = [];
      let pagefindEmpty = 0;
      let siteEmpty = 0;
      for (const { text, slug } of queries) {
        const found = await pagefind(text);
        raw.push(score(found.top, slug));
        let site = found;
        if (!found.total) {
          pagefindEmpty++;
          const instead = await forgive(text, {
            count: async (term) => (await api.search(term)).results.length,
            vocabulary: async () => vocabulary,
            distance,
          });
          site = instead ? await pagefind(instead.term) : found;
        }
        if (!site.total) siteEmpty++;
        forgiven.push(score(site.top, slug));
        plain.push(
          score(
            bm25.search(text).map((hit) => String(hit.id)),
            slug,
          ),
        );
      }
      sets.push({ name, queries: queries.length, pagefind: mean(raw), site: mean(forgiven), bm25: mean(plain), pagefindEmpty, siteEmpty });
      console.log(
        `bench search quality: ${name}: site ${mean(forgiven).recall.toFixed(2)}, Pagefind ${mean(raw).recall.toFixed(2)}, BM25 ${mean(plain).recall.toFixed(2)}`,
      );
    }
    return {
      papers: papers.length,
      sets,
      vocabulary: { bytes: vocabularyText.length, gzipBytes: gzipSync(vocabularyText).length, words: vocabulary.length },
    };
  } finally {
    discard(site.dir);
  }
}

/** The report's section. */
export function searchQualitySection(result: SearchQualityResult): string {
  const f = (n: number) => n.toFixed(2);
  const rows = result.sets.map(
    (set) =>
      `| ${set.name} | ${set.queries} | **${f(set.site.recall)}** | ${f(set.site.mrr)} | ${f(set.pagefind.recall)} | ${f(set.pagefind.mrr)} | ${f(set.bm25.recall)} | ${f(set.bm25.mrr)} | ${set.pagefindEmpty} → ${set.siteEmpty} |`,
  );
  return `## Search quality: what a reader types

The seed and the Hugging Face fixtures (${result.papers.toLocaleString('en')} papers) built with \`npm run build\`; queries
made from the papers themselves with a seeded generator (\`scripts/bench/search-quality.ts\`), each
looking for the paper it was made from. "Site" is the site's own search box: Pagefind, and when that
finds nothing, the forgiving search (\`src/lib/forgiving-search.ts\`: misspellings corrected against the
vocabulary file, words that match nothing or that keep the others apart dropped). "Pagefind" is the
index alone; "BM25" a plain BM25 index of the same titles and abstracts (MiniSearch, no fuzzy or prefix
matching). Recall@10: the paper is among the first ten; MRR@10: 1 / its rank there. Last column:
queries with no result at all, Pagefind alone → the site. Targets (issue 16): one-typo queries ≥ 0.80
through the site, keyword and title queries at least as good as BM25.

| queries | n | site recall@10 | site MRR@10 | Pagefind recall@10 | Pagefind MRR@10 | BM25 recall@10 | BM25 MRR@10 | empty |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${rows.join('\n')}

The vocabulary the corrections use (words of titles and keywords, most frequent first), fetched only when
a query finds nothing: ${result.vocabulary.words.toLocaleString('en')} words, ${(result.vocabulary.bytes / 1024).toFixed(1)} KB, ${(result.vocabulary.gzipBytes / 1024).toFixed(1)} KB gzipped.
`;
}
