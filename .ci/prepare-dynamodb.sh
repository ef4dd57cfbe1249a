# shellcheck shell=bash
# Sourced by .ci/run (bash, set -euo pipefail, repo root) before `pnpm test`: makes the Testcontainers path of
# startDynamoDBLocal() work air-gapped. Installs Debian's docker.io if docker is absent, starts dockerd with
# host networking only, builds the DynamoDB Local image from this machine's Java and the bundled jar, and exports
# what the tests read. Idempotent. It never aborts CI: when docker cannot be made to work it prints why and
# exports DYNAMODB_LOCAL_CONTAINER_UNAVAILABLE, and the container test then FAILS with that reason.

# Budgets for a loaded 2-core machine: docker info may take seconds, dockerd's start up to minutes.
_scrilla_docker_answers() { timeout 30 docker info >/dev/null 2>&1; }

_scrilla_prepare_dynamodb() {
  if ! command -v dockerd >/dev/null 2>&1; then
    if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
      _scrilla_dynamodb_reason="docker is not installed and apt-get as root is not available to install docker.io"
      return 1
    fi
    echo "prepare-dynamodb: installing docker.io" >&2
    if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends docker.io; } \
      >/tmp/scrilla-apt-docker.log 2>&1; then
      _scrilla_dynamodb_reason="apt-get install docker.io failed (see /tmp/scrilla-apt-docker.log): $(tail -n 3 /tmp/scrilla-apt-docker.log | tr '\n' ' ')"
      return 1
    fi
  fi
  if ! _scrilla_docker_answers; then
    if [ "$(id -u)" != 0 ]; then
      _scrilla_dynamodb_reason="no Docker daemon answers and starting dockerd needs root"
      return 1
    fi
    echo "prepare-dynamodb: starting dockerd (no bridge, host networking only)" >&2
    # No bridge, no iptables: containers run with host networking and talk on 127.0.0.1 only.
    dockerd --bridge=none --iptables=false --ip-masq=false --host unix:///var/run/docker.sock \
      >/tmp/scrilla-dockerd.log 2>&1 &
    echo $! >/tmp/scrilla-dockerd.pid
    local started=$SECONDS
    until _scrilla_docker_answers; do
      if [ $((SECONDS - started)) -ge 180 ] || ! kill -0 "$(cat /tmp/scrilla-dockerd.pid)" 2>/dev/null; then
        _scrilla_dynamodb_reason="dockerd did not answer \`docker info\` within $((SECONDS - started)) s (see /tmp/scrilla-dockerd.log): $(tail -n 3 /tmp/scrilla-dockerd.log | tr '\n' ' ')"
        return 1
      fi
      sleep 0.5
    done
  fi
  local image
  if ! image=$(bash scripts/docker/build-dynamodb-local-image.sh 2>/tmp/scrilla-dynamodb-image.log); then
    _scrilla_dynamodb_reason="building the DynamoDB Local image failed (see /tmp/scrilla-dynamodb-image.log): $(tail -n 3 /tmp/scrilla-dynamodb-image.log | tr '\n' ' ')"
    return 1
  fi
  export DYNAMODB_LOCAL_IMAGE="$image"
  export TESTCONTAINERS_HOST_OVERRIDE=127.0.0.1
  export TESTCONTAINERS_RYUK_DISABLED=true
  unset DYNAMODB_LOCAL_CONTAINER_UNAVAILABLE
  echo "prepare-dynamodb: DYNAMODB_LOCAL_IMAGE=$image" >&2
}

_scrilla_dynamodb_reason=""
if ! _scrilla_prepare_dynamodb; then
  export DYNAMODB_LOCAL_CONTAINER_UNAVAILABLE="${_scrilla_dynamodb_reason:-preparing docker failed}"
  echo "prepare-dynamodb: container runtime unavailable: $DYNAMODB_LOCAL_CONTAINER_UNAVAILABLE" >&2
fi
unset _scrilla_dynamodb_reason
