/**
 * Topics a user pinned by hand. An entry whose frontmatter says `topicsPinned: true` keeps its
 * `topics` across re-ingests; they must name topics that exist.
 */
import { LineCounter, parseDocument, isMap, type Node as YamlNode } from 'yaml';
import { InputError } from '../shared/errors.ts';

/** The frontmatter block of an entry, with the line it starts on (1-based, after `---`). */
function frontmatterOf(text: string): string | undefined {
  return /^---\n([\s\S]*?)\n---(?:\n|$)/.exec(text)?.[1];
}

/**
 * The pinned topics of an entry file, or undefined when it pins none. Throws an {@link InputError}
 * at the offending line when a pinned topic does not exist.
 */
export function readPinnedTopics(text: string, file: string, knownTopics: ReadonlySet<string>): string[] | undefined {
  const yaml = frontmatterOf(text);
  // Most entries pin nothing: skip parsing (with positions) the frontmatter of every one of them.
  if (yaml === undefined || !yaml.includes('topicsPinned')) return undefined;
  const lineCounter = new LineCounter();
  const doc = parseDocument(yaml, { lineCounter });
  if (doc.errors.length || !isMap(doc.contents) || doc.get('topicsPinned') !== true) return undefined;
  const node = doc.get('topics', true) as YamlNode | undefined;
  // +1: the frontmatter starts on the line after the opening `---`.
  const line = node?.range ? lineCounter.linePos(node.range[0]).line + 1 : 1;
  const topics = doc.toJS().topics as unknown;
  if (!Array.isArray(topics) || topics.length < 1 || topics.length > 3 || !topics.every((t) => typeof t === 'string')) {
    throw new InputError(file, line, 'topicsPinned is true, so topics must be a list of 1 to 3 topic ids');
  }
  const unknown = topics.filter((t) => !knownTopics.has(t));
  if (unknown.length)
    throw new InputError(
      file,
      line,
      `pinned topic${unknown.length > 1 ? 's' : ''} ${unknown.map((t) => `"${t}"`).join(', ')} not in topics.yaml`,
    );
  return topics;
}
