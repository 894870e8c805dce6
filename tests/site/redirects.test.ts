/**
 * One paper, one page, and old URLs keep working. A content folder where one paper had two entries (a
 * pasted copy and a copy from a Hugging Face day, as before papers merged across sources) is ingested
 * again: the two become one entry, the user's notes on the copy that went survive on the one that
 * stays, and the old URL, in a site built under a sub-path, leads to the paper.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load } from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, ingest } from '../helpers/content.ts';
import { FIXTURES, ROOT } from '../helpers/paths.ts';

const work = mkdtempSync(join(tmpdir(), 'abstracta-redirects-'));
const content = join(work, 'content');
const dist = join(work, 'dist');
afterAll(() => rmSync(work, { recursive: true, force: true }));

const SLUG = 'hemm-holistic-evaluation-of-multimodal-foundation-models';
const OLD = `${SLUG}-a1b2c3`;

beforeAll(() => {
  mkdirSync(join(content, 'digests'), { recursive: true });
  cpSync(join(ROOT, 'content/topics.yaml'), join(content, 'topics.yaml'));
  cpSync(join(ROOT, 'content/digests/trending-mar-14.txt'), join(content, 'digests/trending-mar-14.txt'));
  expect(ingest(content).status).toBe(0);
  // The second copy an earlier version made, under a suffixed slug, with the user's notes on it.
  const entry = readFileSync(join(content, 'papers', `${SLUG}.mdx`), 'utf8');
  writeFileSync(join(content, 'papers', `${OLD}.mdx`), `${entry.replace(`slug: ${SLUG}`, `slug: ${OLD}`)}My notes on HEMM.\n`);
  cpSync(join(FIXTURES, 'hf-daily-papers/2024/2024-07-08.json'), join(content, 'digests/2024-07-08.json'));
  const again = ingest(content);
  expect(again.status, again.stderr).toBe(0);
  const built = buildSite(content, dist, { BASE_PATH: '/sub/', SITE_URL: 'https://papers.example.org' });
  expect(built.status, built.output).toBe(0);
}, 300_000);

describe('a paper that had two entries', () => {
  it('has one entry, from both sources, with the notes of the copy that went', () => {
    const entries = readdirSync(join(content, 'papers')).filter((name) => name.startsWith('hemm'));
    expect(entries).toEqual([`${SLUG}.mdx`]);
    const text = readFileSync(join(content, 'papers', `${SLUG}.mdx`), 'utf8');
    // YAML quotes the id: unquoted, 2407.03418 would read back as a number.
    expect(text).toContain('arxiv: "2407.03418"');
    expect(text).toMatch(/source: trending-mar-14\.txt[\s\S]*source: 2024-07-08\.json/);
    expect(text.trimEnd().endsWith('My notes on HEMM.')).toBe(true);
    expect(JSON.parse(readFileSync(join(content, 'papers/_redirects.json'), 'utf8'))).toEqual({ [OLD]: SLUG });
  });

  it('keeps its old URL working under the sub-path: a page that sends the reader on, with a canonical link', () => {
    const page = join(dist, 'papers', OLD, 'index.html');
    expect(existsSync(page)).toBe(true);
    const $ = load(readFileSync(page, 'utf8'));
    expect($('meta[http-equiv="refresh"]').attr('content')).toBe(`0;url=/sub/papers/${SLUG}/`);
    expect($('link[rel="canonical"]').attr('href')).toBe(`https://papers.example.org/sub/papers/${SLUG}/`);
    expect($('meta[name="robots"]').attr('content')).toBe('noindex');
    // The paper it leads to is there, with the notes.
    const target = load(readFileSync(join(dist, 'papers', SLUG, 'index.html'), 'utf8'));
    expect(target('h1').text()).toBe('HEMM: Holistic Evaluation of Multimodal Foundation Models');
    expect(target('article').text()).toContain('My notes on HEMM.');
  });
});
