/**
 * A seeded generator of realistic-looking paper digests for benchmarks: unique titles, 150–250-word
 * abstracts, and a topic structure (each paper draws most of its subject terms from one of
 * {@link THEMES}, some from a second). The same seed always gives the same corpus.
 */
import type { Topic } from '../../src/schemas.ts';
import { random } from '../analysis/math/random.ts';

interface Theme {
  id: string;
  title: string;
  /** Subject phrases of the theme, most characteristic first. */
  terms: string[];
}

/** Research themes with their vocabularies. */
export const THEMES: Theme[] = [
  {
    id: 'reward-modeling',
    title: 'Reward modeling',
    terms: [
      'reward model',
      'human preferences',
      'preference data',
      'RLHF',
      'policy optimization',
      'reward hacking',
      'pairwise comparisons',
      'alignment',
    ],
  },
  {
    id: 'diffusion',
    title: 'Diffusion models',
    terms: [
      'diffusion model',
      'denoising steps',
      'score matching',
      'image synthesis',
      'latent space',
      'guidance scale',
      'noise schedule',
      'sampler',
    ],
  },
  {
    id: 'recommendation',
    title: 'Recommendation',
    terms: [
      'recommender system',
      'user interests',
      'click-through rate',
      'item embeddings',
      'sequential recommendation',
      'collaborative filtering',
      'ranking stage',
      'cold start',
    ],
  },
  {
    id: 'speech',
    title: 'Speech and audio',
    terms: [
      'speech recognition',
      'audio tokens',
      'speaker verification',
      'text-to-speech',
      'acoustic model',
      'spectrogram',
      'voice cloning',
      'prosody',
    ],
  },
  {
    id: 'robotics',
    title: 'Robot learning',
    terms: [
      'robot manipulation',
      'imitation learning',
      'policy transfer',
      'grasping',
      'sim-to-real',
      'embodied agent',
      'motor control',
      'demonstrations',
    ],
  },
  {
    id: 'retrieval',
    title: 'Retrieval augmentation',
    terms: [
      'retrieval-augmented generation',
      'dense retriever',
      'document index',
      'query rewriting',
      'passage ranking',
      'knowledge base',
      'citation accuracy',
      'context window',
    ],
  },
  {
    id: 'code',
    title: 'Code generation',
    terms: [
      'code generation',
      'program synthesis',
      'unit tests',
      'repository context',
      'bug fixing',
      'code review',
      'execution feedback',
      'compiler errors',
    ],
  },
  {
    id: 'math',
    title: 'Mathematical reasoning',
    terms: [
      'mathematical reasoning',
      'chain of thought',
      'theorem proving',
      'verifier',
      'step-level feedback',
      'competition problems',
      'formal proofs',
      'self-consistency',
    ],
  },
  {
    id: 'vision-language',
    title: 'Vision-language models',
    terms: [
      'vision-language model',
      'visual question answering',
      'image captions',
      'visual tokens',
      'grounding',
      'multimodal instruction tuning',
      'OCR',
      'chart understanding',
    ],
  },
  {
    id: 'efficiency',
    title: 'Efficient inference',
    terms: [
      'quantization',
      'KV cache',
      'speculative decoding',
      'pruning',
      'memory footprint',
      'throughput',
      'low-rank adapters',
      'sparse attention',
    ],
  },
  {
    id: 'safety',
    title: 'Safety and jailbreaks',
    terms: [
      'jailbreak attacks',
      'harmful content',
      'red teaming',
      'refusal behavior',
      'safety alignment',
      'adversarial prompts',
      'guardrails',
      'toxicity',
    ],
  },
  {
    id: 'agents',
    title: 'LLM agents',
    terms: [
      'autonomous agents',
      'tool use',
      'web navigation',
      'planning',
      'multi-agent collaboration',
      'long-horizon tasks',
      'memory module',
      'environment feedback',
    ],
  },
  {
    id: 'video',
    title: 'Video generation',
    terms: [
      'video generation',
      'temporal consistency',
      'motion control',
      'frame interpolation',
      'video diffusion',
      'camera trajectories',
      'long videos',
      'text-to-video',
    ],
  },
  {
    id: '3d',
    title: '3D reconstruction',
    terms: [
      '3D reconstruction',
      'neural radiance fields',
      'Gaussian splatting',
      'multi-view images',
      'novel view synthesis',
      'mesh generation',
      'depth estimation',
      'point clouds',
    ],
  },
  {
    id: 'interpretability',
    title: 'Interpretability',
    terms: [
      'sparse autoencoders',
      'attention heads',
      'circuit discovery',
      'feature attribution',
      'probing classifiers',
      'activation patching',
      'superposition',
      'mechanistic interpretability',
    ],
  },
  {
    id: 'medicine',
    title: 'Clinical AI',
    terms: [
      'clinical notes',
      'medical imaging',
      'radiology reports',
      'patient outcomes',
      'diagnosis',
      'electronic health records',
      'drug discovery',
      'biomedical literature',
    ],
  },
  {
    id: 'time-series',
    title: 'Time series',
    terms: [
      'time series forecasting',
      'anomaly detection',
      'sensor data',
      'temporal patterns',
      'seasonality',
      'forecast horizon',
      'traffic prediction',
      'weather forecasting',
    ],
  },
  {
    id: 'graphs',
    title: 'Graph learning',
    terms: [
      'graph neural network',
      'node classification',
      'message passing',
      'knowledge graph',
      'link prediction',
      'molecular graphs',
      'graph transformer',
      'over-smoothing',
    ],
  },
  {
    id: 'multilingual',
    title: 'Multilingual NLP',
    terms: [
      'low-resource languages',
      'machine translation',
      'multilingual benchmark',
      'cross-lingual transfer',
      'tokenizer',
      'code-switching',
      'dialects',
      'parallel corpora',
    ],
  },
  {
    id: 'evaluation',
    title: 'Evaluation',
    terms: [
      'benchmark contamination',
      'LLM-as-a-judge',
      'human evaluation',
      'leaderboard',
      'evaluation protocol',
      'inter-annotator agreement',
      'test set',
      'robustness evaluation',
    ],
  },
];

const ADJECTIVES = [
  'scalable',
  'robust',
  'efficient',
  'unified',
  'adaptive',
  'hierarchical',
  'lightweight',
  'principled',
  'data-efficient',
  'interpretable',
  'generalizable',
  'training-free',
];
const SYLLABLES = ['ka', 'lo', 'mi', 'ra', 'ven', 'to', 'zu', 'pe', 'qi', 'sol', 'dar', 'nex', 'vi', 'om', 'tra', 'lux'];
const OPENERS = [
  'Recent progress in {a} has raised new questions about {b}.',
  'Despite rapid advances, {a} remains difficult when {b} is limited.',
  'Existing approaches to {a} struggle to account for {b} in realistic settings.',
  '{A} is central to many applications, yet {b} is rarely studied directly.',
];
const MIDDLES = [
  'We introduce {name}, a {adj} method that couples {a} with {b}.',
  'Our key insight is that {a} can be estimated from {b} without additional supervision.',
  'To this end, we design a {adj} pipeline that combines {a}, {b} and {c}.',
  'We further show how {a} interacts with {b}, and why naive {c} fails.',
  'The approach requires no changes to {a} and adds little overhead to {b}.',
  'We analyse the trade-off between {a} and {b} and derive a simple criterion for {c}.',
  'A curated dataset of {n} examples lets us study {a} under controlled {b}.',
  'We evaluate on {n} tasks spanning {a}, {b} and {c}.',
  'Ablations isolate the contribution of {a} and of {b}.',
];
const CLOSERS = [
  '{name} improves {a} by {p}% over strong baselines while reducing {b}.',
  'Experiments show consistent gains in {a} and better {b} than prior work.',
  'Results suggest that {a} is an underused lever for {b}.',
  'We release code, data and models to support further work on {a}.',
];

/** A paper of the synthetic corpus. */
export interface SyntheticPaper {
  title: string;
  abstract: string;
  /** Index of its main theme in {@link THEMES}. */
  theme: number;
}

/** `n` papers from `seed`. Titles are unique: each carries a made-up method name from its index. */
export function syntheticPapers(n: number, seed = 42): SyntheticPaper[] {
  const next = random(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)];
  return Array.from({ length: n }, (_, index) => {
    const theme = Math.floor(next() * THEMES.length);
    const second = (theme + 1 + Math.floor(next() * (THEMES.length - 1))) % THEMES.length;
    // Most subject terms come from the main theme, some from a second one, for overlap between topics.
    const term = () => pick(next() < 0.8 ? THEMES[theme].terms : THEMES[second].terms);
    const name = nameFor(index);
    const fill = (template: string) =>
      template
        .replace('{A}', () => capitalize(term()))
        .replace(/\{a\}|\{b\}|\{c\}/g, () => term())
        .replace('{name}', name)
        .replace('{adj}', () => pick(ADJECTIVES))
        .replace('{n}', () => String(2 + Math.floor(next() * 40)))
        .replace('{p}', () => (1 + next() * 30).toFixed(1));
    const sentences = [fill(pick(OPENERS))];
    // 150 to 250 words: add middle sentences until the target length, then a closing one.
    const target = 150 + Math.floor(next() * 90);
    let words = sentences[0].split(' ').length;
    while (words < target) {
      const sentence = fill(pick(MIDDLES));
      sentences.push(sentence);
      words += sentence.split(' ').length;
    }
    sentences.push(fill(pick(CLOSERS)));
    const title = `${name}: ${capitalize(pick(ADJECTIVES))} ${capitalize(term())} for ${capitalize(term())}`;
    return { title, abstract: sentences.join(' '), theme };
  });
}

/** A pronounceable, unique method name for an index (`Kalomi`, `Ravento`...). */
function nameFor(index: number): string {
  let value = index + SYLLABLES.length;
  let name = '';
  while (value > 0) {
    name += SYLLABLES[value % SYLLABLES.length];
    value = Math.floor(value / SYLLABLES.length);
  }
  return capitalize(name);
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The themes as a taxonomy, for benchmarking topic assignment against known structure. */
export function syntheticTopics(): Topic[] {
  return THEMES.map((theme) => ({
    id: theme.id,
    title: theme.title,
    description: `Synthetic theme: ${theme.title}.`,
    terms: theme.terms.slice(0, 6),
  }));
}

/** Papers as a text digest (title, blank line, abstract), dated `date` (MM-DD or YYYY-MM-DD). */
export function syntheticDigest(papers: readonly SyntheticPaper[], dateLine: string): string {
  return `${dateLine}\n\n${papers.map((paper) => `${paper.title}\n\n${paper.abstract}`).join('\n\n')}\n`;
}
