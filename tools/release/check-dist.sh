#!/usr/bin/env bash
# Checks what `goreleaser release --snapshot` left in DIST (default dist/):
# checksums that verify, the host's archive with README, licences,
# completions and man page whose binary runs and renders, a deb that
# installs (dpkg -i, as root; else unpacked) and runs, an rpm, and the
# Homebrew formula. Run by `make release-snapshot`.
set -euo pipefail
dist=$(cd "${1:-dist}" && pwd)
root=$(cd "$(dirname "$0")/../.." && pwd)
arch=$(go env GOARCH)
fail() { echo "check-dist: $*" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

(cd "$dist" && sha256sum --quiet -c checksums.txt) || fail "checksums.txt does not verify"
echo "check-dist: checksums.txt verifies ($(wc -l <"$dist/checksums.txt") files)"

archive=$(ls "$dist"/vitae_*_linux_"$arch".tar.gz 2>/dev/null | head -1)
[ -n "$archive" ] || fail "no linux $arch archive in $dist"
tar -xzf "$archive" -C "$tmp"
for f in vitae README.md completions/vitae.bash completions/vitae.zsh completions/vitae.fish man/vitae.1.gz licenses/LICENSE-Carlito.txt; do
  [ -s "$tmp/$f" ] || fail "$(basename "$archive") lacks $f"
done
file_out=$(file -b "$tmp/vitae" 2>/dev/null || true)
case "$file_out" in *dynamically*) fail "the binary is not static: $file_out" ;; esac
version=$("$tmp/vitae" --version)
case "$version" in "vitae version v"*"(commit "[0-9a-f]*) ;; *) fail "--version says: $version" ;; esac
"$tmp/vitae" render "$root/examples/site-reliability-engineer.yaml" --format pdf,docx --out "$tmp/out" >/dev/null
[ "$(ls "$tmp/out" | wc -l)" = 2 ] || fail "the archive's binary did not render a PDF and a DOCX"
gzip -dc "$tmp/man/vitae.1.gz" | grep -q '^\.SH EXIT STATUS' || fail "the man page has no EXIT STATUS"
echo "check-dist: $(basename "$archive") runs: $version"

deb=$(ls "$dist"/vitae_*_"$arch".deb 2>/dev/null | head -1)
[ -n "$deb" ] || fail "no $arch deb in $dist"
dpkg-deb -f "$deb" Recommends | grep -q fonts-noto-cjk || fail "the deb does not recommend fonts-noto-cjk"
if [ "$(id -u)" = 0 ] && [ ! -e /usr/bin/vitae ]; then
  dpkg -i "$deb" >/dev/null
  trap 'dpkg -r vitae >/dev/null 2>&1 || true; rm -rf "$tmp"' EXIT
  prefix=""
  how="installed with dpkg -i"
else
  dpkg-deb -x "$deb" "$tmp/deb"
  prefix="$tmp/deb"
  how="unpacked (dpkg -i needs root and no /usr/bin/vitae)"
fi
for f in /usr/bin/vitae /usr/share/man/man1/vitae.1.gz /usr/share/bash-completion/completions/vitae /usr/share/zsh/vendor-completions/_vitae /usr/share/fish/vendor_completions.d/vitae.fish; do
  [ -s "$prefix$f" ] || fail "the deb does not install $f"
done
"$prefix/usr/bin/vitae" --version >/dev/null
"$prefix/usr/bin/vitae" validate "$root/examples/site-reliability-engineer.yaml"
echo "check-dist: $(basename "$deb") $how, runs: $("$prefix/usr/bin/vitae" --version)"

ls "$dist"/vitae-*."$(uname -m)".rpm >/dev/null 2>&1 || fail "no rpm in $dist"
[ -s "$dist/homebrew/Casks/vitae.rb" ] || fail "no Homebrew cask in $dist/homebrew/Casks"
grep -q "manpage" "$dist/homebrew/Casks/vitae.rb" || fail "the cask does not install the man page"
echo "check-dist: rpm and Homebrew cask present; archives: $(cd "$dist" && ls vitae_*.tar.gz vitae_*.zip 2>/dev/null | tr '\n' ' ')"
