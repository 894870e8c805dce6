/**
 * A paper's content entry: YAML frontmatter (written by the `yaml` package, never by hand, so no
 * title can break out of it) and the MDX body.
 */
import { stringify } from 'yaml';
import { paperSchema, type Paper } from '../../src/schemas.ts';

/** The entry file for `paper`; the frontmatter is validated against the shared schema first. */
export function serializeEntry(paper: Paper, body: string): string {
  const frontmatter = paperSchema.parse(paper);
  // lineWidth 0: never fold long titles or summaries, so diffs stay one line per field.
  const yaml = stringify(frontmatter, { lineWidth: 0, defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN' });
  return `---\n${yaml}---\n\n${body}`;
}
