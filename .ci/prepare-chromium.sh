# shellcheck shell=bash
# Sourced by scripts/test.sh (bash, set -euo pipefail, repo root) before `pnpm test`: the web dashboard's
# browser tests drive Debian's chromium through playwright-core (no browser download). Installs the
# package when /usr/bin/chromium is missing; quick and silent when it is there. Never aborts CI: when it
# cannot install, it says why and the browser tests then fail naming the missing executable.

_scrilla_prepare_chromium() {
  if [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
    return 0
  fi
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "prepare-chromium: chromium is missing and apt-get as root is not available; install Debian's chromium" >&2
    return 0
  fi
  echo "prepare-chromium: installing chromium" >&2
  if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium; } \
    >/tmp/scrilla-apt-chromium.log 2>&1; then
    echo "prepare-chromium: apt-get install chromium failed (see /tmp/scrilla-apt-chromium.log): $(tail -n 3 /tmp/scrilla-apt-chromium.log | tr '\n' ' ')" >&2
  fi
}

_scrilla_prepare_chromium
unset -f _scrilla_prepare_chromium
