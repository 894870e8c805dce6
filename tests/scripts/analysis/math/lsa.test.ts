import { describe, expect, it } from 'vitest';
import { lsa, normalizeRows } from '../../../../scripts/analysis/math/lsa.ts';
import { syntheticPapers } from '../../../../scripts/harness/synthetic.ts';
import { buildCorpus } from '../../../../scripts/analysis/vectors.ts';

const papers = syntheticPapers(200, 9);
const corpus = buildCorpus(papers);

describe('lsa', () => {
  const embedded = lsa(corpus.vectors, 20);

  it('embeds every paper in the requested number of dimensions, deterministically', () => {
    expect(embedded).toHaveLength(200);
    expect(embedded[0]).toHaveLength(20);
    expect(lsa(corpus.vectors, 20)).toEqual(embedded);
  });

  it('keeps papers of one theme closer together than papers of different themes', () => {
    const unit = normalizeRows(embedded);
    const cos = (a: Float64Array, b: Float64Array) => a.reduce((sum, x, i) => sum + x * b[i], 0);
    let same = 0;
    let sameCount = 0;
    let other = 0;
    let otherCount = 0;
    for (let i = 0; i < 200; i++) {
      for (let j = i + 1; j < 200; j++) {
        if (papers[i].theme === papers[j].theme) [same, sameCount] = [same + cos(unit[i], unit[j]), sameCount + 1];
        else [other, otherCount] = [other + cos(unit[i], unit[j]), otherCount + 1];
      }
    }
    expect(same / sameCount).toBeGreaterThan(other / otherCount + 0.2);
  });

  it('copes with fewer papers than dimensions', () => {
    expect(lsa(corpus.vectors.slice(0, 3), 50)[0].length).toBeLessThanOrEqual(2);
  });
});
