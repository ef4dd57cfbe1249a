export { DEFAULT_MOVING_AVERAGE_PERIODS, type MovingAverageOptions, movingAverages } from "./moving-averages.js";
