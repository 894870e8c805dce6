import { describe, expect, it } from 'vitest';
import { doiLink } from '../../../../scripts/ingest/formats/arxiv.ts';

describe('doiLink', () => {
  it('links a DOI to its resolver', () => {
    expect(doiLink(' 10.1000/xyz123 ')).toEqual([{ url: 'https://doi.org/10.1000/xyz123', kind: 'doi' }]);
    expect(doiLink('10.1145/3292500.3330701')).toEqual([{ url: 'https://doi.org/10.1145/3292500.3330701', kind: 'doi' }]);
    // Characters a DOI may hold but a URL may not hold raw are encoded.
    expect(doiLink('10.1002/(SICI)1097-4571[1999]50:3')[0].url).toBe('https://doi.org/10.1002/(SICI)1097-4571%5B1999%5D50:3');
  });

  it.each(['10.1000/<script>alert(1)</script>', '10.1000/a b', 'javascript:alert(1)', 'doi:10.1000/x', '10.1000/"onmouseover="x', ''])(
    'makes no link of %j',
    (text) => expect(doiLink(text)).toEqual([]),
  );
});
