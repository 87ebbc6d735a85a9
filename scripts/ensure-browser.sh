#!/usr/bin/env bash
# Browser tests need Debian's chromium and a CJK font (fonts-noto-cjk); without the font
# Chinese renders as empty boxes. The export-font test also needs a Latin-only font
# (fonts-dejavu-core) to play a machine without Chinese fonts. Install them when missing
# and we are root; else say how.
set -euo pipefail

have_chromium() { [ -x /usr/bin/chromium ]; }
have_latin_font() { [ -d /usr/share/fonts/truetype/dejavu ]; }
# Read fc-list's whole output before matching: `fc-list | grep -q` under pipefail fails with
# SIGPIPE when grep stops early on a machine with many fonts.
have_cjk_font() {
  local families
  families="$(fc-list : family 2>/dev/null || true)"
  grep -qi 'Noto Sans CJK\|Noto Serif CJK' <<<"$families"
}

if have_chromium && have_cjk_font && have_latin_font; then
  exit 0
fi

if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "正在安装浏览器测试所需的 chromium、fonts-noto-cjk 与 fonts-dejavu-core / installing chromium, fonts-noto-cjk and fonts-dejavu-core for the browser tests…" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  apt-get install -y chromium fonts-noto-cjk fonts-dejavu-core fontconfig
  have_chromium && have_cjk_font && have_latin_font && exit 0
fi

cat >&2 <<'MSG'
浏览器测试需要 Debian 的 chromium、fonts-noto-cjk 和 fonts-dejavu-core，但当前未安装，且没有 root 权限自动安装。
请运行：  sudo apt-get update && sudo apt-get install -y chromium fonts-noto-cjk fonts-dejavu-core
Browser tests need Debian's chromium, fonts-noto-cjk and fonts-dejavu-core, which are missing, and this user cannot install them.
Run:      sudo apt-get update && sudo apt-get install -y chromium fonts-noto-cjk fonts-dejavu-core
MSG
exit 1
