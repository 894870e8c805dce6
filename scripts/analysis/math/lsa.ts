/**
 * Latent semantic analysis: a truncated SVD of the sparse TF-IDF matrix by a randomized range finder
 * (Halko, Martinsson & Tropp 2011), so no dense N×V or N×N matrix is ever formed. Papers become dense
 * vectors of `dimensions` numbers, used to cluster papers and to draw the corpus map. Linear algebra
 * on the small matrices is `ml-matrix`'s.
 */
import { EigenvalueDecomposition, Matrix, QrDecomposition } from 'ml-matrix';
import { random } from './random.ts';
import type { Vector } from '../vectors.ts';

/** Standard normal draws (Box–Muller) from a seeded generator. */
function gaussian(next: () => number): () => number {
  return () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
}

/** Sparse rows as (column index, value) pairs over a shared vocabulary. */
function toColumns(vectors: readonly Vector[]): { rows: [number, number][][]; columns: number } {
  const vocabulary = new Map<string, number>();
  const rows = vectors.map((vector) =>
    [...vector].map(([key, value]): [number, number] => {
      let column = vocabulary.get(key);
      if (column === undefined) vocabulary.set(key, (column = vocabulary.size));
      return [column, value];
    }),
  );
  return { rows, columns: vocabulary.size };
}

/**
 * The LSA embedding of each vector: its coordinates on the top `dimensions` singular directions,
 * scaled by the singular values (U Σ). Deterministic for a given seed.
 */
export function lsa(vectors: readonly Vector[], dimensions: number, seed = 11): Float64Array[] {
  const n = vectors.length;
  const { rows, columns } = toColumns(vectors);
  const d = Math.max(1, Math.min(dimensions, n - 1, columns));
  const width = Math.min(d + 10, n, columns); // oversampling improves the captured subspace
  const draw = gaussian(random(seed));
  // Dense blocks are flat typed arrays, row-major: `y[i * width + j]`.
  const omega = Float64Array.from({ length: columns * width }, draw);
  /** (sparse X) × (dense M, V × width) → N × width. */
  const times = (m: Float64Array) => {
    const out = new Float64Array(n * width);
    rows.forEach((row, i) => {
      for (const [column, value] of row) for (let j = 0; j < width; j++) out[i * width + j] += value * m[column * width + j];
    });
    return out;
  };
  /** (sparse X)ᵀ × (dense M, N × width) → V × width. */
  const transposeTimes = (m: Float64Array) => {
    const out = new Float64Array(columns * width);
    rows.forEach((row, i) => {
      for (const [column, value] of row) for (let j = 0; j < width; j++) out[column * width + j] += value * m[i * width + j];
    });
    return out;
  };
  // Y = X Ω, sharpened by one power iteration, Y = X (Xᵀ Y); then an orthonormal basis Q of its range.
  const y = times(transposeTimes(times(omega)));
  const yMatrix = new Matrix(n, width);
  for (let i = 0; i < n; i++) for (let j = 0; j < width; j++) yMatrix.set(i, j, y[i * width + j]);
  const qMatrix = new QrDecomposition(yMatrix).orthogonalMatrix;
  const q = new Float64Array(n * width);
  for (let i = 0; i < n; i++) for (let j = 0; j < width; j++) q[i * width + j] = qMatrix.get(i, j);
  // Bᵀ = Xᵀ Q is V × width; the Gram matrix B Bᵀ is width × width, small enough to diagonalize.
  const bt = transposeTimes(q);
  const gram = new Matrix(width, width);
  for (let a = 0; a < width; a++) {
    for (let c = a; c < width; c++) {
      let sum = 0;
      for (let k = 0; k < columns; k++) sum += bt[k * width + a] * bt[k * width + c];
      gram.set(a, c, sum);
      gram.set(c, a, sum);
    }
  }
  const eigen = new EigenvalueDecomposition(gram, { assumeSymmetric: true });
  const order = eigen.realEigenvalues
    .map((value, index) => ({ value, index }))
    .sort((p, r) => r.value - p.value)
    .slice(0, d);
  // U Σ = Q Ũ Σ, where Ũ holds the eigenvectors of B Bᵀ and Σ² its eigenvalues.
  const eigenvectors = eigen.eigenvectorMatrix;
  return Array.from({ length: n }, (_, i) => {
    const out = new Float64Array(d);
    order.forEach(({ value, index }, column) => {
      let sum = 0;
      for (let j = 0; j < width; j++) sum += q[i * width + j] * eigenvectors.get(j, index);
      out[column] = sum * Math.sqrt(Math.max(value, 0));
    });
    return out;
  });
}

/** Scales each row to unit length (rows of zeros stay zero). */
export function normalizeRows(rows: readonly Float64Array[]): Float64Array[] {
  return rows.map((row) => {
    const norm = Math.hypot(...row);
    return norm > 0 ? row.map((value) => value / norm) : row.slice();
  });
}
