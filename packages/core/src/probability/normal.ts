import { invalidInput } from "../errors.js";

const INV_SQRT_2PI = 0.398942280401432677939946059934;
const SQRT_32 = 5.656854249492380195206754896838;
const EPS_HALF = Number.EPSILON * 0.5;

// W. J. Cody (1969/1993) rational approximations for the normal integral, as in R's pnorm.
const A = [
  2.2352520354606839287, 161.02823106855587881, 1067.6894854603709582, 18154.981253343561249, 0.065682337918207449113,
];
const B = [47.20258190468824187, 976.09855173777669322, 10260.932208618978205, 45507.789335026729956];
const C = [
  0.39894151208813466764, 8.8831497943883759412, 93.506656132177855979, 597.27027639480026226, 2494.5375852903726711,
  6848.1904505362823326, 11602.651437647350124, 9842.7148383839780218, 1.0765576773720192317e-8,
];
const D = [
  22.266688044328115691, 235.38790178262499861, 1519.377599407554805, 6485.558298266760755, 18615.571640885098091,
  34900.952721145977266, 38912.003286093271411, 19685.429676859990727,
];
const P = [
  0.21589853405795699, 0.1274011611602473639, 0.022235277870649807, 0.001421619193227893466, 2.9112874951168792e-5,
  0.02307344176494017303,
];
const Q = [
  1.28426009614491121, 0.468238212480865118, 0.0659881378689285515, 0.00378239633202758244, 7.29751555083966205e-5,
];

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
  3.387132872796366608, 133.14166789178437745, 1971.5909503065514427, 13731.693765509461125, 45921.953931549871457,
  67265.770927008700853, 33430.575583588128105, 2509.0809287301226727,
];
const AS241_B = [
  1, 42.313330701600911252, 687.1870074920579083, 5394.1960214247511077, 21213.794301586595867, 39307.89580009271061,
  28729.085735721942674, 5226.495278852545925,
];
const AS241_C = [
  1.42343711074968357734, 4.6303378461565452959, 5.7694972214606914055, 3.64784832476320460504, 1.27045825245236838258,
  0.24178072517745061177, 0.0227238449892691845833, 7.7454501427834140764e-4,
];
const AS241_D = [
  1, 2.05319162663775882187, 1.6763848301838038494, 0.68976733498510000455, 0.14810397642748007459,
  0.0151986665636164571966, 5.475938084995344946e-4, 1.05075007164441684324e-9,
];
const AS241_E = [
  6.6579046435011037772, 5.4637849111641143699, 1.7848265399172913358, 0.29656057182850489123, 0.026532189526576123093,
  0.0012426609473880784386, 2.71155556874348757815e-5, 2.01033439929228813265e-7,
];
const AS241_F = [
  1, 0.59983220655588793769, 0.13692988092273580531, 0.0148753612908506148525, 7.868691311456132591e-4,
  1.8463183175100546818e-5, 1.4215117583164458887e-7, 2.04426310338993978564e-15,
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
