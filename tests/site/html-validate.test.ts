/** Every built page is valid HTML by html-validate's recommended rules. */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlErrors } from '../helpers/html-validate.ts';
import { TEST_DIST } from '../helpers/paths.ts';

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'pagefind' ? [] : htmlFiles(path);
    return name.endsWith('.html') ? [path] : [];
  });
}

describe('html-validate', () => {
  it('finds no errors in any built page', async () => {
    const problems: string[] = [];
    for (const file of htmlFiles(TEST_DIST))
      problems.push(...(await htmlErrors(file)).map((error) => `${relative(TEST_DIST, file)}:${error}`));
    // One line per rule and message (with its first place), so a site-wide problem shows once.
    const byRule = new Map<string, string>();
    for (const problem of problems) {
      const key = problem.replace(/^\S+ /, '');
      if (!byRule.has(key)) byRule.set(key, problem);
    }
    expect([...byRule.values()]).toEqual([]);
  }, 120_000);
});
