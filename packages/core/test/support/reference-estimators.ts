/**
 * Second implementations of the estimators, written as plainly as possible from the papers' own code
 * (full N×N×T products, no algebraic shortcuts), for the 1e-12 comparisons.
 */
type Matrix = number[][];

const zeros = (n: number, m = n): Matrix => Array.from({ length: n }, () => new Array<number>(m).fill(0));

/** Columns-as-assets view: x[t][i], centred per asset. */
function centred(rows: number[][]): Matrix {
  const n = rows.length;
  const t = rows[0]!.length;
  const means = rows.map((r) => r.reduce((s, v) => s + v, 0) / t);
  return Array.from({ length: t }, (_, d) => Array.from({ length: n }, (_, i) => rows[i]![d]! - means[i]!));
}

/** (1/divisor) Σₜ aₜᵢ bₜⱼ. */
function crossProduct(a: Matrix, b: Matrix, divisor: number): Matrix {
  const n = a[0]!.length;
  const m = b[0]!.length;
  const out = zeros(n, m);
  for (let d = 0; d < a.length; d++) {
    for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) out[i]![j]! += (a[d]![i]! * b[d]![j]!) / divisor;
  }
  return out;
}

const frobenius2 = (a: Matrix, b?: Matrix) =>
  a.reduce((s, r, i) => s + r.reduce((q, v, j) => q + (v - (b ? b[i]![j]! : 0)) ** 2, 0), 0);

export function referenceSampleCovariance(rows: number[][], ppy: number): Matrix {
  const x = centred(rows);
  return crossProduct(x, x, x.length - 1).map((r) => r.map((v) => v * ppy));
}

/** scikit-learn `ledoit_wolf` (constant-variance target). */
export function referenceLedoitWolfIdentity(rows: number[][]): { sigma: Matrix; shrinkage: number } {
  const x = centred(rows);
  const t = x.length;
  const n = rows.length;
  const s = crossProduct(x, x, t);
  const mu = s.reduce((sum, r, i) => sum + r[i]!, 0) / n;
  const prior = s.map((r, i) => r.map((_, j) => (i === j ? mu : 0)));
  let betaSum = 0;
  for (let d = 0; d < t; d++) {
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) betaSum += (x[d]![i]! * x[d]![j]! - s[i]![j]!) ** 2;
  }
  const betaBar = betaSum / (t * t) / n;
  const delta = frobenius2(s, prior) / n;
  const shrinkage = Math.min(betaBar, delta) / delta;
  return { sigma: s.map((r, i) => r.map((v, j) => shrinkage * prior[i]![j]! + (1 - shrinkage) * v)), shrinkage };
}

/** Ledoit & Wolf's covMarket.m, line by line. */
export function referenceLedoitWolfMarket(rows: number[][]): { sigma: Matrix; shrinkage: number } {
  const x = centred(rows);
  const t = x.length;
  const n = rows.length;
  const xmkt = x.map((r) => r.reduce((s, v) => s + v, 0) / n);
  const withMarket = x.map((r, d) => [...r, xmkt[d]!]);
  const full = crossProduct(centred(transpose(withMarket)), centred(transpose(withMarket)), t);
  const covmkt = full.slice(0, n).map((r) => r[n]!);
  const varmkt = full[n]![n]!;
  const sample = full.slice(0, n).map((r) => r.slice(0, n));
  const prior = sample.map((r, i) => r.map((v, j) => (i === j ? v : (covmkt[i]! * covmkt[j]!) / varmkt)));
  const c = frobenius2(sample, prior);
  const y = x.map((r) => r.map((v) => v * v));
  const yty = crossProduct(y, y, 1);
  const p = yty.flat().reduce((s, v) => s + v, 0) / t - frobenius2(sample);
  const rdiag = y.flat().reduce((s, v) => s + v * v, 0) / t - sample.reduce((s, r, i) => s + r[i]! ** 2, 0);
  const z = x.map((r, d) => r.map((v) => v * xmkt[d]!));
  const v1 = crossProduct(y, z, t).map((r, i) => r.map((v, j) => v - covmkt[i]! * sample[i]![j]!));
  let roff1 = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) roff1 += (v1[i]![j]! * covmkt[j]!) / varmkt;
  for (let i = 0; i < n; i++) roff1 -= (v1[i]![i]! * covmkt[i]!) / varmkt;
  const v3 = crossProduct(z, z, t).map((r, i) => r.map((v, j) => v - varmkt * sample[i]![j]!));
  let roff3 = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) roff3 += (v3[i]![j]! * covmkt[i]! * covmkt[j]!) / varmkt ** 2;
  for (let i = 0; i < n; i++) roff3 -= (v3[i]![i]! * covmkt[i]! ** 2) / varmkt ** 2;
  const r = rdiag + 2 * roff1 - roff3;
  const shrinkage = Math.max(0, Math.min(1, (p - r) / c / t));
  return {
    sigma: sample.map((row, i) => row.map((v, j) => shrinkage * prior[i]![j]! + (1 - shrinkage) * v)),
    shrinkage,
  };
}

/** Ledoit & Wolf's covCor.m, line by line. */
export function referenceLedoitWolfConstantCorrelation(rows: number[][]): { sigma: Matrix; shrinkage: number } {
  const x = centred(rows);
  const t = x.length;
  const n = rows.length;
  const sample = crossProduct(x, x, t);
  const variance = sample.map((r, i) => r[i]!);
  const sd = variance.map(Math.sqrt);
  let corrSum = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) corrSum += sample[i]![j]! / (sd[i]! * sd[j]!);
  const rBar = (corrSum - n) / (n * (n - 1));
  const prior = sample.map((r, i) => r.map((_, j) => (i === j ? variance[i]! : rBar * sd[i]! * sd[j]!)));
  const y = x.map((r) => r.map((v) => v * v));
  const xtx = crossProduct(x, x, 1);
  const phiMat = crossProduct(y, y, t).map((r, i) =>
    r.map((v, j) => v - (2 * xtx[i]![j]! * sample[i]![j]!) / t + sample[i]![j]! ** 2),
  );
  const phi = phiMat.flat().reduce((s, v) => s + v, 0);
  const term1 = crossProduct(
    x.map((r) => r.map((v) => v ** 3)),
    x,
    t,
  );
  const help = crossProduct(x, x, t);
  const thetaMat = term1.map((r, i) =>
    r.map((v, j) =>
      i === j ? 0 : v - help[i]![i]! * sample[i]![j]! - help[i]![j]! * variance[i]! + variance[i]! * sample[i]![j]!,
    ),
  );
  let weighted = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) weighted += (sd[j]! / sd[i]!) * thetaMat[i]![j]!;
  const rho = phiMat.reduce((s, r, i) => s + r[i]!, 0) + rBar * weighted;
  const gamma = frobenius2(sample, prior);
  const shrinkage = Math.max(0, Math.min(1, (phi - rho) / gamma / t));
  return { sigma: sample.map((r, i) => r.map((v, j) => shrinkage * prior[i]![j]! + (1 - shrinkage) * v)), shrinkage };
}

/** scikit-learn `oas`. */
export function referenceOas(rows: number[][]): { sigma: Matrix; shrinkage: number } {
  const x = centred(rows);
  const t = x.length;
  const n = rows.length;
  const s = crossProduct(x, x, t);
  const mu = s.reduce((sum, r, i) => sum + r[i]!, 0) / n;
  const alpha = frobenius2(s) / (n * n);
  const shrinkage = Math.min((alpha + mu * mu) / ((t + 1) * (alpha - (mu * mu) / n)), 1);
  return { sigma: s.map((r, i) => r.map((v, j) => (1 - shrinkage) * v + (i === j ? shrinkage * mu : 0))), shrinkage };
}

function transpose(a: Matrix): Matrix {
  return a[0]!.map((_, j) => a.map((r) => r[j]!));
}
