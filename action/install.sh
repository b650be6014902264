#!/usr/bin/env bash
# The action's install step: puts a vitae binary on the job's PATH.
# INPUT_VERSION: v1.2.3, latest, or source (build the action's checkout with
# Go). Release archives are checked against the release's checksums.txt.
# VITAE_RELEASES overrides where releases are downloaded from (tests).
set -euo pipefail
: "${RUNNER_TEMP:?}" "${GITHUB_PATH:?}" "${GITHUB_ACTION_PATH:?}"
version=${INPUT_VERSION:-latest}
releases=${VITAE_RELEASES:-https://github.com/vitae-dev/vitae/releases}
bin="$RUNNER_TEMP/vitae-bin"
mkdir -p "$bin"
exe=""
[ "${RUNNER_OS:-Linux}" = Windows ] && exe=.exe

if [ "$version" = source ]; then
  (cd "$GITHUB_ACTION_PATH" && CGO_ENABLED=0 go build -tags nethttpomithttp2 -o "$bin/vitae$exe" ./cmd/vitae)
else
  case "${RUNNER_OS:-Linux}" in
    Linux) os=linux ;; macOS) os=darwin ;; Windows) os=windows ;;
    *) echo "::error::vitae: no release for runner OS ${RUNNER_OS}" >&2; exit 1 ;;
  esac
  case "${RUNNER_ARCH:-X64}" in
    X64) arch=amd64 ;; ARM64) arch=arm64 ;;
    *) echo "::error::vitae: no release for runner architecture ${RUNNER_ARCH}" >&2; exit 1 ;;
  esac
  if [ "$version" = latest ]; then
    # the latest release's page redirects to its tag
    tag=$(curl -fsSLI -o /dev/null -w '%{url_effective}' "$releases/latest")
    version=${tag##*/}
  fi
  case "$version" in v[0-9]*) ;; *) echo "::error::vitae: version must be v1.2.3, latest or source, not \"$version\"" >&2; exit 1 ;; esac
  ext=tar.gz
  [ "$os" = windows ] && ext=zip
  name="vitae_${version#v}_${os}_${arch}.${ext}"
  dl=$(mktemp -d)
  curl -fsSL -o "$dl/$name" "$releases/download/$version/$name"
  curl -fsSL -o "$dl/checksums.txt" "$releases/download/$version/checksums.txt"
  want=$(awk -v n="$name" '$2 == n {print $1}' "$dl/checksums.txt")
  got=$( (sha256sum "$dl/$name" 2>/dev/null || shasum -a 256 "$dl/$name") | awk '{print $1}')
  if [ -z "$want" ] || [ "$want" != "$got" ]; then
    echo "::error::vitae: $name does not match the release's checksums.txt" >&2
    exit 1
  fi
  if [ "$ext" = zip ]; then
    unzip -q -o "$dl/$name" "vitae$exe" -d "$bin"
  else
    tar -xzf "$dl/$name" -C "$bin" vitae
  fi
  rm -rf "$dl"
fi
echo "$bin" >>"$GITHUB_PATH"
"$bin/vitae$exe" --version
