/**
 * Hostile input in every field of every input format (text digest, Hugging Face daily-papers JSON,
 * arXiv Atom, BibTeX), ingested and built into a real site, then opened in Chromium. Each field
 * carries the same payloads: MDX expressions that would write a canary file or print a secret from the
 * environment, `import`/`export` lines, JSX and HTML tags with event handlers, `javascript:` URLs and
 * HTML comments. None may run at ingest, at build time or in the browser, the secret must not reach
 * `dist/`, the text must show as text, and only http(s) links may become anchors.
 */
import { load } from 'cheerio';
import { XMLBuilder } from 'fast-xml-parser';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, useChromium } from '../helpers/browser.ts';
import { buildSite, filesBelow, ingest, paperPageSlugs } from '../helpers/content.ts';
import { ROOT } from '../helpers/paths.ts';
import { useServer } from '../helpers/serve.ts';

const work = mkdtempSync(join(tmpdir(), 'abstracta-hostile-formats-'));
const CANARY = join(work, 'canary-fired');
const SECRET = `secret-${process.pid}-${Date.now()}`;
const write = `(await import('node:fs')).writeFileSync(${JSON.stringify(CANARY)}, 'fired')`;

/** What every text field carries, one way in after another. */
const PAYLOAD = [
  `{${write}}`,
  '{process.env.ABSTRACTA_SECRET}',
  `<script>window.__pwned = 1; ${write}</script>`,
  '<img src="x" onerror="window.__pwned = 1">',
  '<Component prop={globalThis.__pwned = 1} />',
  '<iframe src="javascript:window.__pwned = 1"></iframe>',
  '<!-- a comment --> [a link](javascript:window.__pwned=1)',
].join(' ');
/** Lines that MDX reads as JavaScript when they start a paragraph. */
const ESM = `export const a = ${write}`;
const IMPORT = `import fs from 'node:fs'`;
/** What every URL field carries. */
const BAD_URL = 'javascript:window.__pwned=1//https://github.com/a/b';

const FILES: Record<string, string> = {
  // A text digest tells titles from abstracts by their length, so its title carries a short payload.
  'hostile-digest.txt': `March 15, 2025\n\nText Digest {process.env.ABSTRACTA_SECRET} <img src="x" onerror="window.__pwned = 1">\n\n${ESM} and then ${PAYLOAD}\n\n${IMPORT} Second Text Paper\n\n${IMPORT}; the abstract goes on with more words ${PAYLOAD}\n`,
  '2025-03-16-hostile.json': JSON.stringify([
    {
      paper: {
        id: `2503.00001`,
        title: `HF Paper ${PAYLOAD}`,
        summary: `${ESM}\n\n${IMPORT}\n\nand ${PAYLOAD}`,
        authors: [{ name: `Author ${PAYLOAD}` }],
        publishedAt: '2025-03-16T00:00:00.000Z',
        upvotes: 3,
        githubRepo: BAD_URL,
        projectPage: 'https://example.org/"><script>window.__pwned=1</script>',
        ai_keywords: [`keyword ${PAYLOAD}`, '{process.env.ABSTRACTA_SECRET}'],
      },
      publishedAt: '2025-03-16T00:00:00.000Z',
      title: `HF Paper ${PAYLOAD}`,
    },
  ]),
  'hostile-atom.xml': new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@', format: true }).build({
    '?xml': { '@version': '1.0', '@encoding': 'UTF-8' },
    feed: {
      '@xmlns': 'http://www.w3.org/2005/Atom',
      '@xmlns:arxiv': 'http://arxiv.org/schemas/atom',
      entry: {
        id: 'http://arxiv.org/abs/2503.00002v1',
        published: '2025-03-17T00:00:00Z',
        title: `Atom Paper ${PAYLOAD}`,
        summary: `${ESM}\n\n${PAYLOAD}`,
        author: { name: `Atom Author ${PAYLOAD}` },
        'arxiv:doi': `10.1000/${PAYLOAD}`,
        link: [
          { '@title': 'doi', '@href': BAD_URL, '@rel': 'related' },
          { '@href': BAD_URL, '@rel': 'alternate', '@type': 'text/html' },
        ],
        'arxiv:primary_category': { '@term': `cs.LG ${PAYLOAD}` },
        category: { '@term': PAYLOAD },
      },
    },
  }) as string,
  'hostile.bib': `@article{hostile2025,
  title = {BibTeX Paper \\{process.env.ABSTRACTA_SECRET\\} <script>window.__pwned = 1</script> <img src=x onerror=alert(1)>},
  author = {Mallory, \\{process.env.ABSTRACTA_SECRET\\} <b>Eve</b>},
  year = {2025},
  url = {${BAD_URL}},
  doi = {10.1000/<script>window.__pwned=1</script>},
  eprint = {<script>1</script>},
  abstract = {${ESM.replace(/[{}]/g, '')} then \\{${write.replace(/[{}]/g, '')}\\} and \\{process.env.ABSTRACTA_SECRET\\} <script>window.__pwned = 1</script> <img src="x" onerror="window.__pwned = 1"> <!-- a comment --> and javascript:window.__pwned=1 as text.}
}
`,
};

const content = join(work, 'content');
const dist = join(work, 'dist');
let ingested: ReturnType<typeof ingest>;
let built: ReturnType<typeof buildSite>;

beforeAll(() => {
  mkdirSync(join(content, 'digests'), { recursive: true });
  cpSync(join(ROOT, 'content/topics.yaml'), join(content, 'topics.yaml'));
  const inputs = Object.entries(FILES).map(([name, text]) => {
    writeFileSync(join(work, name), text);
    return join(work, name);
  });
  ingested = ingest(content, ['--year', '2025', ...inputs]);
  built = buildSite(content, dist, { ABSTRACTA_SECRET: SECRET });
}, 300_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

const paperPages = () => paperPageSlugs(dist);

describe('hostile input in every field of every format', () => {
  it('ingests all four formats and builds, and no canary fires', () => {
    expect(ingested.status, ingested.stderr).toBe(0);
    expect(ingested.stdout).toMatch(/5 papers from 4 digests/);
    expect(built.status, built.output).toBe(0);
    expect(existsSync(CANARY)).toBe(false);
    expect(paperPages()).toHaveLength(5);
  });

  it('never lets the secret into the site, its feeds or its search index', () => {
    for (const file of filesBelow(dist)) expect(readFileSync(file).includes(SECRET), file).toBe(false);
  });

  it('shows every field as literal text and makes no markup from it', () => {
    for (const slug of paperPages()) {
      const $ = load(readFileSync(join(dist, 'papers', slug, 'index.html'), 'utf8'));
      const article = $('article');
      // The payload is on the page as text: the title, the abstract, and authors and keywords where given.
      expect(article.find('h1').text(), slug).toMatch(/process\.env\.ABSTRACTA_SECRET|^import fs from 'node:fs'/);
      expect(article.find('.abstract').text(), slug).toMatch(/window\.__pwned = 1|process\.env\.ABSTRACTA_SECRET/);
      expect($('script:not([src]):not([type="application/ld+json"])').length, slug).toBe(0);
      expect(article.find('img, iframe, b, component, Component').length, slug).toBe(0);
      expect($('[onerror], [onclick], [onload]').length, slug).toBe(0);
      // Only http(s) and the site's own links; external ones without opener or referrer.
      $('a[href]:not([data-search-share])').each((_, a) => {
        const href = $(a).attr('href')!;
        expect(href, slug).toMatch(/^(https?:\/\/|\/|#|\?)/);
        if (/^https?:/.test(href)) {
          expect($(a).attr('rel') ?? '', `${slug} ${href}`).toMatch(/noopener/);
          expect(href, slug).not.toMatch(/[<>"]/);
        }
      });
      // Structured data stays one script element with valid JSON.
      const ld = $('script[type="application/ld+json"]').text();
      expect(ld).not.toMatch(/<\/script/i);
      expect(() => JSON.parse(ld)).not.toThrow();
    }
  });

  it('keeps authors, keywords and categories as text', () => {
    const pages = paperPages().map((slug) => load(readFileSync(join(dist, 'papers', slug, 'index.html'), 'utf8')));
    const text = pages.map(($) => $('article').text()).join('\n');
    expect(text).toContain("Author {(await import('node:fs')).writeFileSync(");
    expect(text).toContain("Atom Author {(await import('node:fs'))");
    expect(text).toContain('Mallory');
    expect(text).toContain('<script>window.__pwned = 1;');
    expect(text).toContain("keyword {(await import('node:fs'))");
  });

  describe.skipIf(!CHROMIUM)('in Chromium', () => {
    const server = useServer(dist);
    const chromium = useChromium();

    it('runs no script of theirs, on any page', async () => {
      const page = await chromium.browser.newPage();
      const dialogs: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      const pages = [...paperPages().map((slug) => `papers/${slug}/`), '', 'topics/', 'papers/', 'digests/', 'search/?q=pwned'];
      for (const path of pages) {
        await page.goto(`${server.url}${path}`);
        await page.waitForLoadState('networkidle');
        expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned), path).toBeUndefined();
      }
      expect(dialogs).toEqual([]);
      await page.close();
    });
  });
});
