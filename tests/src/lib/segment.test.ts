import { describe, expect, it } from 'vitest';
import { spacedWords } from '../../../src/lib/segment.ts';

describe('spacedWords', () => {
  it('spaces out the words of Chinese, Japanese and Thai text', () => {
    expect(spacedWords('基于注意力机制的图神经网络')?.split(' ')).toEqual(expect.arrayContaining(['注意力', '机制', '神经', '网络']));
    expect(spacedWords('日本語の要約を評価する')?.split(' ')).toEqual(expect.arrayContaining(['日本語', '要約', '評価']));
    expect(spacedWords('การแปลภาษาด้วยเครื่อง')?.split(' ').length).toBeGreaterThan(2);
  });

  it('keeps words of other scripts in mixed text, and drops punctuation', () => {
    expect(spacedWords('用 Transformer 模型，效果好。')).toBe('用 Transformer 模型 效果 好');
  });

  it('leaves text in spaced scripts alone', () => {
    expect(spacedWords('Attention is all you need')).toBeUndefined();
    expect(spacedWords('نماذج اللغة الكبيرة')).toBeUndefined();
    expect(spacedWords('한국어 문장')).toBeUndefined();
  });
});
