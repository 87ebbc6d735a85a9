#!/usr/bin/env bash
# `npm test`: everything CI checks, in the order that fails fastest.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-browser.sh
bash scripts/ensure-office.sh
echo "── analyse the bundled editions" >&2
npm run --silent analyze -- --quiet
echo "── type checks" >&2
npm run --silent check
echo "── unit tests" >&2
npx vitest run
echo "── build" >&2
npm run --silent build
echo "── browser tests" >&2
npx vitest run --config vitest.e2e.config.ts
