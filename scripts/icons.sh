#!/usr/bin/env bash
# Draws the app icons (public/icons/*.png) from the SVGs with headless Chromium. Run it after
# changing an icon; the PNGs are committed.
set -euo pipefail
cd "$(dirname "$0")/.."
draw() { # svg size out
  local html; html=$(mktemp --suffix=.html)
  printf '<html style="background:transparent"><body style="margin:0;background:transparent"><img src="file://%s" width="%s" height="%s"></body></html>' "$PWD/$1" "$2" "$2" > "$html"
  chromium --headless=new --no-sandbox --disable-gpu --hide-scrollbars --default-background-color=00000000 \
    --window-size="$2,$2" --screenshot="$PWD/$3" "file://$html" 2>/dev/null
  rm -f "$html"
}
mkdir -p public/icons
draw public/icon.svg 192 public/icons/icon-192.png
draw public/icon.svg 512 public/icons/icon-512.png
draw web/icons/maskable.svg 512 public/icons/maskable-512.png
