/**
 * Building a synthetic Abstracta site for benchmarks: a seeded corpus written as a text digest into a
 * fresh content folder, ingested and built with the real commands, timed step by step.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { syntheticDigest, syntheticPapers, syntheticTopics } from './synthetic.ts';

export interface BuiltSite {
  dir: string;
  dist: string;
  papers: number;
  /** Seconds spent in ingest and in `astro build` (Pagefind included). */
  ingestSeconds: number;
  buildSeconds: number;
}

/** Runs a project script with the project's Node, against the content folder `content`. */
function run(args: string[], content: string, env: Record<string, string> = {}) {
  const started = performance.now();
  execFileSync(process.execPath, args, {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, ABSTRACTA_CONTENT: content, ...env },
  });
  return (performance.now() - started) / 1000;
}

/** A site of `size` synthetic papers, built into a temporary folder. */
export function buildSyntheticSite(size: number, env: Record<string, string> = {}): BuiltSite {
  const dir = mkdtempSync(join(tmpdir(), `abstracta-bench-${size}-`));
  const content = join(dir, 'content');
  mkdirSync(join(content, 'digests'), { recursive: true });
  writeFileSync(join(content, 'digests', '2026-01-05-synthetic.txt'), syntheticDigest(syntheticPapers(size), 'Jan 5'));
  writeFileSync(join(content, 'topics.yaml'), stringify(syntheticTopics()));
  const dist = join(dir, 'dist');
  const ingestSeconds = run(['scripts/ingest.ts'], content);
  const buildSeconds = run([join('node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--outDir', dist], content, env);
  return { dir, dist, papers: size, ingestSeconds, buildSeconds };
}
