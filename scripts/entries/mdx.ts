/**
 * Turns untrusted abstract text into an MDX body that can only ever render as that text.
 *
 * MDX runs `{expressions}`, JSX and `import`/`export` lines as code at build time, so the body is
 * never built by string concatenation: it is an mdast tree (text, link and math nodes only) serialized by
 * `mdast-util-to-markdown` with the MDX and GFM extensions, which escape `{`, `<`, `*`, `_` and the
 * rest. Two guards close what the serializer leaves open:
 * - it does not escape a line that starts with `export` or `import` (MDX's ESM syntax), so extra
 *   `unsafe` patterns make it write the first letter as a character reference;
 * - every result is parsed back with the MDX parser and must contain nothing but paragraphs, text,
 *   links and math whose text equals the input; anything else is a bug and stops the ingest.
 * Math is TeX as text in the tree; `math.ts` decides what counts as math and renders it to MathML.
 */
import type { Root as HastRoot } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { Link as MdastLink, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown, gfmToMarkdown } from 'mdast-util-gfm';
import { mathFromMarkdown, mathToMarkdown, type InlineMath, type Math } from 'mdast-util-math';
import { mdxFromMarkdown, mdxToMarkdown } from 'mdast-util-mdx';
import { toHast } from 'mdast-util-to-hast';
import { toMarkdown, type Unsafe } from 'mdast-util-to-markdown';
import { toString } from 'mdast-util-to-string';
import { gfm } from 'micromark-extension-gfm';
import { math } from 'micromark-extension-math';
import { mdxjs } from 'micromark-extension-mdxjs';
import rehypeExternalLinks, { type Options as RehypeExternalLinksOptions } from 'rehype-external-links';
import { NOTES_MARKER } from './entry.ts';
import { findLinks } from './links.ts';
import { findMath, readableTex, rehypeMathml } from './math.ts';

/** MDX reads a line starting with `export`/`import` as JavaScript; escape the keyword's first letter. */
const ESM_UNSAFE: Unsafe[] = [
  { character: 'e', atBreak: true, after: 'xport\\b' },
  { character: 'i', atBreak: true, after: 'mport\\b' },
];

/** The only node types an abstract body may contain once parsed back (math holds TeX as text, see `math.ts`). */
const ALLOWED_TYPES = new Set(['root', 'paragraph', 'text', 'link', 'inlineMath', 'math']);

/** The type of the first node in `tree` that an abstract body may not contain, if any. */
function disallowedNode(tree: Root): string | undefined {
  const stack: { type: string; children?: unknown[] }[] = [tree];
  while (stack.length) {
    const node = stack.pop()!;
    if (!ALLOWED_TYPES.has(node.type)) return node.type;
    if (node.children) stack.push(...(node.children as typeof stack));
  }
  return undefined;
}

/** Paragraph content for `text`: plain text, TeX as math (see `findMath`), every http(s) URL as a link to itself. */
export function phrasing(text: string): PhrasingContent[] {
  const nodes: PhrasingContent[] = [];
  let position = 0;
  for (const span of findMath(text)) {
    nodes.push(...linked(text.slice(position, span.start)));
    nodes.push({ type: 'inlineMath', value: span.tex } satisfies InlineMath);
    position = span.end;
  }
  nodes.push(...linked(text.slice(position)));
  return nodes;
}

/** Text with every http(s) URL as a link to itself. */
function linked(text: string): PhrasingContent[] {
  const nodes: PhrasingContent[] = [];
  let position = 0;
  for (const link of findLinks(text)) {
    if (link.start > position) nodes.push({ type: 'text', value: text.slice(position, link.start) });
    const node: MdastLink = { type: 'link', url: link.url, children: [{ type: 'text', value: link.text }] };
    nodes.push(node);
    position = link.end;
  }
  if (position < text.length) nodes.push({ type: 'text', value: text.slice(position) });
  return nodes;
}

/**
 * The mdast tree of an abstract: one paragraph per paragraph of text (split on blank lines); a
 * paragraph that is one `$$…$$` span is display math.
 */
export function abstractTree(text: string): Root {
  const blocks: (Paragraph | Math)[] = text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
    .map((paragraph) => {
      const [only] = findMath(paragraph);
      if (only?.display && only.start === 0 && only.end === paragraph.length) return { type: 'math', value: only.tex.trim() };
      return { type: 'paragraph', children: phrasing(paragraph) };
    });
  return { type: 'root', children: blocks };
}

/** Serializes an abstract to an inert MDX body; throws if the result would not read back as the same text. */
export function abstractToMdx(text: string): string {
  return renderAbstract(text).mdx;
}

/** An abstract as an inert MDX body, and that body as the page shows it (what `inertHtml` gives for it). */
export interface RenderedAbstract {
  mdx: string;
  html: string;
  /** Its plain text. */
  text: string;
}

/**
 * {@link abstractToMdx}, and the HTML and text of the body, from the same parse that checks it: ingest
 * hands them on so that neither the site's loader nor the search index parses the body again.
 */
export function renderAbstract(text: string): RenderedAbstract {
  const tree = abstractTree(text);
  const mdx = toMarkdown(tree, { extensions: [mdxToMarkdown(), gfmToMarkdown(), mathToMarkdown(), { unsafe: ESM_UNSAFE }] });
  const parsed = assertInert(mdx, tree);
  return { mdx, ...htmlOf(parsed) };
}

/** Parses `mdx` as MDX and checks it holds only text and links that read exactly as `expected`; returns the parse. */
export function assertInert(mdx: string, expected: Root): Root {
  const parsed = parseMdx(mdx);
  const disallowed = disallowedNode(parsed);
  if (disallowed) throw new Error(`MDX serialization produced a "${disallowed}" node; refusing to write it`);
  const paragraphs = (root: Root) => root.children.map((child) => toString(child));
  if (JSON.stringify(paragraphs(parsed)) !== JSON.stringify(paragraphs(expected))) {
    throw new Error('MDX serialization does not read back as the abstract text; refusing to write it');
  }
  return parsed;
}

const MDX = mdxjs();
const GFM = gfm();
const MATH = math();
const TO_MDAST = [mdxFromMarkdown(), gfmFromMarkdown(), mathFromMarkdown()];

/**
 * GFM's autolink literals (`www.x.org`, `https://x.org`, `a@x.org`) are half the cost of parsing an
 * abstract: the email one is tried at every word. Each needs `@`, `www` or `http` (in any case) in the
 * text, so text with none of them is parsed without them, to the same tree (tests hold the two parsers
 * to it on the real corpus and on generated text). Matching by construct name fails safe: should a
 * new micromark rename them, nothing is left out and every parse is a full one.
 */
const AUTOLINK_LITERALS = new Set(['wwwAutolink', 'protocolAutolink', 'emailAutolink']);
const AUTOLINK_LITERAL_SIGN = /@|www|http/i;
export const GFM_WITHOUT_AUTOLINK_LITERALS: typeof GFM = {
  ...GFM,
  text: Object.fromEntries(
    Object.entries(GFM.text ?? {})
      .map(([code, constructs]) => {
        const kept = [constructs].flat().filter((construct) => construct !== undefined);
        return [code, kept.filter((construct) => !AUTOLINK_LITERALS.has(construct.name ?? ''))] as const;
      })
      .filter(([, constructs]) => constructs.length),
  ),
};

/** Parses MDX the way the site's MDX does (micromark with the MDX.js, GFM and math extensions: remark-gfm and remark-math). */
export function parseMdx(mdx: string): Root {
  return fromMarkdown(mdx, {
    extensions: [MDX, AUTOLINK_LITERAL_SIGN.test(mdx) ? GFM : GFM_WITHOUT_AUTOLINK_LITERALS, MATH],
    mdastExtensions: TO_MDAST,
  });
}

/**
 * The plain text of an entry body's abstract (the part above the notes marker), for structured data
 * and the dev search index. The abstract holds only escaped text and links (`assertInert` saw to it at
 * ingest), so plain CommonMark reads it as the MDX parser does at a fifth of the cost, which adds up
 * over every page of a large site; tests hold the two parsers to the same text on hostile input.
 */
export function abstractText(body: string): string {
  return plainText(fromMarkdown(body.split(NOTES_MARKER)[0], { extensions: [math()], mdastExtensions: [mathFromMarkdown()] }));
}

/**
 * The text of a tree, with math in its readable form (`O(n log n)`, not `\mathcal{O}(n \log n)`), its
 * paragraphs joined by a space so that the last word of one does not run into the first of the next.
 */
export function plainText(tree: Root): string {
  const readable = (node: Root | RootContent): RootContent | Root =>
    node.type === 'inlineMath' || node.type === 'math'
      ? { type: 'text', value: readableTex(node.value) }
      : 'children' in node
        ? ({ ...node, children: node.children.map(readable) } as Root)
        : node;
  return tree.children.map((block) => toString(readable(block))).join(' ');
}

/** What external links in an abstract carry: no `window.opener`, no referrer sent to other sites. */
export const EXTERNAL_LINK_OPTIONS: RehypeExternalLinksOptions = { rel: ['noopener', 'noreferrer'] };

const externalLinks = rehypeExternalLinks(EXTERNAL_LINK_OPTIONS);
const mathml = rehypeMathml();

/**
 * An entry body as HTML without compiling it as MDX, when that gives the same page: the abstract part
 * holds only paragraphs, text and links (what ingest writes) and no notes follow the marker. Anything
 * else (a hand-written component, an expression, notes in MDX) returns `undefined` and the entry is
 * compiled by `@astrojs/mdx` as usual. Compiling 10,000 MDX modules is most of a large build, and this
 * HTML can be cached between builds where compiled modules cannot. Parsing is the MDX parser's, the
 * HTML comes from mdast-util-to-hast and hast-util-to-html, and links get the same rehype plugin the
 * Markdown processor runs, so both paths give the same markup (tests hold them to it).
 */
export function inertHtml(body: string): { html: string; text: string } | undefined {
  const at = body.indexOf(NOTES_MARKER);
  if (at !== -1 && body.slice(at + NOTES_MARKER.length).trim() !== '') return undefined;
  const tree = parseMdx(at === -1 ? body : body.slice(0, at));
  if (disallowedNode(tree)) return undefined;
  return htmlOf(tree);
}

/** HTML (links marked external) and plain text of an inert tree. */
function htmlOf(tree: Root): { html: string; text: string } {
  const hast = toHast(tree);
  externalLinks(hast as HastRoot);
  mathml(hast as HastRoot);
  return { html: toHtml(hast), text: plainText(tree) };
}

/**
 * The plain text of notes a user wrote in MDX, for search: text and the text inside components, without
 * running anything (expressions and import/export lines are left out).
 */
export function notesText(notes: string): string {
  try {
    const tree = parseMdx(notes);
    const prose = (node: { type: string; children?: unknown[] }): unknown => ({
      ...node,
      ...(node.children
        ? {
            children: (node.children as { type: string }[])
              .filter((child) => !/^mdx(jsEsm|FlowExpression|TextExpression)$/.test(child.type))
              .map(prose),
          }
        : {}),
    });
    // Block by block, so paragraphs do not run into each other.
    return (prose(tree) as Root).children
      .map((block) => toString(block, { includeImageAlt: false }))
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim();
  } catch {
    // Notes that are not valid MDX fail the page build itself; for search, their text as written.
    return notes.replace(/\s+/g, ' ').trim();
  }
}
