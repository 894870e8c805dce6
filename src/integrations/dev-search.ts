/**
 * Search under `npm run dev`. Built pages do not exist in the dev server, so the content itself is
 * indexed when the server starts (and again whenever `content/` changes): one Pagefind record per
 * paper and per topic, with the same title, topic and date data as the built pages. The index lives
 * in memory and is served at `<base>pagefind/`, where the site's search expects it.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { parse } from 'yaml';
import { abstractText } from '../../scripts/entries/mdx.ts';
import { spacedWords } from '../lib/segment.ts';
import { formatDigestDate } from '../lib/dates.ts';
import { urlHelpers } from '../lib/url.ts';
import type { Paper, Topic } from '../schemas.ts';

export interface DevIndex {
  files: Map<string, Uint8Array>;
  records: number;
}

/** Frontmatter and body text of an entry file. */
function readEntry(text: string): { paper: Paper; body: string } | undefined {
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  if (!match) return undefined;
  return { paper: parse(match[1]) as Paper, body: abstractText(match[2]) };
}

/** Builds the in-memory Pagefind bundle for the content folder `contentDir`, for a site under `base`. */
export async function buildDevIndex(contentDir: string, base: string): Promise<DevIndex> {
  const { pageUrl } = urlHelpers(base);
  const topicsFile = join(contentDir, 'topics.yaml');
  const topics = existsSync(topicsFile) ? ((parse(readFileSync(topicsFile, 'utf8')) as Topic[]) ?? []) : [];
  const titleOf = new Map(topics.map((topic) => [topic.id, topic.title]));
  const papersDir = join(contentDir, 'papers');
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
  let records = 0;
  const add = async (record: Parameters<typeof index.addCustomRecord>[0]) => {
    const result = await index.addCustomRecord(record);
    if (result.errors.length) throw new Error(`Pagefind: ${result.errors.join('; ')}`);
    records++;
  };
  for (const name of existsSync(papersDir) ? readdirSync(papersDir).sort() : []) {
    if (!name.endsWith('.mdx')) continue;
    const entry = readEntry(readFileSync(join(papersDir, name), 'utf8'));
    if (!entry) continue;
    const { paper, body } = entry;
    const topicTitles = (paper.topics ?? []).map((id) => titleOf.get(id) ?? id);
    await add({
      url: pageUrl('papers', paper.slug),
      // Title and keywords first and again, as the built page weighs them above the abstract.
      // Plus the spaced-out copy of Chinese, Japanese or Thai text the built page carries (lib/segment.ts).
      content: [paper.title, paper.title, body, (paper.keywords ?? []).join('. '), spacedWords(`${paper.title} ${body}`) ?? ''].join('\n'),
      language: 'en',
      meta: { title: paper.title, topics: topicTitles.join(' · ') },
      filters: { topic: topicTitles, date: (paper.digests ?? []).flatMap((d) => (d.date ? [formatDigestDate(d.date)] : [])) },
    });
  }
  for (const topic of topics) {
    await add({
      url: pageUrl('topics', topic.id),
      content: `${topic.title}\n${topic.description}`,
      language: 'en',
      meta: { title: topic.title },
      filters: { topic: [topic.title] },
    });
  }
  const { files, errors: fileErrors } = await index.getFiles();
  if (fileErrors.length) throw new Error(`Pagefind: ${fileErrors.join('; ')}`);
  await pagefind.close();
  return { files: new Map(files.map((file) => [file.path.replace(/\\/g, '/'), file.content])), records };
}

/** The content type a browser needs for each Pagefind file. */
export function contentType(path: string): string {
  if (path.endsWith('.js')) return 'text/javascript';
  if (path.endsWith('.css')) return 'text/css';
  if (path.endsWith('.json')) return 'application/json';
  return 'application/octet-stream';
}
