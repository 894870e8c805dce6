/**
 * Finding and classifying the URLs in an abstract. Detection is linkify-it's (the detector behind
 * markdown-it), so trailing `.`, `,` and unbalanced brackets stay outside the link.
 */
import { LinkifyIt } from 'linkify-it';
import type { Link, LinkKind } from '../../src/schemas.ts';

// Only explicit http(s) URLs: no fuzzy `example.com`, e-mail, `ftp:` or protocol-relative links.
const linkify = new LinkifyIt({ fuzzyLink: false, fuzzyEmail: false, fuzzyIP: false })
  .add('ftp:', null)
  .add('mailto:', null)
  .add('//', null);

export interface FoundLink {
  /** The URL as written in the text. */
  text: string;
  /** The normalized URL to link to. */
  url: string;
  start: number;
  end: number;
}

/** Every http(s) URL in `text`, in order, with its position. */
export function findLinks(text: string): FoundLink[] {
  return (linkify.match(text) ?? [])
    .filter((match) => /^https?:\/\//i.test(match.url))
    .map((match) => ({ text: match.raw, url: match.url, start: match.index, end: match.lastIndex }));
}

/** Hosts of source code. */
const CODE_HOSTS = ['github.com', 'gitlab.com', 'bitbucket.org', 'codeberg.org', 'sourceforge.net', 'gitee.com', 'sr.ht'];

/** Dataset hosts, as host or host plus path prefix. */
const DATA_HOSTS = [
  'huggingface.co/datasets',
  'kaggle.com/datasets',
  'zenodo.org',
  'figshare.com',
  'dataverse.harvard.edu',
  'data.mendeley.com',
  'paperswithcode.com/dataset',
  'archive.ics.uci.edu',
  'openml.org',
];

function matchesHost(url: URL, entry: string): boolean {
  const [host, ...path] = entry.split('/');
  const hostname = url.hostname.toLowerCase().replace(/^www\./, '');
  const hostMatches = hostname === host || hostname.endsWith(`.${host}`);
  const prefix = path.length ? `/${path.join('/')}` : '';
  return hostMatches && (prefix === '' || url.pathname === prefix || url.pathname.startsWith(`${prefix}/`));
}

/** `code` for source hosts, `data` for dataset hosts, `project` for any other page. */
/**
 * A URL from a metadata field (a repository, a project page), if it is an absolute http(s) URL:
 * normalized by the WHATWG URL parser, so quotes, brackets and spaces come out percent-encoded.
 */
export function httpUrl(value: string | undefined): string | undefined {
  const text = value?.trim();
  if (!text || !/^https?:\/\/\S+$/i.test(text) || !URL.canParse(text)) return undefined;
  return new URL(text).href;
}

export function classifyLink(href: string): LinkKind {
  const url = new URL(href);
  const host = url.hostname.replace(/^www\./, '');
  if (host === 'arxiv.org') return url.pathname.startsWith('/pdf/') ? 'pdf' : 'arxiv';
  if (host === 'doi.org' || host === 'dx.doi.org') return 'doi';
  if (CODE_HOSTS.some((host) => matchesHost(url, host))) return 'code';
  if (DATA_HOSTS.some((host) => matchesHost(url, host))) return 'data';
  return 'project';
}

/** The frontmatter `links` of an abstract: every URL once, in order of appearance. */
export function extractLinks(text: string): Link[] {
  const seen = new Set<string>();
  const links: Link[] = [];
  for (const { url } of findLinks(text)) {
    if (seen.has(url)) continue;
    seen.add(url);
    links.push({ url, kind: classifyLink(url) });
  }
  return links;
}
