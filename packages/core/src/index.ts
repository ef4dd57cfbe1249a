export { invalidInput, isScrillaError, ScrillaError, type ScrillaErrorCode } from "./errors.js";
