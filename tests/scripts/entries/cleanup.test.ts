import { describe, expect, it } from 'vitest';
import { cleanText, CLEANUP_RULES } from '../../../scripts/entries/cleanup.ts';

describe('cleanup rules', () => {
  // Every rule documents itself with an example; the table is the test.
  it.each(CLEANUP_RULES.map((rule) => [rule.name, ...rule.example]))('%s: %j → %j', (_name, input, output) => {
    expect(cleanText(input)).toBe(output);
  });

  it.each([
    // [what the seed has, what a reader sees]
    ['employing a reward model ({varphi}) which', 'employing a reward model (φ) which'],
    [
      'advancements\\url{https://github.com/ernie-research/Tool-Augmented-Reward-Model}.',
      'advancements https://github.com/ernie-research/Tool-Augmented-Reward-Model.',
    ],
    ['is at {https://github.com/FudanDISC/SocialAgent}.', 'is at https://github.com/FudanDISC/SocialAgent.'],
    ['answer to 88\\% of the time', 'answer to 88% of the time'],
    ["initially `silver' annotated", 'initially ‘silver’ annotated'],
    ["the ``gold'' standard", 'the “gold” standard'],
  ])('seed residue %j', (input, output) => {
    expect(cleanText(input)).toBe(output);
  });

  it.each([
    // Text no rule should touch, byte for byte.
    "it's the users' choice, isn't it?",
    'a {b} c, {alphabet}, \\alphabet and $x$ stay as they are',
    'code `x = 1` and 100% and \\n',
    'S^3: Social-network Simulation',
    '注意力 φ مرحبا 👩‍🔬',
  ])('leaves %j alone', (text) => {
    expect(cleanText(text)).toBe(text);
  });

  it('is idempotent', () => {
    const once = cleanText("({varphi}) \\url{https://a.org/x} 5\\% `q' ``w''");
    expect(cleanText(once)).toBe(once);
  });
});
