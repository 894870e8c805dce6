/**
 * A paper's content entry: YAML frontmatter (written by the `yaml` package, never by hand, so no
 * title can break out of it) and the MDX body.
 */
import { stringify } from 'yaml';
import { paperSchema, type Paper } from '../../src/schemas.ts';

/** The entry file for `paper`; the frontmatter is validated against the shared schema first. */
export function serializeEntry(paper: Paper, body: string): string {
  const frontmatter = paperSchema.parse(paper);
  // YAML 1.1 quoting, because Astro reads frontmatter with a YAML 1.1 parser (js-yaml): unquoted,
  // `2025-03-14` would come back as a Date and `yes` as true. lineWidth 0: never fold long titles, so
  // diffs stay one line per field.
  const yaml = stringify(frontmatter, { version: '1.1', lineWidth: 0, defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN' });
  return `---\n${yaml}---\n\n${body}`;
}
