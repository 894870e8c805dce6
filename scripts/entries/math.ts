/**
 * TeX in abstracts: finding it in the text at ingest, and rendering it to MathML at build time.
 *
 * Finding follows Pandoc's rule for `$`, which leaves prices and shell variables alone: an opening `$`
 * has a non-space right after it, a closing `$` has a non-space right before it and no digit right
 * after it, so `$5 and $10` is text. `$$…$$` is display math. Two more checks keep text text: what is
 * left of the span once TeX commands and their text arguments are gone holds no word of four letters
 * or more (sources that strip backslashes leave `$textbf{specialist} and …$`), and Temml must accept
 * the TeX. A span that fails any check stays literal text, dollars included.
 *
 * Rendering is Temml's MathML (no script, no web font: browsers draw MathML with the system's fonts)
 * with `trust` off, so `\href`, `\url`, `\includegraphics`, `\htmlClass` and the like are errors, and
 * an allowlist sanitizer after it: only MathML elements and layout attributes survive; `style`,
 * `class`, `id`, `href` and colours never reach the page (they would also break the strict CSP).
 */
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { sanitize, type Schema } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import temml from 'temml';

/** A span of TeX in a text: where it starts and ends (dollars included), its source, and whether it is display math. */
export interface MathSpan {
  start: number;
  end: number;
  tex: string;
  display: boolean;
}

/** Inline math longer than this is more likely two prices than one formula. */
const MAX_INLINE = 300;

/** Temml's options: no trusted commands, errors thrown (the caller falls back to text), bounded work (sizes capped at 20em, at most 200 macro expansions). */
const TEMML_OPTIONS = {
  trust: false,
  throwOnError: true,
  strict: false,
  maxSize: [20, 20] as [number, number],
  maxExpand: 200,
  annotate: false,
} as const;

/** Font and text wrappers (`\mathcal{O}`, `\text{softmax}`, `\operatorname{TopK}`): their argument is what shows. */
const WRAPPER = String.raw`(?:text\w*|math(?:rm|bf|it|sf|tt|cal|bb|frak|scr)|operatorname\*?|mbox|boldsymbol)`;
/** A wrapper with its argument, and every other command: removed before looking for words. */
const TEXT_ARGUMENT = new RegExp(String.raw`\\${WRAPPER}\s*\{[^{}]*\}`, 'g');
const COMMAND = /\\[A-Za-z]+/g;
/** Wrappers and sizing commands, dropped from the readable form (their arguments stay). */
const LAYOUT_COMMAND = new RegExp(String.raw`\\(?:${WRAPPER}|left|right|big+l?r?|Big+l?r?)\b`, 'g');

/** Whether `tex` reads as TeX rather than as words between two dollar signs. */
function looksLikeTex(tex: string): boolean {
  return !/[A-Za-z]{4,}/.test(tex.replace(TEXT_ARGUMENT, ' ').replace(COMMAND, ' '));
}

/**
 * TeX meant literally that cleanup unescaped (`\%` became `%`, which TeX reads as a comment) is
 * escaped again for Temml; inside an environment `&` aligns columns and is left alone.
 */
function forTemml(tex: string): string {
  const special = tex.includes('\\begin') ? /(?<!\\)[%#]/g : /(?<!\\)[%#&]/g;
  return tex.replace(special, (char) => `\\${char}`);
}

/** Temml's MathML for `tex`, or `undefined` when Temml refuses it. */
function temmlMarkup(tex: string, display: boolean): string | undefined {
  try {
    return temml.renderToString(forTemml(tex), { ...TEMML_OPTIONS, displayMode: display });
  } catch {
    return undefined;
  }
}

/** The spans of TeX in `text`, in order (see the module comment for the rule). */
export function findMath(text: string): MathSpan[] {
  const spans: MathSpan[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== '$' || text[i - 1] === '\\') continue;
    const display = text[i + 1] === '$';
    const open = display ? 2 : 1;
    let close = -1;
    if (display) {
      close = text.indexOf('$$', i + 2);
    } else if (/\S/.test(text[i + 1] ?? ' ')) {
      for (let j = i + 2; j < text.length && j - i <= MAX_INLINE; j++) {
        if (text[j] === '$' && text[j - 1] !== '\\' && /\S/.test(text[j - 1]) && !/\d/.test(text[j + 1] ?? '')) {
          close = j;
          break;
        }
      }
    }
    if (close === -1) continue;
    const tex = text.slice(i + open, close);
    if (!tex.trim() || !looksLikeTex(tex) || temmlMarkup(tex, display) === undefined) continue;
    spans.push({ start: i, end: close + open, tex, display });
    i = close + open - 1;
  }
  return spans;
}

/** MathML elements Temml writes, and the presentation attributes each may keep. */
const MATH_ATTRIBUTES: Record<string, string[]> = {
  math: ['display', 'alttext'],
  mi: ['mathvariant'],
  mo: ['fence', 'form', 'stretchy', 'lspace', 'rspace', 'movablelimits', 'largeop', 'symmetric', 'minsize', 'maxsize', 'separator'],
  mn: [],
  ms: [],
  mtext: [],
  mrow: [],
  mspace: ['width', 'height', 'depth'],
  mpadded: ['width', 'height', 'depth', 'lspace', 'voffset'],
  mphantom: [],
  mfrac: ['linethickness'],
  msqrt: [],
  mroot: [],
  msub: [],
  msup: [],
  msubsup: [],
  munder: ['accentunder'],
  mover: ['accent'],
  munderover: ['accent', 'accentunder'],
  mmultiscripts: [],
  mprescripts: [],
  none: [],
  mtable: ['columnalign', 'rowalign', 'columnspacing', 'rowspacing', 'columnlines', 'rowlines', 'frame', 'displaystyle'],
  mtr: ['columnalign', 'rowalign'],
  mtd: ['columnalign', 'rowalign', 'columnspan', 'rowspan'],
  mstyle: ['displaystyle', 'scriptlevel', 'mathvariant'],
  menclose: ['notation'],
  semantics: [],
};

const MATH_SCHEMA: Schema = {
  tagNames: Object.keys(MATH_ATTRIBUTES),
  attributes: MATH_ATTRIBUTES,
  protocols: {},
  clobber: [],
  clobberPrefix: '',
  ancestors: {},
  required: {},
  strip: ['annotation', 'annotation-xml', 'script', 'style'],
};

/**
 * A readable form of `tex` for search and for `alttext`: commands as their names, font and text
 * wrappers dropped, simple fractions as `a/b`, braces gone (`\mathcal{O}(n^2)` → `O(n^2)`,
 * `\alpha \times \beta` → `alpha times beta`).
 */
export function readableTex(tex: string): string {
  return tex
    .replace(/\\(?:color|textcolor)\s*\{[^{}]*\}/g, ' ')
    .replace(/\\[dt]?frac\s*\{([^{}]*)\}\s*\{([^{}]*)\}/g, ' $1/$2 ')
    .replace(LAYOUT_COMMAND, ' ')
    .replace(/\\([A-Za-z]+)/g, ' $1 ')
    .replace(/\\(.)/g, '$1')
    .replace(/[{}]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([_^(),=+])\s*/g, '$1')
    .trim();
}

/** `text` with each span of TeX in its readable form: what analysis reads (no `mathcal` keyword). */
export function readableMath(text: string): string {
  if (!text.includes('$')) return text;
  let out = '';
  let position = 0;
  for (const span of findMath(text)) {
    out += text.slice(position, span.start) + readableTex(span.tex);
    position = span.end;
  }
  return out + text.slice(position);
}

/**
 * HTML with each `<math>` element replaced by its readable form (its `alttext`), for the search
 * index: results then quote `O(n log n)` where the page draws 𝒪(n log n).
 */
export function mathAsText(html: string): string {
  if (!html.includes('<math')) return html;
  const tree = fromHtml(html, { fragment: true });
  const visit = (parent: HastRoot | Element) => {
    parent.children = parent.children.map((node) => {
      if (node.type !== 'element') return node;
      if (node.tagName === 'math') return { type: 'text', value: String(node.properties.alttext ?? '') };
      visit(node);
      return node;
    }) as typeof parent.children;
  };
  visit(tree);
  return toHtml(tree);
}

/**
 * The sanitized MathML element for `tex`, or `undefined` when Temml refuses it. It carries a readable
 * form in `alttext`, which Pagefind indexes beside the drawn symbols.
 */
export function mathElement(tex: string, display: boolean): Element | undefined {
  const markup = temmlMarkup(tex, display);
  if (markup === undefined) return undefined;
  const clean = sanitize(fromHtml(markup, { fragment: true }), MATH_SCHEMA) as HastRoot;
  const math = clean.children.find((node): node is Element => node.type === 'element' && node.tagName === 'math');
  if (!math) return undefined;
  math.properties = {
    ...(display ? { display: 'block' } : {}),
    alttext: readableTex(tex),
    dataPagefindIndexAttrs: 'alttext',
  };
  return math;
}

/** The text of a math node's `code` element (text only: remark-math puts nothing else there). */
const textOf = (node: Element) => node.children.map((child) => (child.type === 'text' ? child.value : '')).join('');

const hasClass = (node: Element, name: string) => ([] as unknown[]).concat(node.properties.className ?? []).includes(name);

/**
 * Rehype step: the math nodes of remark-math / mdast-util-math (`code.math-inline`, and
 * `pre > code.math-display`) become MathML; TeX that Temml refuses is shown as written, between its
 * dollars. Used by ingest (the HTML it hands the site) and by the site's Markdown processor (bodies
 * compiled as MDX), so both give the same markup.
 */
export function rehypeMathml() {
  return (tree: HastRoot) => {
    const visit = (parent: HastRoot | Element) => {
      parent.children = parent.children.map((node) => {
        if (node.type !== 'element') return node;
        const code = node.tagName === 'pre' ? node.children.find((c): c is Element => c.type === 'element' && c.tagName === 'code') : node;
        const display = node.tagName === 'pre' && !!code && hasClass(code, 'math-display');
        const inline = node.tagName === 'code' && hasClass(node, 'math-inline');
        if (!code || (!display && !inline)) {
          visit(node);
          return node;
        }
        const tex = textOf(code);
        const fence = display ? '$$' : '$';
        return (mathElement(tex, display) ?? { type: 'text', value: `${fence}${tex}${fence}` }) as ElementContent;
      }) as typeof parent.children;
    };
    visit(tree);
  };
}
