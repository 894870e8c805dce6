/**
 * The search page: loads Pagefind's UI from the built bundle (only on this page), runs the query from
 * `?q=` and keeps the address in step with what is typed, so a search can be shared.
 */
interface PagefindUIInstance {
  triggerSearch(term: string): void;
}
type PagefindUIConstructor = new (options: Record<string, unknown>) => PagefindUIInstance;

function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`could not load ${src}`));
    document.head.append(script);
  });
}

function loadStyles(href: string) {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = href;
  document.head.append(link);
}

export async function startSearchPage(container: HTMLElement): Promise<void> {
  const bundle = container.dataset.bundle!;
  loadStyles(`${bundle}pagefind-ui.css`);
  await loadScript(`${bundle}pagefind-ui.js`);
  const PagefindUI = (window as unknown as { PagefindUI: PagefindUIConstructor }).PagefindUI;
  const ui = new PagefindUI({
    element: container,
    bundlePath: bundle,
    showImages: false,
    showSubResults: false,
    resetStyles: false,
    autofocus: true,
    processTerm: (term: string) => {
      const url = new URL(location.href);
      if (term) url.searchParams.set('q', term);
      else url.searchParams.delete('q');
      history.replaceState(null, '', url);
      return term;
    },
  });
  const query = new URLSearchParams(location.search).get('q');
  if (query) ui.triggerSearch(query);
}
