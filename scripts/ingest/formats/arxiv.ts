/** arXiv identifiers and the links every arXiv paper has. */
import { ARXIV_ID_PATTERN, type Link } from '../../../src/schemas.ts';

/** The versionless arXiv id in an id or URL (`http://arxiv.org/abs/2510.14968v1` → `2510.14968`), if any. */
export function arxivId(text: string): string | undefined {
  // Either the id alone (perhaps with a version) or an arxiv.org abstract or PDF URL.
  const match =
    /^(?:https?:\/\/(?:www\.|export\.)?arxiv\.org\/(?:abs|pdf)\/)?((?:\d{4}\.\d{4,5})|(?:[a-z-]+(?:\.[A-Z]{2})?\/\d{7}))(?:v\d+)?(?:\.pdf)?\/?$/.exec(
      text.trim(),
    );
  return match && ARXIV_ID_PATTERN.test(match[1]) ? match[1] : undefined;
}

/** The abstract page and the PDF of an arXiv paper. */
export function arxivLinks(id: string): Link[] {
  return [
    { url: `https://arxiv.org/abs/${id}`, kind: 'arxiv' },
    { url: `https://arxiv.org/pdf/${id}`, kind: 'pdf' },
  ];
}

/**
 * A DOI as the DOI Handbook shapes it: `10.`, a registrant code, `/`, and a suffix of printable
 * characters. Anything else in a DOI field (spaces, markup, a URL with a script in it) is no DOI.
 */
const DOI = /^10\.\d{4,9}(\.\d+)*\/[^\s"<>{}|\\^`]+$/;

/** The resolver link of a DOI, or none when the text is not one. */
export function doiLink(doi: string): Link[] {
  const trimmed = doi.trim();
  return DOI.test(trimmed) ? [{ url: `https://doi.org/${encodeURI(trimmed)}`, kind: 'doi' }] : [];
}
