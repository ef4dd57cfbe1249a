import type { FetchLease } from "./cache-store.js";

/** The lease of a store only one process fetches through (SQLite, memory): always granted, nothing to give back. */
export const GRANTED_LEASE: FetchLease = Object.freeze({ release: async () => {} });
