/**
 * The project's own modules a program is made of, found by following imports from its entry modules,
 * so that what it computes can be remembered under a fingerprint of exactly that code (see
 * `ingest/content-memo.ts`), instead of a list kept by hand that goes wrong when an import is added.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { initSync, parse } from 'es-module-lexer';

/**
 * `entries` and every module they import, directly or not, sorted: static imports and re-exports,
 * type-only ones too (harmless: a type change then counts as a change), and dynamic imports of a
 * literal path. Only relative specifiers are followed; packages are left to the lock file. A module
 * started otherwise (a worker, by its URL) is not an import: give it as an entry.
 */
export function moduleGraph(entries: readonly string[]): string[] {
  initSync();
  const seen = new Set<string>();
  const stack = entries.map((entry) => resolve(entry));
  while (stack.length) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const [imports] = parse(readFileSync(file, 'utf8'), file);
    for (const { n: specifier } of imports) {
      if (!specifier?.startsWith('.')) continue;
      const target = resolve(dirname(file), specifier);
      // A specifier that names no file here fails when the module is loaded, not here.
      if (existsSync(target)) stack.push(target);
    }
  }
  return [...seen].sort();
}
