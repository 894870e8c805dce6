/**
 * Text cleanup: the LaTeX residue and mangled links that pasted abstracts carry, turned into what a
 * reader should see. Each rule is one row of {@link CLEANUP_RULES} with an example; anything no rule
 * matches is kept byte for byte.
 */

/** Greek letters by LaTeX name; `var*` forms map to their variant glyphs. */
const GREEK: Record<string, string> = {
  alpha: 'α',
  beta: 'β',
  gamma: 'γ',
  delta: 'δ',
  epsilon: 'ϵ',
  varepsilon: 'ε',
  zeta: 'ζ',
  eta: 'η',
  theta: 'θ',
  vartheta: 'ϑ',
  iota: 'ι',
  kappa: 'κ',
  lambda: 'λ',
  mu: 'μ',
  nu: 'ν',
  xi: 'ξ',
  pi: 'π',
  varpi: 'ϖ',
  rho: 'ρ',
  varrho: 'ϱ',
  sigma: 'σ',
  varsigma: 'ς',
  tau: 'τ',
  upsilon: 'υ',
  phi: 'ϕ',
  varphi: 'φ',
  chi: 'χ',
  psi: 'ψ',
  omega: 'ω',
  Gamma: 'Γ',
  Delta: 'Δ',
  Theta: 'Θ',
  Lambda: 'Λ',
  Xi: 'Ξ',
  Pi: 'Π',
  Sigma: 'Σ',
  Upsilon: 'Υ',
  Phi: 'Φ',
  Psi: 'Ψ',
  Omega: 'Ω',
};
const GREEK_NAMES = Object.keys(GREEK).join('|');

export interface CleanupRule {
  /** Short name, used in tests and docs. */
  name: string;
  /** What the rule repairs, as input → output. */
  example: [string, string];
  pattern: RegExp;
  replace: (match: string, ...groups: string[]) => string;
}

export const CLEANUP_RULES: readonly CleanupRule[] = [
  {
    // `\url{…}` glued to the previous word: keep the URL, separated by a space.
    name: 'latex-url',
    example: ['advances\\url{https://x.org/a}.', 'advances https://x.org/a.'],
    pattern: /(\S?)\\url\{([^{}\s]+)\}/g,
    replace: (_match, before, url) => (before ? `${before} ${url}` : url),
  },
  {
    // A URL left inside the braces of a lost LaTeX command.
    name: 'braced-url',
    example: ['at {https://x.org/a}.', 'at https://x.org/a.'],
    pattern: /\{(https?:\/\/[^{}\s]+)\}/g,
    replace: (_match, url) => url,
  },
  {
    // A Greek letter whose backslash was lost (`{varphi}`) or kept (`\varphi`, `$\varphi$`).
    name: 'greek-letter',
    example: ['model ({varphi}) and $\\alpha$', 'model (φ) and α'],
    pattern: new RegExp(`\\$\\\\(${GREEK_NAMES})\\$|\\{\\\\?(${GREEK_NAMES})\\}|\\\\(${GREEK_NAMES})(?![A-Za-z])`, 'g'),
    replace: (_match, inMath, inBraces, bare) => GREEK[inMath ?? inBraces ?? bare],
  },
  {
    // LaTeX-escaped special characters.
    name: 'latex-escape',
    example: ['88\\% of \\& \\#1 \\_x \\$5', '88% of & #1 _x $5'],
    pattern: /\\([%&#_$])/g,
    replace: (_match, char) => char,
  },
  {
    // TeX double quotes ``like this''.
    name: 'tex-double-quotes',
    example: ["``silver''", '“silver”'],
    pattern: /``([^`\n]+?)''/g,
    replace: (_match, inner) => `“${inner}”`,
  },
  {
    // TeX single quotes `like this', not touching apostrophes inside words.
    name: 'tex-single-quotes',
    example: ["`silver' annotated", '‘silver’ annotated'],
    pattern: /`([^`'\n]+(?:'\p{L}[^`'\n]*)*)'(?!\p{L})/gu,
    replace: (_match, inner) => `‘${inner}’`,
  },
];

/** Applies every rule in order. Idempotent: cleaning clean text changes nothing. */
export function cleanText(text: string): string {
  return CLEANUP_RULES.reduce((current, rule) => current.replace(rule.pattern, rule.replace), text);
}
