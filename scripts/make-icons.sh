#!/usr/bin/env bash
# Renders the app mark build/icon.svg into the icons electron-builder uses:
#   build/icon.png  512×512, the Linux icon (AppImage, deb)
#   build/icon.ico  16, 24, 32, 48, 64, 128 and 256 px, the Windows icon (the app, the installer, the portable .exe)
# The results are committed, so neither the build nor CI runs this; run it after changing icon.svg.
# Needs Debian's librsvg2-bin (rsvg-convert) and icoutils (icotool):
#   apt-get install librsvg2-bin icoutils
set -euo pipefail
cd "$(dirname "$0")/.."

for tool in rsvg-convert icotool; do
  command -v "$tool" >/dev/null || { echo "$tool is missing: apt-get install librsvg2-bin icoutils" >&2; exit 1; }
done

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

rsvg-convert --width 512 --height 512 build/icon.svg --output build/icon.png

sizes=(16 24 32 48 64 128 256)
pngs=()
for size in "${sizes[@]}"; do
  rsvg-convert --width "$size" --height "$size" build/icon.svg --output "$tmp/$size.png"
  pngs+=("$tmp/$size.png")
done
# Every size as a plain 32-bit bitmap (no PNG-compressed 256 px entry): the most compatible form for
# Windows' resource tools and NSIS, at the price of a larger file.
icotool --create --output build/icon.ico "${pngs[@]}"

echo "build/icon.png and build/icon.ico written"
