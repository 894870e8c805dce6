import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentPaths } from '../../../scripts/ingest/content-memo.ts';
import { readContent } from '../../../scripts/ingest/inputs.ts';
import { mergePapers } from '../../../scripts/ingest/merge.ts';
import { enrichPapers } from '../../../scripts/ingest/pipeline.ts';
import { formatReport, topicsReport } from '../../../scripts/analysis/topics-report.ts';
import { ROOT } from '../../helpers/paths.ts';

describe('topicsReport on the seed', () => {
  const { digests, topics, previous, errors } = readContent(contentPaths(join(ROOT, 'content')));
  const report = topicsReport(enrichPapers(mergePapers(digests), topics, { pinned: previous.pinned }), topics);

  it('meets the quality targets: 8–14 topics, every paper filed, no topic over 35%, none empty, a legible map', () => {
    expect(errors).toEqual([]);
    expect(report.checks.filter((check) => !check.ok)).toEqual([]);
    expect(report.papers).toBe(83);
    expect(report.map.silhouette).toBeGreaterThanOrEqual(0.35);
    expect(report.map.faults).toEqual({ labelsOverlapping: 0, dotsCovered: 0, leadersThroughLabels: 0 });
  });

  it('counts each paper once as primary', () => {
    expect(report.topics.reduce((n, t) => n + t.primary, 0)).toBe(83);
  });

  it('prints a table, the centroid placements, each best related paper and the targets', () => {
    const text = formatReport(report);
    expect(text).toMatch(/^Topics report: 83 papers in \d+ topics/);
    expect(text).toMatch(/Placed by centroid \(no topic term matched\): \d+/);
    expect(text).toContain('Tool-Augmented Reward Modeling\n      → ');
    expect(text).toMatch(/ok +no topic holds more than 35% of papers/);
    expect(text).toMatch(/ok +the map separates topics: silhouette by primary topic at least 0\.35 \(0\.\d\d\)/);
    expect(text).toMatch(/ok +the map's labels hide nothing \(0 over labels, 0 dots covered, 0 leaders through labels\)/);
  });
});
