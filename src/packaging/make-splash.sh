#!/usr/bin/env bash
# Draws src/packaging/splash.png, the image the packaged app's launcher shows while Java and
# JavaFX start (decision 0096). Needs ImageMagick and the DejaVu fonts; the PNG is checked in, so
# building the installer does not need either.
set -euo pipefail
cd "$(dirname "$0")"
convert -size 560x300 xc:'#ffffff' -fill '#0969da' -draw "rectangle 0,0 560,6" \
    -fill '#1f2328' -font DejaVu-Sans-Bold -pointsize 34 -annotate +40+130 'AF Annotator' \
    -fill '#59636e' -font DejaVu-Sans -pointsize 16 \
    -annotate +42+170 'Label alignment-faking transcripts, blind and from the keyboard.' \
    -annotate +42+250 'Starting…' \
    -bordercolor '#d1d9e0' -border 1 -depth 8 PNG32:splash.png # 8 bits a channel: less to decode
