#!/usr/bin/env bash
# Builds a LOCAL stand-in for public.ecr.aws/lambda/nodejs:24, which cannot be pulled here: a small root
# filesystem (docker import) holding this machine's Node 24 binary at /var/lang/bin/node with the shared
# libraries ldd lists and the ELF interpreter, the AWS SDK v3 packages the handler imports in
# /var/runtime/node_modules (as AWS's image has them), and lambda-local-invoke.mjs in place of the Runtime
# Interface Client. Same LAMBDA_TASK_ROOT, NODE_PATH and WORKDIR as AWS's image, so apps/lambda/Dockerfile
# builds FROM either. Prints the image name on stdout; logs go to stderr.
# Usage: scripts/docker/build-lambda-base-image.sh   (NODE_BINARY=<node 24> to choose the binary; idempotent)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
log() { echo "build-lambda-base-image: $*" >&2; }

node_bin=$(readlink -f "${NODE_BINARY:-$(command -v node)}")
node_version=$("$node_bin" --version)
case "$node_version" in v24.*) ;; *) log "need Node 24 (got $node_version from $node_bin); set NODE_BINARY"; exit 1 ;; esac

invoker="$root/scripts/docker/lambda-local-invoke.mjs"
sdk_script="$root/apps/lambda/scripts/bundle-runtime-sdk.ts"
sdk_version=$(sed -n 's/^ *"@aws-sdk\/client-dynamodb": *//p' "$root/pnpm-workspace.yaml" | head -n 1)
recipe_hash=$(cat "$invoker" "$sdk_script" "${BASH_SOURCE[0]}" <(echo "$node_version $sdk_version") | sha256sum | cut -c1-12)
image="scrilla/lambda-nodejs-local:${node_version#v}-$recipe_hash"
if docker image inspect "$image" >/dev/null 2>&1; then
  log "$image already exists"
  echo "$image"
  exit 0
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rootfs="$work/rootfs"
mkdir -p "$rootfs/var/lang/bin" "$rootfs/var/runtime" "$rootfs/var/task" "$rootfs/etc" "$rootfs/tmp" "$rootfs/opt"
chmod 1777 "$rootfs/tmp"
cp "$node_bin" "$rootfs/var/lang/bin/node"
cp "$invoker" "$rootfs/var/runtime/invoke.mjs"

# Every shared library node loads, plus the ELF interpreter (without it: "exec .../node: no such file").
{ ldd "$node_bin" | awk '/=> \// { print $3 } /^\s*\/lib/ { print $1 }'; echo /lib64/ld-linux-x86-64.so.2; } |
  sort -u | while read -r lib; do
    [ -e "$lib" ] || continue
    mkdir -p "$rootfs$(dirname "$lib")"
    cp -L "$lib" "$rootfs$lib"
  done
# Debian's /lib and /lib64 are symlinks into /usr; keep both spellings resolvable.
for dir in lib lib64; do
  if [ -L "/$dir" ] && [ -d "$rootfs/$dir" ] && [ ! -L "$rootfs/$dir" ]; then
    mkdir -p "$rootfs/usr/$dir"
    cp -a "$rootfs/$dir/." "$rootfs/usr/$dir/"
  fi
done

(cd "$root/apps/lambda" && PATH="$(dirname "$node_bin"):$PATH" node_modules/.bin/tsx "$sdk_script" "$rootfs/var/runtime/node_modules") >&2

echo 'root:x:0:0:root:/root:/bin/false' >"$rootfs/etc/passwd"
echo 'sbx_user1051:x:993:990::/home/sbx_user1051:/bin/false' >>"$rootfs/etc/passwd"
printf 'root:x:0:\nsbx_user1051:x:990:\n' >"$rootfs/etc/group"
printf 'passwd: files\ngroup: files\nhosts: files dns\n' >"$rootfs/etc/nsswitch.conf"
printf '127.0.0.1 localhost\n' >"$rootfs/etc/hosts"

tar -C "$rootfs" -cf "$work/rootfs.tar" .
docker import \
  --change 'ENV LAMBDA_TASK_ROOT=/var/task LAMBDA_RUNTIME_DIR=/var/runtime PATH=/var/lang/bin:/usr/local/bin:/usr/bin:/bin NODE_PATH=/opt/nodejs/node24/node_modules:/opt/nodejs/node_modules:/var/runtime/node_modules:/var/runtime:/var/task TZ=:UTC' \
  --change 'WORKDIR /var/task' \
  --change 'ENTRYPOINT ["/var/lang/bin/node", "/var/runtime/invoke.mjs"]' \
  "$work/rootfs.tar" "$image" >/dev/null
log "imported $image (Node $node_version, local invoker instead of the Runtime Interface Client)"
echo "$image"
