/**
 * Pagefind's excerpts are HTML with `<mark>` around matched words. They are parsed in an inert
 * document and rebuilt from text nodes and marks only, so no markup from a page's text can ever
 * reach the results list.
 */
export function excerptNodes(html: string): DocumentFragment {
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  const fragment = document.createDocumentFragment();
  const walk = (node: Node, into: Node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) into.appendChild(document.createTextNode(child.textContent ?? ''));
      else if (child.nodeName === 'MARK') {
        const mark = document.createElement('mark');
        mark.textContent = child.textContent ?? '';
        into.appendChild(mark);
      } else walk(child, into);
    }
  };
  walk(parsed.body, fragment);
  return fragment;
}
