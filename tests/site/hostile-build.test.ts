/**
 * Hostile abstracts through the whole path (ingest → MDX → astro build): code planted in titles and
 * abstracts must never run at build time, and must show up on the page as the literal text it is.
 * The canaries are a file write and an environment-variable read.
 */
import { load } from 'cheerio';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, filesBelow, ingest, paperPageSlugs } from '../helpers/content.ts';
import { ROOT } from '../helpers/paths.ts';

const work = mkdtempSync(join(tmpdir(), 'abstracta-hostile-'));
const CANARY = join(work, 'canary-fired');
const SECRET = `secret-${process.pid}-${Date.now()}`;
const write = `(await import('node:fs')).writeFileSync(${JSON.stringify(CANARY)}, 'fired')`;

/** [title, abstract] pairs, each a different way in. */
const PAPERS: [string, string][] = [
  [
    `Title {process.env.ABSTRACTA_SECRET} <script>${write}</script>`,
    `export const a = ${write}; and more words so that this paragraph reads as an abstract of a paper.`,
  ],
  [
    'Expressions In Braces',
    `{${write}} and {process.env.ABSTRACTA_SECRET} inside an otherwise ordinary abstract of enough words to count.`,
  ],
  [
    'Import Lines',
    `import fs from 'node:fs'; fs.writeFileSync(${JSON.stringify(CANARY)}, 'fired') is what this abstract tries to run at build time.`,
  ],
  [
    'Markup In Text',
    '<img src="x" onerror="alert(1)"> <iframe src="javascript:alert(1)"></iframe> <!-- a comment --> and a javascript:alert(1) link, all as text.',
  ],
  [
    '---\ntitle: broken: "frontmatter"',
    `Frontmatter escape attempts ---\n--- and a {varphi} that should still become a Greek letter, in plain words.`,
  ],
];
// Dated with a year, so the frontmatter carries a full date (which YAML 1.1 would read as a Date).
const digest = `March 15, 2025\n\n${PAPERS.map(([title, abstract]) => `${title.replace(/\n/g, ' ')}\n\n${abstract.replace(/\n/g, ' ')}`).join('\n\n')}`;

const content = join(work, 'content');
const dist = join(work, 'dist');
let built: { status: number | null; output: string };

beforeAll(() => {
  mkdirSync(join(content, 'digests'), { recursive: true });
  cpSync(join(ROOT, 'content/topics.yaml'), join(content, 'topics.yaml'));
  writeFileSync(join(work, 'hostile.txt'), `${digest}\n`);
  const ingested = ingest(content, [join(work, 'hostile.txt')]);
  expect(ingested.stderr).toBe('');
  // A user's note below the marker of one entry, in Markdown: it is the user's MDX, kept and rendered.
  const noted = join(
    content,
    'papers',
    readdirSync(join(content, 'papers')).find((name) => name.startsWith('import-lines'))!,
  );
  writeFileSync(noted, `${readFileSync(noted, 'utf8')}\nA reader's note: **kept across ingests**.\n`);
  expect(ingest(content).status).toBe(0);
  built = buildSite(content, dist, { ABSTRACTA_SECRET: SECRET });
}, 300_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('a digest of hostile abstracts', () => {
  it('builds, and no canary fires', () => {
    expect(built.status, built.output).toBe(0);
    expect(existsSync(CANARY)).toBe(false);
  });

  it("renders a user's note below the abstract", () => {
    // The paper loader renders the four plain entries itself and leaves the one with a note to MDX.
    expect(built.output).toMatch(/4 entries rendered to HTML, 1 left to MDX/);
    const page = readFileSync(join(dist, 'papers', 'import-lines', 'index.html'), 'utf8');
    expect(load(page)('article').text()).toContain("A reader's note: kept across ingests.");
    expect(load(page)('article strong').text()).toBe('kept across ingests');
  });

  it('never leaks the secret into the site or the search index', () => {
    for (const file of filesBelow(dist)) expect(readFileSync(file).includes(SECRET), file).toBe(false);
  });

  it('shows each title and abstract as literal text, with no markup made from it', () => {
    const pages = paperPageSlugs(dist);
    expect(pages).toHaveLength(PAPERS.length);
    const shown = pages.map((slug) => load(readFileSync(join(dist, 'papers', slug, 'index.html'), 'utf8')));
    const normalize = (s: string) => s.replace(/\s+/g, ' ').trim();
    for (const [title, abstract] of PAPERS) {
      const $ = shown.find(($) => normalize($('article h1').text()) === normalize(title));
      expect($, title).toBeDefined();
      const note = title === 'Import Lines' ? " A reader's note: kept across ingests." : '';
      const expected = normalize(abstract).replace('{varphi}', 'φ') + note;
      expect(normalize($!('.abstract').text())).toBe(expected);
      expect($!('.abstract script, .abstract img, .abstract iframe').length).toBe(0);
      expect($!('.abstract a[href^="javascript:"], a[href^="javascript:"]').length).toBe(0);
      expect($!('script:not([src]):not([type="application/ld+json"])').length).toBe(0);
      // Structured data cannot be broken out of: no title closes its script element.
      const ld = $!('script[type="application/ld+json"]').text();
      expect(ld).not.toMatch(/<\/script/i);
      expect(JSON.parse(ld).headline).toBe(normalize(title));
      // Its abstract is the text the page shows, without the reader's notes.
      expect(normalize(JSON.parse(ld).abstract)).toBe(normalize(abstract).replace('{varphi}', 'φ'));
    }
  });
});
