/**
 * An esbuild plugin that binds `node:*` imports to `process.getBuiltinModule()` instead of Node's ES-module
 * facade of the built-in. That facade reads every export when it is created, so `import … from "node:fs"`
 * also loads fs' lazy streams and promises (≈ 10 ms) and `node:util` its streams, diff and worker parts
 * (≈ 9 ms) on every start, used or not (the CLI's warm run and the Lambda cold start pay both). Here each
 * export is read by a call marked pure, so esbuild drops the exports no module uses and the lazy parts
 * behind them are never touched.
 *
 * A built-in in LAZY_BUILTINS is loaded at its first use instead: commander imports `node:child_process`
 * at the top for executable subcommands, which scrilla never runs, and loading it (with `node:net`) costs
 * ≈ 11 ms of every start. Its functions are forwarded; its classes are not exported (importing one fails
 * the build, so nothing is silently wrong).
 */
import { builtinModules, createRequire } from "node:module";

const require = createRequire(import.meta.url);
const NAMESPACE = "scrilla-builtin";
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const LAZY_BUILTINS = new Set(["node:child_process"]);

/**
 * A built-in's own data properties, the names a facade exports. Accessors are left out (a namespace import
 * reads every export, and some accessors warn, e.g. crypto.fips); importing one fails the build.
 */
function exportedNames(id: string): string[] {
  return Object.entries(Object.getOwnPropertyDescriptors(require(id) as object))
    .filter(([name, descriptor]) => !descriptor.get && name !== "default" && IDENTIFIER.test(name))
    .map(([name]) => name);
}

/** A facade that loads the built-in at its first use: a forwarding default and forwarding functions. */
function lazyFacadeOf(id: string): string {
  const functions = exportedNames(id).filter((name) => /^[a-z]/.test(name));
  return [
    "let $builtin;",
    `const $load = () => ($builtin ??= process.getBuiltinModule(${JSON.stringify(id)}));`,
    "export default new Proxy({}, { get: (_, name) => $load()[name], has: (_, name) => name in $load() });",
    ...functions.map((name) => `export function ${name}(...args) { return $load().${name}(...args); }`),
  ].join("\n");
}

/** Each export read by its own pure call (esbuild drops the unused ones), or the lazy facade. */
function facadeOf(id: string): string {
  if (LAZY_BUILTINS.has(id)) return lazyFacadeOf(id);
  return [
    // Local names a built-in cannot export (fs exports `read`).
    `const $builtin = process.getBuiltinModule(${JSON.stringify(id)});`,
    "const $read = (name) => $builtin[name];",
    "export default $builtin;",
    ...exportedNames(id).map((name) => `export const ${name} = /* @__PURE__ */ $read(${JSON.stringify(name)});`),
  ].join("\n");
}

/** The part of esbuild's plugin API used here (this folder has no esbuild of its own to take types from). */
interface PluginBuild {
  onResolve(
    options: { filter: RegExp },
    callback: (args: { path: string; kind: string }) => { path: string; namespace: string } | undefined,
  ): void;
  onLoad(
    options: { filter: RegExp; namespace: string },
    callback: (args: { path: string }) => { contents: string; loader: "js" },
  ): void;
}

export const builtinModulesPlugin = {
  name: "builtin-modules",
  setup(build: PluginBuild): void {
    const builtins = new Set(builtinModules);
    // require() calls (bundled CommonJS) keep the real module object, lazy getters and all.
    build.onResolve({ filter: /^(node:)?[a-z_/]+$/ }, ({ path, kind }) => {
      if (kind === "require-call") return undefined;
      const id = path.startsWith("node:") ? path : `node:${path}`;
      if (!builtins.has(id.slice(5)) && !path.startsWith("node:")) return undefined;
      return { path: id, namespace: NAMESPACE };
    });
    build.onLoad({ filter: /.*/, namespace: NAMESPACE }, ({ path }) => ({ contents: facadeOf(path), loader: "js" }));
  },
};
