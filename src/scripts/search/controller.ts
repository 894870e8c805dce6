/**
 * The search panel's behaviour, shared by the dialog and the /search/ page: runs Pagefind queries as
 * the reader types, renders results (title, topic chips, highlighted excerpt) and topic filters with
 * counts, and moves through results with the arrow keys (a combobox over a listbox, as in WAI-ARIA).
 */
import type { Forgiven } from '../../lib/forgiving-search.ts';
import { isSaved, togglePaper } from '../../lib/reading-list.ts';
import { pagefindFilters, readSearchState, searchState, writeSearchState, type SearchState } from '../../lib/search-state.ts';
import { spacedWords } from '../../lib/segment.ts';
import { excerptNodes } from './excerpt.ts';
import { loadPagefind, type PagefindResponse } from './pagefind.ts';
import { readList, writeList } from '../reading-list.ts';

type ResultData = Awaited<ReturnType<PagefindResponse['results'][number]['data']>>;

/** A result's reading-list keys (the `keys` meta of paper pages); none for topic pages. */
function keysOf(item: ResultData): string[] {
  try {
    const keys: unknown = JSON.parse(item.meta.keys ?? '[]');
    return Array.isArray(keys) ? keys.filter((key): key is string => typeof key === 'string') : [];
  } catch {
    return [];
  }
}

/** What Pagefind is asked: the query, with words of unspaced scripts spaced out as the index has them. */
function searchTerm(query: string): string | null {
  const trimmed = query.trim();
  return trimmed ? (spacedWords(trimmed) ?? trimmed) : null;
}

/** What a forgiving search changed, for the status line: `: “contrlolable” read as “controllable”, “xq” ignored`. */
function forgivenNote({ corrected, ignored }: Forgiven): string {
  const parts = [
    ...corrected.map(([typed, meant]) => `“${typed}” read as “${meant}”`),
    ...(ignored.length ? [`${ignored.map((word) => `“${word}”`).join(', ')} ignored`] : []),
  ];
  return parts.length ? ` (${parts.join('; ')})` : '';
}

/** Up to this many topic filters show open on a wide screen; more, or any on a phone, fold into one line. */
const FEW_TOPICS = 4;

/** Results shown at once: a dialog is for finding, not for paging through hundreds. */
const MAX_RESULTS = 10;

export interface SearchOptions {
  /** URL of the Pagefind bundle folder, ending in `/`. */
  bundle: string;
  /** The site's base path, for result URLs. */
  base: string;
  /** `pagefind/` folders of other sites whose results join this one's (see `SEARCH_MERGE`). */
  merge: readonly string[];
  /** URL of the list of this site's other index folders, when its index is made in parts (see `search-parts.ts`). */
  partsList?: string;
  /** URL of the full search page, for the share link. */
  searchPage: string;
  /** Keep the address bar in step with the search (the search page does; the dialog does not). */
  syncUrl: boolean;
}

export class SearchController {
  readonly input: HTMLInputElement;
  private readonly status: HTMLElement;
  private readonly results: HTMLElement;
  private readonly filterBox: HTMLDetailsElement;
  private readonly filterList: HTMLElement;
  private readonly filterSummary: HTMLElement;
  private filtersToggled = false;
  /** The filters in force, each a button that removes it. */
  private readonly activeFilters: HTMLElement;
  private readonly share: HTMLAnchorElement | null;
  private readonly options: SearchOptions;
  private state: SearchState = searchState();
  private active = -1;
  private sequence = 0;
  /** Whether Pagefind has loaded the topic filter, so searches can count results per topic. */
  private countsLoaded = false;
  /** The topics the site has (Pagefind's topic filter values), once asked for. */
  private knownTopics?: Promise<Set<string>>;
  /** Resolves after each rendering; tests and the bootstrap await it. */
  settled: Promise<void> = Promise.resolve();

  constructor(panel: HTMLElement, options: SearchOptions) {
    this.options = options;
    this.input = panel.querySelector('input[type="search"]')!;
    this.status = panel.querySelector('[data-search-status]')!;
    this.results = panel.querySelector('[data-search-results]')!;
    this.filterBox = panel.querySelector('[data-search-filters]')!;
    this.filterList = panel.querySelector('[data-filter-list]')!;
    this.filterSummary = panel.querySelector('[data-filter-summary]')!;
    // Once the reader opens or closes the filters, they stay as the reader left them.
    this.filterBox.querySelector('summary')!.addEventListener('click', () => (this.filtersToggled = true));
    this.activeFilters = panel.querySelector('[data-search-active]')!;
    this.share = panel.querySelector('[data-search-share]');
    this.input.addEventListener('input', () => this.update({ ...this.state, query: this.input.value }));
    this.input.addEventListener('keydown', (event) => this.onKey(event));
    // The star in a result saves it instead of opening it.
    this.results.addEventListener('click', (event) => {
      const star = (event.target as Element).closest('.result-save');
      const option = star?.closest<HTMLAnchorElement>('[role="option"]');
      if (!option) return;
      event.preventDefault();
      this.toggleSaved(option);
    });
    this.results.addEventListener('mousemove', (event) => {
      const option = (event.target as Element).closest<HTMLAnchorElement>('[role="option"]');
      if (option) this.setActive(this.optionElements.indexOf(option));
    });
  }

  /** Starts from a query string (`?q=...&topic=...`), as the search page does on load. */
  restore(search: string): Promise<void> {
    const state = readSearchState(search);
    this.input.value = state.query;
    return this.update(state);
  }

  /** Applies a new state: runs the search and renders it, dropping answers that arrive too late. */
  update(state: SearchState): Promise<void> {
    this.state = state;
    const run = ++this.sequence;
    this.settled = this.search(run).catch((error: unknown) => {
      if (run === this.sequence)
        this.status.textContent = `Search is unavailable: ${error instanceof Error ? error.message : String(error)}`;
    });
    this.syncUrl();
    return this.settled;
  }

  private async search(run: number): Promise<void> {
    const pagefind = await loadPagefind(this.options.bundle, this.options.base, this.options.merge, this.options.partsList);
    // A topic in the address that the site does not have (a renamed topic, a typo) would silently
    // empty the results: it is left out, and the status says so.
    let unknownTopics: string[] = [];
    if (this.state.topics.length) {
      // The site's topics, read once: a search with a topic chosen runs on every keystroke.
      this.knownTopics ??= pagefind.filters().then((filters) => new Set(Object.keys(filters.topic ?? {})));
      const known = await this.knownTopics;
      unknownTopics = this.state.topics.filter((topic) => !known.has(topic));
      if (run !== this.sequence) return;
      if (unknownTopics.length) {
        this.state = { ...this.state, topics: this.state.topics.filter((topic) => known.has(topic)) };
        this.syncUrl();
      }
    }
    const { query, topics, authors } = this.state;
    const unknown = unknownTopics.length
      ? `No topic is called ${unknownTopics.map((topic) => `“${topic}”`).join(' or ')}; it is left out. `
      : '';
    this.renderActive();
    if (!query.trim() && !topics.length && !authors.length) {
      if (run !== this.sequence) return;
      this.renderResults([]);
      this.status.textContent = `${unknown}Type to search titles, abstracts and keywords.`;
      return;
    }
    this.status.textContent = 'Searching…';
    // Naming the topic filter with an empty exclusion makes Pagefind load it and count results per
    // topic without narrowing them. The first search skips that, so its results arrive sooner; the
    // counts follow right after.
    const counting = this.countsLoaded || topics.length > 0;
    const countTopics = { topic: { none: [] as string[] } };
    const filters = { ...(counting ? countTopics : {}), ...pagefindFilters(this.state) };
    const find = async (words: string) => (await pagefind.search(searchTerm(words), { filters })) as PagefindResponse;
    let term = searchTerm(query);
    let response = await find(query);
    // A newer search has started: do not fetch result data that nobody will see.
    if (run !== this.sequence) return;
    // Nothing found: search again without the words that match nothing, or with them corrected.
    let forgiven: Forgiven | undefined;
    if (!response.results.length && term) {
      // Loaded the first time a query finds nothing: most searches never need it.
      const [{ forgive }, { distance }] = await Promise.all([import('../../lib/forgiving-search.ts'), import('fastest-levenshtein')]);
      forgiven = await forgive(query, {
        count: async (words) => (await find(words)).results.length,
        vocabulary: () => this.vocabulary(),
        distance,
      });
      if (run !== this.sequence) return;
      if (forgiven) {
        term = searchTerm(forgiven.term);
        response = await find(forgiven.term);
        if (run !== this.sequence) return;
      }
    }
    const data = await Promise.all(response.results.slice(0, MAX_RESULTS).map((result) => result.data()));
    if (run !== this.sequence) return;
    this.renderResults(data);
    const total = response.results.length;
    const shown = forgiven ? forgiven.term : query.trim();
    const label = [
      shown && `for “${shown}”`,
      authors.length && `by ${authors.join(' or ')}`,
      !query.trim() && !authors.length && 'in the chosen topics',
    ]
      .filter(Boolean)
      .join(' ');
    const found = total
      ? `${total} ${total === 1 ? 'result' : 'results'} ${label}${total > MAX_RESULTS ? `, best ${MAX_RESULTS} shown` : ''}`
      : `No results ${label}`;
    this.status.textContent = unknown + (forgiven ? `No results for “${query.trim()}”. ${found}${forgivenNote(forgiven)}.` : found);
    // Topic counts ignore the chosen topics (every topic stays offered with its count), but not the
    // chosen authors: with an author, counts are of that author's papers (Pagefind's `totalFilters`
    // would count the search without any filter, which for no query is nothing).
    const countsOf = (answer: PagefindResponse) => (authors.length ? answer.filters : answer.totalFilters);
    if (counting) {
      this.countsLoaded = true;
      this.renderFilters(countsOf(response));
    } else {
      // Counts are secondary: fetch the topic filter once the results are on screen.
      await new Promise((resolve) =>
        'requestIdleCallback' in window ? requestIdleCallback(resolve, { timeout: 300 }) : setTimeout(resolve, 50),
      );
      const counted = (await pagefind.search(term, {
        filters: { ...pagefindFilters({ ...this.state, topics: [] }), ...countTopics },
      })) as PagefindResponse;
      this.countsLoaded = true;
      if (run === this.sequence) this.renderFilters(countsOf(counted));
    }
  }

  private vocabularyText?: Promise<string[]>;

  /** The corpus vocabulary for corrections, fetched the first time a query finds nothing. */
  private vocabulary(): Promise<string[]> {
    this.vocabularyText ??= fetch(`${this.options.base}search-vocabulary.txt`)
      .then((response) => (response.ok ? response.text() : ''))
      .then((text) => text.split('\n').filter(Boolean))
      .catch(() => []);
    return this.vocabularyText;
  }

  /** The filters in force (authors, chosen topics), each a button that removes it: always in view, filters folded or not. */
  private renderActive() {
    const { authors, topics } = this.state;
    const chip = (label: string, remove: () => SearchState) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'active-filter';
      button.setAttribute('aria-label', `Remove filter: ${label}`);
      const name = document.createElement('span');
      name.textContent = label;
      const cross = document.createElement('span');
      cross.setAttribute('aria-hidden', 'true');
      cross.textContent = '×';
      button.append(name, cross);
      button.addEventListener('click', () => {
        void this.update(remove());
        this.input.focus();
      });
      return button;
    };
    this.activeFilters.hidden = authors.length + topics.length === 0;
    this.activeFilters.replaceChildren(
      ...authors.map((author) =>
        chip(`Papers by ${author}`, () => ({ ...this.state, authors: this.state.authors.filter((a) => a !== author) })),
      ),
      ...topics.map((topic) => chip(`Topic: ${topic}`, () => ({ ...this.state, topics: this.state.topics.filter((t) => t !== topic) }))),
    );
  }

  private renderResults(items: ResultData[]) {
    const prefix = this.results.id;
    const saved = items.length ? readList() : [];
    // Each result is a link with the option role (allowed on <a href>), so the listbox holds no
    // interactive element nested in another, and middle-click still opens a result in a new tab.
    this.results.replaceChildren(
      ...items.map((item, index) => {
        const row = document.createElement('li');
        row.setAttribute('role', 'presentation');
        const option = document.createElement('a');
        option.id = `${prefix}-${index}`;
        option.href = item.url;
        option.tabIndex = -1;
        option.setAttribute('role', 'option');
        option.setAttribute('aria-selected', 'false');
        const title = document.createElement('span');
        title.className = 'result-title';
        title.textContent = item.meta.title ?? item.url;
        option.append(title);
        const topics = item.filters.topic ?? [];
        if (topics.length) {
          const chips = document.createElement('span');
          chips.className = 'result-topics';
          for (const topic of topics) {
            const chip = document.createElement('span');
            chip.className = 'chip';
            chip.textContent = topic;
            chips.append(chip);
          }
          option.append(chips);
        }
        const authors = item.filters.author ?? [];
        if (authors.length) {
          const names = document.createElement('span');
          names.className = 'result-authors';
          names.textContent = authors.length > 3 ? `${authors.slice(0, 3).join(', ')} et al.` : authors.join(', ');
          option.append(names);
        }
        const excerpt = document.createElement('span');
        excerpt.className = 'result-excerpt';
        excerpt.append(excerptNodes(item.excerpt));
        option.append(excerpt);
        // A paper can be saved to the reading list: Shift+Enter, or a click on its star (a mark inside
        // the option, not a button: a listbox option may hold no control of its own).
        const keys = keysOf(item);
        if (keys.length) {
          option.dataset.save = JSON.stringify({
            keys,
            // The page itself, without the highlight of this search.
            url: new URL(item.url, location.href).pathname,
            title: item.meta.title ?? item.url,
            topics,
            ...(item.filters.date?.[0] ? { date: item.filters.date[0] } : {}),
          });
          const star = document.createElement('span');
          star.className = 'result-save';
          star.setAttribute('aria-hidden', 'true');
          star.title = 'Save to your reading list (Shift+Enter)';
          const state = document.createElement('span');
          state.className = 'visually-hidden result-saved-state';
          option.prepend(star);
          option.append(state);
          this.showSaved(option, isSaved(saved, keys));
        }
        row.append(option);
        return row;
      }),
    );
    this.input.setAttribute('aria-expanded', String(items.length > 0));
    this.setActive(items.length ? 0 : -1);
  }

  /** Marks a result as saved or not: a filled star, and "saved" in its accessible name. */
  private showSaved(option: HTMLElement, saved: boolean) {
    const star = option.querySelector('.result-save')!;
    star.textContent = saved ? '★' : '☆';
    star.classList.toggle('saved', saved);
    option.querySelector('.result-saved-state')!.textContent = saved ? ' (saved)' : '';
  }

  /** Saves the paper of a result to the reading list, or removes it, and says so. */
  private toggleSaved(option: HTMLAnchorElement) {
    if (!option.dataset.save) return;
    const paper = { ...(JSON.parse(option.dataset.save) as Parameters<typeof togglePaper>[1]), savedAt: Date.now() };
    const next = togglePaper(readList(), paper);
    if (!writeList(next)) {
      this.status.textContent = 'Your browser does not let this site keep a reading list.';
      return;
    }
    const saved = isSaved(next, paper.keys);
    this.showSaved(option, saved);
    this.status.textContent = `${saved ? 'Saved' : 'Removed'} “${paper.title}” ${saved ? 'to' : 'from'} your reading list.`;
  }

  private renderFilters(counts: Record<string, Record<string, number>>) {
    const topics = Object.entries(counts.topic ?? {})
      .filter(([topic, count]) => count > 0 || this.state.topics.includes(topic))
      .sort((a, b) => a[0].localeCompare(b[0], 'en'));
    this.filterBox.hidden = topics.length === 0;
    // Results first: a few topics show as chips, many fold into one line the reader can open.
    const chosen = this.state.topics.length;
    this.filterSummary.textContent = `Filter by topic (${topics.length}${chosen ? `, ${chosen} chosen` : ''})`;
    if (!this.filtersToggled) this.filterBox.open = topics.length <= FEW_TOPICS && matchMedia('(min-width: 40rem)').matches;
    this.filterList.replaceChildren(
      ...topics.map(([topic, count]) => {
        const label = document.createElement('label');
        const box = document.createElement('input');
        box.type = 'checkbox';
        box.value = topic;
        box.checked = this.state.topics.includes(topic);
        box.addEventListener('change', () => {
          const chosen = new Set(this.state.topics);
          if (box.checked) chosen.add(topic);
          else chosen.delete(topic);
          void this.update({ ...this.state, topics: [...chosen] });
        });
        const name = document.createElement('span');
        name.textContent = topic;
        const number = document.createElement('span');
        number.className = 'count';
        number.textContent = String(count);
        label.append(box, name, number);
        return label;
      }),
    );
  }

  private get optionElements(): HTMLAnchorElement[] {
    return [...this.results.querySelectorAll<HTMLAnchorElement>('[role="option"]')];
  }

  private setActive(index: number) {
    const options = this.optionElements;
    this.active = index;
    options.forEach((option, i) => option.setAttribute('aria-selected', String(i === index)));
    const current = options[index];
    if (current) {
      this.input.setAttribute('aria-activedescendant', current.id);
      current.scrollIntoView({ block: 'nearest' });
    } else this.input.removeAttribute('aria-activedescendant');
  }

  private onKey(event: KeyboardEvent) {
    const count = this.optionElements.length;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (!count) return;
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      this.setActive((this.active + step + count) % count);
    } else if (event.key === 'Enter') {
      const link = this.optionElements[Math.max(this.active, 0)];
      if (!link) return;
      event.preventDefault();
      if (event.shiftKey) this.toggleSaved(link);
      else location.assign(link.href);
    }
  }

  private syncUrl() {
    const query = writeSearchState(this.state);
    const target = query ? `${this.options.searchPage}?${query}` : this.options.searchPage;
    if (this.share) {
      this.share.href = target;
      this.share.hidden = !query;
    }
    if (this.options.syncUrl) history.replaceState(history.state, '', target);
  }
}
