import { ScrillaError } from "../errors.js";

/** Throws SAMPLE_TOO_SMALL below `minimum` elements and INVALID_INPUT for a non-finite element. */
export function assertSample(x: ArrayLike<number>, minimum: number, what = "sample"): void {
  if (x.length < minimum) {
    throw new ScrillaError(
      "SAMPLE_TOO_SMALL",
      `${what} has ${x.length} element(s) but at least ${minimum} are needed; use a longer sample`,
      { size: x.length, minimum },
    );
  }
  for (let i = 0; i < x.length; i++) {
    if (!Number.isFinite(x[i])) {
      throw new ScrillaError("INVALID_INPUT", `${what}[${i}] is ${x[i]}; every element must be a finite number`, {
        index: i,
      });
    }
  }
}

/** Throws SAMPLE_TOO_SMALL unless the two samples pair up element by element. */
export function assertSameLength(x: ArrayLike<number>, y: ArrayLike<number>): void {
  if (x.length !== y.length) {
    throw new ScrillaError(
      "SAMPLE_TOO_SMALL",
      `paired samples differ in length (${x.length} vs ${y.length}); align the series on common dates first`,
      { first: x.length, second: y.length },
    );
  }
}
