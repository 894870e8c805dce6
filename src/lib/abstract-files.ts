/**
 * The abstracts of entries the paper loader renders itself, kept beside Astro's data store instead of
 * in it, one file per entry digest, and read by the paper page.
 *
 * Why: Astro writes the whole store as one string, turns it into one JavaScript module, bundles that
 * module into the pages' code and reads it back in every build, however few pages it renders. The
 * abstracts' HTML was half of it (4.0 of 8.1 MB at 2,846 real papers), and only the pages rendered in
 * a build need theirs. Without it Astro's process in a daily update of the real corpus used 9.6-10.1 s
 * of CPU instead of 11.5-12.0 s and touched 200 MB less memory, and one site holds twice the papers
 * before V8's string limit.
 *
 * A file is only ever a copy: it is named by the entry's digest (its file's text and the renderer's
 * version), so it is never stale, and when it is missing or unreadable the page renders the entry's
 * file again, as the loader would.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { inertHtml } from '../../scripts/entries/mdx.ts';
import { writeFileAtomic } from '../../scripts/shared/atomic-write.ts';

/** An abstract as the page shows it: its HTML, and its text for structured data and search words. */
export interface PaperAbstract {
  html: string;
  text: string;
}

/**
 * Where the loader tells the page (in the same Astro process, which syncs content before it renders)
 * the folder of the files is: a folder in Astro's cache, which the page's bundled code cannot find by
 * itself.
 */
const FOLDER_VARIABLE = 'ABSTRACTA_ABSTRACTS';

/** The folder of the files for Astro's cache folder `cacheDir`, made known to the pages of this process. */
export function abstractFolder(cacheDir: URL | string): string {
  const folder = join(cacheDir instanceof URL ? fileURLToPath(cacheDir) : cacheDir, 'abstracts');
  mkdirSync(folder, { recursive: true });
  process.env[FOLDER_VARIABLE] = folder;
  return folder;
}

const fileOf = (folder: string, digest: string) => join(folder, `${digest}.json`);

/** Keeps `abstract` for the entry whose digest is `digest`, unless it is kept already. */
export function keepAbstract(folder: string, digest: string, abstract: PaperAbstract): void {
  const file = fileOf(folder, digest);
  if (!existsSync(file)) writeFileAtomic(file, Buffer.from(JSON.stringify({ html: abstract.html, text: abstract.text })));
}

/** Whether the abstract of digest `digest` is kept. */
export function hasAbstract(folder: string, digest: string): boolean {
  return existsSync(fileOf(folder, digest));
}

/** Removes the files of digests not in `digests` (entries changed or deleted since); returns how many. */
export function pruneAbstracts(folder: string, digests: ReadonlySet<string>): number {
  let removed = 0;
  for (const name of readdirSync(folder)) {
    if (name.endsWith('.json') && digests.has(name.slice(0, -'.json'.length))) continue;
    rmSync(join(folder, name), { force: true });
    removed++;
  }
  return removed;
}

/**
 * The kept abstract of digest `digest`, or `render()`'s when this process has no folder, the file is
 * missing (its cache was cleared) or cannot be read.
 */
export function keptAbstract(digest: string, render: () => PaperAbstract): PaperAbstract {
  const folder = process.env[FOLDER_VARIABLE];
  if (folder) {
    try {
      const kept = JSON.parse(readFileSync(fileOf(folder, digest), 'utf8')) as PaperAbstract;
      if (typeof kept.html === 'string' && typeof kept.text === 'string') return kept;
    } catch {
      // Not there, or half there: rendered again below, as the loader would.
    }
  }
  return render();
}

/**
 * An entry file's frontmatter and body, split as @astrojs/mdx splits them: the loader's split, which
 * the page's {@link renderedAgain} must repeat exactly.
 */
export function splitEntry(contents: string): { frontmatter: Record<string, unknown>; body: string } {
  const { frontmatter, content } = parseFrontmatter(contents, { frontmatter: 'empty-with-spaces' });
  return { frontmatter, body: content.trim() };
}

/** The abstract of the entry file at `path` rendered again, as the loader renders it (see `inertHtml`). */
export function renderedAgain(path: string): PaperAbstract {
  const abstract = inertHtml(splitEntry(readFileSync(path, 'utf8')).body);
  if (!abstract) throw new Error(`${path}: the entry's body now needs MDX; it changed during the build, so build again`);
  return abstract;
}
