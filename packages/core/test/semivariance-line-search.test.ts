import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { semivarianceStep } from "../src/scenario/semivariance-line-search.js";

/** φ along the segment, evaluated plainly: mean squared shortfall plus proportional trading costs. */
function phi(
  p: number[],
  q: number[],
  benchmark: number,
  w: number[],
  d: number[],
  costs: { current: number[]; rates: number[] } | undefined,
  alpha: number,
): number {
  let total = 0;
  for (let t = 0; t < p.length; t++) total += Math.min(p[t]! + alpha * q[t]! - benchmark, 0) ** 2;
  total /= p.length;
  for (let i = 0; costs && i < w.length; i++)
    total += costs.rates[i]! * Math.abs(w[i]! + alpha * d[i]! - costs.current[i]!);
  return total;
}

const small = fc.double({ min: -0.05, max: 0.05, noNaN: true });

describe("semivariance line search (exact minimum of φ on a segment)", () => {
  it("is never beaten by any point of a fine grid on [0, 1]", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 25 }).chain((T) =>
          fc.record({
            p: fc.array(small, { minLength: T, maxLength: T }),
            q: fc.array(small, { minLength: T, maxLength: T }),
            benchmark: fc.constantFrom(0, 0.001),
            w: fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 3, maxLength: 3 }),
            d: fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 3, maxLength: 3 }),
            costs: fc.option(
              fc.record({
                current: fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 3, maxLength: 3 }),
                rates: fc.array(fc.double({ min: 0, max: 0.002, noNaN: true }), { minLength: 3, maxLength: 3 }),
              }),
              { nil: undefined },
            ),
          }),
        ),
        ({ p, q, benchmark, w, d, costs }) => {
          const step = semivarianceStep(
            Float64Array.from(p),
            Float64Array.from(q),
            benchmark,
            Float64Array.from(w),
            Float64Array.from(d),
            costs && { current: Float64Array.from(costs.current), rates: Float64Array.from(costs.rates) },
          );
          expect(step).toBeGreaterThanOrEqual(0);
          expect(step).toBeLessThanOrEqual(1);
          const best = phi(p, q, benchmark, w, d, costs, step);
          for (let k = 0; k <= 2000; k++) {
            expect(best).toBeLessThanOrEqual(phi(p, q, benchmark, w, d, costs, k / 2000) + 1e-15);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
