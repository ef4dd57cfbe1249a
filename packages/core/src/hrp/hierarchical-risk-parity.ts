import { type OptimisedPortfolio, optimisedPortfolio } from "../portfolio/optimised-portfolio.js";
import type { PortfolioModel } from "../portfolio/portfolio-model.js";
import { singleLinkageOrder } from "./single-linkage.js";

export interface HierarchicalRiskParityPortfolio extends OptimisedPortfolio {
  /** Asset indices in quasi-diagonal (dendrogram) order. */
  order: number[];
}

/**
 * Hierarchical Risk Parity (López de Prado, "Building Diversified Portfolios that Outperform Out of
 * Sample", J. Portfolio Management 42(4), 2016): single-linkage clustering on the correlation distance
 * √((1 − ρ)/2), quasi-diagonalisation, then recursive bisection of the ordered list, splitting weight between
 * the halves in inverse proportion to the variance of their inverse-variance portfolios. Long-only, Σw = 1,
 * no matrix inversion, and so usable on singular covariances.
 */
export function hierarchicalRiskParity(
  model: PortfolioModel,
  options: { riskFreeRate?: number } = {},
): HierarchicalRiskParityPortfolio {
  const n = model.size;
  const sigma = model.covariance;
  const distance = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const scale = Math.sqrt(sigma[i * n + i]! * sigma[j * n + j]!);
      const rho = scale > 0 ? sigma[i * n + j]! / scale : i === j ? 1 : 0;
      distance[i * n + j] = Math.sqrt(Math.min(Math.max((1 - rho) / 2, 0), 1));
    }
  }
  const order = singleLinkageOrder(distance, n);
  const weights = new Float64Array(n).fill(1);
  const pending: [number, number][] = [[0, n]];
  while (pending.length > 0) {
    const [start, end] = pending.pop()!;
    if (end - start < 2) continue;
    const middle = start + Math.floor((end - start) / 2);
    const left = clusterVariance(model, order, start, middle);
    const right = clusterVariance(model, order, middle, end);
    const alpha = 1 - left / (left + right);
    for (let k = start; k < middle; k++) weights[order[k]!] = weights[order[k]!]! * alpha;
    for (let k = middle; k < end; k++) weights[order[k]!] = weights[order[k]!]! * (1 - alpha);
    pending.push([start, middle], [middle, end]);
  }
  const bounds = { lower: new Float64Array(n), upper: new Float64Array(n).fill(1) };
  return { ...optimisedPortfolio(model, weights, bounds, 0, options.riskFreeRate), order };
}

/** Variance of the inverse-variance portfolio of the assets order[start … end − 1]. */
function clusterVariance(model: PortfolioModel, order: number[], start: number, end: number): number {
  const n = model.size;
  const sigma = model.covariance;
  const members = order.slice(start, end);
  const inverse = members.map((i) => 1 / sigma[i * n + i]!);
  const total = inverse.reduce((s, v) => s + v, 0);
  let variance = 0;
  members.forEach((i, a) => {
    const row = i * n;
    let sum = 0;
    members.forEach((j, b) => {
      sum += sigma[row + j]! * inverse[b]!;
    });
    variance += inverse[a]! * sum;
  });
  return variance / (total * total);
}
