/**
 * The real build of the seed (made once by the global setup into `.test-dist/`), checked page by page
 * with a real HTML parser, and its search index queried through Pagefind's own API.
 */
import { load, type CheerioAPI } from 'cheerio';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Paper } from '../../src/schemas.ts';
import { loadPagefind, type PagefindResult } from '../../scripts/harness/pagefind.ts';
import { entriesIn } from '../helpers/content.ts';
import { ROOT, TEST_DIST } from '../helpers/paths.ts';

const PAPERS_DIR = join(ROOT, 'content/papers');
const papers: Paper[] = entriesIn(PAPERS_DIR);
const html = (path: string): CheerioAPI => load(readFileSync(join(TEST_DIST, path, 'index.html'), 'utf8'));
/** Visible text with HTML whitespace folded, as a reader sees it. */
const text = (value: string) => value.replace(/\s+/g, ' ').trim();

describe('the built seed site', () => {
  it('has a page for each of the 83 papers', () => {
    expect(papers).toHaveLength(83);
    for (const paper of papers) expect(existsSync(join(TEST_DIST, 'papers', paper.slug, 'index.html'))).toBe(true);
  });

  it('shows every title and abstract, cleaned and otherwise exact', () => {
    const seed = readFileSync(join(ROOT, 'content/digests/trending-mar-14.txt'), 'utf8');
    for (const paper of papers) {
      const $ = html(`papers/${paper.slug}`);
      expect(text($('article h1').text())).toBe(paper.title);
      const abstract = text($('.abstract').text());
      expect(abstract.length).toBeGreaterThan(200);
      // The abstract as a reader sees it is in the seed, up to the documented cleanup.
      const raw = seed.split('\n').find((line) => line.startsWith(abstract.slice(0, 60).replace(/φ.*/, '')))!;
      expect(raw, paper.title).toBeDefined();
      expect(abstract).not.toMatch(/\{varphi\}|\\url|\\%|\{https?:/);
    }
  });

  it('shows φ on the {varphi} paper', () => {
    const paper = papers.find((p) => p.title.startsWith('Leveraging Domain Knowledge'))!;
    const abstract = text(html(`papers/${paper.slug}`)('.abstract').text());
    expect(abstract).toContain('a reward model (φ) which');
    expect(abstract).toContain('infuse domain knowledge into φ, which');
  });

  it('makes every extracted link clickable, in the abstract and as a labelled button', () => {
    for (const paper of papers.filter((p) => p.links.length)) {
      const $ = html(`papers/${paper.slug}`);
      for (const link of paper.links) {
        expect($(`.abstract a[href="${link.url}"]`).length, link.url).toBe(1);
        expect($(`.abstract a[href="${link.url}"]`).attr('rel')).toBe('noopener noreferrer');
        const button = $(`.paper-links a[href="${link.url}"]`);
        expect(button.attr('rel')).toBe('noopener noreferrer');
        expect(button.hasClass(`link-${link.kind}`)).toBe(true);
      }
    }
  });

  it('gives every paper page a way to the paper itself: links when a source knows it, else searches said to be searches', () => {
    let searched = 0;
    for (const paper of papers) {
      const $ = html(`papers/${paper.slug}`);
      const section = $('section[aria-labelledby="paper"]');
      expect(section.find('h2#paper').text(), paper.slug).toBe('Read the paper');
      expect($('.toc a[href="#paper"], [slot="toc"] a[href="#paper"], a[href="#paper"]').length).toBeGreaterThan(0);
      const links = section.find('a');
      expect(links.length, paper.slug).toBeGreaterThan(0);
      links.each((_, a) => expect($(a).attr('rel')).toBe('noopener noreferrer'));
      if (paper.arxiv || paper.links.some((l) => l.kind === 'doi')) {
        expect(section.find('a.link-arxiv, a.link-doi').length, paper.slug).toBeGreaterThan(0);
      } else {
        // The seed's pasted digest names no arXiv id: its pages search for the title, and say so.
        searched++;
        expect(section.text()).toMatch(/No source of this paper gave its arXiv id or DOI/);
        expect(links.map((_, a) => $(a).text().trim()).get()).toEqual(['Search arXiv', 'Search Semantic Scholar', 'Search Google Scholar']);
        for (const href of links.map((_, a) => $(a).attr('href')).get()) expect(new URL(href).search).toContain('q');
      }
    }
    expect(searched).toBe(83);
  });

  it('shows topics, keywords that search, related papers and prev/next on a paper page', () => {
    const paper = papers.find((p) => p.title === 'Tool-Augmented Reward Modeling')!;
    const $ = html(`papers/${paper.slug}`);
    expect($('[data-pagefind-filter="topic"]').length).toBe(paper.topics.length);
    expect($('.keywords a').first().attr('href')).toBe(`/search/?q=${encodeURIComponent(paper.keywords[0]).replace(/%20/g, '+')}`);
    expect(
      $('.related-list a')
        .map((_, a) => $(a).attr('href'))
        .get(),
    ).toEqual(paper.related.map((slug) => `/papers/${slug}/`));
    expect($('.prev-next a').length).toBeGreaterThan(0);
    expect($('.sidebar a.current').attr('href')).toBe(`/topics/${paper.topics[0]}/`);
  });

  it('has the home page, the topics index, a page per topic and a real 404', () => {
    const topics = parse(readFileSync(join(ROOT, 'content/topics.yaml'), 'utf8')) as { id: string; title: string }[];
    const home = html('');
    // The home page lists the latest papers only; the paper index lists them all, 50 to a page.
    expect(home('.paper-list > li').length).toBe(12);
    expect(html('papers')('.paper-list > li').length + html('papers/page/2')('.paper-list > li').length).toBe(83);
    expect(html('papers/by-title/page/2')('.paper-list > li').length).toBe(33);
    // The digest archive: the seed's one digest, its papers in their original order.
    expect(html('digests')('.paper-list > li a').attr('href')).toBe('/digests/trending-mar-14/');
    const digest = html('digests/trending-mar-14')('.paper-list > li h3 a')
      .map((_, a) => load(a).text())
      .get();
    expect(digest).toHaveLength(83);
    expect(digest[0]).toBe('Secrets of RLHF in Large Language Models Part II: Reward Modeling');
    expect(digest[82]).toBe('Inference-Time Scaling for Diffusion Models beyond Scaling Denoising Steps');
    expect(home('.topic-cards > li').length).toBe(topics.length);
    expect(html('topics')('.topic-cards > li').length).toBe(topics.length);
    for (const topic of topics) {
      const $ = html(`topics/${topic.id}`);
      expect(text($('main h1').text())).toBe(topic.title);
      const count = papers.filter((p) => p.topics.includes(topic.id)).length;
      expect($('.paper-list > li').length).toBe(count);
    }
    const notFound = load(readFileSync(join(TEST_DIST, '404.html'), 'utf8'));
    expect(notFound('h1').text()).toBe('Page not found');
  });

  it('opens /topics/ with a map: a dot per paper, each a link named by its title', () => {
    const $ = html('topics');
    const dots = $('.corpus-map svg a');
    expect(dots.length).toBe(83);
    dots.each((_, dot) => {
      const href = $(dot).attr('href')!;
      const paper = papers.find((p) => href === `/papers/${p.slug}/`)!;
      expect(paper, href).toBeDefined();
      expect($(dot).attr('aria-label')).toBe(paper.title);
      // The name line that pointer or focus reveals: the title (shortened only past 120 characters).
      expect(paper.title.startsWith($(dot).find('text.map-name').text().replace(/…$/, ''))).toBe(true);
      expect($(dot).find('circle').attr('fill')).toMatch(/^#[0-9a-f]{6}$/);
    });
    // A label per topic on the map, and a legend entry per topic with its count of papers.
    const primaries = new Set(papers.map((p) => p.topics[0]));
    expect($('.corpus-map text.map-label').length).toBe(primaries.size);
    const legend = $('.map-legend li')
      .map((_, li) => `${$(li).find('a').attr('href')} ${$(li).find('.count').text()}`)
      .get();
    expect(legend.sort()).toEqual([...primaries].map((id) => `/topics/${id}/ ${papers.filter((p) => p.topics[0] === id).length}`).sort());
  });

  it('puts search on every page and links every internal URL to a built file', () => {
    const pages = [''].concat(
      papers.map((p) => `papers/${p.slug}`),
      'topics',
      'search',
    );
    for (const page of pages) {
      const $ = html(page);
      // Without JavaScript a link to the topics; with it a button that opens the labelled dialog.
      expect($('[data-search-fallback]').attr('href')).toBe('/topics/');
      expect($('button[data-search-open].needs-js').length).toBe(1);
      expect($('dialog.search-dialog[aria-labelledby="search-dialog-title"] #search-dialog-title').length).toBe(1);
      $('a[href^="/"], link[href^="/"], script[src^="/"]').each((_, element) => {
        const url = $(element).attr('href') ?? $(element).attr('src')!;
        const path = decodeURIComponent(new URL(url, 'https://x.org').pathname);
        const file = path.endsWith('/') ? join(TEST_DIST, path, 'index.html') : join(TEST_DIST, path);
        expect(existsSync(file), `${page}: ${url}`).toBe(true);
      });
    }
  });

  it('ships no inline script, one small search bootstrap per page, and none of Pagefind up front', () => {
    for (const page of ['', 'topics', `papers/${papers[0].slug}`]) {
      const $ = html(page);
      expect($('script:not([src]):not([type="application/ld+json"])').length).toBe(0);
      // The theme script (classic, in <head>, before the first paint) and the bootstrap module.
      const scripts = $('script[src]')
        .map((_, s) => $(s).attr('src'))
        .get();
      expect(scripts).toHaveLength(2);
      expect(scripts[0]).toBe('/theme.js');
      expect(scripts[1]).toMatch(/^\/_astro\/.*\.js$/);
      for (const script of scripts) expect(readFileSync(join(TEST_DIST, script)).length).toBeLessThan(6000);
      expect($('link[href*="pagefind"], script[src*="pagefind"]').length).toBe(0);
    }
    expect(html('search')('script:not([src])').length).toBe(0);
  });

  it('marks up pages for Pagefind: body, weights, meta and filters, and no sort key', () => {
    const paper = papers.find((p) => p.title === 'Tool-Augmented Reward Modeling')!;
    const $ = html(`papers/${paper.slug}`);
    const body = $('[data-pagefind-body]');
    expect(body.length).toBe(1);
    expect(body.is('article')).toBe(true);
    // Search never sorts, and a sort key would cost every reader bytes in the index's first file.
    expect($('[data-pagefind-sort]').length).toBe(0);
    expect($('h1[data-pagefind-meta="title"]').attr('data-pagefind-weight')).toBe('10');
    expect($('.keywords').attr('data-pagefind-weight')).toBe('5');
    expect($('[data-pagefind-meta="topics"]').text()).toBe('Alignment, RLHF and reward models');
    expect($('[data-pagefind-filter="date"]').text()).toBe('Mar 14');
    // Chrome is outside the body or ignored.
    for (const selector of ['.site-header', '.sidebar', '.related', '.site-footer', '.breadcrumbs', '.prev-next']) {
      const element = $(selector);
      expect(element.closest('[data-pagefind-body]').length === 0 || element.closest('[data-pagefind-ignore]').length > 0, selector).toBe(
        true,
      );
    }
    const topic = html(`topics/${paper.topics[0]}`);
    expect(topic('[data-pagefind-body] h1[data-pagefind-filter="topic"]').length).toBe(1);
    expect(topic('.paper-list').closest('[data-pagefind-body]').length).toBe(0);
  });
});

describe('the Pagefind index of the seed', () => {
  let search: (term: string, options?: Record<string, unknown>) => Promise<PagefindResult[]>;
  let filters: Record<string, Record<string, number>>;
  beforeAll(async () => {
    const pagefind = await loadPagefind(TEST_DIST);
    search = pagefind.search;
    filters = await pagefind.api.filters();
  });

  it('indexes the papers and topics but not the site chrome', async () => {
    const results = await search('Recommender systems');
    expect(results.some((r) => r.url === '/topics/recommender-systems/')).toBe(true);
    const paper = results.find((r) => r.url.startsWith('/papers/'))!;
    // Header, sidebar, breadcrumbs, related list and footer are not part of a paper's indexed text.
    for (const chrome of [
      'Skip to content',
      'Search papers',
      'Causal inference and econometrics 5',
      'Related papers',
      'Browse topics',
      'Abstracts belong to their authors',
    ]) {
      expect(paper.content).not.toContain(chrome);
    }
    expect(paper.content).toContain(paper.meta.title);
    expect(paper.content).not.toContain('min read');
  });

  it('ranks a paper first when searched by its own title', async () => {
    for (const paper of papers.slice(0, 20)) {
      const [first] = await search(paper.title);
      expect(first.url, paper.title).toBe(`/papers/${paper.slug}/`);
    }
  });

  it('finds every paper by a phrase from the middle of its abstract, in the top 3', async () => {
    const misses: string[] = [];
    for (const paper of papers) {
      const abstract = text(html(`papers/${paper.slug}`)('.abstract').text());
      const words = abstract.split(' ');
      const middle = Math.floor(words.length / 2);
      const phrase = words.slice(middle, middle + 6).join(' ');
      const urls = (await search(phrase)).slice(0, 3).map((r) => r.url);
      if (!urls.includes(`/papers/${paper.slug}/`)) misses.push(`${paper.slug}: "${phrase}" → ${urls.join(', ')}`);
    }
    expect(misses).toEqual([]);
  });

  it('offers topics and digest dates as filters, with counts', async () => {
    const total = Object.values(filters.topic).reduce((a, b) => a + b, 0);
    // Each paper counts once per topic, and each topic page once in its own topic.
    const topics = new Set(papers.flatMap((p) => p.topics)).size;
    expect(total).toBe(papers.reduce((sum, p) => sum + p.topics.length, 0) + topics);
    expect(filters.date).toEqual({ 'Mar 14': 83 });
    const results = await search('language models', { filters: { topic: 'Recommender systems' } });
    expect(results.length).toBeGreaterThan(0);
    for (const result of results) expect(result.filters.topic).toContain('Recommender systems');
  });
});
