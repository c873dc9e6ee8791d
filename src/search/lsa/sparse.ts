/** A sparse matrix in compressed sparse row form: documents are rows, terms are columns. */
export interface SparseRows {
  readonly rows: number;
  readonly columns: number;
  readonly rowStart: Int32Array;
  readonly column: Int32Array;
  readonly value: Float32Array;
}

/** A dense matrix stored row after row. */
export interface Dense {
  readonly rows: number;
  readonly columns: number;
  readonly data: Float64Array;
}

/** A · X, with X dense (A.columns x l). */
export function multiply(a: SparseRows, x: Dense): Dense {
  const l = x.columns;
  const out = new Float64Array(a.rows * l);
  const xd = x.data;
  for (let i = 0; i < a.rows; i += 1) {
    const base = i * l;
    for (let p = a.rowStart[i] ?? 0, end = a.rowStart[i + 1] ?? 0; p < end; p += 1) {
      const v = a.value[p] ?? 0;
      const from = (a.column[p] ?? 0) * l;
      for (let c = 0; c < l; c += 1) out[base + c] = (out[base + c] ?? 0) + v * (xd[from + c] ?? 0);
    }
  }
  return { rows: a.rows, columns: l, data: out };
}

/** Aᵀ · Y, with Y dense (A.rows x l). */
export function multiplyTransposed(a: SparseRows, y: Dense): Dense {
  const l = y.columns;
  const out = new Float64Array(a.columns * l);
  const yd = y.data;
  for (let i = 0; i < a.rows; i += 1) {
    const from = i * l;
    for (let p = a.rowStart[i] ?? 0, end = a.rowStart[i + 1] ?? 0; p < end; p += 1) {
      const v = a.value[p] ?? 0;
      const base = (a.column[p] ?? 0) * l;
      for (let c = 0; c < l; c += 1) out[base + c] = (out[base + c] ?? 0) + v * (yd[from + c] ?? 0);
    }
  }
  return { rows: a.columns, columns: l, data: out };
}
