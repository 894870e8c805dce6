/** html-validate with its recommended rules and the few exceptions the site's markup needs. */
import { HtmlValidate } from 'html-validate';

export const validator = new HtmlValidate({
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

/** The errors html-validate finds in `file`, one line each. */
export async function htmlErrors(file: string): Promise<string[]> {
  const report = await validator.validateFile(file);
  return report.results.flatMap((result) =>
    result.messages
      .filter((message) => message.severity === 2)
      .map((message) => `${message.line}:${message.column} ${message.ruleId}: ${message.message}`),
  );
}
