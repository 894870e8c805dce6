/**
 * The page's small controls, each a progressive enhancement of markup that works without them:
 * the theme switch (saved in localStorage; `public/theme.js` applies it before the first paint), the
 * topics drawer on small screens, and copy buttons.
 */
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

export function setupPageControls(): void {
  const theme = document.querySelector<HTMLButtonElement>('[data-theme-toggle]');
  if (theme) setupThemeToggle(theme);
  const menu = document.querySelector<HTMLButtonElement>('[data-menu-toggle]');
  if (menu) setupDrawer(menu);
  setupCopyButtons();
}
