/**
 * A link checker over the built sites, on a real HTML parser: every internal link, stylesheet,
 * script, icon and feed resolves to a built file, and every `#fragment` to an element on its page,
 * at the root and under a sub-path.
 */
import { load } from 'cheerio';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SUB_PATH, TEST_DIST, TEST_DIST_SUB } from '../helpers/paths.ts';

/** Every HTML file below `dir`. */
function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'pagefind' ? [] : htmlFiles(path);
    return name.endsWith('.html') ? [path] : [];
  });
}

/** The broken internal references of a built site served under `base`. */
function brokenLinks(dist: string, base: string): string[] {
  const broken: string[] = [];
  const ids = new Map<string, Set<string>>();
  const idsOf = (file: string) => {
    if (!ids.has(file))
      ids.set(
        file,
        new Set(
          load(readFileSync(file, 'utf8'))('[id]')
            .map((_, el) => el.attribs.id)
            .get(),
        ),
      );
    return ids.get(file)!;
  };
  for (const file of htmlFiles(dist)) {
    const $ = load(readFileSync(file, 'utf8'));
    const page = `/${relative(dist, file)}`.replace(/index\.html$/, '');
    $('a[href], link[href], script[src], img[src]').each((_, element) => {
      const url = element.attribs.href ?? element.attribs.src;
      if (/^(https?:|mailto:|data:)/.test(url)) return;
      const target = new URL(url, `http://site${base}${page.slice(1)}`);
      if (!target.pathname.startsWith(base)) {
        broken.push(`${page}: ${url} leaves the base path ${base}`);
        return;
      }
      const path = decodeURIComponent(target.pathname.slice(base.length));
      const resolved = path === '' || path.endsWith('/') ? join(dist, path, 'index.html') : join(dist, path);
      if (!existsSync(resolved)) broken.push(`${page}: ${url} (no ${relative(dist, resolved)})`);
      else if (target.hash && resolved.endsWith('.html') && !idsOf(resolved).has(decodeURIComponent(target.hash.slice(1)))) {
        broken.push(`${page}: ${url} (no element with that id)`);
      }
    });
  }
  return broken;
}

describe('links in the built site', () => {
  it('has no broken internal link or asset at the root', () => {
    expect(htmlFiles(TEST_DIST).length).toBeGreaterThan(100);
    expect(brokenLinks(TEST_DIST, '/')).toEqual([]);
  });

  it(`has no broken internal link or asset under ${SUB_PATH}`, () => {
    expect(brokenLinks(TEST_DIST_SUB, SUB_PATH)).toEqual([]);
  });

  it('puts every sitemap entry, feed link and canonical URL under the sub-path', () => {
    const sitemap = readFileSync(join(TEST_DIST_SUB, 'sitemap-0.xml'), 'utf8');
    const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname);
    expect(locs.length).toBeGreaterThan(100);
    for (const loc of locs) expect(loc.startsWith(SUB_PATH) && loc.endsWith('/'), loc).toBe(true);
    const feed = readFileSync(join(TEST_DIST_SUB, 'rss.xml'), 'utf8');
    const links = [...feed.matchAll(/<link>([^<]+)<\/link>/g)].map((m) => new URL(m[1]).pathname);
    expect(links.length).toBeGreaterThan(10);
    for (const link of links) expect(link.startsWith(SUB_PATH), link).toBe(true);
    const $ = load(readFileSync(join(TEST_DIST_SUB, 'papers/tool-augmented-reward-modeling/index.html'), 'utf8'));
    expect(new URL($('link[rel="canonical"]').attr('href')!).pathname).toBe(`${SUB_PATH}papers/tool-augmented-reward-modeling/`);
    expect(readFileSync(join(TEST_DIST_SUB, 'robots.txt'), 'utf8')).toContain(`${SUB_PATH}sitemap-index.xml`);
  });
});
