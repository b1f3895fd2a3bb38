#!/usr/bin/env bash
# Install, build and launch Genrescope. With no folder it opens the bundled demo dataset.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
if [ -x build/app/genrescope ]; then
  # No folder: open the bundled demo dataset (synthesised on first use).
  [ $# -eq 0 ] && set -- --demo
  exec build/app/genrescope "$@"
fi
exec build/app/genrescope-cli "$@"
