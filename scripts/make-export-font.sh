#!/usr/bin/env bash
# Rebuilds src/lib/assets/fonts/crosstrack-sans-sc.otf, the CJK font the dashboard falls back
# to and embeds (subset per chart) in exported SVG/PNG, so exports show Chinese on machines
# without a Chinese font. Generated: never edit the .otf by hand; rerun this script.
#
# Source: Noto Sans CJK SC Regular from Debian's fonts-noto-cjk (SIL Open Font License 1.1).
# Kept: GB2312's 6,763 hanzi plus Latin, general and CJK punctuation, arrows, enclosed
# numerals, box drawing and full-width forms; hinting dropped (2.9 MB instead of 3.4 MB);
# every name record kept, so the file itself carries its copyright and OFL licence notice.
# Needs (Debian, as root): apt-get install -y fonts-noto-cjk fonttools
set -euo pipefail
cd "$(dirname "$0")/.."

SOURCE=/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
OUT=src/lib/assets/fonts
for need in "$SOURCE:fonts-noto-cjk" "$(command -v pyftsubset || echo /missing/pyftsubset):fonttools"; do
  [ -e "${need%%:*}" ] || { echo "missing ${need%%:*}: apt-get install -y ${need##*:}" >&2; exit 1; }
done
# Face 2 of the collection is SC (0 JP, 1 KR, 2 SC, 3 TC, 4 HK).
FACE=$(fc-scan --format '%{index} %{family[0]}\n' "$SOURCE" | awk '$0 ~ /Noto Sans CJK SC$/ { print $1; exit }')

HANZI=$(mktemp)
trap 'rm -f "$HANZI"' EXIT
python3 - "$HANZI" <<'PY'
import sys
chars = []
for high in range(0xB0, 0xF8):
    for low in range(0xA1, 0xFF):
        try:
            chars.append(bytes([high, low]).decode('gb2312'))
        except UnicodeDecodeError:
            pass
open(sys.argv[1], 'w', encoding='utf-8').write(''.join(chars))
PY

pyftsubset "$SOURCE" --font-number="$FACE" --text-file="$HANZI" --no-hinting --name-IDs='*' \
  --unicodes='U+0020-007E,U+00A0-00FF,U+2000-206F,U+2100-214F,U+2190-21FF,U+2460-24FF,U+2500-25FF,U+3000-303F,U+FF00-FFEF' \
  --output-file="$OUT/crosstrack-sans-sc.otf"
{
  echo 'crosstrack-sans-sc.otf is a subset of Noto Sans CJK SC Regular, © 2014-2021 Adobe (http://www.adobe.com/),'
  echo 'from https://github.com/googlefonts/noto-cjk (Debian package fonts-noto-cjk), made by scripts/make-export-font.sh.'
  echo 'It is licensed under the SIL Open Font License, Version 1.1:'
  echo
  # The license paragraph of Debian's copyright file, without its leading space and '.' spacers.
  awk '/^License: SIL-1.1$/ { n++ } n == 2 && /^License: GPL/ { exit } n == 2 && !/^License:/' /usr/share/doc/fonts-noto-cjk/copyright |
    sed -e 's/^ //' -e 's/^\.$//'
} > "$OUT/OFL.txt"
ls -l "$OUT"
