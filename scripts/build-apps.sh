#!/usr/bin/env bash
# Builds every browser app (apps/*) into dist/apps/{name}/ (Trunk, release, offline) from the
# entry scripts/entries.mjs writes for it, copies the root files (public/: icons, manifest) and
# writes the service worker (dist/sw.js).
# Usage: scripts/build-apps.sh [APP...]   (default: all; naming apps rebuilds only those)
set -euo pipefail
cd "$(dirname "$0")/.."
apps=("$@")
[ ${#apps[@]} -gt 0 ] || apps=(home ticket customer account service projects staff devices kiosk video)
[ $# -gt 0 ] || rm -rf dist
mkdir -p dist/apps
node scripts/entries.mjs "${apps[@]}"
for app in "${apps[@]}"; do
  echo "[build] $app"
  trunk build --release --dist "dist/apps/$app" --public-url "/apps/$app/" "target/entries/$app/index.html"
done
cp -r public/. dist/
node scripts/service-worker.mjs dist
