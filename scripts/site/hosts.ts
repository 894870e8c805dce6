/**
 * What static hosts accept, checked after a build so a site outgrowing a host is said before a deploy
 * fails, and the setting a production build must not leave at its default.
 */
import type { TreeListing } from '../shared/fingerprint.ts';

/** The published limits Abstracta can reach, strictest first (see docs/deploy.md, "Host limits"). */
export const HOST_LIMITS = [
  { host: 'Cloudflare Pages', files: 20_000, note: 'files in one deployment (Free plan)' },
  { host: 'GitHub Pages', bytes: 1024 ** 3, note: 'published site size' },
] as const;

/** Files and bytes of a built site, from its listing (which the build also fingerprints). */
export function siteSize(listing: TreeListing): { files: number; bytes: number } {
  let bytes = 0;
  for (const file of listing.files) bytes += Number(file.size);
  return { files: listing.files.length, bytes };
}

/** One warning per host limit the site passes. */
export function hostWarnings(size: { files: number; bytes: number }): string[] {
  return HOST_LIMITS.flatMap((limit) => {
    if ('files' in limit && size.files > limit.files)
      return [
        `the site has ${size.files.toLocaleString('en')} files; ${limit.host} accepts at most ${limit.files.toLocaleString('en')} ${limit.note}`,
      ];
    if ('bytes' in limit && size.bytes > limit.bytes)
      return [
        `the site is ${Math.round(size.bytes / 2 ** 20)} MB; ${limit.host} allows at most ${Math.round(limit.bytes / 2 ** 20)} MB ${limit.note}`,
      ];
    return [];
  });
}

/** The warning a production build gets when `SITE_URL` is not set, if it is not. */
export function siteUrlWarning(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.SITE_URL) return undefined;
  return 'SITE_URL is not set, so canonical URLs, feeds, the sitemap and citations point at http://localhost:4321; set it to the address the site is served from (docs/deploy.md)';
}
