/**
 * The only module script on every page, and a small one: it turns the header's "Browse topics" link
 * into a search button, opens the search dialog from it, Ctrl/Cmd+K or `/`, and highlights the search
 * terms when a reader arrives from a result. Everything else (the controller, Pagefind's JavaScript
 * and WebAssembly) is loaded the first time search is opened. It also runs the page's other small
 * controls: the theme switch, the topics drawer and copy buttons (see `page-controls.ts`).
 */
import { HIGHLIGHT_PARAM, searchState } from '../../lib/search-state.ts';
import type { SearchController } from './controller.ts';

/** Typing a `/` into a field must type a `/`, not open search. */
function isEditable(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  return !!element && (element.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName));
}

export function bootSearch(root: HTMLElement): void {
  const { bundle = '/pagefind/', base = '/', searchUrl: searchPage = '/search/', merge = '', partsList } = root.dataset;
  const button = root.querySelector<HTMLButtonElement>('[data-search-open]')!;
  const dialog = root.querySelector<HTMLDialogElement>('dialog')!;
  const panel = dialog.querySelector<HTMLElement>('[data-search-panel]')!;
  const pagePanel = document.querySelector<HTMLElement>('[data-search-page] input[type="search"]');
  // Show the shortcut as the reader's keyboard labels it.
  const kbd = button.querySelector('kbd');
  if (kbd && /Mac|iPhone|iPad/.test(navigator.userAgent)) kbd.textContent = '⌘ K';

  let controller: Promise<SearchController> | undefined;
  let opener: HTMLElement | null = null;

  const open = async () => {
    // On the search page itself, search means its own box.
    if (pagePanel) return pagePanel.focus();
    if (dialog.open) return;
    opener = document.activeElement as HTMLElement | null;
    dialog.showModal();
    const input = panel.querySelector<HTMLInputElement>('input[type="search"]')!;
    input.focus();
    input.select();
    const first = !controller;
    controller ??= import('./controller.ts').then(
      ({ SearchController }) =>
        new SearchController(panel, {
          bundle,
          base,
          searchPage,
          merge: merge.split(' ').filter(Boolean),
          partsList,
          syncUrl: false,
        }),
    );
    const search = await controller;
    // Catch up with whatever was typed while the controller loaded.
    if (first) await search.update(searchState({ query: input.value }));
  };

  button.addEventListener('click', () => void open());
  dialog.addEventListener('close', () => opener?.focus());
  // A click on the backdrop (the dialog element itself, outside its panel) closes it.
  dialog.addEventListener('click', (event) => {
    if (event.target === dialog) dialog.close();
  });
  document.addEventListener('keydown', (event) => {
    if (event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey) && !event.altKey) {
      event.preventDefault();
      if (dialog.open) dialog.close();
      else void open();
    } else if (event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !isEditable(event.target) && !dialog.open) {
      event.preventDefault();
      void open();
    }
  });

  if (new URLSearchParams(location.search).has(HIGHLIGHT_PARAM)) void highlight(bundle);
}

/** Marks the searched words on a result page with Pagefind's highlighter, and scrolls to the first. */
async function highlight(bundle: string): Promise<void> {
  const { default: PagefindHighlight } = (await import(/* @vite-ignore */ `${bundle}pagefind-highlight.js`)) as {
    default: new (options: Record<string, unknown>) => unknown;
  };
  new PagefindHighlight({
    highlightParam: HIGHLIGHT_PARAM,
    // No injected <style>: the site's stylesheet styles the marks, and a strict CSP forbids inline styles.
    addStyles: false,
    markOptions: { className: 'pagefind-highlight', exclude: ['[data-pagefind-ignore]', '[data-pagefind-ignore] *'] },
  });
  document.querySelector('.pagefind-highlight')?.scrollIntoView({ block: 'center' });
}
