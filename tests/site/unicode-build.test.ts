/**
 * Any text, through the whole path: titles and abstracts in many scripts, and arbitrary Unicode
 * strings drawn by fast-check, ingested (as Hugging Face JSON, which takes any string), built into a
 * real site, and read back from the pages: each page shows exactly the cleaned input (the documented
 * cleanup rules of `scripts/entries/cleanup.ts`, then whitespace folded as HTML folds it). One build for
 * all of them keeps it fast; the strings come from a fixed seed, so a failure can be replayed.
 */
import { load } from 'cheerio';
import fc from 'fast-check';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanText } from '../../scripts/entries/cleanup.ts';
import { normalizeSpace } from '../../scripts/entries/text.ts';
import { spacedWords } from '../../src/lib/segment.ts';
import { buildSite, ingest } from '../helpers/content.ts';
import { ROOT } from '../helpers/paths.ts';
import { loadPagefind } from '../../scripts/harness/pagefind.ts';

/** Papers whose text each exercise one thing. */
const FIXED: { title: string; abstract: string }[] = [
  {
    title: '基于注意力机制的图神经网络推荐方法研究',
    abstract: '本文提出一种基于注意力机制的图神经网络推荐方法。实验表明，该方法在三个公开数据集上优于现有方法。',
  },
  { title: 'トランスフォーマーによる日本語要約の評価', abstract: '本研究では、トランスフォーマーを用いた日本語の要約モデルを評価する。' },
  {
    title: 'نماذج اللغة الكبيرة للترجمة الآلية',
    abstract: 'نقترح طريقة جديدة لتدريب نماذج اللغة الكبيرة على الترجمة بين العربية و English معا.',
  },
  {
    title: 'Emoji 👩‍🔬 and 🏳️‍🌈 Families 👨‍👩‍👧‍👦 in Titles',
    abstract: 'Zero-width joiners hold 👩‍🔬 together; so do flags 🇯🇵 and skin tones 👋🏽 in an abstract.',
  },
  {
    title: 'Combining Marks: Cafe\u0301 and Ångström, Z̸͎̈ Glitch',
    abstract: 'Precomposed é and decomposed e\u0301 stay as written; ligatures ﬁ ﬂ and the ﬃ stay too.',
  },
  // Frontmatter cannot be broken out of: YAML syntax in a title (with a newline) is just text.
  { title: `Colons: 'single' "double" --- # not a comment\n---\ntitle: injected`, abstract: '---\nslug: ../../etc/passwd\n--- and: more' },
];

/** Arbitrary graphemes, without control characters (an input file with those is refused, see decode.ts). */
const text = fc
  .string({ unit: 'grapheme', minLength: 1, maxLength: 60 })
  .map((s) => s.replace(/[\p{Cc}\p{Cs}]/gu, ' '))
  .filter((s) => normalizeSpace(cleanText(s)).length > 0);
const RANDOM = fc
  .sample(fc.record({ title: text, abstract: text }), { numRuns: 40, seed: 20261129 })
  // Different titles, so each is its own paper.
  .filter(
    (paper, index, all) =>
      all.findIndex((other) => normalizeSpace(cleanText(other.title)) === normalizeSpace(cleanText(paper.title))) === index,
  );
const PAPERS = [...FIXED, ...RANDOM];

const work = mkdtempSync(join(tmpdir(), 'abstracta-unicode-'));
const content = join(work, 'content');
const dist = join(work, 'dist');
let built: ReturnType<typeof buildSite>;
let ingested: ReturnType<typeof ingest>;

beforeAll(() => {
  mkdirSync(join(content, 'digests'), { recursive: true });
  cpSync(join(ROOT, 'content/topics.yaml'), join(content, 'topics.yaml'));
  const daily = PAPERS.map((paper) => ({
    paper: { title: paper.title, summary: paper.abstract, publishedAt: '2026-03-02T00:00:00.000Z' },
    title: paper.title,
  }));
  writeFileSync(join(content, 'digests', '2026-03-02.json'), JSON.stringify(daily));
  ingested = ingest(content);
  built = buildSite(content, dist);
}, 300_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Slug of each paper by its title as ingest wrote it. */
function slugs(): Map<string, string> {
  const dir = join(content, 'papers');
  return new Map(
    readdirSync(dir)
      .filter((name) => name.endsWith('.mdx'))
      .map((name) => {
        const data = parse(readFileSync(join(dir, name), 'utf8').split('\n---')[0].slice(4)) as { title: string; slug: string };
        return [data.title, data.slug];
      }),
  );
}

/** Whitespace folded as HTML does, for comparing page text with input. */
const fold = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('any Unicode text through ingest, MDX and the build', () => {
  it('ingests and builds', () => {
    expect(ingested.status, ingested.stderr).toBe(0);
    expect(built.status, built.output).toBe(0);
    expect(slugs().size).toBe(PAPERS.length);
  });

  it('shows each title and abstract exactly as the cleanup rules leave them', () => {
    const bySlug = slugs();
    for (const paper of PAPERS) {
      const title = normalizeSpace(cleanText(paper.title));
      const abstract = normalizeSpace(cleanText(paper.abstract));
      const slug = bySlug.get(title);
      expect(slug, JSON.stringify(paper.title)).toBeDefined();
      const $ = load(readFileSync(join(dist, 'papers', slug!, 'index.html'), 'utf8'));
      expect(fold($('article h1').text()), JSON.stringify(paper.title)).toBe(fold(title));
      expect(fold($('.abstract').text()), JSON.stringify(paper.abstract)).toBe(fold(abstract));
      expect(JSON.parse($('script[type="application/ld+json"]').text()).headline).toBe(title);
      // Text whose direction may vary is marked for the browser to decide.
      expect($('article h1').attr('dir')).toBe('auto');
      expect($('.abstract').attr('dir')).toBe('auto');
    }
  });

  it('finds Chinese, Japanese and Arabic papers by words inside their text, queried as the search box queries', async () => {
    const pagefind = await loadPagefind(dist);
    const bySlug = slugs();
    for (const [query, title] of [
      ['注意力机制', FIXED[0].title],
      ['图神经网络', FIXED[0].title],
      ['推荐', FIXED[0].title],
      ['日本語', FIXED[1].title],
      ['الترجمة', FIXED[2].title],
    ]) {
      const urls = (await pagefind.search(spacedWords(query) ?? query)).map((result) => decodeURI(result.url));
      expect(urls, query).toContain(`/papers/${bySlug.get(title)}/`);
    }
  });
});
