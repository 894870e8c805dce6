/**
 * The search index `npm run build` makes from the content (`scripts/search/records.ts`, while Astro
 * renders) against the one Pagefind makes from the built pages (a plain `astro build`): every page's
 * fragment (its text, the weight of each word, its meta and filters), the filter counts and what a
 * search finds must be the same, at the root and under a sub-path.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTopicsFile } from '../../scripts/ingest/topics-file.ts';
import { placeBundle, searchBundle } from '../../scripts/search/bundle.ts';
import { contentRecords } from '../../scripts/search/records.ts';
import { loadPagefind } from '../../scripts/harness/pagefind.ts';
import { ROOT, TEST_DIST, TEST_DIST_SUB } from '../helpers/paths.ts';

const work = mkdtempSync(join(tmpdir(), 'abstracta-records-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Every fragment of the bundle in `dir`, by page URL. */
function fragments(dir: string): Map<string, unknown> {
  const folder = join(dir, 'pagefind', 'fragment');
  return new Map(
    readdirSync(folder).map((name) => {
      const fragment = JSON.parse(
        gunzipSync(readFileSync(join(folder, name)))
          .toString('utf8')
          .replace(/^pagefind_dcd/, ''),
      ) as { url: string };
      return [fragment.url, fragment];
    }),
  );
}

describe('the search index from content records', () => {
  let records: ReturnType<typeof contentRecords>;
  beforeAll(async () => {
    const topics = parseTopicsFile(readFileSync(join(ROOT, 'content/topics.yaml'), 'utf8'), 'topics.yaml');
    records = contentRecords(join(ROOT, 'content/papers'), topics);
    placeBundle((await searchBundle(records)).files, join(work, 'pagefind'));
  });

  it('holds every page the built site gives Pagefind, with the same fragment', () => {
    const fromRecords = fragments(work);
    expect(fromRecords.size).toBe(records.length);
    for (const built of [TEST_DIST, TEST_DIST_SUB]) expect(fromRecords).toEqual(fragments(built));
  });

  it('gives the same filters and finds the same pages', async () => {
    const [mine, theirs] = await Promise.all([loadPagefind(work), loadPagefind(TEST_DIST)]);
    expect(await mine.api.filters()).toEqual(await theirs.api.filters());
    // Scores carry the weights (title 10, keywords 5): each page must score the same in both.
    for (const query of [
      'diffusion',
      'reward model',
      'recommendation',
      'influence functions',
      'causal',
      'Recommender systems',
      'LLM agents',
    ]) {
      const scored = async ({ api }: typeof mine) => {
        const { results } = await api.search(query);
        const pages = await Promise.all(
          results.map(async (result) => `${(await result.data()).url} ${(result as unknown as { score: number }).score.toFixed(4)}`),
        );
        return pages.sort();
      };
      expect(await scored(mine), query).toEqual(await scored(theirs));
    }
  });
});
