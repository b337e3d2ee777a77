#!/usr/bin/env bash
# Renders the application icon from its source, budget-studio.svg, into the PNGs the Linux
# package installs (48, 128 and 256 px, hicolor theme sizes) and the .ico the Windows installer
# and executable use (16–256 px). Run it after changing the SVG and commit the results.
#
# Needs (Debian): apt-get install librsvg2-bin icoutils
set -euo pipefail
cd "$(dirname "$0")"

for size in 48 128 256; do
    rsvg-convert --width "$size" --height "$size" budget-studio.svg -o "budget-studio-$size.png"
done

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
for size in 16 24 32 48 64; do
    rsvg-convert --width "$size" --height "$size" budget-studio.svg -o "$scratch/$size.png"
done
# The 256 px image goes in as PNG (--raw), as Windows expects for that size; the small ones
# as bitmaps, which every Windows version reads.
icotool --create --output budget-studio.ico \
    "$scratch"/16.png "$scratch"/24.png "$scratch"/32.png "$scratch"/48.png "$scratch"/64.png \
    --raw=budget-studio-256.png
