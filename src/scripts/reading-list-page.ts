/**
 * The reading list page: lists the saved papers (newest first) with their topics and date, removes
 * them, and downloads the list as BibTeX or text. A paper saved from search results has no citation
 * yet; its page is fetched once to take the BibTeX entry and citation its Save button carries, so the
 * export is the paper page's own.
 */
import { bibtexFile, newestFirst, removePaper, savePaper, textFile, type SavedPaper } from '../lib/reading-list.ts';
import { onListChange, readList, writeList } from './reading-list.ts';

/** Offers `text` as a download named `name`. */
function download(name: string, type: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The entry a paper page's Save button carries, fetched from the page; undefined when it cannot be read. */
async function entryFromPage(url: string): Promise<Omit<SavedPaper, 'savedAt'> | undefined> {
  try {
    const response = await fetch(url);
    if (!response.ok) return undefined;
    const page = new DOMParser().parseFromString(await response.text(), 'text/html');
    const data = page.querySelector<HTMLButtonElement>('button[data-save]')?.dataset.save;
    return data ? (JSON.parse(data) as Omit<SavedPaper, 'savedAt'>) : undefined;
  } catch {
    return undefined;
  }
}

export function setupReadingList(root: HTMLElement): void {
  const list = root.querySelector<HTMLOListElement>('[data-reading-list]')!;
  const status = root.querySelector<HTMLElement>('[data-reading-status]')!;
  const actions = root.querySelector<HTMLElement>('[data-reading-actions]')!;
  const heading = document.getElementById('reading-list-title')!;

  const render = (saved: readonly SavedPaper[]) => {
    const papers = newestFirst(saved);
    actions.hidden = papers.length === 0;
    status.textContent = papers.length
      ? `${papers.length} ${papers.length === 1 ? 'paper' : 'papers'} saved.`
      : 'Nothing saved yet. Save papers from their pages or from search results, and they appear here.';
    list.replaceChildren(
      ...papers.map((paper) => {
        const item = document.createElement('li');
        const text = document.createElement('div');
        const link = Object.assign(document.createElement('a'), { href: paper.url, textContent: paper.title });
        link.dir = 'auto';
        const meta = document.createElement('p');
        meta.className = 'paper-meta';
        for (const part of [paper.topics.join(' · '), paper.date && `Trending ${paper.date}`]) {
          if (part) meta.append(Object.assign(document.createElement('span'), { textContent: part }));
        }
        text.append(link, meta);
        const remove = Object.assign(document.createElement('button'), { type: 'button', textContent: 'Remove' });
        remove.setAttribute('aria-label', `Remove “${paper.title}”`);
        remove.addEventListener('click', () => {
          const next = removePaper(readList(), paper.keys);
          if (!writeList(next)) return;
          // Focus moves to the next paper's button, or the previous one's, or the heading.
          const buttons = [...list.querySelectorAll('button')];
          const at = buttons.indexOf(remove);
          render(next);
          const after = [...list.querySelectorAll('button')];
          (after[at] ?? after[at - 1] ?? heading).focus();
          status.textContent = `Removed “${paper.title}”. ${status.textContent}`;
        });
        item.append(text, remove);
        return item;
      }),
    );
  };

  root
    .querySelector('[data-export="bibtex"]')!
    .addEventListener('click', () => download('reading-list.bib', 'application/x-bibtex', bibtexFile(readList(), location.href)));
  root
    .querySelector('[data-export="text"]')!
    .addEventListener('click', () => download('reading-list.txt', 'text/plain', textFile(readList(), location.href)));

  const saved = readList();
  render(saved);
  onListChange(render);
  // Papers saved from search results: take their citation from their pages, one after another.
  void (async () => {
    for (const paper of saved.filter((entry) => !entry.bibtex)) {
      const fresh = await entryFromPage(paper.url);
      if (!fresh) continue;
      const next = savePaper(readList(), { ...fresh, savedAt: paper.savedAt });
      if (writeList(next)) render(next);
    }
    root.dataset.ready = '';
  })();
}
