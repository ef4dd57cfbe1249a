import { describe, expect, it } from "vitest";
import { scalarSymmetricGram, symmetricGram } from "../src/covariance/gram-kernel.js";
import { workerPoolFor } from "../src/covariance/gram-worker-pool.js";
import { gramKernel, relaxedSimdAvailable, simdSymmetricGram } from "../src/covariance/simd-gram-kernel.js";
import { signedLeb, unsignedLeb } from "../src/covariance/wasm-assembler.js";

function naiveGram(x: Float64Array, rows: number, cols: number): Float64Array {
  const gram = new Float64Array(rows * rows);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < rows; j++) {
      let sum = 0;
      for (let k = 0; k < cols; k++) sum += x[i * cols + k]! * x[j * cols + k]!;
      gram[i * rows + j] = sum;
    }
  }
  return gram;
}

function seeded(length: number, seed: number): Float64Array {
  let state = seed >>> 0;
  return Float64Array.from({ length }, () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32 - 0.5;
  });
}

const SHAPES: [number, number][] = [
  [1, 1],
  [3, 2],
  [4, 4],
  [5, 7],
  [37, 300],
  [64, 5],
  [130, 50],
  [9, 600],
  [6, 512],
];

describe("Gram kernels X·Xᵀ", () => {
  it("the WebAssembly SIMD kernel is available on this Node (otherwise the scalar one is used)", () => {
    const result = simdSymmetricGram(Float64Array.of(1, 2, 3, 4), 2, 2);
    if (!result) throw new Error("WebAssembly SIMD did not validate on this runtime; Node ≥ 16.4 supports it");
    expect(Array.from(result)).toEqual([5, 11, 11, 25]);
  });

  it.each(SHAPES)("SIMD kernel (multiply then add) equals the naive sum exactly at %i × %i", (rows, cols) => {
    const x = seeded(rows * cols, rows * 31 + cols);
    const plain = simdSymmetricGram(x, rows, cols, { fma: false, parallel: false });
    expect(Array.from(plain!)).toEqual(Array.from(naiveGram(x, rows, cols)));
  });

  it("relaxed SIMD (fused multiply-add) is available on this Node, as Node ≥ 22 ships it", () => {
    expect(relaxedSimdAvailable()).toBe(true);
  });

  it.each(SHAPES)(
    "FMA kernel, on one thread and on the worker pool, matches the naive sum at %i × %i",
    (rows, cols) => {
      const x = seeded(rows * cols, rows * 13 + cols);
      const expected = naiveGram(x, rows, cols);
      const single = simdSymmetricGram(x, rows, cols, { fma: true, parallel: false })!;
      const threaded = simdSymmetricGram(x, rows, cols, { fma: true, parallel: true })!;
      // One rounding per step instead of two: equal to the naive sum up to cols·ε·Σ|x_i·x_j| ≤ 1e-12 here.
      for (let i = 0; i < expected.length; i++) expect(Math.abs(single[i]! - expected[i]!)).toBeLessThan(1e-12);
      // Each tile is computed the same way whichever thread takes it.
      expect(Array.from(threaded)).toEqual(Array.from(single));
    },
  );

  it.each(SHAPES)("scalar kernel and the dispatcher match the naive sum at %i × %i", (rows, cols) => {
    const x = seeded(rows * cols, rows * 17 + cols);
    const expected = naiveGram(x, rows, cols);
    for (const gram of [scalarSymmetricGram(x, rows, cols), symmetricGram(x, rows, cols)]) {
      for (let i = 0; i < expected.length; i++) expect(Math.abs(gram[i]! - expected[i]!)).toBeLessThan(1e-12);
      for (let i = 0; i < rows; i++) {
        for (let j = 0; j < rows; j++) expect(gram[i * rows + j]).toBe(gram[j * rows + i]);
      }
    }
  });

  it("reuses its memory across calls of different sizes without stale values", () => {
    const big = seeded(40 * 60, 1);
    const small = seeded(3 * 4, 2);
    simdSymmetricGram(big, 40, 60, { fma: false });
    expect(Array.from(simdSymmetricGram(small, 3, 4, { fma: false })!)).toEqual(Array.from(naiveGram(small, 3, 4)));
  });

  it("the pool's worker takes panel rows once it has started, with results identical to one thread", async () => {
    const rows = 160;
    const cols = 400;
    const x = seeded(rows * cols, 5);
    const expected = simdSymmetricGram(x, rows, cols, { fma: true, parallel: false })!;
    const pool = workerPoolFor(gramKernel(true, true)!);
    expect(pool).toBeDefined();
    // The worker boots in the background; the caller never waits for it, so give it turns until it joins.
    for (let attempt = 0; attempt < 500 && pool!.workerRows() === 0; attempt++) {
      expect(Array.from(simdSymmetricGram(x, rows, cols, { fma: true, parallel: true })!)).toEqual(
        Array.from(expected),
      );
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(pool!.workerRows()).toBeGreaterThan(0);
  });

  it("LEB128 encodings follow the WebAssembly spec examples", () => {
    expect(unsignedLeb(624485)).toEqual([0xe5, 0x8e, 0x26]);
    expect(unsignedLeb(0)).toEqual([0]);
    expect(signedLeb(-123456)).toEqual([0xc0, 0xbb, 0x78]);
    expect(signedLeb(64)).toEqual([0xc0, 0x00]);
    expect(signedLeb(-1)).toEqual([0x7f]);
  });
});
