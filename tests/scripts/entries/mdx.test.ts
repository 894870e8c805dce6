import { load } from 'cheerio';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { toString } from 'mdast-util-to-string';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { mathFromMarkdown } from 'mdast-util-math';
import { mdxFromMarkdown } from 'mdast-util-mdx';
import { gfm } from 'micromark-extension-gfm';
import { math } from 'micromark-extension-math';
import { mdxjs } from 'micromark-extension-mdxjs';
import { NOTES_MARKER } from '../../../scripts/entries/entry.ts';
import {
  abstractText,
  abstractToMdx,
  assertInert,
  GFM_WITHOUT_AUTOLINK_LITERALS,
  inertHtml,
  parseMdx,
  plainText,
} from '../../../scripts/entries/mdx.ts';
import { filesIn, parseDigests } from '../../../scripts/ingest/inputs.ts';
import { mergePapers } from '../../../scripts/ingest/merge.ts';
import { FIXTURES, ROOT } from '../../helpers/paths.ts';
import { findMath } from '../../../scripts/entries/math.ts';
import { normalizeSpace } from '../../../scripts/entries/text.ts';
import { elementsOf, renderedParagraphs, renderMdx, textOf } from '../../helpers/mdx-render.ts';

/** A global that hostile input tries to set; it must stay undefined. */
const CANARY = '__abstractaCanary';
const canary = () => (globalThis as Record<string, unknown>)[CANARY];

afterEach(() => {
  delete (globalThis as Record<string, unknown>)[CANARY];
});

/** Serializes, compiles and runs `text`; returns the rendered paragraph texts. */
async function roundTrip(text: string): Promise<string[]> {
  return renderedParagraphs(abstractToMdx(text));
}

describe('abstractToMdx escapes everything MDX treats specially', () => {
  it.each([
    // Each case must render back to exactly its own text.
    'a reward model ({varphi}) and {1 + 1} and {',
    'x < y and <div>html</div> and <Component prop={1} />',
    '*emphasis* _under_ **strong** ~strike~ ~~gfm strike~~',
    '# not a heading',
    '| a | b |',
    'back\\slash \\{ \\* and a trailing backslash \\',
    'export const a = 1',
    'import fs from "node:fs"',
    '1. not a list',
    '- not a list',
    '> not a quote',
    '[not](a link) and ![not](an image)',
    '`not code`',
    '&amp; &#x41; &lt;',
    '<!-- not a comment -->',
    'US$44, $ x $ and $5 to $10 and :::',
    '    four leading spaces',
    'www.example.com and https://example.org are text and a link',
  ])('%j', async (text) => {
    const expected = normalizeSpace(text);
    expect(await roundTrip(expected)).toEqual([expected]);
  });
});

describe('nothing in an abstract runs at build time (canary)', () => {
  it.each([
    `{globalThis.${CANARY} = 1}`,
    `before {globalThis.${CANARY} = 1} after`,
    `export const a = (globalThis.${CANARY} = 1)`,
    `export default function X() { globalThis.${CANARY} = 1 }`,
    `import x from "data:text/javascript,globalThis.${CANARY}=1"`,
    `<img src="x" onError={() => (globalThis.${CANARY} = 1)} />`,
    `<script>globalThis.${CANARY} = 1</script>`,
    `{/* comment */}{(() => { globalThis.${CANARY} = 1 })()}`,
  ])('%j', async (text) => {
    const mdx = abstractToMdx(text);
    const tree = await renderMdx(mdx);
    expect(canary()).toBeUndefined();
    // No element but the paragraph itself: tags came out as text.
    expect(elementsOf(tree, 'img')).toEqual([]);
    expect(elementsOf(tree, 'script')).toEqual([]);
    expect(await renderedParagraphs(mdx)).toEqual([text]);
  });
});

describe('math', () => {
  it.each([
    'We use $k$-NN with $\\mathcal{O}(n^2)$ memory, $\\times$ 3 faster.',
    'Display math follows.\n\n$$\\sum_{i=1}^n x_i = 1$$\n\nAnd text after it.',
    `Braces in math never run: $x^{globalThis.${CANARY}=1}$ and $\\text{{globalThis.${CANARY}=1}}$.`,
    'export $x$ and import $y$ stay text around their math.',
    `$\\href{javascript:globalThis.${CANARY}=1}{x}$ is refused by Temml and stays text, as does $\\frac{a}{b$.`,
  ])('renders %j the same with and without MDX, and runs nothing', async (text) => {
    const mdx = abstractToMdx(text);
    const html = inertHtml(mdx)!;
    expect(html).toBeDefined();
    const $ = load(html.html, null, false);
    const compiled = await renderMdx(mdx);
    expect(canary()).toBeUndefined();
    const maths = elementsOf(compiled, 'math');
    expect(
      $('math')
        .map((_, m) => $(m).attr('alttext'))
        .get(),
    ).toEqual(maths.map((m) => m.props.alttext));
    expect(
      $('math')
        .map((_, m) => $(m).text())
        .get(),
    ).toEqual(maths.map(textOf));
    expect(
      $('p')
        .map((_, p) => $(p).text())
        .get(),
    ).toEqual(elementsOf(compiled, 'p').map(textOf));
    expect(elementsOf(compiled, 'a')).toEqual([]);
    expect(html.text).toBe(abstractText(mdx));
  });

  it('finds the math of each case', () => {
    const count = (text: string) => load(inertHtml(abstractToMdx(text))!.html, null, false)('math').length;
    expect(count('We use $k$-NN with $\\mathcal{O}(n^2)$ memory, $\\times$ 3 faster.')).toBe(3);
    expect(count('Display math follows.\n\n$$\\sum_{i=1}^n x_i = 1$$\n\nAnd text after it.')).toBe(1);
    expect(count('$\\href{javascript:x}{x}$ and $\\frac{a}{b$ and $5 to $10')).toBe(0);
  });
});

describe('links', () => {
  it('turns URLs into links and keeps the text around them', async () => {
    const mdx = abstractToMdx('Code: https://github.com/a/b_c. More text.');
    const tree = await renderMdx(mdx);
    const links = elementsOf(tree, 'a');
    expect(links.map((a) => a.props.href)).toEqual(['https://github.com/a/b_c']);
    expect(await renderedParagraphs(mdx)).toEqual(['Code: https://github.com/a/b_c. More text.']);
  });
});

describe('assertInert', () => {
  it('refuses MDX that would run code or hold anything but text and links', () => {
    const expected = { type: 'root' as const, children: [] };
    expect(() => assertInert('export const a = 1', expected)).toThrow(/mdxjsEsm/);
    expect(() => assertInert('a {b}', expected)).toThrow(/mdxTextExpression/);
    expect(() => assertInert('<b>x</b>', expected)).toThrow(/mdxJsx/);
    expect(() => assertInert('# h', expected)).toThrow(/heading/);
  });

  it('parses like the MDX compiler', () => {
    expect(parseMdx('{x}').children[0].type).toBe('mdxFlowExpression');
  });
});

/** The MDX parser with every GFM construct, autolink literals included, as the site's MDX has them. */
const parseMdxFully = (mdx: string) =>
  fromMarkdown(mdx, {
    extensions: [mdxjs(), gfm(), math()],
    mdastExtensions: [mdxFromMarkdown(), gfmFromMarkdown(), mathFromMarkdown()],
  });

describe('parseMdx leaves out GFM autolink literals only where none can start', () => {
  /** How many GFM autolink literals micromark finds in `text` with `gfmExtension` (before mdast's own link transform). */
  const autolinkLiterals = (text: string, gfmExtension: typeof GFM_WITHOUT_AUTOLINK_LITERALS) => {
    let found = 0;
    fromMarkdown(text, { extensions: [gfmExtension], mdastExtensions: [{ enter: { literalAutolink: () => void found++ } }] });
    return found;
  };
  const types = (tree: ReturnType<typeof parseMdx>): string[] => {
    const all: string[] = [];
    const visit = (node: { type: string; children?: unknown[] }) => {
      all.push(node.type);
      for (const child of node.children ?? []) visit(child as typeof node);
    };
    visit(tree);
    return all;
  };

  it('takes out the three autolink literals and nothing else of GFM', () => {
    for (const literal of ['see www.x.org now', 'see https://x.org now', 'write to a@x.org now']) {
      expect(types(parseMdx(literal))).toContain('link');
      expect(types(parseMdxFully(literal))).toContain('link');
      // micromark without them finds none: the sign in the text is what sends it to the full parse.
      expect(autolinkLiterals(literal, gfm())).toBe(1);
      expect(autolinkLiterals(literal, GFM_WITHOUT_AUTOLINK_LITERALS)).toBe(0);
    }
    expect(types(parseMdx('a ~~struck~~ word'))).toContain('delete');
    expect(types(parseMdx('| a | b |\n| - | - |\n| 1 | 2 |'))).toContain('table');
    expect(types(parseMdx('a note[^1]\n\n[^1]: the note'))).toContain('footnoteReference');
  });

  it('parses every real abstract (seed and Hugging Face days) to the same tree as the full parser', () => {
    const files = [
      join(ROOT, 'content', 'digests'),
      join(FIXTURES, 'hf-daily-papers', '2024'),
      join(FIXTURES, 'hf-daily-papers', '2026'),
    ].flatMap((dir) => filesIn(dir));
    const errors: never[] = [];
    const papers = mergePapers(parseDigests(files, errors));
    expect(errors).toEqual([]);
    expect(papers.length).toBeGreaterThan(2000);
    let withoutSign = 0;
    for (const { abstract } of papers) {
      const mdx = abstractToMdx(abstract);
      if (!/@|www|http/i.test(mdx)) withoutSign++;
      expect(parseMdx(mdx)).toEqual(parseMdxFully(mdx));
    }
    // Most abstracts take the cheaper parse, so it is the one these trees hold to the full one.
    expect(withoutSign / papers.length).toBeGreaterThan(0.5);
  });
});

describe('property: any text survives MDX exactly', () => {
  // Fragments MDX, Markdown and GFM give meaning to, mixed with arbitrary Unicode.
  const special = fc.constantFrom(
    '{',
    '}',
    '<',
    '>',
    '/',
    'export ',
    'import ',
    '*',
    '_',
    '~',
    '#',
    '|',
    '\\',
    '`',
    '[',
    ']',
    '(',
    ')',
    '!',
    '&',
    '&amp;',
    ':',
    '-',
    '+',
    '=',
    '.',
    '1.',
    ' ',
    '  ',
    'https://github.com/a/b',
    'https://x.org/',
    'www.x.com',
    'WWW.X.COM',
    'Http://x.org',
    '@',
    'a@b.org',
    '$',
    '%',
    "'",
    '"',
    '<!--',
    '-->',
    'a',
    'φ',
    '注意力',
    'مرحبا',
    '👩‍🔬',
  );
  const text = fc.array(fc.oneof(special, fc.string({ unit: 'grapheme', maxLength: 8 })), { maxLength: 40 }).map((parts) => parts.join(''));

  it('renders back to exactly the (whitespace-normalized) input', async () => {
    await fc.assert(
      fc.asyncProperty(text, async (input) => {
        const expected = normalizeSpace(input);
        // Text that holds TeX renders as math (see the math tests below); here, text that is text.
        fc.pre(findMath(expected).length === 0);
        const paragraphs = await roundTrip(expected);
        expect(paragraphs).toEqual(expected ? [expected] : []);
        expect(canary()).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });

  it('renders to the same HTML without MDX as compiled MDX does: paragraphs, text and links', async () => {
    await fc.assert(
      fc.asyncProperty(text, async (input) => {
        fc.pre(findMath(normalizeSpace(input)).length === 0);
        const mdx = abstractToMdx(normalizeSpace(input));
        const html = inertHtml(`${mdx}\n${NOTES_MARKER}\n`);
        expect(html).toBeDefined();
        const $ = load(html!.html, null, false);
        const compiled = await renderMdx(mdx);
        expect(
          $('p')
            .map((_, p) => $(p).text())
            .get(),
        ).toEqual(elementsOf(compiled, 'p').map(textOf));
        expect(
          $('a')
            .map((_, a) => $(a).attr('href'))
            .get(),
        ).toEqual(elementsOf(compiled, 'a').map((a) => a.props.href));
        // Nothing but paragraphs and links, whatever the input.
        expect($('*').not('p, a').length).toBe(0);
        expect(html!.text).toBe(toString(parseMdx(mdx)));
      }),
      { numRuns: 300 },
    );
  });

  it('parses to the same tree as the MDX parser with every GFM construct', () => {
    fc.assert(
      fc.property(text, (input) => {
        // Raw text may not be valid MDX (`{` alone): then both must refuse it alike.
        const outcome = (parse: typeof parseMdx) => {
          try {
            return parse(input);
          } catch (error) {
            return String(error);
          }
        };
        expect(outcome(parseMdx)).toEqual(outcome(parseMdxFully));
        const mdx = abstractToMdx(normalizeSpace(input));
        expect(parseMdx(mdx)).toEqual(parseMdxFully(mdx));
      }),
      { numRuns: 1000 },
    );
  });

  it('reads back as the same plain text with plain CommonMark as with the MDX parser', () => {
    // A case fast-check found: TeX with a space before a parenthesis.
    expect(abstractText(abstractToMdx('$% )$'))).toBe(plainText(parseMdx(abstractToMdx('$% )$'))));
    fc.assert(
      fc.property(text, (input) => {
        const mdx = abstractToMdx(normalizeSpace(input));
        // Both with math in its readable form (`$a )$` reads `a)`), as the site shows and analyses it.
        expect(abstractText(mdx)).toBe(plainText(parseMdx(mdx)));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('inertHtml', () => {
  const body = abstractToMdx('See https://github.com/a/b for code, and {x} as text.');

  it('renders an abstract, with noopener and noreferrer on external links', () => {
    const html = inertHtml(`${body}\n${NOTES_MARKER}\n`);
    expect(html?.html).toBe(
      '<p>See <a href="https://github.com/a/b" rel="noopener noreferrer">https://github.com/a/b</a> for code, and {x} as text.</p>',
    );
    expect(html?.text).toBe('See https://github.com/a/b for code, and {x} as text.');
  });

  it.each([
    ['notes below the marker', `${body}\n${NOTES_MARKER}\nMy *note*.\n`],
    ['an expression', `${body}\n\n{1 + 1}\n`],
    ['a component', `${body}\n\n<Chart />\n`],
    ['an import', `import X from '../../lib/x.js'\n\n${body}`],
    ['a heading', `# Heading\n\n${body}`],
    ['emphasis', `*Note:* ${body}`],
  ])('leaves a body with %s to the MDX compiler', (_, mdx) => {
    expect(inertHtml(mdx)).toBeUndefined();
  });
});

describe('abstractText', () => {
  it('is the text above the notes marker, as the MDX parser reads it, for every seed entry', () => {
    const dir = 'content/papers';
    const bodies = readdirSync(dir)
      .filter((name) => name.endsWith('.mdx'))
      .map((name) => readFileSync(`${dir}/${name}`, 'utf8').replace(/^---\n[\s\S]*?\n---\n/, ''));
    expect(bodies.length).toBeGreaterThanOrEqual(83);
    for (const body of bodies) {
      expect(abstractText(`${body}\n${NOTES_MARKER}\nmy *notes*`)).toBe(toString(parseMdx(body.split(NOTES_MARKER)[0])));
      expect(abstractText(body)).not.toContain('notes');
    }
  });

  it.each([
    'a reward model ({varphi}) and {1 + 1} and {',
    'x < y and <div>html</div> and <Component prop={1} />',
    'export const a = 1',
    'back\\slash \\{ \\* and a trailing backslash \\',
    '&amp; &#x41; &lt; and www.example.com',
  ])('gives back hostile text exactly: %j', (text) => {
    expect(abstractText(abstractToMdx(text))).toBe(text);
  });
});
