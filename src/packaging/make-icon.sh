#!/usr/bin/env bash
# Draws the app icon: lines of a transcript on the blue of the app's accent, one passage
# highlighted as evidence. Writes assets/icons/af-annotator-{32,64,256}.png (the window's icons)
# and src/packaging/icon.png (the installer's menu entry). Needs ImageMagick; the PNGs are checked
# in, so building does not need it.
set -euo pipefail
cd "$(dirname "$0")/../.."
big=src/packaging/icon.png
convert -size 256x256 xc:none \
    -fill '#0969da' -draw "roundrectangle 8,8 247,247 44,44" \
    -fill '#ffffff' \
    -draw "roundrectangle 52,64 204,84 10,10" \
    -draw "roundrectangle 52,150 180,170 10,10" \
    -draw "roundrectangle 52,193 150,213 10,10" \
    -fill '#f2cc60' -draw "roundrectangle 44,100 212,134 8,8" \
    -fill '#1f2328' -draw "roundrectangle 60,109 196,125 8,8" \
    -depth 8 "PNG32:$big"
for s in 32 64 256; do
    # 8 bits a channel: JavaFX decodes a 16-bit PNG and then halves it, at every start
    convert "$big" -resize ${s}x${s} -depth 8 "PNG32:assets/icons/af-annotator-$s.png"
done
