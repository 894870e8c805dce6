/**
 * No stale page, ever: a site updated incrementally (`npm run build` after a change: ingest computes
 * what changed, Astro re-renders only pages whose cache key or code changed, in place, and the search
 * index is remade) must be, file for file and byte for byte, the site a forced build of the same
 * content makes from nothing (`npm run build -- --force` into an empty folder). Checked after adding a
 * day's digest (once more from a shell with another PATH, and once after the abstracts' files were
 * lost from the cache), after a change to `topics.yaml`, after a change of `SITE_URL` and `BASE_PATH`,
 * and after a change to a component's code.
 *
 * "The same content" is the content folder as the incremental build left it, entries included: what
 * ingest keeps (a paper's topics, keywords and related list while it is unchanged) lives there, not
 * in a cache. There is no intended difference between the two trees (no build date is written).
 *
 * The builds run in a copy of the project (so that its code can be changed), sharing node_modules.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { astroCacheDir } from '../../scripts/shared/fingerprint.ts';
import { acquireAstroLock, filesBelow } from '../helpers/content.ts';
import { FIXTURES, NODE, ROOT } from '../helpers/paths.ts';

const work = mkdtempSync(join(tmpdir(), 'abstracta-incremental-'));
const project = join(work, 'project');
const content = join(work, 'content');
const dist = join(work, 'dist');
/** Node's compile cache of these builds: their code is a copy that no other run will use again. */
const compileCache = join(work, 'compile-cache');
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** `npm run build` in the project copy, with `args` and `env`; returns its output. */
function build(args: string[], env: Record<string, string> = {}): string {
  const { BASE_URL: _base, MODE: _mode, DEV: _dev, PROD: _prod, SSR: _ssr, SITE_URL: _site, BASE_PATH: _path, ...inherited } = process.env;
  const release = acquireAstroLock();
  try {
    const result = spawnSync(NODE, ['scripts/build.ts', ...args], {
      cwd: project,
      encoding: 'utf8',
      env: { ...inherited, ABSTRACTA_CONTENT: content, NODE_COMPILE_CACHE: compileCache, ...env },
    });
    if (result.status !== 0) throw new Error(`build ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
    return result.stdout;
  } finally {
    release();
  }
}

/** Every file below `dir` with its bytes, by path. */
function tree(dir: string): Map<string, string> {
  return new Map(filesBelow(dir).map((file) => [relative(dir, file), readFileSync(file).toString('base64')]));
}

/** Builds the same content from nothing, forced, into a fresh folder, and compares the two sites. */
function expectSameAsForced(env: Record<string, string> = {}) {
  const forced = mkdtempSync(join(work, 'forced-'));
  build(['--force', '--outDir', forced], env);
  const [incremental, fresh] = [tree(dist), tree(forced)];
  expect([...incremental.keys()].sort()).toEqual([...fresh.keys()].sort());
  const differing = [...fresh.keys()].filter((file) => incremental.get(file) !== fresh.get(file));
  expect(differing).toEqual([]);
  rmSync(forced, { recursive: true, force: true });
}

/** How many pages this build rendered, and how many it reused (from Astro's log). */
function rendered(output: string): { rendered: number; reused: number } {
  // Colours off, and lines counted as marks: pages render 8 at a time, so a page's line and its
  // "(+12ms)" may be printed apart.
  const plain = stripVTControlCharacters(output);
  const pages = plain.match(/├─ \/\S*index\.html/g)?.length ?? 0;
  const reused = plain.match(/\((cached|restored)\)/g)?.length ?? 0;
  return { rendered: pages - reused, reused };
}

beforeAll(() => {
  mkdirSync(project);
  for (const path of ['src', 'public', 'scripts', 'astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json'])
    cpSync(join(ROOT, path), join(project, path), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(project, 'node_modules'));
  mkdirSync(join(content, 'digests'), { recursive: true });
  cpSync(join(ROOT, 'content/topics.yaml'), join(content, 'topics.yaml'));
  cpSync(join(ROOT, 'content/digests/trending-mar-14.txt'), join(content, 'digests/trending-mar-14.txt'));
  build(['--outDir', dist]);
}, 300_000);

describe('an incremental build', () => {
  it('after a new digest, re-renders only what the digest changes and equals a forced build', () => {
    cpSync(join(FIXTURES, 'hf-daily-papers/2026/2026-07-01.json'), join(content, 'digests/2026-07-01.json'));
    const output = build(['--outDir', dist]);
    // Pages the new papers do not touch are reused where they stand (on a corpus this small, the new
    // papers enter many related lists; the share reused at scale is measured by `npm run bench`).
    expect(output).toContain('in place');
    // Astro was started beside ingest and waited for it (see scripts/site/after-ingest.ts).
    expect(output).toContain('started beside ingest');
    expect(rendered(output).reused).toBeGreaterThan(40);
    expectSameAsForced();
  }, 300_000);

  it('reuses pages when started with another PATH, as a scheduler or a CI runner may start it', () => {
    // Astro inlines into the pages' code every environment variable whose name a module mentions
    // beside a bare `import.meta.env`; `src/lib/url.ts` once had one, and every page was then
    // rendered again whenever PATH or `_` (the program that started the build) differed.
    cpSync(join(FIXTURES, 'hf-daily-papers/2026/2026-07-02.json'), join(content, 'digests/2026-07-02.json'));
    const output = build(['--outDir', dist], { PATH: `${process.env.PATH}:${join(work, 'another-bin')}`, _: '/usr/bin/another-shell' });
    expect(rendered(output).reused).toBeGreaterThan(40);
    expectSameAsForced();
  }, 300_000);

  it("after the abstracts' files are lost from Astro's cache, renders them again, as a forced build does", () => {
    // The abstracts' HTML is kept beside Astro's data store (src/lib/abstract-files.ts); a cache
    // restored or cleared in part must not leave a page without its abstract.
    const abstracts = join(ROOT, astroCacheDir(content), 'abstracts');
    expect(readdirSync(abstracts).length).toBeGreaterThan(80);
    rmSync(abstracts, { recursive: true });
    cpSync(join(FIXTURES, 'hf-daily-papers/2026/2026-07-03.json'), join(content, 'digests/2026-07-03.json'));
    build(['--outDir', dist]);
    expect(readdirSync(abstracts).length).toBeGreaterThan(80);
    expectSameAsForced();
  }, 300_000);

  it('keeps the compiled code of ingest between runs, and none of the modules Astro writes anew each build', () => {
    // Node's compile cache names no module in its file names, but the compiled code holds each
    // module's URL: ingest's own must be there, Astro's chunks (under .astro/) must not, or the cache
    // would grow by the whole compiled content store with every build that changed anything. These
    // builds name the cache's folder (NODE_COMPILE_CACHE), as a user may: Astro still gets none.
    const entries = filesBelow(compileCache).map((file) => readFileSync(file, 'latin1'));
    expect(entries.some((code) => code.includes(`${project}/scripts/ingest.ts`))).toBe(true);
    expect(entries.filter((code) => code.includes(`${project}/.astro/`))).toEqual([]);
  });

  it('after a change to topics.yaml, shows the new topic everywhere, as a forced build does', () => {
    const topics = join(content, 'topics.yaml');
    writeFileSync(topics, readFileSync(topics, 'utf8').replace('title: Recommender systems', 'title: Recommendation'));
    build(['--outDir', dist]);
    const page = readFileSync(join(dist, 'topics/recommender-systems/index.html'), 'utf8');
    expect(page).toContain('Recommendation');
    expect(page).not.toContain('Recommender systems');
    expectSameAsForced();
  }, 300_000);

  it('after a change of SITE_URL and BASE_PATH, builds every page for the new address, as a forced build does', () => {
    const env = { SITE_URL: 'https://papers.example.org', BASE_PATH: '/archive/' };
    const output = build(['--outDir', dist], env);
    expect(rendered(output).reused).toBe(0);
    expect(readFileSync(join(dist, 'index.html'), 'utf8')).toContain('https://papers.example.org/archive/');
    expectSameAsForced(env);
  }, 300_000);

  it('after a change to a component, re-renders every page that uses it, as a forced build does', () => {
    const footer = join(project, 'src/components/Footer.astro');
    writeFileSync(footer, readFileSync(footer, 'utf8').replace('</footer>', '<p>Footer changed for the test.</p></footer>'));
    const output = build(['--outDir', dist]);
    expect(rendered(output).reused).toBe(0);
    for (const file of filesBelow(dist).filter((path) => path.endsWith('.html')))
      expect(readFileSync(file, 'utf8'), relative(dist, file)).toContain('Footer changed for the test.');
    expectSameAsForced();
  }, 300_000);
});

/** Processes running Astro in `dir`, by pid (Linux: from /proc). */
function astroProcessesIn(dir: string): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('astro.mjs') && readlinkSync(`/proc/${pid}/cwd`) === dir;
      } catch {
        return false; // gone meanwhile, or not ours to read
      }
    })
    .map(Number);
}

describe('a digest ingest refuses', () => {
  it('stops the build at ingest with its message, leaving the site as it was and no Astro running', () => {
    const before = tree(dist);
    const bad = join(content, 'digests/2026-07-09.json');
    writeFileSync(bad, '[{"paper": {"id": "2607.00001", "title": "A paper"');
    try {
      const release = acquireAstroLock();
      const result = (() => {
        try {
          return spawnSync(NODE, ['scripts/build.ts', '--outDir', dist], {
            cwd: project,
            encoding: 'utf8',
            env: { ...process.env, ABSTRACTA_CONTENT: content, NODE_COMPILE_CACHE: compileCache },
            // A child left running would hold the output open; fail rather than wait for ever.
            timeout: 120_000,
          });
        } finally {
          release();
        }
      })();
      expect(result.status).not.toBe(0);
      expect(result.stderr).toContain('2026-07-09.json');
      expect(result.stderr).toMatch(/build: .*ingest\.ts failed \(exit \d+\); stopped/);
      expect(result.stderr).not.toMatch(/\n\s+at /);
      // The Astro started beside ingest ended with the build; it never read the content.
      expect(astroProcessesIn(project)).toEqual([]);
      expect(tree(dist)).toEqual(before);
    } finally {
      rmSync(bad);
    }
  }, 300_000);
});

describe('two builds at once', () => {
  it('refuses the second with one line, while the first holds the build lock', () => {
    // A live process (this one) holds the project's build lock, as a running build would.
    const lock = join(project, '.astro', 'build.lock');
    mkdirSync(join(project, '.astro'), { recursive: true });
    writeFileSync(lock, String(process.pid));
    try {
      const second = spawnSync(NODE, ['scripts/build.ts', '--outDir', dist], {
        cwd: project,
        encoding: 'utf8',
        env: { ...process.env, ABSTRACTA_CONTENT: content },
      });
      expect(second.status).toBe(1);
      expect(second.stderr.trim()).toBe(
        `build: another build (process ${process.pid}) is running; wait for it, or delete ${lock} if it is not; nothing was built`,
      );
    } finally {
      rmSync(lock, { force: true });
    }
  });
});
