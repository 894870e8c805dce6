import { execFileSync, spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { copyContent, fingerprint, ingest } from '../helpers/content.ts';
import { FIXTURES, NODE, ROOT } from '../helpers/paths.ts';

const dirs: string[] = [];
const content = () => {
  const dir = copyContent();
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('npm run ingest', () => {
  it('reproduces the committed entries exactly, and a second run touches nothing', () => {
    const dir = content();
    const before = fingerprint(dir);
    const first = ingest(dir);
    expect(first.status).toBe(0);
    // The committed content/papers is what ingest makes of the committed digests.
    expect(first.stdout).toMatch(/83 papers from 1 digest .*\(files: 0 written, 0 removed, 85 unchanged\)/);
    expect(fingerprint(dir)).toEqual(before);
  });

  it('skips a run when nothing changed since the last one, and runs again after any change', () => {
    const dir = content();
    expect(ingest(dir).stdout).toMatch(/85 unchanged\) in .*papers\/s \(read .*related .*write/);
    const before = fingerprint(dir);
    const again = ingest(dir);
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/^ingest: nothing changed since the last ingest of .*; skipped in/);
    expect(fingerprint(dir)).toEqual(before);
    // A hand edit to an entry, the topics file or a digest each make the next run do the work.
    const entry = join(dir, 'papers', 'tool-augmented-reward-modeling.mdx');
    writeFileSync(entry, readFileSync(entry, 'utf8').replace('topics:', 'topicsPinned: true\ntopics:'));
    expect(ingest(dir).stdout).toMatch(/83 papers from 1 digest/);
    expect(ingest(dir).stdout).toMatch(/nothing changed/);
    const topics = join(dir, 'topics.yaml');
    writeFileSync(topics, `${readFileSync(topics, 'utf8')}\n`);
    expect(ingest(dir).stdout).toMatch(/83 papers from 1 digest/);
    const digest = join(dir, 'digests', 'trending-mar-14.txt');
    writeFileSync(digest, readFileSync(digest, 'utf8').replace('Tool-Augmented Reward Modeling', 'Tool-Augmented Reward Modelling'));
    expect(ingest(dir).stdout).toMatch(/83 papers from 1 digest .*\(files: [1-9]\d* written, 1 removed/);
  });

  it('loads the work only when there is some: a run that finds nothing changed loads no parser, analysis or MDX code', () => {
    const dir = content();
    // Records every module the process loads (Node's in-thread module hooks), in a file per run.
    const hooks = mkdtempSync(join(tmpdir(), 'abstracta-modules-'));
    dirs.push(hooks);
    writeFileSync(
      join(hooks, 'record.mjs'),
      [
        "import { registerHooks } from 'node:module';",
        "import { writeFileSync } from 'node:fs';",
        'const loaded = [];',
        'registerHooks({ load: (url, context, next) => (loaded.push(url), next(url, context)) });',
        "process.on('exit', () => writeFileSync(process.env.RECORD_TO, loaded.join('\\n')));",
      ].join('\n'),
    );
    const loadedBy = (run: string) => {
      const record = join(hooks, `${run}.txt`);
      const result = ingest(dir, [], { NODE_OPTIONS: `--import=${join(hooks, 'record.mjs')}`, RECORD_TO: record });
      expect(result.status).toBe(0);
      return { stdout: result.stdout, modules: readFileSync(record, 'utf8').split('\n') };
    };
    const work = ['scripts/ingest/run.ts', 'scripts/ingest/pipeline.ts', 'scripts/ingest/inputs.ts', 'scripts/entries/mdx.ts', 'micromark'];
    const loads = (modules: string[], part: string) => modules.some((url) => url.includes(part));

    const first = loadedBy('first');
    expect(first.stdout).toMatch(/83 papers from 1 digest/);
    for (const part of work) expect(loads(first.modules, part), part).toBe(true);
    const skipped = loadedBy('skipped');
    expect(skipped.stdout).toMatch(/^ingest: nothing changed since the last ingest/);
    expect(loads(skipped.modules, 'scripts/ingest.ts')).toBe(true);
    for (const part of work) expect(loads(skipped.modules, part), part).toBe(false);
  });

  it('rebuilds deleted or edited entries and removes stale ones', () => {
    const dir = content();
    const papers = join(dir, 'papers');
    const before = fingerprint(papers);
    rmSync(join(papers, 'tool-augmented-reward-modeling.mdx'));
    writeFileSync(join(papers, 'generative-marginalization-models.mdx'), 'stale');
    writeFileSync(join(papers, 'no-longer-in-any-digest.mdx'), 'stale');
    const result = ingest(dir);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/\(files: 2 written, 1 removed, 83 unchanged\)/);
    const after = fingerprint(papers);
    expect(Object.keys(after)).toEqual(Object.keys(before));
    // Untouched entries keep their bytes and their mtime.
    expect(after['secrets-of-rlhf-in-large-language-models-part-ii-reward-modeling.mdx']).toBe(
      before['secrets-of-rlhf-in-large-language-models-part-ii-reward-modeling.mdx'],
    );
  });

  it('validates a given digest, copies it into content/digests and regenerates', () => {
    const dir = content();
    const result = ingest(dir, [join(FIXTURES, 'good-mar-15.txt')]);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/84 papers from 2 digests/);
    expect(readFileSync(join(dir, 'digests/good-mar-15.txt'), 'utf8')).toBe(readFileSync(join(FIXTURES, 'good-mar-15.txt'), 'utf8'));
    const entry = readFileSync(join(dir, 'papers/a-fresh-paper-about-reward-models.mdx'), 'utf8');
    expect(entry).toContain('date: 03-15');
    expect(entry).toContain('- alignment');
  });

  it.each([
    // [fixture, the file:line message expected]
    [
      'truncated.txt',
      /truncated\.txt:11: the abstract of "A Truncated Paper" stops mid-sentence and the file ends there; the file looks truncated/,
    ],
    ['binary.txt', /binary\.txt:3: the file contains a NUL byte/],
    ['elf.bin', /elf\.bin:1: the file contains a NUL byte/],
    ['title-only.txt', /title-only\.txt:1: the title "Title Without Abstract" has no abstract/],
    ['empty.txt', /empty\.txt:1: the file is empty/],
    ['not-utf8.txt', /not-utf8\.txt:5: the file is not valid UTF-8 text/],
    [
      'unknown-shape.json',
      /unknown-shape\.json:\$: expected a JSON array of Hugging Face daily-papers entries, found an object with key "hello"/,
    ],
  ])('refuses %s with file and line, exit 1, and content/ left exactly as it was', (fixture, message) => {
    const dir = content();
    const before = fingerprint(dir);
    const result = ingest(dir, [join(FIXTURES, 'bad', fixture)]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toMatch(/content\/ was not changed/);
    expect(fingerprint(dir)).toEqual(before);
  });

  it('refuses a 50 MB file before parsing it, and leaves content/ as it was', () => {
    const dir = content();
    const big = join(dir, '..', `big-${process.pid}.txt`);
    const paper = 'A Title Of A Paper\n\nAn abstract of a paper that says something about something else.\n\n';
    writeFileSync(big, `Mar 14\n\n${paper.repeat(Math.ceil((50 * 2 ** 20) / paper.length))}`);
    try {
      const before = fingerprint(dir);
      const result = ingest(dir, [big]);
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(
        /big-\d+\.txt:1: the file is 50\.0 MB; an input may be at most 32\.0 MB: split it into several digests/,
      );
      expect(fingerprint(dir)).toEqual(before);
    } finally {
      rmSync(big, { force: true });
    }
  });

  it('refuses a bad digest already in content/digests, reporting every problem at once', () => {
    const dir = content();
    writeFileSync(join(dir, 'digests/bad.txt'), readFileSync(join(FIXTURES, 'bad/truncated.txt')));
    writeFileSync(join(dir, 'topics.yaml'), '- id: x\n  title: X\n  description: D\n  terms: []\n');
    const before = fingerprint(dir);
    const result = ingest(dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/digests\/bad\.txt:11: /);
    expect(result.stderr).toMatch(/topics\.yaml:4: /);
    expect(result.stderr).toMatch(/2 problems found/);
    expect(fingerprint(dir)).toEqual(before);
  });

  it('keeps topics pinned by hand across re-ingests, and checks that they exist', () => {
    const dir = content();
    const file = join(dir, 'papers/tool-augmented-reward-modeling.mdx');
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, original.replace(/topics:\n(  - .*\n)+/, 'topics:\n  - evaluation\n  - interpretability\ntopicsPinned: true\n'));
    expect(ingest(dir).status).toBe(0);
    const kept = readFileSync(file, 'utf8');
    expect(kept).toMatch(/topics:\n  - evaluation\n  - interpretability\ntopicsPinned: true\n/);
    // The pin still shapes nothing else: the entry's abstract is regenerated as before.
    expect(kept.split('\n---\n')[1]).toBe(original.split('\n---\n')[1]);

    writeFileSync(file, kept.replace('  - interpretability', '  - no-such-topic'));
    const before = fingerprint(dir);
    const refused = ingest(dir);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/papers\/tool-augmented-reward-modeling\.mdx:\d+: pinned topic "no-such-topic" not in topics\.yaml/);
    expect(fingerprint(dir)).toEqual(before);
  });

  it('keeps what the user owns: extra frontmatter fields and notes below the marker', () => {
    const dir = content();
    const file = join(dir, 'papers/tool-augmented-reward-modeling.mdx');
    const original = readFileSync(file, 'utf8');
    const edited = original
      .replace(/\nwords: (\d+)\n/, '\nwords: $1\nreadingGroup: "2026-12-03"\nstars: 5\n')
      .replace(/\n$/, '\nOur take: **worth a session**, see the tool list.\n\n<details><summary>More</summary>Notes.</details>\n');
    writeFileSync(file, edited);
    // Change what ingest owns too: the topics file, so the entry is regenerated.
    const topics = join(dir, 'topics.yaml');
    writeFileSync(topics, readFileSync(topics, 'utf8').replace('title: Alignment, RLHF and reward models', 'title: Alignment and RLHF'));
    expect(ingest(dir).status).toBe(0);
    const after = readFileSync(file, 'utf8');
    expect(after).toContain('readingGroup: "2026-12-03"\nstars: 5\n');
    expect(after.endsWith('Our take: **worth a session**, see the tool list.\n\n<details><summary>More</summary>Notes.</details>\n')).toBe(
      true,
    );
    // And a second run changes nothing.
    const before = fingerprint(dir);
    expect(ingest(dir, ['--force']).stdout).toMatch(/0 written, 0 removed/);
    expect(fingerprint(dir)).toEqual(before);
  });

  it('with --lenient, skips bad entries and bad files with a warning each, and keeps the good ones', () => {
    const dir = content();
    const result = ingest(dir, ['--lenient', join(FIXTURES, 'bad', 'truncated.txt'), join(FIXTURES, 'bad', 'binary.txt')]);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/warning: .*truncated\.txt:11: the abstract of "A Truncated Paper" stops mid-sentence.* \(skipped\)/);
    expect(result.stderr).toMatch(/warning: .*binary\.txt:3: the file contains a NUL byte.* \(skipped\)/);
    expect(result.stderr).toMatch(/2 entries or files skipped/);
    // The good paper of the truncated digest is in; the binary file is not copied in.
    expect(result.stdout).toMatch(/84 papers from 2 digests/);
    expect(existsSync(join(dir, 'papers/a-good-title.mdx'))).toBe(true);
    expect(existsSync(join(dir, 'digests/binary.txt'))).toBe(false);
  });

  it('adding a digest rewrites only the new entries, those whose related papers change, and the map', () => {
    const dir = content();
    const before = fingerprint(join(dir, 'papers'));
    const result = ingest(dir, [join(FIXTURES, 'good-mar-15.txt')]);
    expect(result.status).toBe(0);
    const after = fingerprint(join(dir, 'papers'));
    const changed = Object.keys(before).filter((name) => name.endsWith('.mdx') && after[name] !== before[name]);
    expect(changed.length).toBeLessThan(15);
    const frontmatter = (text: string) => parse(text.split('\n---\n')[0].slice(4)) as Record<string, unknown>;
    const decode = (entry: string) => Buffer.from(entry.split(':').slice(1).join(':'), 'base64').toString('utf8');
    for (const name of changed) {
      // Everything but the related list is as it was: keywords and topics are kept for unchanged papers.
      const { related: _old, ...was } = frontmatter(decode(before[name]));
      const { related: _new, ...is } = frontmatter(decode(after[name]));
      expect(is, name).toEqual(was);
    }
  });

  it('recomputes every paper when the taxonomy changes', () => {
    const dir = content();
    const topics = join(dir, 'topics.yaml');
    writeFileSync(topics, readFileSync(topics, 'utf8').replace('- { term: RLHF, weight: 3 }', '- { term: RLHF, weight: 1 }'));
    const result = ingest(dir);
    expect(result.status).toBe(0);
    // The state file records the new taxonomy; a run after it changes nothing.
    expect(ingest(dir, ['--force']).stdout).toMatch(/0 written, 0 removed/);
  });

  it('refuses to run while another live ingest holds the lock', () => {
    const dir = content();
    writeFileSync(join(dir, '.ingest.lock'), String(process.pid));
    const result = ingest(dir, [join(FIXTURES, 'good-mar-15.txt')]);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/another ingest \(process \d+\) is running.*content\/ was not changed/);
    expect(existsSync(join(dir, 'digests/good-mar-15.txt'))).toBe(false);
  });

  it('runs two ingests started at once one after the other or refuses one, never leaving a mix', async () => {
    const dir = content();
    const run = (args: string[]) =>
      new Promise<{ status: number | null; stderr: string }>((done) => {
        const child = spawn(NODE, [join(ROOT, 'scripts/ingest.ts'), ...args], {
          cwd: ROOT,
          env: { ...process.env, ABSTRACTA_CONTENT: dir },
        });
        let stderr = '';
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
        child.on('close', (status) => done({ status, stderr }));
      });
    const results = await Promise.all([run(['--force', join(FIXTURES, 'good-mar-15.txt')]), run(['--force', '--year', '2025'])]);
    expect(results.some((r) => r.status === 0)).toBe(true);
    for (const result of results.filter((r) => r.status !== 0)) expect(result.stderr).toMatch(/another ingest \(process \d+\) is running/);
    expect(existsSync(join(dir, '.ingest.lock'))).toBe(false);
    // Whatever happened, content/ is what one ingest of its own digests gives: nothing half-written.
    const settled = fingerprint(join(dir, 'papers'));
    expect(ingest(dir, ['--force', ...(results[1].status === 0 ? ['--year', '2025'] : [])]).stdout).toMatch(/0 written, 0 removed/);
    expect(fingerprint(join(dir, 'papers'))).toEqual(settled);
  });
});

describe('an ingest interrupted while it replaced the papers folder', () => {
  const ENTRY = 'tool-augmented-reward-modeling.mdx';
  const NOTE = '\nMy notes on Themis: read section 4 again.\n';
  /** A content folder whose entry has the user's notes, as a crash at `stage` left it (pid 4242). */
  function crashed(stage: 'writing' | 'between renames' | 'after renames') {
    const dir = content();
    const papers = join(dir, 'papers');
    writeFileSync(join(papers, ENTRY), `${readFileSync(join(papers, ENTRY), 'utf8')}${NOTE}`);
    const staged = join(dir, '.staging-4242-papers');
    if (stage === 'writing') {
      // The new folder half written, the old one in place.
      mkdirSync(staged);
      writeFileSync(join(staged, ENTRY), '---\ntitle: half writ');
    } else if (stage === 'between renames') {
      // The old folder renamed aside, the new one (maybe incomplete) not yet in place: no papers/ at all.
      renameSync(papers, `${staged}-old`);
      mkdirSync(staged);
      writeFileSync(join(staged, ENTRY), '---\ntitle: half writ');
    } else {
      // The new folder in place, the old one not yet removed.
      cpSync(papers, `${staged}-old`, { recursive: true });
    }
    return dir;
  }

  it.each(['writing', 'between renames', 'after renames'] as const)('restores a complete state with every note (crash %s)', (stage) => {
    const dir = crashed(stage);
    const run = ingest(dir);
    expect(run.status, run.stderr).toBe(0);
    if (stage === 'between renames')
      expect(run.stderr).toContain('ingest: restored papers/ from .staging-4242-papers-old, the copy an interrupted ingest left');
    expect(run.stderr).toMatch(/ingest: removed \.staging-4242-papers(-old)?, left by an interrupted ingest/);
    expect(readFileSync(join(dir, 'papers', ENTRY), 'utf8').endsWith(NOTE)).toBe(true);
    expect(readdirSync(dir).filter((name) => name.startsWith('.staging-'))).toEqual([]);
    // Complete: every paper has its entry again, and the next run has nothing to do.
    expect(readdirSync(join(dir, 'papers')).filter((name) => name.endsWith('.mdx'))).toHaveLength(83);
    expect(ingest(dir).stdout).toMatch(/nothing changed/);
  });
});

describe('an ingest killed while it replaces the papers folder', () => {
  it.each(['writing', 'between-renames', 'after-renames'])(
    'leaves a state the next run completes, every note kept (killed %s)',
    (stage) => {
      const dir = content();
      const ENTRY = join(dir, 'papers', 'tool-augmented-reward-modeling.mdx');
      const NOTE = '\nMy notes: the Themis tool list.\n';
      writeFileSync(ENTRY, `${readFileSync(ENTRY, 'utf8')}${NOTE}`);
      // A digest without one (other) paper, so that many entries change and the folder is replaced.
      const digest = join(dir, 'digests', 'trending-mar-14.txt');
      const blocks = readFileSync(digest, 'utf8').split(/\n\s*\n/);
      const at = blocks.findIndex((block) => block.trim().startsWith('Secrets of RLHF'));
      writeFileSync(digest, `${[...blocks.slice(0, at), ...blocks.slice(at + 2)].join('\n\n')}\n`);
      const killed = ingest(dir, [], { ABSTRACTA_CRASH_AT: stage });
      expect(killed.signal).toBe('SIGKILL');
      const next = ingest(dir);
      expect(next.status, next.stderr).toBe(0);
      expect(readFileSync(ENTRY, 'utf8').endsWith(NOTE)).toBe(true);
      expect(readdirSync(join(dir, 'papers')).filter((name) => name.endsWith('.mdx'))).toHaveLength(82);
      expect(readdirSync(dir).filter((name) => name.startsWith('.staging-'))).toEqual([]);
      expect(ingest(dir).stdout).toMatch(/nothing changed/);
    },
  );
});

describe('a file given with the name of a digest already kept', () => {
  it('is refused with a message saying what it would replace, and replaces it only with --replace', () => {
    const dir = content();
    const other = mkdtempSync(join(tmpdir(), 'abstracta-other-'));
    dirs.push(other);
    const seed = readFileSync(join(dir, 'digests', 'trending-mar-14.txt'), 'utf8');
    const given = join(other, 'trending-mar-14.txt');
    // The same bytes under the same name: no clash, nothing to change.
    writeFileSync(given, seed);
    const same = ingest(dir, [given]);
    expect(same.status, same.stderr).toBe(0);
    expect(same.stdout).toMatch(/0 written, 0 removed/);
    // The same name, three of the 83 papers (the header is five blocks, then title and abstract each).
    writeFileSync(
      given,
      `${seed
        .split(/\n\s*\n/)
        .slice(0, 11)
        .join('\n\n')}\n`,
    );
    const before = fingerprint(dir);
    const refused = ingest(dir, [given]);
    expect(refused.status).toBe(1);
    expect(refused.stderr.trim()).toMatch(
      /^ingest: .*trending-mar-14\.txt: content\/digests\/trending-mar-14\.txt already exists with other content; adding this file would replace that digest and remove its papers\. Rename the file to keep both, or run again with --replace to replace it\. content\/ was not changed$/,
    );
    expect(fingerprint(dir)).toEqual(before);
    const replaced = ingest(dir, ['--replace', given]);
    expect(replaced.status, replaced.stderr).toBe(0);
    expect(replaced.stdout).toMatch(/3 papers from 1 digest .*80 removed/);
  });
});

describe('notes of a paper no digest lists any more', () => {
  it('are kept in content/notes/ when the paper leaves, and come back into its entry when it returns', () => {
    const dir = content();
    const papers = join(dir, 'papers');
    const ENTRY = 'tool-augmented-reward-modeling.mdx';
    const NOTE = '\nMy notes on Themis: compare with Gopher.\n';
    writeFileSync(join(papers, ENTRY), `${readFileSync(join(papers, ENTRY), 'utf8')}${NOTE}`);
    const seed = readFileSync(join(dir, 'digests', 'trending-mar-14.txt'), 'utf8');
    // The digest without that paper (its title and abstract blocks).
    const blocks = seed.split(/\n\s*\n/);
    const at = blocks.findIndex((block) => block.trim() === 'Tool-Augmented Reward Modeling');
    writeFileSync(join(dir, 'digests', 'trending-mar-14.txt'), `${[...blocks.slice(0, at), ...blocks.slice(at + 2)].join('\n\n')}\n`);
    const left = ingest(dir);
    expect(left.status, left.stderr).toBe(0);
    expect(left.stdout).toMatch(/1 removed/);
    expect(left.stdout).toContain('ingest: no digest lists a paper with your notes any more; the notes are kept in');
    expect(existsSync(join(papers, ENTRY))).toBe(false);
    const kept = join(dir, 'notes', 'tool-augmented-reward-modeling.md');
    expect(readFileSync(kept, 'utf8').endsWith(NOTE)).toBe(true);

    // The paper comes back: its notes are in its entry again, and the kept copy is gone.
    writeFileSync(join(dir, 'digests', 'trending-mar-14.txt'), seed);
    const back = ingest(dir);
    expect(back.status, back.stderr).toBe(0);
    expect(back.stdout).toContain("are back in the paper's entry");
    expect(readFileSync(join(papers, ENTRY), 'utf8').endsWith(NOTE)).toBe(true);
    expect(existsSync(kept)).toBe(false);
  });
});

describe('inputs that used to end in a stack trace', () => {
  /** Runs ingest on a content folder prepared by `prepare`; it must refuse with one line per problem and change nothing. */
  function refused(prepare: (dir: string) => void, args: (dir: string) => string[] = () => []) {
    const dir = content();
    prepare(dir);
    const before = fingerprint(dir);
    const run = ingest(dir, args(dir));
    expect(run.status).not.toBe(0);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(fingerprint(dir)).toEqual(before);
    return run.stderr.trim();
  }

  it('refuses symbolic links that dangle, loop or leave the content folder, by name', () => {
    expect(refused((dir) => symlinkSync(join(dir, 'nowhere.txt'), join(dir, 'digests', 'dangling.txt')))).toMatch(
      /digests\/dangling\.txt:1: a symbolic link to a file that does not exist/,
    );
    expect(
      refused((dir) => {
        symlinkSync(join(dir, 'digests', 'b.txt'), join(dir, 'digests', 'a.txt'));
        symlinkSync(join(dir, 'digests', 'a.txt'), join(dir, 'digests', 'b.txt'));
      }),
    ).toMatch(/digests\/a\.txt:1: a symbolic link that loops back on itself/);
    expect(refused((dir) => symlinkSync('/etc/passwd', join(dir, 'digests', 'passwd.txt')))).toMatch(
      /digests\/passwd\.txt:1: a symbolic link to \/etc\/passwd, outside .*: copy the file in instead/,
    );
  });

  it('refuses a file name that is not UTF-8, and a file too large before reading it', () => {
    expect(
      refused((dir) =>
        writeFileSync(Buffer.concat([Buffer.from(`${join(dir, 'digests')}/bad-`), Buffer.from([0xff, 0xfe]), Buffer.from('.txt')]), 'x'),
      ),
    ).toMatch(/digests\/bad-.*\.txt:1: the file name is not valid UTF-8: rename the file/);
    // 3 GiB, sparse: reading it whole would fail in Node (and take the memory first).
    const huge = refused((dir) => truncateSync(openSyncClose(join(dir, 'digests', 'huge.txt')), 3 * 2 ** 30));
    expect(huge).toMatch(/digests\/huge\.txt:1: the file is 3072\.0 MB; an input may be at most 32\.0 MB: split it into several digests/);
  });

  it('refuses a topics file whose aliases expand without end', () => {
    const bomb = [
      'a: &a ["x","x","x","x","x","x","x","x","x"]',
      ...'bcdefgh'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(',')}]`),
    ].join('\n');
    expect(refused((dir) => writeFileSync(join(dir, 'topics.yaml'), `${bomb}\n`))).toMatch(/topics\.yaml:1: .*aliases/);
  });

  it('says that a FIFO or a device given on the command line is not a regular file', () => {
    expect(
      refused(
        () => {},
        () => ['/dev/zero'],
      ),
    ).toMatch(/^ingest: \S*\/dev\/zero: not a regular file \(a FIFO, a device or a socket\); give a digest file$/);
    expect(
      refused(
        (dir) => execFileSync('mkfifo', [join(dir, 'pipe.txt')]),
        (dir) => [join(dir, 'pipe.txt')],
      ),
    ).toMatch(/pipe\.txt: not a regular file/);
  });
});

/** Creates an empty file and returns its path. */
function openSyncClose(path: string): string {
  writeFileSync(path, '');
  return path;
}

describe('two digest names with one page address', () => {
  it.each([
    ['Mar.txt', 'mar.txt'],
    ['a b.txt', 'a-b.txt'],
  ])('refuses %s beside %s, naming both', (first, second) => {
    const dir = content();
    const seed = readFileSync(join(dir, 'digests', 'trending-mar-14.txt'), 'utf8');
    writeFileSync(join(dir, 'digests', first), seed.replace('Mar 14', 'Mar 15'));
    writeFileSync(join(dir, 'digests', second), seed.replace('Mar 14', 'Mar 16'));
    const before = fingerprint(dir);
    const run = ingest(dir);
    expect(run.status).toBe(1);
    const id = first.replace('.txt', '').toLowerCase().replace(' ', '-');
    expect(run.stderr).toContain(`digests/${first}:1: its digest page would be /digests/${id}/, as would ${second}'s: rename one of them`);
    expect(run.stderr).toContain(`digests/${second}:1: its digest page would be /digests/${id}/, as would ${first}'s: rename one of them`);
    expect(fingerprint(dir)).toEqual(before);
  });
});

describe('hidden files in the digests folder', () => {
  it('are not read, and each is named (housekeeping files aside)', () => {
    const dir = content();
    writeFileSync(join(dir, 'digests', '.draft.txt'), 'a digest in progress');
    writeFileSync(join(dir, 'digests', '.gitkeep'), '');
    const run = ingest(dir, ['--force']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(
      /^ingest: .*digests\/\.draft\.txt: not read \(a name starting with a dot is hidden\); rename the file to ingest it$/m,
    );
    expect(run.stderr).not.toContain('.gitkeep');
  });
});
