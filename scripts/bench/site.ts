/**
 * Content folders for benchmarks: seeded synthetic corpora written as daily text digests, and the
 * real Hugging Face daily-papers files kept as test fixtures; plus building one with the real commands.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { syntheticDigest, syntheticPapers, syntheticTopics } from '../harness/synthetic.ts';
import { ROOT, scratchFolder } from './scratch.ts';

export { ROOT };

/** Papers per synthetic daily digest: about a day of a busy "trending papers" page. */
export const PER_DIGEST = 25;

/** The date line and file name of the synthetic digest of day `day` (0 = 2024-01-01). */
function day(index: number): { line: string; file: string } {
  const date = new Date(Date.UTC(2024, 0, 1 + index));
  const line = date.toLocaleDateString('en-US', { month: 'long', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
  return { line, file: `${date.toISOString().slice(0, 10)}.txt` };
}

/**
 * Writes `size` synthetic papers into `content` as daily digests of {@link PER_DIGEST} papers, and
 * the synthetic taxonomy. `extraDays` more digests can be added later with {@link addSyntheticDigest}.
 */
export function writeSyntheticContent(content: string, size: number): void {
  mkdirSync(join(content, 'digests'), { recursive: true });
  const papers = syntheticPapers(size);
  for (let start = 0, index = 0; start < size; start += PER_DIGEST, index++) {
    const { line, file } = day(index);
    writeFileSync(join(content, 'digests', file), syntheticDigest(papers.slice(start, start + PER_DIGEST), line));
  }
  writeFileSync(join(content, 'topics.yaml'), stringify(syntheticTopics()));
}

/** Adds the next day's digest ({@link PER_DIGEST} new papers) to a synthetic corpus of `size` papers. */
export function addSyntheticDigest(content: string, size: number): number {
  const papers = syntheticPapers(size + PER_DIGEST).slice(size);
  const { line, file } = day(Math.ceil(size / PER_DIGEST));
  writeFileSync(join(content, 'digests', file), syntheticDigest(papers, line));
  return papers.length;
}

/**
 * The real corpus: the seed digest and every Hugging Face daily-papers file kept as fixtures (the
 * sample day, then 2024 and 2026 by date), so its last file is the newest day, which the benchmark
 * holds back to add as a new digest.
 */
export function realCorpusFiles(): string[] {
  const dir = join(ROOT, 'tests', 'fixtures', 'hf-daily-papers');
  const days = ['2024', '2026'].flatMap((year) =>
    readdirSync(join(dir, year))
      .filter((name) => name.endsWith('.json'))
      .sort()
      .map((name) => join(dir, year, name)),
  );
  return [join(ROOT, 'content', 'digests', 'trending-mar-14.txt'), join(dir, 'sample-2026-06.json'), ...days];
}

/** Copies `files` into `content/digests`, with the seed's taxonomy (written for ML papers). */
export function writeRealContent(content: string, files: readonly string[]): void {
  mkdirSync(join(content, 'digests'), { recursive: true });
  for (const file of files) cpSync(file, join(content, 'digests', file.split('/').at(-1)!));
  cpSync(join(ROOT, 'content', 'topics.yaml'), join(content, 'topics.yaml'));
}

export interface BuiltSite {
  dir: string;
  dist: string;
  papers: number;
  /** Seconds `npm run build` took, ingest, Astro and the search index in all. */
  buildSeconds: number;
}

/** Runs a project script with the project's Node, against the content folder `content`. */
function run(args: string[], content: string, env: Record<string, string> = {}) {
  const started = performance.now();
  execFileSync(process.execPath, args, {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, ABSTRACTA_CONTENT: content, ...env },
  });
  return (performance.now() - started) / 1000;
}

/**
 * A site of `size` synthetic papers, built with `npm run build` into a temporary folder: the site and
 * its search index as a site owner's build makes them (the index from the content, beside Astro).
 */
export function buildSyntheticSite(size: number, env: Record<string, string> = {}): BuiltSite {
  const dir = scratchFolder(`abstracta-bench-${size}-`);
  const content = join(dir, 'content');
  writeSyntheticContent(content, size);
  const dist = join(dir, 'dist');
  const buildSeconds = run(['scripts/build.ts', '--outDir', dist], content, env);
  return { dir, dist, papers: size, buildSeconds };
}

/** The real corpus (`realCorpusFiles`) built with `npm run build`, as a site owner would, into a temporary folder. */
export function buildRealSite(): BuiltSite {
  const dir = scratchFolder('abstracta-bench-real-');
  const content = join(dir, 'content');
  writeRealContent(content, realCorpusFiles());
  const dist = join(dir, 'dist');
  const buildSeconds = run(['scripts/build.ts', '--outDir', dist], content);
  const papers = readdirSync(join(content, 'papers')).filter((name) => name.endsWith('.mdx')).length;
  return { dir, dist, papers, buildSeconds };
}
