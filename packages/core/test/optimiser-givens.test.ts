import { describe, expect, it } from "vitest";
import { givens } from "../src/linalg/givens.js";
import { inverseTransposeOfLower } from "../src/linalg/triangular-inverse.js";

describe("active-set linear algebra", () => {
  it.each([
    [3, 4],
    [-1e-300, 2e-300],
    [5e-324, 5e-324],
    [4e-323, 5e-324],
    [0, -7],
    [1e300, 1e-300],
  ])("givens(%d, %d) is a rotation taking (a, b) to (radius, 0)", (a, b) => {
    const { cos, sin, radius } = givens(a, b);
    expect(Math.abs(cos * cos + sin * sin - 1)).toBeLessThanOrEqual(4 * Number.EPSILON);
    // cos·a + sin·b = radius and −sin·a + cos·b = 0, checked in the scaled coordinates to stay out of underflow.
    const scale = Math.abs(a) + Math.abs(b);
    // The radius itself is rounded to the subnormal grid (spacing 5e-324) when it is that small.
    const exactRadius = scale * ((cos * a) / scale + (sin * b) / scale);
    expect(Math.abs(radius - exactRadius)).toBeLessThanOrEqual(4 * Number.EPSILON * exactRadius + Number.MIN_VALUE);
    expect(Math.abs((-sin * a) / scale + (cos * b) / scale)).toBeLessThanOrEqual(4 * Number.EPSILON);
  });

  it("inverseTransposeOfLower(L)·Lᵀ = I", () => {
    const n = 4;
    const lower = Float64Array.from([2, 0, 0, 0, 0.5, 1.5, 0, 0, -0.3, 0.2, 1.1, 0, 0.7, -0.4, 0.25, 0.9]);
    const j = inverseTransposeOfLower(lower, n);
    for (let r = 0; r < n; r++) {
      for (let c = 0; c < n; c++) {
        // (Lᵀ·J)[r][c] = Σ_k L[k][r]·J[k][c]
        let sum = 0;
        for (let k = 0; k < n; k++) sum += lower[k * n + r]! * j[k * n + c]!;
        expect(Math.abs(sum - (r === c ? 1 : 0))).toBeLessThanOrEqual(1e-15);
      }
    }
  });
});
