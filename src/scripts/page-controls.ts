/**
 * The page's small controls, each a progressive enhancement of markup that works without them:
 * the theme switch (saved in localStorage; `public/theme.js` applies it before the first paint), the
 * topics drawer on small screens, copy buttons, and a paper page's Save button (the reading list).
 */
import type { SavedPaper } from '../lib/reading-list.ts';

/**
 * The reading list's storage key, as in `src/lib/reading-list.ts` (a test holds them equal). Written
 * out here so that a page's first load reads the list without loading the list's code, which comes
 * only when the reader presses Save (or has saved this paper before).
 */
export const READING_LIST_KEY = 'abstracta-reading-list';

/** Every key of every saved paper, read straight from storage (see `parseList` for the full reading). */
function savedKeys(): Set<string> {
  try {
    const list: unknown = JSON.parse(localStorage.getItem(READING_LIST_KEY) ?? '[]');
    return new Set(Array.isArray(list) ? list.flatMap((entry: { keys?: unknown }) => (Array.isArray(entry?.keys) ? entry.keys : [])) : []);
  } catch {
    return new Set();
  }
}
const THEME_KEY = 'abstracta-theme';

/** The theme in effect: the saved choice, else the system's. */
function currentTheme(): 'light' | 'dark' {
  const chosen = document.documentElement.dataset.theme;
  if (chosen === 'light' || chosen === 'dark') return chosen;
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

function setupThemeToggle(button: HTMLButtonElement) {
  const label = button.querySelector('.visually-hidden')!;
  const show = () => {
    const dark = currentTheme() === 'dark';
    button.setAttribute('aria-pressed', String(dark));
    label.textContent = 'Dark theme';
  };
  show();
  button.addEventListener('click', () => {
    const next = currentTheme() === 'dark' ? 'light' : 'dark';
    document.documentElement.dataset.theme = next;
    try {
      localStorage.setItem(THEME_KEY, next);
    } catch {
      // Storage blocked: the choice lasts for this page only.
    }
    show();
  });
}

function setupDrawer(button: HTMLButtonElement) {
  const sidebar = document.getElementById(button.getAttribute('aria-controls')!);
  if (!sidebar) return;
  const setOpen = (open: boolean) => {
    button.setAttribute('aria-expanded', String(open));
    sidebar.classList.toggle('open', open);
    if (open) sidebar.querySelector<HTMLElement>('a')?.focus();
  };
  button.addEventListener('click', () => setOpen(button.getAttribute('aria-expanded') !== 'true'));
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && sidebar.classList.contains('open')) {
      setOpen(false);
      button.focus();
    }
  });
}

function setupCopyButtons() {
  for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copy]')) {
    const source = document.getElementById(button.dataset.copy!);
    // Without the Clipboard API (an insecure origin), the text can still be selected by hand.
    if (!source || !navigator.clipboard) {
      button.hidden = true;
      continue;
    }
    button.addEventListener('click', async () => {
      await navigator.clipboard.writeText(source.textContent ?? '');
      const before = button.textContent;
      button.textContent = 'Copied';
      setTimeout(() => (button.textContent = before), 1500);
    });
  }
}

/** The Save toggle: pressed while the paper is on the reading list; a saved entry is kept up to date. */
function setupSaveButton(button: HTMLButtonElement) {
  const paper = JSON.parse(button.dataset.save!) as Omit<SavedPaper, 'savedAt'>;
  const show = () => {
    const keys = savedKeys();
    const saved = paper.keys.some((key) => keys.has(key));
    button.setAttribute('aria-pressed', String(saved));
    return saved;
  };
  const list = () => Promise.all([import('../lib/reading-list.ts'), import('./reading-list.ts')]);
  // The page has this paper's current URL, title and citation: a saved entry is refreshed with them.
  if (show())
    void list().then(([{ savePaper }, { readList, writeList }]) => writeList(savePaper(readList(), { ...paper, savedAt: Date.now() })));
  button.addEventListener('click', async () => {
    const [{ togglePaper }, { readList, writeList }] = await list();
    writeList(togglePaper(readList(), { ...paper, savedAt: Date.now() }));
    show();
  });
  // Another tab saved or removed it.
  addEventListener('storage', (event) => {
    if (event.key === READING_LIST_KEY || event.key === null) show();
  });
}

export function setupPageControls(): void {
  const theme = document.querySelector<HTMLButtonElement>('[data-theme-toggle]');
  if (theme) setupThemeToggle(theme);
  const menu = document.querySelector<HTMLButtonElement>('[data-menu-toggle]');
  if (menu) setupDrawer(menu);
  setupCopyButtons();
  const save = document.querySelector<HTMLButtonElement>('button[data-save]');
  if (save) setupSaveButton(save);
}
