#!/usr/bin/env bash
# Browser tests need Debian's chromium and a CJK font (fonts-noto-cjk); without the font
# Chinese renders as empty boxes. Install them when missing and we are root; else say how.
set -euo pipefail

have_chromium() { [ -x /usr/bin/chromium ]; }
# Read fc-list's whole output before matching: `fc-list | grep -q` under pipefail fails with
# SIGPIPE when grep stops early on a machine with many fonts.
have_cjk_font() {
  local families
  families="$(fc-list : family 2>/dev/null || true)"
  grep -qi 'Noto Sans CJK\|Noto Serif CJK' <<<"$families"
}

if have_chromium && have_cjk_font; then
  exit 0
fi

if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "正在安装浏览器测试所需的 chromium 与 fonts-noto-cjk / installing chromium and fonts-noto-cjk for the browser tests…" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  apt-get install -y chromium fonts-noto-cjk fontconfig
  have_chromium && have_cjk_font && exit 0
fi

cat >&2 <<'MSG'
浏览器测试需要 Debian 的 chromium 和 fonts-noto-cjk，但当前未安装，且没有 root 权限自动安装。
请运行：  sudo apt-get update && sudo apt-get install -y chromium fonts-noto-cjk
Browser tests need Debian's chromium and fonts-noto-cjk, which are missing, and this user cannot install them.
Run:      sudo apt-get update && sudo apt-get install -y chromium fonts-noto-cjk
MSG
exit 1
