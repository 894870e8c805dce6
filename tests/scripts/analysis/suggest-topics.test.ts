import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesIn, parseDigests } from '../../../scripts/ingest/inputs.ts';
import { mergePapers } from '../../../scripts/ingest/merge.ts';
import { kRange, suggestionYaml, suggestTopics } from '../../../scripts/analysis/suggest-topics.ts';
import { syntheticPapers, THEMES } from '../../../scripts/harness/synthetic.ts';
import { parseTopicsFile } from '../../../scripts/ingest/topics-file.ts';
import { FIXTURES, ROOT } from '../../helpers/paths.ts';

describe('suggestTopics', () => {
  it('finds planted themes and names them with their own phrases', () => {
    const papers = syntheticPapers(240, 4).filter((p) => p.theme < 4);
    const suggestion = suggestTopics(papers, { kMin: 2, kMax: 8 });
    expect(suggestion.k).toBe(4);
    for (const topic of suggestion.topics) {
      const terms = topic.terms.map((t) => (typeof t === 'string' ? t : t.term).toLowerCase());
      // Each suggested topic is named by phrases of one planted theme.
      const theme = THEMES.slice(0, 4).find((th) => th.terms.some((term) => terms.includes(term.toLowerCase())));
      expect(theme, topic.title).toBeDefined();
    }
  });

  it('writes a valid, commented topics.yaml draft for the seed', () => {
    const digests = parseDigests([join(ROOT, 'content/digests/trending-mar-14.txt')], []);
    const papers = mergePapers(digests);
    const suggestion = suggestTopics(papers);
    const [kMin, kMax] = kRange(papers.length);
    expect(suggestion.k).toBeGreaterThanOrEqual(kMin);
    expect(suggestion.k).toBeLessThanOrEqual(kMax);
    expect(suggestion.topics.reduce((n, t) => n + t.size, 0)).toBe(83);
    const yaml = suggestionYaml(suggestion, papers.length, 1);
    expect(yaml).toMatch(/^# Draft taxonomy suggested by `npm run topics:suggest` from 83 papers in 1 file\./);
    expect(parseTopicsFile(yaml, 'suggested.yaml')).toHaveLength(suggestion.topics.length);
    // Deterministic: the same draft every run.
    expect(suggestionYaml(suggestTopics(papers), papers.length, 1)).toBe(yaml);
  });

  it('makes a usable draft from 500+ real Hugging Face papers', () => {
    const files = filesIn(join(FIXTURES, 'hf-daily-papers/2026'));
    const errors: never[] = [];
    const papers = mergePapers(parseDigests(files, errors));
    expect(errors).toEqual([]);
    expect(papers.length).toBeGreaterThan(500);
    const suggestion = suggestTopics(papers);
    const sizes = suggestion.topics.map((t) => t.size);
    // No catch-all cluster and no crumbs: every topic is a real share of the corpus.
    expect(Math.max(...sizes) / papers.length).toBeLessThan(0.35);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(5);
    const names = suggestion.topics.map((t) =>
      [t.title, ...t.terms.map((term) => (typeof term === 'string' ? term : term.term))].join(', ').toLowerCase(),
    );
    // Themes any reader of 2026 daily papers would expect to see named, each in a topic of its own.
    const themes = [/agent/, /video/, /multimodal|vision-language/, /policy|reinforcement/];
    const homes = themes.map((theme) => names.findIndex((name) => theme.test(name)));
    expect(homes.every((home) => home >= 0)).toBe(true);
    expect(new Set(homes).size).toBe(themes.length);
    expect(parseTopicsFile(suggestionYaml(suggestion, papers.length, files.length), 'hf.yaml').length).toBe(suggestion.k);
  }, 60_000);

  it('refuses a corpus too small to cluster', () => {
    expect(() => suggestTopics(syntheticPapers(3))).toThrow(/at least 4 papers/);
  });
});
