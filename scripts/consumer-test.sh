#!/usr/bin/env bash
# The packages as another app gets them (run by .ci/run): packs every publishable workspace package (no
# "private": true) with pnpm (workspace:/catalog: ranges become versions), checks the tarballs, installs
# them with plain npm into a fresh app OUTSIDE the workspace (no overrides), then
#   1. tsc --strict, skipLibCheck false, WITHOUT the optional AWS SDK: scripts/consumer/consumer.ts
#      (core, cache on SQLite, engine in CSV mode; a @ts-expect-error proves run()'s result is typed);
#   2. runs it on Node 24 against examples/prices, and the CLI's bin;
#   3. on Node 20 (the machine's node, else node@20 from npm) expects the clear "needs Node.js 24" error,
#      while @scrilla/core (engines >= 20) still loads;
#   4. installs the AWS SDK and typechecks again, plus the SDK-typed @scrilla/cache/dynamodb entry.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
[ -x .tools/node_modules/.bin/pnpm ] && export PATH="$root/.tools/node_modules/.bin:$PATH"
# npm as a user runs it: none of the npm_* settings pnpm passes to scripts.
while IFS= read -r var; do unset "$var"; done < <(env | sed -n 's/^\(npm_[A-Za-z0-9_]*\)=.*/\1/p' | grep -v '^npm_config_nodedir$' || true)

work=$(mktemp -d "${TMPDIR:-/tmp}/scrilla-consumer.XXXXXX")
trap 'rm -rf "$work"' EXIT
step() { echo "== consumer: $*" >&2; }
fail() { echo "consumer test FAILED: $*" >&2; exit 1; }

pnpm build --output-logs=errors-only >&2

step "packing the publishable packages"
mkdir -p "$work/packs" "$work/unpacked" "$work/app"
for manifest in packages/*/package.json apps/*/package.json; do
  node -e 'process.exit(require(process.argv[1]).private ? 1 : 0)' "$root/$manifest" || continue
  dir=$(dirname "$manifest")
  tarball=$(cd "$dir" && pnpm pack --pack-destination "$work/packs" | tail -n 1)
  mkdir -p "$work/unpacked/$(basename "$dir")"
  tar -xzf "$tarball" -C "$work/unpacked/$(basename "$dir")"
done
ls "$work/packs" >&2
node scripts/consumer/check-tarballs.mjs "$work/unpacked" LICENSE >&2

step "npm install of the tarballs into $work/app (no AWS SDK)"
# The app pins the compiler and Node types the workspace uses (pnpm-workspace.yaml's catalog).
catalog() { grep -E "^  \"?$1\"?: " "$root/pnpm-workspace.yaml" | head -n 1 | sed -E 's/^[^:]+: *//'; }
typescript=$(catalog typescript)
types_node=$(catalog @types/node)
[ -n "$typescript" ] && [ -n "$types_node" ] || fail "typescript or @types/node missing from the pnpm catalog"
cp scripts/consumer/consumer.ts scripts/consumer/dynamodb-consumer.ts scripts/consumer/tsconfig.json "$work/app/"
cd "$work/app"
echo '{ "name": "scrilla-consumer", "private": true, "type": "module" }' >package.json
npm install --no-audit --no-fund --loglevel=error "$work"/packs/*.tgz \
  "typescript@$typescript" "@types/node@$types_node" >&2
[ ! -e node_modules/@aws-sdk ] || fail "the optional AWS SDK was installed without being asked for"

step "tsc --strict (skipLibCheck: false) without the AWS SDK"
npx tsc -p tsconfig.json || fail "the consumer does not typecheck without the AWS SDK"

step "running on Node $(node --version)"
out=$(node dist/consumer.js "$root/examples/prices") || fail "the consumer failed on Node 24"
echo "$out" >&2
[[ "$out" == *'"ok":true'* ]] || fail "the consumer printed no ok result"
version=$(node node_modules/scrilla/dist/bin.js version) || fail "the scrilla bin failed on Node 24"
echo "scrilla version: $version" >&2

step "Node 20 gets the version error"
node20=""
for candidate in /usr/bin/node /usr/local/bin/node; do
  [ -x "$candidate" ] && [ "$("$candidate" -p 'process.versions.node.split(".")[0]')" -lt 24 ] && node20=$candidate && break
done
if [ -z "$node20" ]; then
  npm install --prefix "$work/node20" --no-save --no-package-lock --no-audit --no-fund --loglevel=error node@20 >&2
  node20="$work/node20/node_modules/.bin/node"
fi
echo "old node: $node20 $("$node20" --version)" >&2
if old=$("$node20" dist/consumer.js "$root/examples/prices" 2>&1); then fail "the consumer ran on $("$node20" --version)"; fi
echo "$old" | grep -m1 "^ScrillaError" >&2 || true
[[ "$old" =~ @scrilla/[a-z-]+\ needs\ Node\.js\ 24\ or\ newer.*this\ is\ Node\.js\ [0-9]+\. ]] ||
  fail "no clear version error on Node 20:\n$old"
[[ "$old" != *DatabaseSync* ]] || fail "the Node 20 error still mentions DatabaseSync:\n$old"
if cli=$("$node20" node_modules/scrilla/dist/bin.js version 2>&1); then fail "the scrilla bin ran on Node 20"; fi
[[ "$cli" == "scrilla: scrilla needs Node.js 24 or newer"* ]] || fail "the scrilla bin's Node 20 message: $cli"
core=$("$node20" --input-type=module -e \
  'import { NYSE_CALENDAR } from "@scrilla/core"; console.log(NYSE_CALENDAR.countTradingDays("2021-07-14", "2021-11-19"));') ||
  fail "@scrilla/core (engines >= 20) does not load on Node 20"
echo "@scrilla/core on Node 20: $core sessions" >&2

step "with the AWS SDK installed: typecheck again, plus @scrilla/cache/dynamodb"
sdk=$(node -p 'require("./node_modules/@scrilla/cache/package.json").peerDependencies["@aws-sdk/client-dynamodb"]')
npm install --no-audit --no-fund --loglevel=error "@aws-sdk/client-dynamodb@$sdk" "@aws-sdk/lib-dynamodb@$sdk" >&2
node -e 'const c=require("./tsconfig.json"); c.files.push("dynamodb-consumer.ts"); require("fs").writeFileSync("tsconfig.json", JSON.stringify(c))'
npx tsc -p tsconfig.json || fail "the consumer does not typecheck with the AWS SDK"
echo "consumer test passed" >&2
