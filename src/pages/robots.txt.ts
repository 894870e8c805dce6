import type { APIContext } from 'astro';
import { assetUrl } from '../lib/url.ts';

/** Everything may be crawled; the sitemap says where it all is. */
export function GET(context: APIContext) {
  const sitemap = new URL(assetUrl('sitemap-index.xml'), context.site).href;
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${sitemap}\n`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}
