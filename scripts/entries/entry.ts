/**
 * A paper's content entry: YAML frontmatter (written by the `yaml` package, never by hand, so no
 * title can break out of it) and the MDX body: the generated abstract, a marker line, and whatever
 * the user wrote below the marker.
 *
 * Ownership: ingest owns the frontmatter fields of the schema and the abstract above the marker, and
 * rewrites them. The user owns any other frontmatter field, `topicsPinned` with its `topics`, and
 * everything below the marker (reading notes, MDX components): re-ingests keep them as they are.
 */
import { parse, stringify } from 'yaml';
import { paperSchema, type Paper } from '../../src/schemas.ts';

/** Ends the generated part of a body: an MDX comment, so it shows nothing on the page. */
export const NOTES_MARKER = '{/* Your notes go below this line; ingest keeps them. */}';

/** Frontmatter fields ingest writes; every other field belongs to the user. */
const GENERATED_FIELDS = new Set(Object.keys(paperSchema.shape));

/** What a user owns in an existing entry. */
export interface OwnedParts {
  /** Frontmatter fields that are not ingest's. */
  extra: Record<string, unknown>;
  /** Everything after the notes marker, verbatim. */
  notes: string;
}

/** Whether the user wrote anything in an entry: notes below the marker, or fields of their own. */
export const hasOwnedParts = (parts: OwnedParts | undefined): boolean =>
  !!parts && (parts.notes.trim() !== '' || Object.keys(parts.extra).length > 0);

/** An entry no user has touched: no extra fields, no notes. */
export const NO_OWNED_PARTS: OwnedParts = Object.freeze({ extra: Object.freeze({}), notes: '' }) as OwnedParts;

/** The frontmatter of an entry file as data, parsed once; `{}` when it is missing or not YAML. */
function frontmatterData(yaml: string | undefined): Record<string, unknown> {
  if (yaml === undefined) return {};
  try {
    return (parse(yaml) as Record<string, unknown>) ?? {};
  } catch {
    return {};
  }
}

const ENTRY = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/;

/** The user's parts of an existing entry file (nothing when the file is not an entry). */
export function ownedParts(text: string, data = frontmatterData(ENTRY.exec(text)?.[1])): OwnedParts {
  const match = ENTRY.exec(text);
  if (!match) return { extra: {}, notes: '' };
  const extra = Object.fromEntries(Object.entries(data).filter(([key]) => !GENERATED_FIELDS.has(key)));
  const at = match[2].indexOf(NOTES_MARKER);
  return { extra, notes: at === -1 ? '' : match[2].slice(at + NOTES_MARKER.length).replace(/^\n/, '') };
}

/**
 * An existing entry file read once for ingest: what the user owns in it and, when it looks as ingest
 * wrote it, what ingest wrote (its frontmatter is parsed a single time for both, which matters at
 * tens of thousands of entries).
 */
export function readEntry(text: string): { owned: OwnedParts; previous: ReturnType<typeof previousEntry> } {
  const data = frontmatterData(ENTRY.exec(text)?.[1]);
  return { owned: ownedParts(text, data), previous: previousEntry(text, data) };
}

/** The entry file for `paper`; the frontmatter is validated against the shared schema first. */
export function serializeEntry(paper: Paper, body: string, owned: OwnedParts = NO_OWNED_PARTS): string {
  const frontmatter = { ...paperSchema.parse(paper), ...owned.extra };
  // YAML 1.1 quoting, because Astro reads frontmatter with a YAML 1.1 parser (js-yaml): unquoted,
  // `2025-03-14` would come back as a Date and `yes` as true. lineWidth 0: never fold long titles, so
  // diffs stay one line per field.
  const yaml = stringify(frontmatter, { version: '1.1', lineWidth: 0, defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN' });
  return `---\n${yaml}---\n\n${body}\n${NOTES_MARKER}\n${owned.notes}`;
}

/** What the last ingest wrote for a paper: its title, topics, keywords and generated body. */
export function previousEntry(
  text: string,
  data?: Record<string, unknown>,
): { title: string; body: string; topics: string[]; keywords: string[]; related: string[] } | undefined {
  const match = /^---\n([\s\S]*?)\n---\n\n([\s\S]*)$/.exec(text);
  if (!match) return undefined;
  const { title, topics, keywords, related } = data ?? frontmatterData(match[1]);
  if (typeof title !== 'string' || !Array.isArray(topics) || !Array.isArray(keywords)) return undefined;
  const at = match[2].indexOf(`\n${NOTES_MARKER}`);
  return {
    title,
    topics: topics.map(String),
    keywords: keywords.map(String),
    related: Array.isArray(related) ? related.map(String) : [],
    body: at === -1 ? match[2] : match[2].slice(0, at),
  };
}
