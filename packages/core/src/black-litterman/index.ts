export {
  type BlackLittermanInput,
  type BlackLittermanResult,
  type BlackLittermanView,
  blackLitterman,
} from "./black-litterman.js";
