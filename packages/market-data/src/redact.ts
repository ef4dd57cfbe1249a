/** Redaction lives in @scrilla/core (one registry per process); re-exported where providers have always found it. */
export { redactSecrets, registerSecret } from "@scrilla/core";
