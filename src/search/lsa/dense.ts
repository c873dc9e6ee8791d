import type { Dense } from "./sparse.js";

/** Yᵀ · Y (l x l), accumulated row by row so Y is read once, in order. */
export function gram(y: Dense): Float64Array {
  const l = y.columns;
  const g = new Float64Array(l * l);
  const d = y.data;
  for (let i = 0; i < y.rows; i += 1) {
    const y = d.subarray(i * l, i * l + l);
    for (let a = 0; a < l; a += 1) {
      const ya = y[a] ?? 0;
      if (ya === 0) continue;
      const row = a * l;
      for (let b = a; b < l; b += 1) g[row + b] = (g[row + b] ?? 0) + ya * (y[b] ?? 0);
    }
  }
  for (let a = 0; a < l; a += 1) for (let b = 0; b < a; b += 1) g[a * l + b] = g[b * l + a] ?? 0;
  return g;
}

/**
 * Upper-triangular R with Rᵀ R = G. A tiny ridge keeps rank-deficient inputs (fewer documents than dimensions)
 * factorable; the directions it props up carry no weight later.
 */
export function cholesky(g: Float64Array, l: number): Float64Array {
  let trace = 0;
  for (let i = 0; i < l; i += 1) trace += g[i * l + i] ?? 0;
  const ridge = Math.max(trace, 1) * 1e-12;
  const r = new Float64Array(l * l);
  for (let j = 0; j < l; j += 1) {
    let diagonal = (g[j * l + j] ?? 0) + ridge;
    for (let k = 0; k < j; k += 1) diagonal -= (r[k * l + j] ?? 0) ** 2;
    const pivot = Math.sqrt(Math.max(diagonal, ridge));
    r[j * l + j] = pivot;
    for (let i = j + 1; i < l; i += 1) {
      let sum = g[j * l + i] ?? 0;
      for (let k = 0; k < j; k += 1) sum -= (r[k * l + j] ?? 0) * (r[k * l + i] ?? 0);
      r[j * l + i] = sum / pivot;
    }
  }
  return r;
}

/** Y · R⁻¹ in place, row by row (forward substitution against upper-triangular R). */
export function solveRight(y: Dense, r: Float64Array): void {
  const l = y.columns;
  const d = y.data;
  // Rᵀ row-major, so the inner loop walks memory in order.
  const rt = new Float64Array(l * l);
  for (let a = 0; a < l; a += 1) for (let b = 0; b < l; b += 1) rt[b * l + a] = r[a * l + b] ?? 0;
  for (let i = 0; i < y.rows; i += 1) {
    const y = d.subarray(i * l, i * l + l);
    for (let j = 0; j < l; j += 1) {
      let sum = y[j] ?? 0;
      for (let k = 0; k < j; k += 1) sum -= (y[k] ?? 0) * (rt[j * l + k] ?? 0);
      y[j] = sum / (rt[j * l + j] ?? 1);
    }
  }
}

/**
 * Orthonormal columns spanning Y's, by Cholesky QR. One pass leaves errors of about cond(Y)² · ε; the caller
 * runs a second (CholeskyQR2) where the columns must be orthonormal to working precision.
 */
export function orthonormalize(y: Dense, passes = 1): Dense {
  for (let pass = 0; pass < passes; pass += 1) solveRight(y, cholesky(gram(y), y.columns));
  return y;
}

/**
 * Eigenvalues and eigenvectors of a symmetric matrix by cyclic Jacobi rotations; vectors are the columns of the
 * returned row-major matrix. Small matrices only (the randomized SVD's l x l core).
 */
export function symmetricEigen(
  input: Float64Array,
  n: number,
): { values: Float64Array; vectors: Float64Array } {
  const a = Float64Array.from(input);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i += 1) v[i * n + i] = 1;
  for (let sweep = 0; sweep < 60; sweep += 1) {
    let off = 0;
    for (let p = 0; p < n; p += 1) for (let q = p + 1; q < n; q += 1) off += (a[p * n + q] ?? 0) ** 2;
    if (off < 1e-22) break;
    for (let p = 0; p < n; p += 1) for (let q = p + 1; q < n; q += 1) rotate(a, v, n, p, q);
  }
  const values = new Float64Array(n);
  for (let i = 0; i < n; i += 1) values[i] = a[i * n + i] ?? 0;
  return { values, vectors: v };
}

function rotate(a: Float64Array, v: Float64Array, n: number, p: number, q: number): void {
  const apq = a[p * n + q] ?? 0;
  if (Math.abs(apq) < 1e-300) return;
  const theta = ((a[q * n + q] ?? 0) - (a[p * n + p] ?? 0)) / (2 * apq);
  const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
  const c = 1 / Math.sqrt(t * t + 1);
  const s = t * c;
  for (let k = 0; k < n; k += 1) {
    const akp = a[k * n + p] ?? 0;
    const akq = a[k * n + q] ?? 0;
    a[k * n + p] = c * akp - s * akq;
    a[k * n + q] = s * akp + c * akq;
  }
  for (let k = 0; k < n; k += 1) {
    const apk = a[p * n + k] ?? 0;
    const aqk = a[q * n + k] ?? 0;
    a[p * n + k] = c * apk - s * aqk;
    a[q * n + k] = s * apk + c * aqk;
  }
  for (let k = 0; k < n; k += 1) {
    const vkp = v[k * n + p] ?? 0;
    const vkq = v[k * n + q] ?? 0;
    v[k * n + p] = c * vkp - s * vkq;
    v[k * n + q] = s * vkp + c * vkq;
  }
}
