/**
 * Latent semantic analysis in plain TypeScript: a truncated SVD of a sparse (documents × terms) tf-idf matrix
 * by randomized range finding with power iterations (Halko, Martinsson & Tropp 2011). Small dense matrices are
 * Float64, the large ones Float32 or Float64 row-major; nothing is downloaded, everything comes from the
 * indexed listings.
 */

/** A sparse matrix in compressed rows: row i holds `cols[ptr[i]..ptr[i+1])` with `vals` at the same offsets. */
export interface SparseRows {
  ptr: Int32Array;
  cols: Int32Array;
  vals: Float32Array;
  nCols: number;
}

export interface SvdOptions {
  /** Extra random directions beyond `k` (accuracy of the last components). */
  oversample?: number;
  /** Power iterations (sharpen a slowly decaying spectrum). */
  powerIterations?: number;
  seed?: number;
}

export interface TruncatedSvd {
  k: number;
  /** Right singular vectors, row-major nCols × k (column c is the c-th singular vector). */
  v: Float32Array;
  /** Singular values, descending. */
  s: Float64Array;
}

/** Deterministic PRNG (mulberry32). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function gaussian(rand: () => number): () => number {
  return () => {
    const u = Math.max(rand(), 1e-12);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
  };
}

/** Y = A · M, with M row-major (nCols × l); Y row-major (rows × l). */
export function multiply(a: SparseRows, m: Float64Array, l: number): Float64Array {
  const rows = a.ptr.length - 1;
  const y = new Float64Array(rows * l);
  for (let i = 0; i < rows; i++) {
    const yo = i * l;
    for (let p = a.ptr[i] as number; p < (a.ptr[i + 1] as number); p++) {
      const v = a.vals[p] as number;
      const mo = (a.cols[p] as number) * l;
      for (let c = 0; c < l; c++) y[yo + c] = (y[yo + c] as number) + v * (m[mo + c] as number);
    }
  }
  return y;
}

/** Z = Aᵀ · Q, with Q row-major (rows × l); Z row-major (nCols × l). */
export function multiplyTransposed(a: SparseRows, q: Float64Array, l: number): Float64Array {
  const rows = a.ptr.length - 1;
  const z = new Float64Array(a.nCols * l);
  for (let i = 0; i < rows; i++) {
    const qo = i * l;
    for (let p = a.ptr[i] as number; p < (a.ptr[i + 1] as number); p++) {
      const v = a.vals[p] as number;
      const zo = (a.cols[p] as number) * l;
      for (let c = 0; c < l; c++) z[zo + c] = (z[zo + c] as number) + v * (q[qo + c] as number);
    }
  }
  return z;
}

/** Gram matrix Yᵀ Y (l × l) of a row-major (rows × l) matrix. */
function gram(y: Float64Array, rows: number, l: number): Float64Array {
  const g = new Float64Array(l * l);
  for (let i = 0; i < rows; i++) {
    const o = i * l;
    for (let a = 0; a < l; a++) {
      const ya = y[o + a] as number;
      if (ya === 0) continue;
      const go = a * l;
      for (let b = a; b < l; b++) g[go + b] = (g[go + b] as number) + ya * (y[o + b] as number);
    }
  }
  for (let a = 0; a < l; a++) for (let b = 0; b < a; b++) g[a * l + b] = g[b * l + a] as number;
  return g;
}

/**
 * Orthonormalises the columns of a row-major (rows × l) matrix in place by Cholesky QR, twice (CholeskyQR2)
 * for accuracy. Columns that are numerically dependent come out as zero.
 */
export function orthonormalize(y: Float64Array, rows: number, l: number): void {
  for (let pass = 0; pass < 2; pass++) {
    const g = gram(y, rows, l);
    let trace = 0;
    for (let a = 0; a < l; a++) trace += g[a * l + a] as number;
    const eps = (trace / Math.max(l, 1)) * 1e-12 + 1e-300;
    // Cholesky G = Rᵀ R (R upper triangular, stored row-major in g's upper triangle).
    const r = new Float64Array(l * l);
    for (let j = 0; j < l; j++) {
      let d = (g[j * l + j] as number) + eps;
      for (let k = 0; k < j; k++) d -= (r[k * l + j] as number) ** 2;
      const rjj = d > eps ? Math.sqrt(d) : 0;
      r[j * l + j] = rjj;
      for (let c = j + 1; c < l; c++) {
        let s = g[j * l + c] as number;
        for (let k = 0; k < j; k++) s -= (r[k * l + j] as number) * (r[k * l + c] as number);
        r[j * l + c] = rjj > 0 ? s / rjj : 0;
      }
    }
    // Y ← Y R⁻¹, row by row (forward substitution on each row).
    const row = new Float64Array(l);
    for (let i = 0; i < rows; i++) {
      const o = i * l;
      for (let c = 0; c < l; c++) {
        let s = y[o + c] as number;
        for (let k = 0; k < c; k++) s -= (row[k] as number) * (r[k * l + c] as number);
        const rcc = r[c * l + c] as number;
        row[c] = rcc > 0 ? s / rcc : 0;
      }
      for (let c = 0; c < l; c++) y[o + c] = row[c] as number;
    }
  }
}

/** Eigen-decomposition of a symmetric l × l matrix (cyclic Jacobi); eigenvalues descending, vectors as columns. */
export function symmetricEigen(m: Float64Array, l: number): { values: Float64Array; vectors: Float64Array } {
  const a = Float64Array.from(m);
  const v = new Float64Array(l * l);
  for (let i = 0; i < l; i++) v[i * l + i] = 1;
  for (let sweep = 0; sweep < 60; sweep++) {
    let off = 0;
    let diag = 0;
    for (let p = 0; p < l; p++) {
      diag += (a[p * l + p] as number) ** 2;
      for (let q = p + 1; q < l; q++) off += (a[p * l + q] as number) ** 2;
    }
    if (off <= 1e-22 * diag || off === 0) break;
    for (let p = 0; p < l - 1; p++) {
      for (let q = p + 1; q < l; q++) {
        const apq = a[p * l + q] as number;
        if (Math.abs(apq) < 1e-300) continue;
        const app = a[p * l + p] as number;
        const aqq = a[q * l + q] as number;
        const theta = (aqq - app) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < l; k++) {
          const akp = a[k * l + p] as number;
          const akq = a[k * l + q] as number;
          a[k * l + p] = c * akp - s * akq;
          a[k * l + q] = s * akp + c * akq;
        }
        for (let k = 0; k < l; k++) {
          const apk = a[p * l + k] as number;
          const aqk = a[q * l + k] as number;
          a[p * l + k] = c * apk - s * aqk;
          a[q * l + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < l; k++) {
          const vkp = v[k * l + p] as number;
          const vkq = v[k * l + q] as number;
          v[k * l + p] = c * vkp - s * vkq;
          v[k * l + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = Array.from({ length: l }, (_, i) => i).sort(
    (x, y) => (a[y * l + y] as number) - (a[x * l + x] as number),
  );
  const values = new Float64Array(l);
  const vectors = new Float64Array(l * l);
  order.forEach((src, dst) => {
    values[dst] = a[src * l + src] as number;
    for (let k = 0; k < l; k++) vectors[k * l + dst] = v[k * l + src] as number;
  });
  return { values, vectors };
}

/**
 * The `k` leading right singular vectors and singular values of a sparse matrix. Cost: (2 + 2q) sparse
 * products with (k + oversample) dense columns, plus small dense work.
 */
export function randomizedSvd(a: SparseRows, k: number, options: SvdOptions = {}): TruncatedSvd {
  const rows = a.ptr.length - 1;
  const l = Math.max(1, Math.min(k + (options.oversample ?? 16), rows, a.nCols));
  const kk = Math.min(k, l);
  const rand = gaussian(mulberry32(options.seed ?? 1));
  const omega = new Float64Array(a.nCols * l);
  for (let i = 0; i < omega.length; i++) omega[i] = rand();
  let q = multiply(a, omega, l);
  orthonormalize(q, rows, l);
  for (let it = 0; it < (options.powerIterations ?? 2); it++) {
    const z = multiplyTransposed(a, q, l);
    orthonormalize(z, a.nCols, l);
    q = multiply(a, z, l);
    orthonormalize(q, rows, l);
  }
  // B = Qᵀ A (l × nCols); Bᵀ = Aᵀ Q = z. B Bᵀ = zᵀ z = W Λ Wᵀ; V = Bᵀ W Λ^{-1/2}.
  const z = multiplyTransposed(a, q, l);
  const { values, vectors } = symmetricEigen(gram(z, a.nCols, l), l);
  const s = new Float64Array(kk);
  const v = new Float32Array(a.nCols * kk);
  const scale = new Float64Array(kk);
  for (let c = 0; c < kk; c++) {
    const sigma = Math.sqrt(Math.max(values[c] as number, 0));
    s[c] = sigma;
    scale[c] = sigma > 1e-12 ? 1 / sigma : 0;
  }
  for (let j = 0; j < a.nCols; j++) {
    const zo = j * l;
    for (let c = 0; c < kk; c++) {
      let sum = 0;
      for (let b = 0; b < l; b++) sum += (z[zo + b] as number) * (vectors[b * l + c] as number);
      v[j * kk + c] = sum * (scale[c] as number);
    }
  }
  return { k: kk, v, s };
}
