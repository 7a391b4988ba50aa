import { mulberry32, orthonormalize, randomizedSvd, SparseRows, symmetricEigen } from './lsa';
import { LsaSpace, dot } from './semantic';

/** A dense matrix as compressed sparse rows. */
function sparse(rows: number[][]): SparseRows {
  const ptr = new Int32Array(rows.length + 1);
  const cols: number[] = [];
  const vals: number[] = [];
  rows.forEach((row, i) => {
    row.forEach((v, j) => {
      if (v !== 0) {
        cols.push(j);
        vals.push(v);
      }
    });
    ptr[i + 1] = cols.length;
  });
  return { ptr, cols: Int32Array.from(cols), vals: Float32Array.from(vals), nCols: rows[0]?.length ?? 0 };
}

describe('randomized SVD', () => {
  it('finds the eigenvalues and eigenvectors of a symmetric matrix', () => {
    const m = Float64Array.from([2, 1, 0, 1, 2, 0, 0, 0, 5]);
    const { values, vectors } = symmetricEigen(m, 3);
    expect(Array.from(values).map((v) => +v.toFixed(6))).toEqual([5, 3, 1]);
    // A v = λ v for the leading vector
    const v0 = [vectors[0] as number, vectors[3] as number, vectors[6] as number];
    expect(Math.abs(v0[2] as number)).toBeCloseTo(1, 6);
  });

  it('orthonormalises columns', () => {
    const r = mulberry32(3);
    const rows = 50;
    const l = 6;
    const y = Float64Array.from({ length: rows * l }, () => r() - 0.5);
    orthonormalize(y, rows, l);
    for (let a = 0; a < l; a++)
      for (let b = 0; b < l; b++) {
        let s = 0;
        for (let i = 0; i < rows; i++) s += (y[i * l + a] as number) * (y[i * l + b] as number);
        expect(s).toBeCloseTo(a === b ? 1 : 0, 8);
      }
  });

  it('recovers the singular values of a low-rank matrix', () => {
    // rank 2: rows are combinations of two orthogonal patterns with weights 3 and 1
    const p1 = [1, 1, 1, 1, 0, 0, 0, 0].map((x) => x / 2);
    const p2 = [0, 0, 0, 0, 1, 1, 1, 1].map((x) => x / 2);
    const rows = Array.from({ length: 20 }, (_, i) =>
      p1.map((x, j) => (i % 2 === 0 ? 3 * x : 0) + (i % 2 === 1 ? (p2[j] as number) : 0)),
    );
    const svd = randomizedSvd(sparse(rows), 2, { seed: 7 });
    expect(svd.s[0]).toBeCloseTo(3 * Math.sqrt(10), 4);
    expect(svd.s[1]).toBeCloseTo(Math.sqrt(10), 4);
    // first right singular vector is ±p1
    const v0 = Array.from({ length: 8 }, (_, j) => svd.v[j * 2] as number);
    expect(Math.abs(v0.reduce((s, x, j) => s + x * (p1[j] as number), 0))).toBeCloseTo(1, 4);
  });
});

describe('LsaSpace', () => {
  it('puts terms that share listings close together and embeds listings by their terms', () => {
    // terms 0-2 co-occur (topic A), 3-5 co-occur (topic B); 6 occurs everywhere
    const bags = [
      [0, 1, 6],
      [1, 2, 6],
      [0, 2, 6],
      [0, 1, 2],
      [3, 4, 6],
      [4, 5, 6],
      [3, 5, 6],
      [3, 4, 5],
    ].map((ids) => ({ ids, weights: ids.map(() => 1) }));
    const space = new LsaSpace();
    space.fit(bags, 7, { dims: 2, minDf: 2, maxDfRatio: 0.7, powerIterations: 2, spectrumPower: 1, seed: 1 });
    expect(space.dims).toBe(2);
    expect(space.hasVector(6)).toBe(false); // too common
    const a = space.embed({ ids: [0], weights: [1] })!;
    const a2 = space.embed({ ids: [2], weights: [1] })!;
    const b = space.embed({ ids: [5], weights: [1] })!;
    expect(dot(a, a2)).toBeGreaterThan(0.9);
    expect(dot(a, b)).toBeLessThan(0.3);
    expect(space.embed({ ids: [6], weights: [1] })).toBeUndefined();
  });

  it('has no space before a fit or from an empty corpus', () => {
    const space = new LsaSpace();
    expect(space.embed({ ids: [0], weights: [1] })).toBeUndefined();
    space.fit([], 3, { dims: 4, minDf: 2, maxDfRatio: 0.5, powerIterations: 1, spectrumPower: 1, seed: 1 });
    expect(space.dims).toBe(0);
  });
});
