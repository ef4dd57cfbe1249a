export { ALPHA_VANTAGE_BODIES, FRED_BODIES } from "./alpha-vantage-bodies.js";
export type { Fault, FixtureService } from "./faults.js";
export { DEFAULT_FIXTURES_DIR } from "./fixture-files.js";
export {
  type FixtureServer,
  type FixtureServerOptions,
  type RecordedRequest,
  type RequestFilter,
  startFixtureServer,
} from "./fixture-server.js";
