/**
 * TeX in abstracts through the whole path (ingest → MDX → astro build → Pagefind): valid TeX becomes
 * MathML, on both rendering paths (the paper loader's HTML, and MDX for an entry with notes); invalid
 * or refused TeX stays the text it was; no TeX adds a link, a style, a class or any attribute outside
 * the MathML allowlist, and nothing runs at build time; search finds the words around the math and its
 * readable form.
 */
import { load, type CheerioAPI } from 'cheerio';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, ingest } from '../helpers/content.ts';
import { htmlErrors } from '../helpers/html-validate.ts';
import { loadPagefind, type PagefindResult } from '../../scripts/harness/pagefind.ts';
import { ROOT } from '../helpers/paths.ts';

const work = mkdtempSync(join(tmpdir(), 'abstracta-math-'));
const CANARY = join(work, 'canary-fired');
const write = `(await import('node:fs')).writeFileSync(${JSON.stringify(CANARY)}, 'fired')`;

const INLINE =
  'We search $k$-NN graphs in $\\mathcal{O}(n \\log n)$ time, $3\\times$ faster than exhaustive search over $\\mathbb{R}^{d}$ embeddings of the corpus, with $\\infty$ patience.';
const PAPERS: [string, string][] = [
  ['Math Inline', INLINE],
  ['Math With Notes', INLINE],
  [
    'Hostile Tex',
    `$\\href{javascript:alert(1)}{click}$ and $\\color{red}{x}$ and $\\htmlClass{evil}{y}$ and $\\style{color:red}{z}$ and $\\text{${write}}$ remain harmless words in this abstract.`,
  ],
  [
    'Invalid Tex',
    'An unbalanced $\\frac{a}{b$ formula and a lone $ sign, and prices of $5 and $10, stay exactly as written in this abstract.',
  ],
];
const digest = `March 15, 2025\n\n${PAPERS.map(([title, abstract]) => `${title}\n\n${abstract}`).join('\n\n')}\n`;

/** Attributes MathML from TeX may carry (see MATH_ATTRIBUTES in scripts/entries/math.ts). */
const ALLOWED = new Set(
  'display alttext data-pagefind-index-attrs mathvariant fence form stretchy lspace rspace movablelimits largeop symmetric minsize maxsize separator width height depth voffset linethickness accent accentunder columnalign rowalign columnspacing rowspacing columnlines rowlines frame displaystyle columnspan rowspan scriptlevel notation'.split(
    ' ',
  ),
);

const content = join(work, 'content');
const dist = join(work, 'dist');
let built: { status: number | null; output: string };
const page = (slug: string): CheerioAPI => load(readFileSync(join(dist, 'papers', slug, 'index.html'), 'utf8'));
const normalize = (s: string) => s.replace(/\s+/g, ' ').trim();

beforeAll(() => {
  mkdirSync(join(content, 'digests'), { recursive: true });
  cpSync(join(ROOT, 'content/topics.yaml'), join(content, 'topics.yaml'));
  writeFileSync(join(work, 'math.txt'), digest);
  expect(ingest(content, [join(work, 'math.txt')]).stderr).toBe('');
  // A note on one entry, so that entry is compiled as MDX (with remark-math) instead of by the loader.
  const noted = join(
    content,
    'papers',
    readdirSync(join(content, 'papers')).find((name) => name.startsWith('math-with-notes'))!,
  );
  writeFileSync(noted, `${readFileSync(noted, 'utf8')}\nMy note: see $x^2$ too.\n`);
  expect(ingest(content).status).toBe(0);
  built = buildSite(content, dist);
}, 300_000);

afterAll(() => (process.env.KEEP_WORK ? console.log(work) : rmSync(work, { recursive: true, force: true })));

describe('TeX in abstracts', () => {
  it('builds, and nothing runs', () => {
    expect(built.status, built.output).toBe(0);
    expect(built.output).toMatch(/3 entries rendered to HTML, 1 left to MDX/);
    expect(existsSync(CANARY)).toBe(false);
  });

  it('renders inline TeX as MathML with a readable alttext, the words around it unchanged', () => {
    const $ = page('math-inline');
    const maths = $('.abstract math');
    expect(maths.map((_, m) => $(m).attr('alttext')).get()).toEqual(['k', 'O(n log n)', '3 times', 'R^d', 'infty']);
    expect(maths.first().attr('data-pagefind-index-attrs')).toBe('alttext');
    expect(normalize($('.abstract').text())).toMatch(
      /^We search k-NN graphs in 𝒪\(nlog\u2061n\) time, 3× faster than exhaustive search over ℝd embeddings/,
    );
  });

  it('gives the same MathML when the entry is compiled as MDX', () => {
    const plain = page('math-inline');
    const noted = page('math-with-notes');
    const outer = ($: CheerioAPI) =>
      $('.abstract math')
        .map((_, m) => $.html(m))
        .get();
    // The noted page's abstract holds its note's math too, after the abstract's.
    expect(outer(noted).slice(0, 5)).toEqual(outer(plain));
    expect(outer(noted)[5]).toMatch(/^<math alttext="x\^2"/);
  });

  it('keeps refused and invalid TeX as the literal text, and adds no link, style, class or attribute', () => {
    const hostile = page('hostile-tex');
    const text = normalize(hostile('.abstract').text());
    for (const literal of ['$\\href{javascript:alert(1)}{click}$', '$\\htmlClass{evil}{y}$', '$\\style{color:red}{z}$'])
      expect(text).toContain(literal);
    expect(hostile('.abstract a, .abstract [style], .abstract [class], .abstract [id], .abstract [href]').length).toBe(0);
    // \color survives as its letter, without the colour; the canary inside \text{} is only text.
    expect(hostile('.abstract math').length).toBe(2);
    for (const page of [
      hostile,
      ...['math-inline', 'math-with-notes'].map((slug) => load(readFileSync(join(dist, 'papers', slug, 'index.html'), 'utf8'))),
    ]) {
      page('.abstract math, .abstract math *').each((_, element) => {
        for (const name of Object.keys((element as { attribs: Record<string, string> }).attribs))
          expect(ALLOWED.has(name), name).toBe(true);
      });
    }
    const invalid = page('invalid-tex');
    expect(invalid('.abstract math').length).toBe(0);
    expect(normalize(invalid('.abstract').text())).toBe(PAPERS[3][1]);
  });

  it("gives structured data the abstract's readable text, math as readable TeX, not as MathML's symbols", () => {
    // The loader keeps each abstract's text beside its HTML (src/lib/abstract-files.ts); MDX entries
    // (notes) give theirs from the body. Both must give what ingest's plain text is.
    const abstractOf = (slug: string) => JSON.parse(page(slug)('script[type="application/ld+json"]').html()!).abstract as string;
    expect(abstractOf('math-inline')).toMatch(
      /^We search k-NN graphs in O\(n log n\) time, 3 times faster than exhaustive search over R\^d embeddings/,
    );
    expect(abstractOf('math-with-notes')).toBe(abstractOf('math-inline'));
    expect(abstractOf('invalid-tex')).toBe(PAPERS[3][1]);
  });

  it('writes valid HTML with MathML in it', async () => {
    for (const slug of ['math-inline', 'math-with-notes', 'hostile-tex', 'invalid-tex'])
      expect(await htmlErrors(join(dist, 'papers', slug, 'index.html')), slug).toEqual([]);
  });

  describe('search', () => {
    let search: (term: string) => Promise<PagefindResult[]>;
    beforeAll(async () => {
      search = (await loadPagefind(dist)).search;
    });

    it('finds the words around the math', async () => {
      const urls = (await search('exhaustive embeddings')).map((r) => r.url);
      expect(urls).toContain('/papers/math-inline/');
      expect((await search('harmless')).map((r) => r.url)).toContain('/papers/hostile-tex/');
    });

    it('finds the readable form of the math', async () => {
      // "times" is only in the alttext of $3\times$ (the page shows ×).
      expect((await search('times')).map((r) => r.url)).toContain('/papers/math-inline/');
    });
  });
});
