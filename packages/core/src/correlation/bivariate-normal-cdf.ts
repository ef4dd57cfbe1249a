import { normalCdf } from "../probability/normal.js";

// Gauss–Legendre half-sets (6, 12 and 20 points) of Genz's TVPACK `bvnd`.
const WEIGHTS = [
  [0.1713244923791705, 0.3607615730481384, 0.4679139345726904],
  [
    0.04717533638651177, 0.1069393259953183, 0.1600783285433464, 0.2031674267230659, 0.2334925365383547,
    0.2491470458134029,
  ],
  [
    0.01761400713915212, 0.04060142980038694, 0.06267204833410905, 0.08327674157670475, 0.1019301198172404,
    0.1181945319615184, 0.1316886384491766, 0.1420961093183821, 0.1491729864726037, 0.1527533871307259,
  ],
] as const;
const NODES = [
  [-0.9324695142031522, -0.6612093864662647, -0.238619186083197],
  [
    -0.9815606342467191, -0.904117256370475, -0.769902674194305, -0.5873179542866171, -0.3678314989981802,
    -0.1252334085114692,
  ],
  [
    -0.9931285991850949, -0.9639719272779138, -0.9122344282513259, -0.8391169718222188, -0.7463319064601508,
    -0.636053680726515, -0.5108670019508271, -0.3737060887154196, -0.2277858511416451, -0.07652652113349732,
  ],
] as const;
const TWO_PI = 2 * Math.PI;

/**
 * Standard bivariate normal cdf Φ₂(x, y; ρ) = P(X ≤ x, Y ≤ y) for unit-variance normals with correlation ρ,
 * by Drezner–Wesolowsky as refined by Genz (TVPACK `bvnd`, 2004): absolute error below 1e-15.
 */
export function bivariateNormalCdf(x: number, y: number, rho: number): number {
  return upperOrthant(-x, -y, rho);
}

/** P(X > h, Y > k) for correlation r (Genz's BVNU). */
function upperOrthant(h: number, k: number, r: number): number {
  if (h === Number.POSITIVE_INFINITY || k === Number.POSITIVE_INFINITY) return 0;
  if (h === Number.NEGATIVE_INFINITY) return k === Number.NEGATIVE_INFINITY ? 1 : normalCdf(-k);
  if (k === Number.NEGATIVE_INFINITY) return normalCdf(-h);
  const absR = Math.abs(r);
  const set = absR < 0.3 ? 0 : absR < 0.75 ? 1 : 2;
  const w = WEIGHTS[set];
  const x = NODES[set];
  let hk = h * k;
  let bvn = 0;
  if (absR < 0.925) {
    const hs = (h * h + k * k) / 2;
    const asr = Math.asin(r);
    for (let i = 0; i < w.length; i++) {
      let sn = Math.sin((asr * (x[i]! + 1)) / 2);
      bvn += w[i]! * Math.exp((sn * hk - hs) / (1 - sn * sn));
      sn = Math.sin((asr * (1 - x[i]!)) / 2);
      bvn += w[i]! * Math.exp((sn * hk - hs) / (1 - sn * sn));
    }
    return (bvn * asr) / (2 * TWO_PI) + normalCdf(-h) * normalCdf(-k);
  }
  if (r < 0) {
    k = -k;
    hk = -hk;
  }
  if (absR < 1) {
    const as = (1 - r) * (1 + r);
    let a = Math.sqrt(as);
    const bs = (h - k) ** 2;
    const c = (4 - hk) / 8;
    const d = (12 - hk) / 16;
    bvn = a * Math.exp(-(bs / as + hk) / 2) * (1 - (c * (bs - as) * (1 - (d * bs) / 5)) / 3 + (c * d * as * as) / 5);
    if (hk > -160) {
      const b = Math.sqrt(bs);
      bvn -= Math.exp(-hk / 2) * Math.sqrt(TWO_PI) * normalCdf(-b / a) * b * (1 - (c * bs * (1 - (d * bs) / 5)) / 3);
    }
    a /= 2;
    for (let i = 0; i < w.length; i++) {
      for (const sign of [-1, 1]) {
        const xs = (a * (sign * x[i]! + 1)) ** 2;
        const rs = Math.sqrt(1 - xs);
        const asr = -(bs / xs + hk) / 2;
        if (asr > -100) {
          bvn +=
            a * w[i]! * Math.exp(asr) * (Math.exp((-hk * xs) / (2 * (1 + rs) ** 2)) / rs - (1 + c * xs * (1 + d * xs)));
        }
      }
    }
    bvn = -bvn / TWO_PI;
  }
  if (r > 0) return bvn + normalCdf(-Math.max(h, k));
  return -bvn + Math.max(0, normalCdf(-h) - normalCdf(-k));
}
