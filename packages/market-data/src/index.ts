export type * from "./provider-types.js";
