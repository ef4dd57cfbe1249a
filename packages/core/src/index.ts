export * from "./calendar/index.js";
export * from "./ddm/index.js";
export { invalidInput, isScrillaError, ScrillaError, type ScrillaErrorCode } from "./errors.js";
export { isMaturity, MATURITIES, type Maturity } from "./maturities.js";
export * from "./portfolio/index.js";
export * from "./probability/index.js";
export type { AssetType, DateRange, PriceSeries } from "./types.js";
