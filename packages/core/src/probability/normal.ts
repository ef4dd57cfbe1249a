import { invalidInput } from "../errors.js";

const INV_SQRT_2PI = 0.3989422804014327;
const SQRT_32 = 5.656854249492381;
const EPS_HALF = Number.EPSILON * 0.5;

// W. J. Cody (1969/1993) rational approximations for the normal integral, as in R's pnorm.
const A = [2.2352520354606837, 161.02823106855587, 1067.6894854603709, 18154.98125334356, 0.06568233791820745];
const B = [47.202581904688245, 976.0985517377767, 10260.932208618979, 45507.78933502673];
const C = [
  0.39894151208813466, 8.883149794388377, 93.50665613217785, 597.2702763948002, 2494.5375852903726, 6848.190450536283,
  11602.65143764735, 9842.714838383978, 1.0765576773720192e-8,
];
const D = [
  22.266688044328117, 235.387901782625, 1519.3775994075547, 6485.558298266761, 18615.571640885097, 34900.95272114598,
  38912.00328609327, 19685.429676859992,
];
const P = [
  0.215898534057957, 0.12740116116024736, 0.022235277870649807, 0.0014216191932278934, 0.000029112874951168793,
  0.023073441764940174,
];
const Q = [1.284260096144911, 0.4682382124808651, 0.06598813786892856, 0.0037823963320275824, 0.00007297515550839662];

const at = (coefficients: readonly number[], index: number): number => coefficients[index] as number;

/** exp(-y²/2) split so the large-y product keeps full relative precision (Cody's trick). */
function gaussianTail(y: number): number {
  const head = Math.trunc(y * 16) / 16;
  const del = (y - head) * (y + head);
  return Math.exp(-head * head * 0.5) * Math.exp(-del * 0.5);
}

/** Lower and upper tail probabilities [Φ(x), 1 − Φ(x)], each with full relative accuracy. */
function normalTails(x: number): [number, number] {
  if (Number.isNaN(x)) return [Number.NaN, Number.NaN];
  const y = Math.abs(x);
  if (y <= 0.67448975) {
    let numerator = 0;
    let denominator = 0;
    if (y > EPS_HALF) {
      const xsq = x * x;
      numerator = at(A, 4) * xsq;
      denominator = xsq;
      for (let i = 0; i < 3; i++) {
        numerator = (numerator + at(A, i)) * xsq;
        denominator = (denominator + at(B, i)) * xsq;
      }
    }
    const temp = (x * (numerator + at(A, 3))) / (denominator + at(B, 3));
    return [0.5 + temp, 0.5 - temp];
  }
  let upper: number;
  if (y <= SQRT_32) {
    let numerator = at(C, 8) * y;
    let denominator = y;
    for (let i = 0; i < 7; i++) {
      numerator = (numerator + at(C, i)) * y;
      denominator = (denominator + at(D, i)) * y;
    }
    upper = (gaussianTail(y) * (numerator + at(C, 7))) / (denominator + at(D, 7));
  } else if (y < 40) {
    const xsq = 1 / (x * x);
    let numerator = at(P, 5) * xsq;
    let denominator = xsq;
    for (let i = 0; i < 4; i++) {
      numerator = (numerator + at(P, i)) * xsq;
      denominator = (denominator + at(Q, i)) * xsq;
    }
    const temp = (xsq * (numerator + at(P, 4))) / (denominator + at(Q, 4));
    upper = (gaussianTail(y) * (INV_SQRT_2PI - temp)) / y;
  } else {
    upper = 0;
  }
  return x > 0 ? [1 - upper, upper] : [upper, 1 - upper];
}

/** Standard normal density φ(x). */
export function normalPdf(x: number): number {
  return INV_SQRT_2PI * Math.exp(-0.5 * x * x);
}

/** Standard normal distribution function Φ(x), relative accuracy ~1e-15 in both tails. */
export function normalCdf(x: number): number {
  return normalTails(x)[0];
}

/** Upper tail 1 − Φ(x), computed without cancellation. */
export function normalSurvival(x: number): number {
  return normalTails(x)[1];
}

// Wichura (1988), Algorithm AS 241 PPND16.
const AS241_A = [
  3.3871328727963665, 133.14166789178438, 1971.5909503065513, 13731.69376550946, 45921.95393154987, 67265.7709270087,
  33430.57558358813, 2509.0809287301227,
];
const AS241_B = [
  1, 42.31333070160091, 687.1870074920579, 5394.196021424751, 21213.794301586597, 39307.89580009271, 28729.085735721943,
  5226.495278852546,
];
const AS241_C = [
  1.4234371107496835, 4.630337846156546, 5.769497221460691, 3.6478483247632045, 1.2704582524523684, 0.2417807251774506,
  0.022723844989269184, 0.0007745450142783414,
];
const AS241_D = [
  1, 2.053191626637759, 1.6763848301838038, 0.6897673349851, 0.14810397642748008, 0.015198666563616457,
  0.0005475938084995345, 1.0507500716444169e-9,
];
const AS241_E = [
  6.657904643501103, 5.463784911164114, 1.7848265399172913, 0.29656057182850487, 0.026532189526576124,
  0.0012426609473880784, 0.000027115555687434876, 2.0103343992922881e-7,
];
const AS241_F = [
  1, 0.599832206555888, 0.1369298809227358, 0.014875361290850615, 0.0007868691311456133, 0.000018463183175100548,
  1.421511758316446e-7, 2.0442631033899397e-15,
];

function polynomial(coefficients: readonly number[], r: number): number {
  let value = 0;
  for (let i = coefficients.length - 1; i >= 0; i--) value = value * r + at(coefficients, i);
  return value;
}

/** Inverse of Φ: the z with Φ(z) = p, for p in (0, 1); ±Infinity at 0 and 1. Relative accuracy ~1e-16. */
export function normalQuantile(p: number): number {
  if (!(p >= 0 && p <= 1)) {
    throw invalidInput(`normalQuantile needs a probability in [0, 1], got ${p}; pass a value such as 0.05.`, { p });
  }
  if (p === 0) return Number.NEGATIVE_INFINITY;
  if (p === 1) return Number.POSITIVE_INFINITY;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (q * polynomial(AS241_A, r)) / polynomial(AS241_B, r);
  }
  let r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
  let value: number;
  if (r <= 5) {
    r -= 1.6;
    value = polynomial(AS241_C, r) / polynomial(AS241_D, r);
  } else {
    r -= 5;
    value = polynomial(AS241_E, r) / polynomial(AS241_F, r);
  }
  return q < 0 ? -value : value;
}
