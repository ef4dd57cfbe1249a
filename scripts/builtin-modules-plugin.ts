/**
 * An esbuild plugin that binds `node:*` imports to `process.getBuiltinModule()` instead of Node's ES-module
 * facade of the built-in. The facade reads every export when it is created, so `import … from "node:fs"`
 * also loads fs' lazy streams and promises (≈ 10 ms) and `node:util` its lazy parts (≈ 9 ms) on every
 * start, used or not (the CLI's warm run and the Lambda cold start pay both). Only plain data exports are bound; importing one of a built-in's lazy getters fails
 * the build ("No matching export"), so nothing is silently dropped.
 */
import { builtinModules, createRequire } from "node:module";

const require = createRequire(import.meta.url);
const NAMESPACE = "scrilla-builtin";
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** `export const { a, b } = module` for a built-in's own data properties (not its lazy getters). */
function facadeOf(id: string): string {
  const descriptors = Object.getOwnPropertyDescriptors(require(id) as object);
  const names = Object.entries(descriptors)
    .filter(([name, descriptor]) => !descriptor.get && name !== "default" && IDENTIFIER.test(name))
    .map(([name]) => name);
  return [
    `const builtin = process.getBuiltinModule(${JSON.stringify(id)});`,
    "export default builtin;",
    `export const { ${names.join(", ")} } = builtin;`,
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
