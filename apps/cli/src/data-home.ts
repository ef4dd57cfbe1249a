// The engine's rule, from its dependency-free entry point so `--help` stays fast.
export { type DataHome, scrillaHome as resolveDataHome } from "@scrilla/engine/data-home";
