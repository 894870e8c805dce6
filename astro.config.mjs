// @ts-check
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import rehypeExternalLinks from 'rehype-external-links';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import { EXTERNAL_LINK_OPTIONS } from './scripts/entries/mdx.ts';
import { rehypeMathml } from './scripts/entries/math.ts';
import keepDist from './src/integrations/keep-dist.ts';
import pagefind from './src/integrations/pagefind.ts';
import timings from './src/integrations/timings.ts';
import { paperRedirects } from './src/lib/paper-redirects.ts';
import { normalizeBase } from './src/lib/url.ts';
import { astroCacheDir } from './scripts/shared/fingerprint.ts';
import { afterIngest } from './scripts/site/after-ingest.ts';

// `npm run build` starts Astro while ingest runs; nothing below may read content before ingest is done.
await afterIngest();

/**
 * Deployment settings come from the environment so one checkout can be built for any host:
 * - SITE_URL: the origin the site is served from, for canonical URLs, the sitemap and the feeds;
 *   default `http://localhost:4321` (what `npm run preview` serves), fine for a local look only.
 * - BASE_PATH: the sub-path the site lives under, e.g. `/abstracta/`; default `/`.
 */
const site = process.env.SITE_URL || 'http://localhost:4321';
const base = normalizeBase(process.env.BASE_PATH);

/**
 * Astro keeps the content data store (and beside it the abstracts' HTML, see `paperLoader`) in its cache
 * folder; each content folder (`ABSTRACTA_CONTENT`, used by tests and benchmarks) gets its own, so
 * building one does not throw away the cache of another.
 */
const content = process.env.ABSTRACTA_CONTENT;
const cacheDir = content ? astroCacheDir(content) : undefined;

/** Old paper URLs (from papers merged across sources) keep leading to their paper. */
const redirects = paperRedirects(content || 'content', base);

export default defineConfig({
  site,
  base,
  cacheDir,
  redirects,
  // Every page is a folder with index.html, and every internal link ends in `/`: static hosts
  // serve that shape the same way everywhere.
  trailingSlash: 'always',
  // Pages render 8 at a time: rendering is quick and writing each page (and its copy in the
  // incremental cache) waits on the disk, so overlapping those waits makes a full build of thousands
  // of pages about 40% faster here. In Astro 7.3.5 both generation paths consult the incremental cache
  // (core/build/generate.js), so reused pages are still reused; tests/site/incremental.test.ts holds it.
  build: { format: 'directory', concurrency: 8 },
  markdown: {
    // Abstracts are rendered exactly as written: GFM from remark-gfm (passed here, not the built-in
    // switch, so there is one copy of it) and no SmartyPants rewriting of quotes and dashes.
    // External links get the same rel, and `$…$` TeX the same sanitized MathML, as in bodies rendered
    // by the paper loader (see `inertHtml`). In notes, write `\$` for a dollar sign.
    processor: unified({
      remarkPlugins: [remarkGfm, remarkMath],
      rehypePlugins: [[rehypeExternalLinks, EXTERNAL_LINK_OPTIONS], rehypeMathml],
      gfm: false,
      smartypants: false,
    }),
  },
  // A page from getStaticPaths() whose cache key (a digest of what it shows, see src/lib/page-keys.ts)
  // and code are as in the last build is copied from it instead of rendered again.
  experimental: { incrementalBuild: true },
  integrations: [mdx(), sitemap(), pagefind(), keepDist(), timings()],
  vite: {
    // Never inline scripts or assets into pages: a strict Content-Security-Policy (no inline
    // scripts) must keep working.
    build: { assetsInlineLimit: 0 },
  },
});
