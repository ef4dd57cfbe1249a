#!/usr/bin/env bash
# Builds the container-image form of the Lambda function from apps/lambda/Dockerfile, carrying the same
# files as dist/lambda.zip. BASE_IMAGE defaults to the local stand-in base (build-lambda-base-image.sh)
# because public.ecr.aws/lambda/nodejs:24 cannot be pulled here; pass BASE_IMAGE to build on AWS's image.
# Prints the image name on stdout; logs go to stderr.
# Usage: scripts/docker/build-lambda-image.sh [image-name]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
log() { echo "build-lambda-image: $*" >&2; }

app="$root/apps/lambda"
[ -f "$app/dist/index.mjs" ] || { log "apps/lambda/dist/index.mjs is missing; run pnpm --filter @scrilla/lambda build"; exit 1; }
base="${BASE_IMAGE:-$(bash "$root/scripts/docker/build-lambda-base-image.sh")}"
bundle_hash=$(sha256sum "$app"/dist/*.mjs "$app/dist/highs.wasm" "$app/Dockerfile" | sha256sum | cut -c1-12)
image="${1:-scrilla/lambda:local-$bundle_hash}"

# The legacy builder (no BuildKit plugin here); .dockerignore keeps the context to the bundle and highs.wasm.
DOCKER_BUILDKIT=0 docker build --quiet --build-arg "BASE_IMAGE=$base" -t "$image" -f "$app/Dockerfile" "$app" >/dev/null
log "built $image FROM $base"
echo "$image"
