import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AFTER_INGEST, afterIngest, BUILD_PID } from '../../../scripts/site/after-ingest.ts';
import { NODE, ROOT } from '../../helpers/paths.ts';

const dir = mkdtempSync(join(tmpdir(), 'abstracta-after-ingest-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('afterIngest', () => {
  it('does not wait when nothing asked it to (a plain astro build, astro dev)', async () => {
    await expect(afterIngest({})).resolves.toBeUndefined();
  });

  it('waits until the file it was given exists, and not longer', async () => {
    const file = join(dir, 'ingest-done');
    let resolved = false;
    const waiting = afterIngest({ [AFTER_INGEST]: file }).then(() => (resolved = true));
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(resolved).toBe(false);
    writeFileSync(file, '');
    await waiting;
    expect(resolved).toBe(true);
  });

  /** Runs afterIngest in a process of its own with `env`; its exit code, and whether it went on. */
  function waitIn(env: Record<string, string>) {
    const script = `import { afterIngest } from ${JSON.stringify(join(ROOT, 'scripts/site/after-ingest.ts'))}; await afterIngest(); console.log('went on');`;
    return spawnSync(NODE, ['--input-type=module', '-e', script], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 30_000 });
  }

  it('gives up, and ends its process, when the build that asked is over', () => {
    // The build's folder is gone (it removes it as it exits)...
    const gone = waitIn({ [AFTER_INGEST]: join(dir, 'no-such-build', 'ingest-done') });
    expect([gone.status, gone.stdout]).toEqual([1, '']);
    // ...or the build is not this process's parent (it was killed before it could stop it).
    const orphan = waitIn({ [AFTER_INGEST]: join(dir, 'ingest-never-done'), [BUILD_PID]: '999999999' });
    expect([orphan.status, orphan.stdout]).toEqual([1, '']);
    // With its parent alive and the file there, it goes on.
    writeFileSync(join(dir, 'ingest-was-done'), '');
    const done = waitIn({ [AFTER_INGEST]: join(dir, 'ingest-was-done'), [BUILD_PID]: String(process.pid) });
    expect(done.stdout.trim()).toBe('went on');
  });
});
