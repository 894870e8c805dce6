/**
 * `content/resolved.yaml`: arXiv ids found for papers whose sources gave none (a pasted digest), by
 * `npm run fetch -- resolve`, which records only confident matches. Ingest reads it, so a build stays
 * offline and reproducible, and the user commits it (and may edit it: remove a line to undo a match).
 * Each record names the paper by its identity without an id (normalized title and a hash of its
 * abstract, see `identityOf`), with its title for the reader of the file.
 */
import { LineCounter, parseDocument, isSeq, isMap, type Node as YamlNode, stringify } from 'yaml';
import { ARXIV_ID_PATTERN } from '../../src/schemas.ts';
import { InputError, InputErrors } from '../shared/errors.ts';

export interface Resolved {
  identity: string;
  title: string;
  arxiv: string;
}

const HEADER = `# arXiv ids for papers whose sources gave none, found by \`npm run fetch -- resolve\` (confident
# matches only: the title and the abstract agree). Ingest reads this file; commit it. Delete an entry
# to undo it.
`;

/** The file's text for `records`, sorted by title. */
export function resolvedFile(records: readonly Resolved[]): string {
  const sorted = [...records].sort((a, b) => a.title.localeCompare(b.title, 'en') || (a.identity < b.identity ? -1 : 1));
  return `${HEADER}${stringify(sorted, { lineWidth: 0 })}`;
}

/** The records of the file, by identity; each problem is reported at its line. */
export function parseResolvedFile(text: string, file: string): Map<string, Resolved> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const lineOf = (node: YamlNode | null | undefined) => (node?.range ? lineCounter.linePos(node.range[0]).line : 1);
  if (doc.errors.length)
    throw new InputErrors(doc.errors.map((e) => new InputError(file, lineCounter.linePos(e.pos[0]).line, e.message.split('\n')[0])));
  const records = new Map<string, Resolved>();
  if (doc.contents === null) return records;
  if (!isSeq(doc.contents)) throw new InputError(file, 1, 'expected a list of { identity, title, arxiv } records');
  const errors: InputError[] = [];
  for (const item of doc.contents.items) {
    const value = isMap(item) ? (item.toJSON() as Record<string, unknown>) : undefined;
    const { identity, title, arxiv } = value ?? {};
    if (typeof identity !== 'string' || typeof title !== 'string' || typeof arxiv !== 'string' || !ARXIV_ID_PATTERN.test(arxiv)) {
      errors.push(
        new InputError(file, lineOf(item as YamlNode), 'expected a record with identity, title and an arXiv id such as 2407.03418'),
      );
      continue;
    }
    records.set(identity, { identity, title, arxiv });
  }
  if (errors.length) throw new InputErrors(errors);
  return records;
}
