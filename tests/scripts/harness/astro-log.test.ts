import { describe, expect, it } from 'vitest';
import { countPages, reusedPages } from '../../../scripts/harness/astro-log.ts';

describe("reading Astro's build log", () => {
  it("counts rendered and reused pages in Astro's log, where pages rendering at once share a line", () => {
    // An excerpt of a real `npm run build` log (an incremental build of 40,000 papers).
    const log = [
      ' generating static routes ',
      '03:34:16   ├─ /404.html03:34:16   ├─ /digests/2028-05-19/index.html03:34:16   ├─ /digests/2028-05-18/index.html (cached)',
      '03:34:16   ├─ /digests/2028-05-17/index.html (cached)',
      '03:34:16   ├─ /digests/2028-05-16/index.html (restored)',
      '03:34:17   ├─ /papers/by-title/page/7/index.html (+256ms) ',
      ' (+225ms) ',
      ' (+734ms) ',
      '03:34:21 ✓ Completed in 23.5s.',
    ].join('\n');
    expect(countPages(log)).toEqual({ rendered: 3, reused: 3 });
    expect(reusedPages(log)).toEqual(
      new Set(['/digests/2028-05-18/index.html', '/digests/2028-05-17/index.html', '/digests/2028-05-16/index.html']),
    );
    expect(countPages('03:34:21 ✓ Completed in 1s.')).toEqual({ rendered: 0, reused: 0 });
  });

  it('reads a coloured log as a plain one', () => {
    // As Astro writes it when the environment asks for colour (CI=true, FORCE_COLOR).
    const log =
      '\u001b[2m04:30:18\u001b[22m   \u001b[32m├─\u001b[39m \u001b[2m/papers/a/index.html\u001b[22m \u001b[32m(restored)\u001b[39m\n';
    expect(countPages(log)).toEqual({ rendered: 0, reused: 1 });
    expect(reusedPages(log)).toEqual(new Set(['/papers/a/index.html']));
  });
});
