#!/usr/bin/env bash
# The report basket's browser test opens its Word file as a user would: LibreOffice
# (libreoffice-writer-nogui) converts it to PDF headless and poppler-utils turns the pages
# into PNG images and text. Install them when missing and we are root; else say how.
set -euo pipefail

have_office() { command -v soffice >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1 && command -v pdftotext >/dev/null 2>&1; }

if have_office; then
  exit 0
fi

if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "正在安装报告篮测试所需的 libreoffice-writer-nogui 与 poppler-utils / installing libreoffice-writer-nogui and poppler-utils for the report basket test…" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  apt-get install -y libreoffice-writer-nogui poppler-utils
  have_office && exit 0
fi

cat >&2 <<'MSG'
报告篮的浏览器测试要把导出的 Word 文件转成 PDF 并逐页查看，需要 Debian 的 libreoffice-writer-nogui 和 poppler-utils，但当前未安装，且没有 root 权限自动安装。
请运行：  sudo apt-get update && sudo apt-get install -y libreoffice-writer-nogui poppler-utils
The report basket's browser test converts the exported Word file to PDF and looks at its pages; it needs Debian's libreoffice-writer-nogui and poppler-utils, which are missing, and this user cannot install them.
Run:      sudo apt-get update && sudo apt-get install -y libreoffice-writer-nogui poppler-utils
MSG
exit 1
