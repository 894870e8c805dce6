/** Temporary content folders for ingest tests, and a fingerprint to prove a folder did not change. */
import { spawnSync } from 'node:child_process';
import { cpSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import { parse } from 'yaml';
import { acquireLock } from '../../scripts/shared/lock.ts';
import { paperSchema, type Paper } from '../../src/schemas.ts';
import { FIXTURES, NODE, ROOT } from './paths.ts';

/** A fresh copy of the project's `content/` (digests, topics and generated papers) in a temp folder. */
export function copyContent(): string {
  const dir = mkdtempSync(join(tmpdir(), 'abstracta-content-'));
  cpSync(join(ROOT, 'content'), dir, { recursive: true });
  return dir;
}

/**
 * Every file below `dir` with its bytes and mtime (a symbolic link with its target, a name that is not
 * UTF-8 by its bytes): equal fingerprints mean nothing was touched.
 */
export function fingerprint(dir: string): Record<string, string> {
  const result: Record<string, string> = {};
  const walk = (current: string) => {
    for (const raw of readdirSync(current, { encoding: 'buffer' }).sort(Buffer.compare)) {
      const path = Buffer.concat([Buffer.from(`${current}/`), raw]);
      const key = relative(dir, join(current, raw.toString('latin1')));
      const stat = lstatSync(path);
      if (stat.isDirectory()) walk(path.toString());
      else if (stat.isSymbolicLink()) result[key] = `link:${readlinkSync(path)}`;
      else if (!stat.isFile())
        result[key] = 'not a regular file'; // a FIFO would block a read
      else result[key] = `${stat.mtimeMs}:${stat.size > 2 ** 26 ? `${stat.size} bytes` : readFileSync(path).toString('base64')}`;
    }
  };
  walk(dir);
  return result;
}

/**
 * A content folder at `contentDir` of Hugging Face daily-papers fixture files (paths under
 * `tests/fixtures/hf-daily-papers/`, e.g. `2026/2026-07-01.json`) with the seed's topics, ingested.
 */
export function hfContent(contentDir: string, days: readonly string[]) {
  mkdirSync(join(contentDir, 'digests'), { recursive: true });
  for (const day of days) cpSync(join(FIXTURES, 'hf-daily-papers', day), join(contentDir, 'digests', basename(day)));
  cpSync(join(ROOT, 'content', 'topics.yaml'), join(contentDir, 'topics.yaml'));
  return ingest(contentDir);
}

/** Runs `npm run ingest -- ...args` against `contentDir`, with the project's Node. */
export function ingest(contentDir: string, args: string[] = [], env: Record<string, string> = {}) {
  const result = spawnSync(NODE, [join(ROOT, 'scripts/ingest.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ABSTRACTA_CONTENT: contentDir, ...env },
  });
  return { status: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Takes a lock shared by all test workers, waiting for it, and returns its release: two Astro
 * processes on one project at once (builds, or a build and the dev server) overwrite each other's
 * files in `.astro/`.
 */
export function acquireAstroLock(): () => void {
  const lock = join(ROOT, '.astro', 'test-build.lock');
  mkdirSync(dirname(lock), { recursive: true });
  return acquireLock(lock, { name: 'Astro process of the tests', waitMs: 600_000 });
}

/**
 * Runs `astro build` of the content folder `contentDir` into `outDir`, with `env` on top of this
 * process's environment minus what Vitest adds to it: Vitest sets `BASE_URL`, `MODE` and the like in
 * `process.env`, and Vite would let a child build's `BASE_URL` override the configured base path.
 * Builds from different test files take turns (see `acquireAstroLock`).
 */
export function buildSite(contentDir: string, outDir: string, env: Record<string, string> = {}) {
  const { BASE_URL: _base, MODE: _mode, DEV: _dev, PROD: _prod, SSR: _ssr, ...inherited } = process.env;
  const release = acquireAstroLock();
  const result = spawnSync(NODE, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', outDir], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...inherited, ABSTRACTA_CONTENT: contentDir, ...env },
  });
  release();
  return { status: result.status, output: result.stdout + result.stderr };
}

/** Every file below `dir`. */
export function filesBelow(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/** The slugs of the paper pages of the site built in `dist` (the paper index pages left out). */
export function paperPageSlugs(dist: string): string[] {
  return readdirSync(join(dist, 'papers'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !['by-title', 'page'].includes(entry.name))
    .map((entry) => entry.name);
}

/** Every entry's frontmatter in a papers folder, read with the paper schema as the site reads it. */
export function entriesIn(papersDir: string): Paper[] {
  return readdirSync(papersDir)
    .filter((name) => name.endsWith('.mdx'))
    .sort()
    .map((name) => paperSchema.parse(parse(/^---\n([\s\S]*?)\n---/.exec(readFileSync(join(papersDir, name), 'utf8'))![1])));
}
