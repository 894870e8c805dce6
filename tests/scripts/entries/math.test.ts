import type { Element, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { findMath, mathAsText, mathElement, readableMath, readableTex, rehypeMathml } from '../../../scripts/entries/math.ts';

const texOf = (text: string) => findMath(text).map((span) => (span.display ? `$$${span.tex}$$` : span.tex));

describe('findMath', () => {
  it('finds inline and display TeX', () => {
    expect(texOf('a $k$-NN search in $\\mathcal{O}(n \\log n)$ time')).toEqual(['k', '\\mathcal{O}(n \\log n)']);
    expect(texOf('$$\\sum_i x_i$$ and $x_1$')).toEqual(['$$\\sum_i x_i$$', 'x_1']);
    expect(texOf('over two lines: $a +\nb$.')).toEqual(['a +\nb']);
    expect(findMath('at $x$ here')).toEqual([{ start: 3, end: 6, tex: 'x', display: false }]);
  });

  it('leaves prices, shell variables and lone dollars alone', () => {
    for (const text of [
      'It costs $5 and $10 a month.',
      'only US$44 in charges and $0.34 a paper',
      'set $HOME and $PATH first',
      'from $3 to $4.50',
      'a lone $ sign',
      'an escaped \\$x\\$ pair',
      '$ spaced $ dollars',
    ])
      expect(findMath(text), text).toEqual([]);
  });

  it('leaves words between dollars alone (TeX whose backslashes a source stripped)', () => {
    expect(findMath('$textbf{specialist} and textbf{generalist}$ models')).toEqual([]);
    expect(findMath('$P(final output is incorrect) le (1 - p_{gen})^N$')).toEqual([]);
    // Words inside \text{…} and the like, and command names, are TeX.
    expect(texOf('$\\text{softmax}(x)$ and $\\operatorname{TopK}$')).toEqual(['\\text{softmax}(x)', '\\operatorname{TopK}']);
  });

  it('leaves TeX that Temml refuses as text: invalid, or commands that are off', () => {
    for (const text of [
      '$\\frac{a}{b$ is unbalanced',
      '$\\href{javascript:alert(1)}{x}$',
      '$\\url{https://example.org}$',
      '$\\includegraphics{https://example.org/x.png}$',
      '$\\htmlClass{evil}{x}$ and $\\htmlId{evil}{x}$ and $\\htmlData{a=b}{x}$',
      '$\\style{color:red}{x}$',
      '$\\def\\a{\\a\\a}\\a$',
      `$${'{'.repeat(5000)}x${'}'.repeat(5000)}$`,
    ])
      expect(findMath(text), text.slice(0, 40)).toEqual([]);
  });
});

describe('mathElement', () => {
  /** Every attribute name anywhere in the element's subtree. */
  const attributes = (node: Element): string[] => [
    ...Object.keys(node.properties),
    ...node.children.flatMap((child) => (child.type === 'element' ? attributes(child) : [])),
  ];

  it('gives MathML with a readable alttext that Pagefind indexes', () => {
    const math = mathElement('\\mathcal{O}(n^2)', false)!;
    expect(math.tagName).toBe('math');
    expect(math.properties).toEqual({ alttext: 'O(n^2)', dataPagefindIndexAttrs: 'alttext' });
    expect(toHtml(math)).toMatch(/^<math alttext="O\(n\^2\)" data-pagefind-index-attrs="alttext"><mrow><mi>𝒪<\/mi>/);
    expect(mathElement('\\sum_i x_i', true)!.properties.display).toBe('block');
  });

  it('lets no TeX add a link, a style, a class, an id or a colour', () => {
    for (const tex of [
      '\\color{red}{x}',
      '\\textcolor{red}{x}',
      '\\colorbox{red}{x}',
      '\\fcolorbox{red}{blue}{x}',
      '\\begin{array}{c|c} a & b \\\\ \\hline c & d \\end{array}',
      '\\begin{pmatrix} a & b \\end{pmatrix}',
      'x \\\\ y',
      '\\rule{100em}{100em}',
      '\\mathrm{x}\\mathbf{y}\\boldsymbol{z}',
      '\\cancel{x}\\boxed{y}',
      '\\tag{1} x',
    ]) {
      const math = mathElement(tex, false);
      if (!math) continue; // refused: the text stays as written
      const names = attributes(math);
      for (const forbidden of ['href', 'style', 'className', 'id', 'mathcolor', 'mathbackground', 'xlinkHref'])
        expect(names, tex).not.toContain(forbidden);
      expect(toHtml(math), tex).not.toMatch(/<(?:a|span|div|img|svg|style|script)\b|href|style=|class=/);
    }
  });
});

describe('readableTex', () => {
  it('spells commands as words and drops font wrappers and braces', () => {
    expect(readableTex('\\mathcal{O}(n^2)')).toBe('O(n^2)');
    expect(readableTex('\\alpha \\times \\beta')).toBe('alpha times beta');
    expect(readableTex('\\mathbb{R}^{d}')).toBe('R^d');
    expect(readableTex('\\text{softmax}(QK^\\top / \\sqrt{d})')).toBe('softmax(QK^top / sqrt d)');
    expect(readableTex('\\color{red}{x}')).toBe('x');
    expect(readableTex('\\frac{1}{2} + \\tfrac{a}{b}')).toBe('1/2+a/b');
  });
});

describe('readableMath and mathAsText', () => {
  it('gives analysis the readable form of each formula, and leaves other dollars alone', () => {
    expect(readableMath('runs in $\\mathcal{O}(n^2)$ for $5 a month')).toBe('runs in O(n^2) for $5 a month');
    expect(readableMath('no math here')).toBe('no math here');
  });

  it('gives search the readable form in place of each MathML element', () => {
    const html = `<p>in <math alttext="O(n^2)"><mi>𝒪</mi></math> time</p>${toHtml(mathElement('\\infty', true)!)}`;
    expect(mathAsText(html)).toBe('<p>in O(n^2) time</p>infty');
    expect(mathAsText('<p>plain</p>')).toBe('<p>plain</p>');
  });
});

describe('rehypeMathml', () => {
  const tree = (children: Root['children']): Root => ({ type: 'root', children });
  const code = (className: string[], value: string): Element => ({
    type: 'element',
    tagName: 'code',
    properties: { className },
    children: [{ type: 'text', value }],
  });

  it('turns remark-math nodes into MathML and refused TeX back into its text', () => {
    const root = tree([
      {
        type: 'element',
        tagName: 'p',
        properties: {},
        children: [code(['language-math', 'math-inline'], 'x^2'), { type: 'text', value: ' and ' }],
      },
      { type: 'element', tagName: 'pre', properties: {}, children: [code(['language-math', 'math-display'], '\\frac{1}{2}')] },
      { type: 'element', tagName: 'p', properties: {}, children: [code(['language-math', 'math-inline'], '\\href{x}{y}')] },
      { type: 'element', tagName: 'p', properties: {}, children: [code(['language-js'], 'not math')] },
    ]);
    rehypeMathml()(root);
    const html = toHtml(root);
    expect(html).toMatch(/^<p><math alttext="x\^2" data-pagefind-index-attrs="alttext"><msup>/);
    expect(html).toContain('<math display="block" alttext="1/2"');
    expect(html).toContain('<p>$\\href{x}{y}$</p>');
    expect(html).toContain('<p><code class="language-js">not math</code></p>');
  });
});
