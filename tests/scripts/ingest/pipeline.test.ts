import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseInput } from '../../../scripts/ingest/formats/parse-input.ts';
import { buildEntries } from '../../../scripts/ingest/pipeline.ts';
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
