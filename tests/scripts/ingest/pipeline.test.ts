import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { readEntry, type OwnedParts } from '../../../scripts/entries/entry.ts';
import { syntheticDigest, syntheticPapers, syntheticTopics } from '../../../scripts/harness/synthetic.ts';
import { parseInput } from '../../../scripts/ingest/formats/parse-input.ts';
import { buildEntries, type Previous, type PreviousEntry } from '../../../scripts/ingest/pipeline.ts';
import { Memo } from '../../../scripts/shared/memo.ts';
import { parseTopicsFile } from '../../../scripts/ingest/topics-file.ts';
import { paperSchema, type Paper } from '../../../src/schemas.ts';
import { renderedParagraphs } from '../../helpers/mdx-render.ts';
import { ROOT } from '../../helpers/paths.ts';

const seedPath = join(ROOT, 'content/digests/trending-mar-14.txt');
const seed = parseInput(readFileSync(seedPath), 'trending-mar-14.txt');
const topics = parseTopicsFile(readFileSync(join(ROOT, 'content/topics.yaml'), 'utf8'), 'topics.yaml');
const files = buildEntries([seed], topics);
const entries = [...files]
  .filter(([name]) => name.endsWith('.mdx'))
  .map(([name, text]) => {
    const [, yaml, body] = /^---\n([\s\S]*?)\n---\n\n([\s\S]*)$/.exec(text)!;
    return { name, paper: paperSchema.parse(parse(yaml)) as Paper, body };
  });
const byTitle = (fragment: string) => entries.find((e) => e.paper.title.includes(fragment))!;

describe('the seed through the pipeline', () => {
  it('gives 83 entries, one per paper, named after unique slugs', () => {
    expect(entries).toHaveLength(83);
    for (const { name, paper } of entries) expect(name).toBe(`${paper.slug}.mdx`);
  });

  it('shows φ where the seed lost \\varphi, and no LaTeX residue anywhere', async () => {
    const entry = byTitle('Leveraging Domain Knowledge for Efficient Reward Modelling');
    const [text] = await renderedParagraphs(entry.body);
    expect(text).toContain('employing a reward model (φ) which');
    expect(text).toContain('to train φ.');
    for (const { body, paper } of entries) {
      expect(body + paper.title).not.toMatch(/\{varphi\}|\\url\{|\\%|\{https?:/);
    }
  });

  it('renders every abstract as the cleaned seed text, otherwise exact', async () => {
    for (const [index, raw] of seed.papers.entries()) {
      const entry = entries.find((e) => e.paper.digests[0].rank === index + 1)!;
      expect(entry.paper.title).toBe(raw.title);
      const [text] = await renderedParagraphs(entry.body);
      // The only differences from the raw abstract are the documented cleanup rules.
      const expected = raw.abstract
        .replace(/\{varphi\}/g, 'φ')
        .replace(/(\S)\\url\{([^}]+)\}/g, '$1 $2')
        .replace(/\{(https?:[^}]+)\}/g, '$1')
        .replace(/\\%/g, '%')
        .replace(/`silver'/g, '‘silver’');
      expect(text).toBe(expected);
    }
  });

  it('extracts every URL of the seed as a classified link', () => {
    const links = entries.flatMap((e) => e.paper.links);
    expect(links).toHaveLength(20);
    expect(byTitle('Tool-Augmented Reward Modeling').paper.links).toEqual([
      { url: 'https://github.com/ernie-research/Tool-Augmented-Reward-Model', kind: 'code' },
    ]);
    expect(byTitle('Evaluating and Mitigating Discrimination').paper.links).toEqual([
      { url: 'https://huggingface.co/datasets/Anthropic/discrim-eval', kind: 'data' },
    ]);
    expect(byTitle('Measuring and Improving Persuasiveness').paper.links).toEqual([
      { url: 'https://bit.ly/measure-persuasion', kind: 'project' },
    ]);
  });

  it('gives every paper 1-3 known topics, keywords, a summary and related papers that exist', () => {
    const ids = new Set(topics.map((t) => t.id));
    const slugs = new Set(entries.map((e) => e.paper.slug));
    for (const { paper } of entries) {
      expect(paper.topics.length).toBeGreaterThanOrEqual(1);
      expect(paper.topics.every((t) => ids.has(t))).toBe(true);
      expect(paper.keywords.length).toBeGreaterThanOrEqual(5);
      expect(paper.summary.length).toBeGreaterThan(20);
      expect(paper.related).not.toContain(paper.slug);
      expect(paper.related.every((s) => slugs.has(s))).toBe(true);
    }
    // Every topic is used by some paper.
    for (const id of ids) expect(entries.some((e) => e.paper.topics.includes(id))).toBe(true);
  });

  it('is deterministic', () => {
    expect(buildEntries([seed], topics)).toEqual(files);
  });
});

describe('computing only what changed', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });
  const memoIn = () => {
    const dir = mkdtempSync(join(tmpdir(), 'abstracta-pipeline-memo-'));
    dirs.push(dir);
    return () => Memo.open(dir, 'test');
  };
  /** What ingest keeps from its last run, read back from the files it wrote. */
  const previousOf = (written: Map<string, string>): Previous => {
    const entries = new Map<string, PreviousEntry>();
    const owned = new Map<string, OwnedParts>();
    for (const [name, text] of written) {
      if (!name.endsWith('.mdx')) continue;
      const entry = readEntry(text);
      entries.set(name.slice(0, -4), entry.previous!);
      owned.set(name.slice(0, -4), entry.owned);
    }
    return { entries, owned };
  };

  it('gives the same files with a memo, on its first run and on a run that takes everything from it', () => {
    const open = memoIn();
    const first = open();
    expect(buildEntries([seed], topics, { memo: first })).toEqual(files);
    first.save();
    const second = open();
    expect(buildEntries([seed], topics, { memo: second })).toEqual(files);
    expect(Object.values(second.stats).every(({ computed }) => computed === 0)).toBe(true);
  });

  it('gives the same files when a first ingest makes the related lists on another thread', () => {
    // Enough papers for the lists to be made on a thread of their own (with a memo, on two cores or more).
    const papers = syntheticPapers(1050, 11);
    const digest = parseInput(Buffer.from(syntheticDigest(papers, 'March 3, 2025')), 'synthetic.txt');
    const taxonomy = syntheticTopics();
    expect(buildEntries([digest], taxonomy, { memo: memoIn()() })).toEqual(buildEntries([digest], taxonomy));
  });

  it('adds a digest by writing the new entries and only the entries whose related papers it changes', () => {
    // The seed as two days: the first 70 papers, then the last 13.
    const day1 = { ...seed, source: 'day-1.txt', papers: seed.papers.slice(0, 70) };
    const day2 = { ...seed, source: 'day-2.txt', papers: seed.papers.slice(70) };
    const before = buildEntries([day1], topics);
    const after = buildEntries([day1, day2], topics, { previous: previousOf(before) });
    const paperOf = (text: string) => paperSchema.parse(parse(/^---\n([\s\S]*?)\n---/.exec(text)![1])) as Paper;
    const newSlugs = new Set(
      [...after.keys()].filter((name) => name.endsWith('.mdx') && !before.has(name)).map((name) => name.slice(0, -4)),
    );
    expect(newSlugs.size).toBe(13);
    let rewritten = 0;
    for (const [name, text] of before) {
      if (!name.endsWith('.mdx')) continue;
      const [old, now] = [paperOf(text), paperOf(after.get(name)!)];
      // A paper that was there keeps its topics and keywords...
      expect(now.topics).toEqual(old.topics);
      expect(now.keywords).toEqual(old.keywords);
      // ...and its related list, unless a new paper entered it.
      if (after.get(name) !== text) {
        rewritten++;
        expect(now.related.some((slug) => newSlugs.has(slug))).toBe(true);
        expect(now.related.filter((slug) => !newSlugs.has(slug)).every((slug) => old.related.includes(slug))).toBe(true);
      }
    }
    expect(rewritten).toBeLessThan(70);
    // The new papers' own lists draw on every paper.
    for (const slug of newSlugs) expect(paperOf(after.get(`${slug}.mdx`)!).related.length).toBeGreaterThan(0);
  });
});
