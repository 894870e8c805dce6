/**
 * Notes outlive their paper's digests. When the last digest listing a paper is removed, its entry goes,
 * but what the user wrote in it (notes below the marker, extra frontmatter fields) is kept: the whole
 * entry file is saved as `content/notes/<slug>.md` before the papers folder is replaced, so a crash
 * leaves two copies, never none. When the paper comes back (any source, same slug), the kept notes go
 * into its new entry, and only once that entry is written is the kept file removed.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { hasOwnedParts, ownedParts, type OwnedParts } from '../entries/entry.ts';
import { writeFileAtomic } from '../shared/atomic-write.ts';
import { REDIRECTS_FILE } from './papers-folder.ts';

/**
 * Entries of `existing` that `next` no longer has and that hold something the user wrote: slug → file
 * text. A slug that now redirects to another paper (merged across sources) is not orphaned: its notes
 * went to that paper's entry.
 */
export function orphanedEntries(existing: ReadonlyMap<string, string>, next: ReadonlyMap<string, string>): Map<string, string> {
  const redirected = new Set(Object.keys(JSON.parse(next.get(REDIRECTS_FILE) ?? '{}') as Record<string, string>));
  const orphans = new Map<string, string>();
  for (const [name, text] of existing) {
    const slug = name.slice(0, -'.mdx'.length);
    if (name.endsWith('.mdx') && !next.has(name) && !redirected.has(slug) && hasOwnedParts(ownedParts(text))) orphans.set(slug, text);
  }
  return orphans;
}

/** Saves each orphaned entry as `<notesDir>/<slug>.md`; returns the files written. */
export function keepNotes(notesDir: string, orphans: ReadonlyMap<string, string>): string[] {
  if (orphans.size) mkdirSync(notesDir, { recursive: true });
  return [...orphans].map(([slug, text]) => {
    const path = join(notesDir, `${slug}.md`);
    writeFileAtomic(path, Buffer.from(text));
    return path;
  });
}

/** What the user wrote in each kept file of `notesDir`, by slug (files whose owned parts are empty are left out). */
export function keptNotes(notesDir: string): Map<string, OwnedParts> {
  const kept = new Map<string, OwnedParts>();
  if (!existsSync(notesDir)) return kept;
  for (const name of readdirSync(notesDir)) {
    if (!name.endsWith('.md')) continue;
    const parts = ownedParts(readFileSync(join(notesDir, name), 'utf8'));
    if (hasOwnedParts(parts)) kept.set(name.slice(0, -'.md'.length), parts);
  }
  return kept;
}

/**
 * The owned parts to write entries with: each entry's own, and for a paper whose entry has none, the
 * kept notes of its slug. Returns them with the slugs whose kept notes were used.
 */
export function withKeptNotes(
  owned: ReadonlyMap<string, OwnedParts>,
  kept: ReadonlyMap<string, OwnedParts>,
): { owned: Map<string, OwnedParts>; used: string[] } {
  const merged = new Map(owned);
  const used: string[] = [];
  for (const [slug, parts] of kept) {
    if (hasOwnedParts(merged.get(slug))) continue;
    merged.set(slug, parts);
    used.push(slug);
  }
  return { owned: merged, used };
}

/** Removes the kept files of slugs whose entries now hold their notes (`written` has `<slug>.mdx`). */
export function releaseKeptNotes(notesDir: string, used: readonly string[], written: ReadonlyMap<string, string>): string[] {
  const released = used.filter((slug) => written.has(`${slug}.mdx`));
  for (const slug of released) rmSync(join(notesDir, `${slug}.md`), { force: true });
  return released;
}
