// Checks every unpacked tarball (argv[2]: a folder of package folders; argv[3]: the root LICENSE) is fit to publish: registry ranges
// only (no workspace:/catalog:), LICENSE, README, repository/homepage/bugs, public access for scoped names,
// engines, and declaration maps whose sources ship too. Prints one line per package; exits 1 on a problem.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

const [root, licenseFile] = process.argv.slice(2);
const license = readFileSync(licenseFile, "utf8");
const problems = [];
const walk = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)],
  );

for (const name of readdirSync(root)) {
  const dir = join(root, name, "package");
  const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  const id = manifest.name;
  const fail = (what) => problems.push(`${id}: ${what}`);
  for (const field of ["dependencies", "peerDependencies", "optionalDependencies"]) {
    for (const [dep, range] of Object.entries(manifest[field] ?? {})) {
      if (/^(workspace|catalog):/.test(range)) fail(`${field}.${dep} is "${range}" (not replaced on pack)`);
    }
  }
  const missing = ["LICENSE", "README.md", "CHANGELOG.md"].filter((file) => !existsSync(join(dir, file)));
  for (const file of missing) fail(`no ${file}`);
  for (const field of ["repository", "homepage", "bugs", "license", "engines"])
    if (!manifest[field]) fail(`no "${field}"`);
  if (id.startsWith("@") && manifest.publishConfig?.access !== "public") fail(`publishConfig.access is not "public"`);
  const files = walk(dir);
  const maps = files.filter((file) => file.endsWith(".d.ts.map"));
  const broken = maps.filter((map) =>
    JSON.parse(readFileSync(map, "utf8")).sources.some((source) => !existsSync(resolve(dirname(map), source))),
  );
  if (broken.length > 0) {
    fail(
      `${broken.length} declaration maps point at sources not in the tarball (e.g. ${broken[0].slice(dir.length + 1)})`,
    );
  }
  if (!missing.includes("LICENSE") && readFileSync(join(dir, "LICENSE"), "utf8") !== license)
    fail("LICENSE differs from the repository's LICENSE");
  console.log(`${id}@${manifest.version}: ${files.length} files, ${maps.length} declaration maps checked`);
}
if (problems.length > 0) {
  console.error(`not fit to publish:\n  ${problems.join("\n  ")}`);
  process.exit(1);
}
