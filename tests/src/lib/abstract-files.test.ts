import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { renderAbstract } from '../../../scripts/entries/mdx.ts';
import { abstractFolder, hasAbstract, keepAbstract, keptAbstract, pruneAbstracts, renderedAgain } from '../../../src/lib/abstract-files.ts';

const work = mkdtempSync(join(tmpdir(), 'abstracta-abstracts-'));
const saved = process.env.ABSTRACTA_ABSTRACTS;
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  if (saved === undefined) delete process.env.ABSTRACTA_ABSTRACTS;
  else process.env.ABSTRACTA_ABSTRACTS = saved;
});

const abstract = { html: '<p>We study <em>x</em> &amp; y.</p>', text: 'We study x & y.' };
const never = () => {
  throw new Error('rendered again');
};

describe('abstract files', () => {
  it('keeps an abstract by digest in a folder of the cache, and the page finds it there', () => {
    const folder = abstractFolder(pathToFileURL(join(work, 'cache') + '/'));
    expect(folder).toBe(join(work, 'cache', 'abstracts'));
    expect(hasAbstract(folder, 'd1')).toBe(false);
    keepAbstract(folder, 'd1', abstract);
    expect(hasAbstract(folder, 'd1')).toBe(true);
    expect(keptAbstract('d1', never)).toEqual(abstract);
  });

  it('renders the entry again when its file is missing or half written, and when no loader ran', () => {
    const folder = abstractFolder(join(work, 'cache'));
    const again = { html: '<p>again</p>', text: 'again' };
    expect(keptAbstract('missing', () => again)).toEqual(again);
    writeFileSync(join(folder, 'torn.json'), '{"html": "<p>cut');
    expect(keptAbstract('torn', () => again)).toEqual(again);
    delete process.env.ABSTRACTA_ABSTRACTS;
    expect(keptAbstract('d1', () => again)).toEqual(again);
  });

  it('removes the files of digests no entry has any more', () => {
    const folder = abstractFolder(join(work, 'prune'));
    for (const digest of ['a', 'b', 'c']) keepAbstract(folder, digest, abstract);
    writeFileSync(join(folder, 'c.json.123.tmp'), '');
    expect(pruneAbstracts(folder, new Set(['b']))).toBe(3);
    expect(readdirSync(folder)).toEqual(['b.json']);
  });

  it("renders an entry file's abstract as ingest rendered it, and names a file whose body needs MDX", () => {
    const { mdx: body, html, text } = renderAbstract('A {varphi} bound: $x^2$ and <b>tags</b> stay text.');
    const entry = join(work, 'entry.mdx');
    writeFileSync(entry, `---\ntitle: "A"\n---\n\n${body}\n`);
    expect(renderedAgain(entry)).toEqual({ html, text });
    const mdx = join(work, 'notes.mdx');
    writeFileSync(mdx, '---\ntitle: "B"\n---\n\nText.\n\n<Chart />\n');
    expect(() => renderedAgain(mdx)).toThrow(mdx);
  });
});
