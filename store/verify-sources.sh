#!/usr/bin/env bash
# Checks what an addons.mozilla.org reviewer will check: the sources archive made by `npm run zip`,
# unpacked in an empty folder, rebuilds the Firefox package file for file (SOURCES.md).
# Needs the npm registry (npm ci). Run `npm run zip` first.
set -euo pipefail
cd "$(dirname "$0")/.."
version=$(node -p "require('./package.json').version")
sources=".output/modeles-${version}-sources.zip"
package=".output/modeles-${version}-firefox.zip"
[ -f "$sources" ] && [ -f "$package" ] || { echo "Run « npm run zip » first: $sources or $package is missing." >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
unzip -q "$sources" -d "$work/src"
unzip -q "$package" -d "$work/submitted"
(cd "$work/src" && npm ci --no-audit --no-fund >/dev/null && npm run build:firefox >/dev/null)
diff -r "$work/submitted" "$work/src/.output/firefox-mv3"
echo "Identical: the Firefox package rebuilt from $sources is the one in $package."
