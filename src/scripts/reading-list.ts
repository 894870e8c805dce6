/**
 * The reading list in the browser: read and written in `localStorage` (see `src/lib/reading-list.ts`
 * for the list itself). Storage can be blocked or full; the list then stays as it was, and callers say so.
 */
import { parseList, STORAGE_KEY, type SavedPaper } from '../lib/reading-list.ts';

export function readList(): SavedPaper[] {
  try {
    return parseList(localStorage.getItem(STORAGE_KEY));
  } catch {
    return [];
  }
}

/** Stores `list`; false when storage refused it. */
export function writeList(list: readonly SavedPaper[]): boolean {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(list));
    return true;
  } catch {
    return false;
  }
}

/** Calls `listener` when another tab changes the list. */
export function onListChange(listener: (list: SavedPaper[]) => void): void {
  addEventListener('storage', (event) => {
    if (event.key === STORAGE_KEY || event.key === null) listener(readList());
  });
}
