/**
 * Reading `content/topics.yaml`, the user's taxonomy. It is validated with the shared zod schema and
 * every problem is reported at its line: an unknown key, a duplicate id, a topic without terms, a
 * parent that does not exist.
 */
import { isMap, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { topicsFileSchema, type Topic } from '../../src/schemas.ts';
import { InputError, InputErrors } from '../shared/errors.ts';

/** Parses and validates the taxonomy; throws {@link InputErrors} listing every problem. */
export function parseTopicsFile(text: string, file: string): Topic[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lineOf = (node: YamlNode | null | undefined) => (node?.range ? lineCounter.linePos(node.range[0]).line : 1);
  if (doc.errors.length) {
    throw new InputErrors(
      doc.errors.map((error) => new InputError(file, lineCounter.linePos(error.pos[0]).line, error.message.split('\n')[0])),
    );
  }
  // Aliases that expand without end (a "billion laughs" file) make the yaml package throw: a file error.
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    throw new InputErrors([
      new InputError(
        file,
        1,
        `${(error as Error).message.split('\n')[0]}: the file uses YAML aliases (*name) too much; write the topics out`,
      ),
    ]);
  }
  const result = topicsFileSchema.safeParse(data);
  if (!result.success) {
    throw new InputErrors(
      result.error.issues.map((issue) => {
        // Walk the issue's path down the YAML tree to the deepest node that exists, for its line.
        let node: unknown = doc.contents;
        for (const key of issue.path) {
          const next = isSeq(node) || isMap(node) ? node.get(key as never, true) : undefined;
          if (next === undefined) break;
          node = next;
        }
        const where = issue.path.length ? ` (at ${issue.path.join('.')})` : '';
        const message = issue.code === 'unrecognized_keys' ? `unknown key ${issue.keys.map((k) => `"${k}"`).join(', ')}` : issue.message;
        return new InputError(file, lineOf(node as YamlNode), `${message}${where}`);
      }),
    );
  }
  const topics = result.data;
  const errors: InputError[] = [];
  const seq = doc.contents;
  const itemLine = (index: number) => lineOf(isSeq(seq) ? (seq.items[index] as YamlNode) : undefined);
  const ids = new Map<string, number>();
  topics.forEach((topic, index) => {
    if (ids.has(topic.id))
      errors.push(
        new InputError(file, itemLine(index), `duplicate topic id "${topic.id}" (first defined at line ${itemLine(ids.get(topic.id)!)})`),
      );
    else ids.set(topic.id, index);
  });
  topics.forEach((topic, index) => {
    if (topic.parent === undefined) return;
    const parent = topics.find((t) => t.id === topic.parent);
    if (!parent) errors.push(new InputError(file, itemLine(index), `topic "${topic.id}" names an unknown parent "${topic.parent}"`));
    else if (parent.parent !== undefined)
      errors.push(new InputError(file, itemLine(index), `topic "${topic.id}" nests two levels deep; only one level of parent is allowed`));
  });
  if (errors.length) throw new InputErrors(errors);
  return topics;
}
