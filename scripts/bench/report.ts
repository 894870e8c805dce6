/**
 * docs/benchmarks.md as a whole: the header, then one section per case in a fixed order. A case not
 * run this time keeps its section from the last report.
 */
import { existsSync, readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './site.ts';

/** Section headings in report order; a section is known by how its heading starts. */
const ORDER = ['## Building', '## Analysis', '## Suggesting', '## Search on', '## Search quality', '## Pages'];
const rank = (section: string) => ORDER.findIndex((prefix) => section.startsWith(prefix));

/** The machine and the versions measured, in one line. */
export function versions(): string {
  const version = (name: string) =>
    (JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
  return `Node ${process.version}, Astro ${version('astro')}, @astrojs/mdx ${version('@astrojs/mdx')}, Pagefind ${version('pagefind')}; ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GB.`;
}

function header(): string {
  return `# Benchmarks

Made by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}.
Synthetic corpora from \`scripts/harness/synthetic.ts\` (seed 42, 20 themes, 150–250-word abstracts), each
case in a fresh process. Times in seconds. Re-run one case with \`npm run bench -- --cases search\`.
`;
}

/** The report's text: `sections` made this run, plus the last report's (`out`) sections of cases not run. */
export function reportText(sections: readonly string[], out: string): string {
  const all = [...sections];
  const previous = existsSync(out)
    ? readFileSync(out, 'utf8')
        .split(/\n(?=## )/)
        .slice(1)
    : [];
  for (const kept of previous) {
    if (rank(kept) >= 0 && !all.some((section) => rank(section) === rank(kept))) all.push(`${kept.trimEnd()}\n`);
  }
  return [header(), ...all.sort((a, b) => rank(a) - rank(b))].join('\n');
}
