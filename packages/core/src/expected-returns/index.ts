export { type CapmReturns, type CapmReturnsOptions, capmReturns } from "./capm-returns.js";
export { type EwmaDecayOptions, ewmaDecay, ewmaWeights } from "./ewma-decay.js";
export {
  type AnnualisationOptions,
  arithmeticMeanReturns,
  ewmaMeanReturns,
  gbmDriftReturns,
  geometricMeanReturns,
} from "./mean-returns.js";
