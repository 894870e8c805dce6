/** Listing a built site's files, for the steps that work on it after Astro (pruning, indexing). */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Every file below `dir`, as `/`-separated paths relative to it, leaving out the top-level folders for
 * which `skip` says so (a folder another step owns, such as the search index, is not even walked).
 */
export function filesBelow(dir: string, skip: (folder: string) => boolean = () => false): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => !(entry.isDirectory() && skip(entry.name)))
    .flatMap((entry) =>
      entry.isDirectory()
        ? readdirSync(join(dir, entry.name), { recursive: true, withFileTypes: true })
            .filter((inner) => inner.isFile())
            .map((inner) => relative(dir, join(inner.parentPath, inner.name)))
        : entry.isFile()
          ? [entry.name]
          : [],
    )
    .map((path) => path.split('\\').join('/'));
}
