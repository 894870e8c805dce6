/**
 * Compiles and runs MDX with `@mdx-js/mdx` (the compiler `@astrojs/mdx` uses) and a tiny JSX runtime
 * that records elements, so tests can read back exactly the text a page would show.
 */
import { evaluate } from '@mdx-js/mdx';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import { rehypeMathml } from '../../scripts/entries/math.ts';

interface Element {
  type: unknown;
  props: { children?: unknown; [key: string]: unknown };
}

const Fragment = Symbol('Fragment');
const jsx = (type: unknown, props: Element['props']): Element => ({ type, props });

/** Text content of a rendered node tree. */
export function textOf(node: unknown): string {
  if (node === null || node === undefined || typeof node === 'boolean') return '';
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  if (Array.isArray(node)) return node.map(textOf).join('');
  return textOf((node as Element).props.children);
}

/** All elements of `node` with the given tag, depth first. */
export function elementsOf(node: unknown, tag: string): Element[] {
  if (!node || typeof node !== 'object') return [];
  if (Array.isArray(node)) return node.flatMap((child) => elementsOf(child, tag));
  const element = node as Element;
  return [...(element.type === tag ? [element] : []), ...elementsOf(element.props.children, tag)];
}

/**
 * Evaluates `mdx` with remark-gfm, remark-math and the MathML step, as the site compiles it, and
 * returns the rendered tree (with no components: plain HTML tags as strings).
 */
export async function renderMdx(mdx: string): Promise<unknown> {
  const { default: Content } = await evaluate(mdx, {
    Fragment,
    jsx,
    jsxs: jsx,
    development: false,
    remarkPlugins: [remarkGfm, remarkMath],
    rehypePlugins: [rehypeMathml],
  } as never);
  return (Content as (props: object) => unknown)({});
}

/** The text of each paragraph of the rendered MDX. */
export async function renderedParagraphs(mdx: string): Promise<string[]> {
  return elementsOf(await renderMdx(mdx), 'p').map(textOf);
}
