/**
 * The build benchmark: `npm run build` on a content folder, measured from outside (wall time, peak
 * memory of the whole process tree, output size), then a rebuild with no change and one after adding
 * a digest; and a naive Astro site on the same papers (one plain MDX entry and page each) for a ratio.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { countPages } from '../harness/astro-log.ts';
import { PRELOAD_COMPILE_CACHE } from '../shared/compile-cache.ts';
import { astroCacheDir } from '../shared/fingerprint.ts';
import { discard, scratchFolder } from './scratch.ts';
import { addSyntheticDigest, realCorpusFiles, ROOT, writeRealContent, writeSyntheticContent } from './site.ts';

export interface MeasuredRun {
  ms: number;
  /** Highest sum of the resident memory of the process and all its descendants, sampled. */
  peakRssMb: number;
  /**
   * CPU time (user and system, seconds) the process and its descendants used, by command: a Node
   * process by its script's file name (`ingest.ts`, `astro.mjs`), another by its name as /proc gives
   * it (at most 15 characters: `pagefind_extend`), each process as last sampled
   * (so up to 100 ms short for each). What the build costs whatever the arrangement: on two cores no
   * build can take less wall time than half of the total, nor less than any one-threaded process's part.
   */
  cpu?: Record<string, number>;
  output: string;
}

/** One process of a tree as /proc shows it. */
export interface Sampled {
  /** Its name, or for a Node process the file name of its script (see {@link scriptOf}). */
  command: string;
  /** Whether `command` is a Node script's: /proc has no command line for a process that has ended but not been waited for. */
  script: boolean;
  /** Resident memory, bytes. */
  rss: number;
  /** CPU time used so far (user and system), seconds. */
  cpu: number;
}

/** Clock ticks per second of /proc's CPU times: 100 on Linux (USER_HZ) on every architecture it runs on. */
const TICKS = 100;

/** `root` and its descendants, from /proc (Linux). */
export function processTree(root: number, proc = '/proc'): Map<number, Sampled> {
  const children = new Map<number, number[]>();
  const all = new Map<number, Sampled>();
  for (const name of readdirSync(proc)) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = readFileSync(join(proc, name, 'stat'), 'utf8');
    } catch {
      continue; // The process ended while we looked.
    }
    // The command name is in parentheses and may hold spaces and parentheses itself. The fields after
    // it (state ppid ...) count from 3: utime is the 14th field, stime the 15th, rss the 24th.
    const command = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const pid = Number(name);
    const ppid = Number(fields[1]);
    all.set(pid, { command, script: false, rss: Number(fields[21]) * 4096, cpu: (Number(fields[11]) + Number(fields[12])) / TICKS });
    children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  }
  const tree = new Map<number, Sampled>();
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    const sampled = all.get(pid);
    if (sampled) {
      const script = scriptOf(proc, pid);
      tree.set(pid, script ? { ...sampled, command: script, script: true } : sampled);
    }
    stack.push(...(children.get(pid) ?? []));
  }
  return tree;
}

/**
 * For a Node process, the file name of the script it runs (`ingest.ts`, `astro.mjs`): /proc names
 * every Node thread alike (`MainThread`), and the build is several Node processes.
 */
function scriptOf(proc: string, pid: number): string | undefined {
  let args: string[];
  try {
    args = readFileSync(join(proc, String(pid), 'cmdline'), 'utf8').split('\0');
  } catch {
    return undefined;
  }
  if (basename(args[0] ?? '') !== 'node') return undefined;
  const script = args.slice(1).find((arg) => arg && !arg.startsWith('-'));
  return script === undefined ? undefined : basename(script);
}

/** A process's latest sample, which keeps the name of its script from an earlier one when it has since ended (see {@link Sampled.script}). */
export function laterSample(before: Sampled | undefined, now: Sampled): Sampled {
  return !now.script && before?.script ? { ...now, command: before.command, script: true } : now;
}

/** Runs `node args` in the project, sampling the memory and CPU time of its process tree every 100 ms. */
export function runMeasured(args: string[], env: Record<string, string>, cwd = ROOT): Promise<MeasuredRun> {
  return new Promise((done, fail) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk));
    let peak = 0;
    // The last CPU time seen of every process of the tree, kept after it ends.
    const seen = new Map<number, Sampled>();
    const sample = setInterval(() => {
      const tree = processTree(child.pid!);
      let rss = 0;
      for (const [pid, sampled] of tree) {
        rss += sampled.rss;
        seen.set(pid, laterSample(seen.get(pid), sampled));
      }
      peak = Math.max(peak, rss);
    }, 100);
    child.on('error', fail);
    child.on('close', (code) => {
      clearInterval(sample);
      const ms = performance.now() - started;
      const cpu: Record<string, number> = {};
      for (const { command, cpu: seconds } of seen.values()) cpu[command] = (cpu[command] ?? 0) + seconds;
      if (code !== 0) fail(new Error(`node ${args.join(' ')} failed (exit ${code}):\n${output.slice(-4000)}`));
      else done({ ms, peakRssMb: Math.round(peak / 2 ** 20), cpu, output });
    });
  });
}

/** Total bytes of the files under `dir`. */
export function folderBytes(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .reduce((sum, entry) => sum + statSync(join(entry.parentPath, entry.name)).size, 0);
}

/** Mean size of the paper pages (`papers/<slug>/index.html`) of a built site. */
export function meanPaperPage(dist: string): number {
  const pages = readdirSync(join(dist, 'papers'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !['page', 'by-title'].includes(entry.name))
    .map((entry) => statSync(join(dist, 'papers', entry.name, 'index.html')).size);
  return pages.reduce((sum, size) => sum + size, 0) / pages.length;
}

/** One `npm run build` (scripts/build.ts) of `content` into `dist`, with its step times. */
export interface BuildRun extends MeasuredRun {
  steps: Record<string, number>;
  /** Pages Astro rendered, and pages it took from its incremental cache, from its log. */
  pages?: { rendered: number; reused: number };
}

export async function measureBuild(content: string, dist: string, force = false): Promise<BuildRun> {
  const report = resolve(dist, '..', 'build-report.json');
  rmSync(report, { force: true });
  // As `npm run build` runs it.
  const run = await runMeasured([...PRELOAD_COMPILE_CACHE, 'scripts/build.ts', '--outDir', dist, ...(force ? ['--force'] : [])], {
    ABSTRACTA_CONTENT: content,
    ABSTRACTA_BUILD_REPORT: report,
  });
  // The output lists every page; the end is enough to see what happened.
  return {
    ...run,
    output: run.output.slice(-2000),
    steps: JSON.parse(readFileSync(report, 'utf8')) as Record<string, number>,
    pages: countPages(run.output),
  };
}

/** Removes Astro's cache for a benchmark's content folder (the data store of its papers). */
export function removeAstroCache(content: string): void {
  discard(join(ROOT, astroCacheDir(content)));
}

const NAIVE_CONFIG = `import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import remarkGfm from 'remark-gfm';

export default defineConfig({
  // Not node_modules/.astro: that is a link to the project's, whose cache this must not touch.
  cacheDir: './.astro-cache',
  markdown: { processor: unified({ remarkPlugins: [remarkGfm] }) },
  integrations: [mdx()],
});
`;

const NAIVE_COLLECTION = `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

export const collections = {
  papers: defineCollection({
    loader: glob({ pattern: '*.mdx', base: './content' }),
    schema: z.object({ title: z.string() }).passthrough(),
  }),
};
`;

const NAIVE_PAGE = `---
import { getCollection, render } from 'astro:content';

export async function getStaticPaths() {
  return (await getCollection('papers')).map((entry) => ({ params: { slug: entry.id }, props: { entry } }));
}
const { entry } = Astro.props;
const { Content } = await render(entry);
---
<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>{entry.data.title}</title></head>
  <body><main><h1>{entry.data.title}</h1><Content /></main></body>
</html>
`;

/**
 * The naive baseline: a minimal Astro project (Astro's own glob loader and MDX, one page per entry,
 * nothing else) built on the entries Abstracta wrote, in `dir` (its node_modules are the project's).
 */
export async function measureNaive(papers: string, dir: string): Promise<MeasuredRun & { pages: number }> {
  mkdirSync(join(dir, 'src', 'pages', 'papers'), { recursive: true });
  mkdirSync(join(dir, 'content'), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  writeFileSync(join(dir, 'package.json'), '{ "type": "module", "private": true }\n');
  writeFileSync(join(dir, 'astro.config.mjs'), NAIVE_CONFIG);
  writeFileSync(join(dir, 'src', 'content.config.ts'), NAIVE_COLLECTION);
  writeFileSync(join(dir, 'src', 'pages', 'papers', '[slug].astro'), NAIVE_PAGE);
  const entries = readdirSync(papers).filter((name) => name.endsWith('.mdx'));
  for (const name of entries) cpSync(join(papers, name), join(dir, 'content', name));
  const run = await runMeasured([join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build'], {}, dir);
  return { ...run, pages: entries.length };
}

/** One corpus through full build, no-change rebuild, add-one-digest rebuild, and the naive baseline. */
export interface BuildCase {
  corpus: string;
  /** When it was measured (YYYY-MM-DD). */
  date?: string;
  papers: number;
  digests: number;
  full: BuildRun;
  noChange: BuildRun;
  addOne: BuildRun;
  /** `npm run ingest -- --force` with nothing changed (everything it can, it takes from its memo). */
  forcedIngest?: MeasuredRun;
  /** Papers in the added digest. */
  added: number;
  distBytes: number;
  meanPaperPage: number;
  naive?: MeasuredRun & { pages: number; meanPaperPage: number };
  /**
   * When the case was measured more than once (`npm run bench -- --repeat N`), the times of every run;
   * the rest of the case is then the run whose full build is the median one.
   */
  repeats?: RepeatTimes[];
}

/** The times of one run of a case that the targets are about. */
export interface RepeatTimes {
  full: number;
  ingest: number;
  addOne: number;
  naive?: number;
}

/**
 * Builds the content folder `work/content` (already written) as a site owner would: a full build,
 * the same command again with nothing changed, then again after `addDigest` drops one more digest in.
 */
export async function measureCase(
  corpus: string,
  work: string,
  addDigest: (content: string) => number,
  naive: boolean,
  log: (line: string) => void,
): Promise<BuildCase> {
  const content = join(work, 'content');
  const dist = join(work, 'dist');
  removeAstroCache(content);
  try {
    const full = await measureBuild(content, dist);
    const papers = readdirSync(join(content, 'papers')).filter((name) => name.endsWith('.mdx')).length;
    const digests = readdirSync(join(content, 'digests')).length;
    log(`${corpus}: full build of ${papers} papers in ${(full.ms / 1000).toFixed(1)} s, peak ${full.peakRssMb} MB`);
    const distBytes = folderBytes(dist);
    const meanPage = meanPaperPage(dist);
    const noChange = await measureBuild(content, dist);
    log(`${corpus}: rebuild with no change in ${(noChange.ms / 1000).toFixed(1)} s`);
    // As `npm run ingest -- --force` runs it.
    const forcedIngest = await runMeasured(['--max-old-space-size=8192', ...PRELOAD_COMPILE_CACHE, 'scripts/ingest.ts', '--force'], {
      ABSTRACTA_CONTENT: content,
    });
    log(`${corpus}: forced ingest with nothing changed in ${(forcedIngest.ms / 1000).toFixed(1)} s`);
    const added = addDigest(content);
    const addOne = await measureBuild(content, dist);
    log(`${corpus}: rebuild after adding a digest of ${added} papers in ${(addOne.ms / 1000).toFixed(1)} s`);
    let baseline: BuildCase['naive'];
    if (naive) {
      const dir = join(work, 'naive');
      const run = await measureNaive(join(content, 'papers'), dir);
      baseline = { ...run, meanPaperPage: meanPaperPage(join(dir, 'dist')) };
      log(`${corpus}: naive MDX site of ${run.pages} pages in ${(run.ms / 1000).toFixed(1)} s, peak ${run.peakRssMb} MB`);
    }
    return {
      corpus,
      papers,
      digests,
      full,
      noChange,
      forcedIngest: { ...forcedIngest, output: forcedIngest.output.slice(-1000) },
      addOne,
      added,
      distBytes,
      meanPaperPage: meanPage,
      naive: baseline,
    };
  } finally {
    removeAstroCache(content);
  }
}

/**
 * One corpus built end to end in a fresh folder (run in a child process): `corpus` is a number of
 * synthetic papers or `real` (the Hugging Face fixtures, the last day held back as the added digest).
 * The naive baseline runs up to `naiveMax` papers.
 */
export async function runBuild(corpus: string, naiveMax: number): Promise<BuildCase> {
  const work = scratchFolder(`abstracta-bench-build-${corpus}-`);
  const content = join(work, 'content');
  const log = (line: string) => console.error(`bench build ${line}`);
  const date = new Date().toISOString().slice(0, 10);
  try {
    if (corpus === 'real') {
      const files = realCorpusFiles();
      writeRealContent(content, files.slice(0, -1));
      const add = () => {
        writeRealContent(content, files.slice(-1));
        return (JSON.parse(readFileSync(files.at(-1)!, 'utf8')) as unknown[]).length;
      };
      return { ...(await measureCase('seed + HF', work, add, true, log)), date };
    }
    const size = Number(corpus);
    writeSyntheticContent(content, size);
    return { ...(await measureCase('synthetic', work, () => addSyntheticDigest(content, size), size <= naiveMax, log)), date };
  } finally {
    discard(work);
  }
}
