/**
 * The numbers a reviewer needs to judge topic quality quickly: papers per topic, the papers no term
 * reached (placed by centroid), the largest topic's share, and each paper's best related paper.
 */
import { layoutCorpusMap, mapFaults, type MapFaults } from '../../src/lib/corpus-map.ts';
import type { Topic } from '../../src/schemas.ts';
import type { EnrichedPaper } from '../ingest/pipeline.ts';
import { silhouette2d } from './map.ts';

/**
 * The quality targets: 8–14 topics, every paper filed, no topic over 35% (issue 3); on the corpus map,
 * topics apart (silhouette of the positions by primary topic) and labels that hide nothing (issue 15).
 */
export const TARGETS = { minTopics: 8, maxTopics: 14, maxShare: 0.35, minSilhouette: 0.35 };

export interface TopicsReport {
  papers: number;
  topics: { id: string; title: string; primary: number; all: number }[];
  largest: { id: string; share: number };
  byCentroid: { title: string; topic: string }[];
  pinned: number;
  unassigned: string[];
  related: { title: string; related?: string }[];
  /** The corpus map as `/topics/` draws it: how well it separates topics, and what its labels hide. */
  map: { silhouette: number; faults: MapFaults };
  /** Each target with whether it is met. */
  checks: { name: string; ok: boolean }[];
}

export function topicsReport(papers: readonly EnrichedPaper[], topics: readonly Topic[]): TopicsReport {
  const bySlug = new Map(papers.map(({ paper }) => [paper.slug, paper]));
  const rows = topics.map((topic) => ({
    id: topic.id,
    title: topic.title,
    primary: papers.filter(({ paper }) => paper.topics[0] === topic.id).length,
    all: papers.filter(({ paper }) => paper.topics.includes(topic.id)).length,
  }));
  rows.sort((a, b) => b.primary - a.primary || a.id.localeCompare(b.id));
  const largest = rows[0] ?? { id: '', primary: 0 };
  const share = papers.length ? largest.primary / papers.length : 0;
  const unassigned = papers.filter(({ paper }) => paper.topics.length === 0).map(({ paper }) => paper.title);
  const map = mapQuality(papers, topics);
  const faults = Object.values(map.faults).reduce((sum, n) => sum + n, 0);
  return {
    papers: papers.length,
    topics: rows,
    largest: { id: largest.id, share },
    byCentroid: papers.filter(({ how }) => how === 'centroid').map(({ paper }) => ({ title: paper.title, topic: paper.topics[0] })),
    pinned: papers.filter(({ how }) => how === 'pinned').length,
    unassigned,
    related: papers.map(({ paper }) => ({ title: paper.title, related: paper.related[0] && bySlug.get(paper.related[0])?.title })),
    checks: [
      {
        name: `${TARGETS.minTopics}–${TARGETS.maxTopics} topics (has ${topics.length})`,
        ok: topics.length >= TARGETS.minTopics && topics.length <= TARGETS.maxTopics,
      },
      { name: `every paper has a topic (${unassigned.length} without)`, ok: unassigned.length === 0 },
      {
        name: `no topic holds more than ${TARGETS.maxShare * 100}% of papers (largest: ${largest.id}, ${Math.round(share * 100)}%)`,
        ok: share <= TARGETS.maxShare,
      },
      { name: `every topic has a paper (${rows.filter((r) => r.all === 0).length} empty)`, ok: rows.every((r) => r.all > 0) },
      {
        name: `the map separates topics: silhouette by primary topic at least ${TARGETS.minSilhouette} (${map.silhouette.toFixed(2)})`,
        ok: map.silhouette >= TARGETS.minSilhouette,
      },
      {
        name: `the map's labels hide nothing (${map.faults.labelsOverlapping} over labels, ${map.faults.dotsCovered} dots covered, ${map.faults.leadersThroughLabels} leaders through labels)`,
        ok: faults === 0,
      },
    ],
    map,
  };
}

/** The silhouette of the map positions by primary topic, and the faults of the map `/topics/` draws. */
export function mapQuality(papers: readonly EnrichedPaper[], topics: readonly Topic[]): TopicsReport['map'] {
  const filed = papers.filter(({ paper }) => paper.topics.length > 0);
  const ids = topics.map((topic) => topic.id);
  const silhouette = silhouette2d(
    filed.map(({ position }) => position),
    filed.map(({ paper }) => ids.indexOf(paper.topics[0])),
  );
  const layout = layoutCorpusMap(
    papers.map(({ paper, position: [x, y] }) => ({ id: paper.slug, x, y })),
    new Map(papers.map(({ paper }) => [paper.slug, paper])),
    topics,
  );
  return { silhouette, faults: mapFaults(layout) };
}

/** The report as text for the terminal. */
export function formatReport(report: TopicsReport): string {
  const lines: string[] = [];
  const width = Math.max(...report.topics.map((t) => t.id.length), 5);
  lines.push(`Topics report: ${report.papers} papers in ${report.topics.length} topics`, '');
  lines.push(`${'topic'.padEnd(width)}  primary  share  with secondary`);
  for (const topic of report.topics) {
    const share = report.papers ? `${Math.round((topic.primary / report.papers) * 100)}%` : '-';
    lines.push(`${topic.id.padEnd(width)}  ${String(topic.primary).padStart(7)}  ${share.padStart(5)}  ${String(topic.all).padStart(14)}`);
  }
  lines.push('', `Placed by centroid (no topic term matched): ${report.byCentroid.length}`);
  for (const { title, topic } of report.byCentroid) lines.push(`  ${title}  →  ${topic}`);
  if (report.pinned) lines.push(`Pinned by hand: ${report.pinned}`);
  lines.push('', 'Best related paper of each paper:');
  for (const { title, related } of report.related) lines.push(`  ${title}\n      → ${related ?? '(none)'}`);
  lines.push('', 'Targets:');
  for (const check of report.checks) lines.push(`  ${check.ok ? 'ok  ' : 'FAIL'}  ${check.name}`);
  return lines.join('\n');
}
