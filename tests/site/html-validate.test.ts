/** Every built page is valid HTML by html-validate's recommended rules. */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { TEST_DIST } from '../helpers/paths.ts';

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'pagefind' ? [] : htmlFiles(path);
    return name.endsWith('.html') ? [path] : [];
  });
}

const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: {
    // Astro writes `<!DOCTYPE html>`; the style preference for lowercase is not a validity rule.
    'doctype-style': 'off',
    // Void elements are written as Astro writes them (`<meta …>`), which is valid HTML.
    'void-style': 'off',
    // A paper's title is its page title; many papers have titles longer than 70 characters.
    'long-title': 'off',
    // The search input is an ARIA combobox over a results listbox (WAI-ARIA's search-as-you-type
    // pattern); a <select> cannot do that.
    'prefer-native-element': ['error', { exclude: ['combobox', 'listbox'] }],
  },
});

describe('html-validate', () => {
  it('finds no errors in any built page', async () => {
    const problems: string[] = [];
    for (const file of htmlFiles(TEST_DIST)) {
      const report = await validator.validateFile(file);
      for (const result of report.results) {
        for (const message of result.messages) {
          if (message.severity === 2)
            problems.push(`${relative(TEST_DIST, file)}:${message.line}:${message.column} ${message.ruleId}: ${message.message}`);
        }
      }
    }
    // One line per rule and message (with its first place), so a site-wide problem shows once.
    const byRule = new Map<string, string>();
    for (const problem of problems) {
      const key = problem.replace(/^\S+ /, '');
      if (!byRule.has(key)) byRule.set(key, problem);
    }
    expect([...byRule.values()]).toEqual([]);
  }, 120_000);
});
