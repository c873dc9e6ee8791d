import { gram, orthonormalize, symmetricEigen } from "./dense.js";
import { gaussianMatrix } from "./random.js";
import { type Dense, multiply, multiplyTransposed, type SparseRows } from "./sparse.js";

export interface SvdOptions {
  readonly rank: number;
  /** Extra random directions beyond `rank`, which make the leading ones accurate (Halko et al. use 5-10). */
  readonly oversample: number;
  /** Power iterations sharpen a slowly decaying spectrum, as text's is. */
  readonly powerIterations: number;
  readonly seed: number;
}

export interface TruncatedSvd {
  /** Right singular vectors as a (columns x rank) row-major matrix: a row of A times it gives U·Σ's row. */
  readonly components: Float32Array;
  readonly singularValues: Float64Array;
  readonly rank: number;
}

/** Randomized truncated SVD of a sparse matrix (Halko, Martinsson and Tropp 2011, algorithms 4.3 and 5.1). */
export function randomizedSvd(a: SparseRows, options: SvdOptions): TruncatedSvd {
  const l = Math.max(1, Math.min(options.rank + options.oversample, a.rows, a.columns));
  let q = orthonormalize(
    multiply(a, { rows: a.columns, columns: l, data: gaussianMatrix(a.columns, l, options.seed) }),
  );
  for (let i = 0; i < options.powerIterations; i += 1)
    q = orthonormalize(multiply(a, multiplyTransposed(a, q)));
  // B = Qᵀ A = Zᵀ; B Bᵀ = Zᵀ Z is small (l x l) and its eigenvectors are B's left singular vectors.
  const z = multiplyTransposed(a, q);
  const { values, vectors } = symmetricEigen(gram(z), l);
  const order = [...values.keys()].sort((x, y) => (values[y] ?? 0) - (values[x] ?? 0));
  const rank = Math.min(options.rank, l);
  const top = order.slice(0, rank);
  const singularValues = Float64Array.from(top, (i) => Math.sqrt(Math.max(values[i] ?? 0, 0)));
  return { components: rightVectors(z, vectors, top, singularValues), singularValues, rank };
}

/** V = Z · U_b · Σ⁻¹, keeping the chosen columns; directions with no weight stay zero. */
function rightVectors(z: Dense, u: Float64Array, top: readonly number[], sigma: Float64Array): Float32Array {
  const l = z.columns;
  const rank = top.length;
  const out = new Float32Array(z.rows * rank);
  const basis = new Float64Array(l * rank);
  top.forEach((column, c) => {
    const s = sigma[c] ?? 0;
    const scale = s > 1e-9 ? 1 / s : 0;
    for (let b = 0; b < l; b += 1) basis[b * rank + c] = (u[b * l + column] ?? 0) * scale;
  });
  for (let j = 0; j < z.rows; j += 1) {
    for (let b = 0; b < l; b += 1) {
      const zjb = z.data[j * l + b] ?? 0;
      if (zjb === 0) continue;
      for (let c = 0; c < rank; c += 1)
        out[j * rank + c] = (out[j * rank + c] ?? 0) + zjb * (basis[b * rank + c] ?? 0);
    }
  }
  return out;
}
