#!/bin/sh
# Renders the PNG icons in public/icons/ from the SVG sources with headless Chromium.
# Run once after editing an SVG (from pwa/): sh icon-src/render.sh
set -eu
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/../public/icons"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

render() { # svg size output
  printf '<!doctype html><html><head><style>html,body{margin:0;background:transparent}img{display:block;width:%spx;height:%spx}</style></head><body><img src="file://%s"></body></html>' \
    "$2" "$2" "$1" > "$tmp/page.html"
  "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-background-networking --hide-scrollbars \
    --default-background-color=00000000 --force-device-scale-factor=1 \
    --window-size="$2,$2" --screenshot="$3" "file://$tmp/page.html" >/dev/null 2>&1
}

render "$out/icon.svg" 192 "$out/icon-192.png"
render "$out/icon.svg" 512 "$out/icon-512.png"
render "$out/icon.svg" 180 "$out/apple-touch-icon-180.png"
render "$here/maskable.svg" 512 "$out/icon-maskable-512.png"
