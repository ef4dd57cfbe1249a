import { defineConfig } from "vite";

// JSX compiles to Preact's automatic runtime (tsconfig's jsxImportSource); no framework plugin is needed.
export default defineConfig({
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
  build: {
    target: "es2022",
    // The one chunk that is large by nature: vega + vega-lite, loaded on the first chart only.
    chunkSizeWarningLimit: 900,
    sourcemap: false,
  },
  server: { proxy: { "/api": "http://127.0.0.1:8484" } },
});
