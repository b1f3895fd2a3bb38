#!/usr/bin/env bash
# Builds every bench_* target that exists and runs each, printing its figures.
#   bench/run.sh            (BUILD_DIR=build, JOBS=2 by default)
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${BUILD_DIR:-build}
cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=Release >/dev/null
targets=()
for src in bench/bench_*.cpp; do
  [ -e "$src" ] || continue
  targets+=("$(basename "$src" .cpp)")
done
if [ ${#targets[@]} -eq 0 ]; then
  echo "no benchmarks in bench/"; exit 0
fi
cmake --build "$BUILD_DIR" -j"${JOBS:-2}" --target "${targets[@]}"
# Benchmarks find ../shared themselves (GENRESCOPE_SHARED_DIR overrides).
status=0
for t in "${targets[@]}"; do
  exe=$(find "$BUILD_DIR" -type f -name "$t" -perm -u+x | head -n1)
  echo "=== $t ==="
  if [ -z "$exe" ]; then echo "(not built)"; status=1; continue; fi
  "$exe" || status=$?
  echo
done
exit $status
