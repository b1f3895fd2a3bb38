#!/usr/bin/env bash
# Soak run of the app under AddressSanitizer: the main window (offscreen) opens a 400-song
# folder, is cancelled part-way and reopens it, ROUNDS times, then trains a model and
# classifies CLASSIFY songs. Prints the resident memory after every round (it must stay flat)
# and fails on any sanitizer report, crash or leak at exit.
#   scripts/soak.sh [ROUNDS=50] [CLASSIFY=100]
# Environment: BUILD_DIR (default build-asan, configured as scripts/sanitize.sh asan does),
# SONGS_PER_GENRE (default 100: 4 genres -> 400 songs), SECONDS_PER_SONG (default 5), JOBS (2).
# The songs are synthesised into a temporary folder (never into the repository) and removed.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-50}
CLASSIFY=${2:-100}
BUILD_DIR=${BUILD_DIR:-build-asan}
JOBS=${JOBS:-2}
SUPP=$PWD/scripts/sanitizers

if [[ ! -f "$BUILD_DIR/CMakeCache.txt" ]]; then
  cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DGENRESCOPE_SANITIZE=address ${CMAKE_EXTRA_ARGS:-} >/dev/null
fi
cmake --build "$BUILD_DIR" -j"$JOBS" --target bench_ui_soak genrescope-cli >/dev/null

# The same options as scripts/sanitize.sh asan; a smaller quarantine (freed memory ASan holds
# back to catch use-after-free) so that the RSS curve shows our memory rather than its 256 MB.
export ASAN_OPTIONS="detect_leaks=1:halt_on_error=1:check_initialization_order=1:strict_init_order=1:quarantine_size_mb=32"
export LSAN_OPTIONS="suppressions=$SUPP/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:suppressions=$SUPP/ubsan.supp"
export QT_QPA_PLATFORM=offscreen OPENBLAS_NUM_THREADS=1

work=$(mktemp -d "${TMPDIR:-/tmp}/genrescope-soak.XXXXXX")
trap 'rm -rf "$work"' EXIT
start=$(date +%s)
"$BUILD_DIR/app/genrescope-cli" make-demo "$work/songs" --per-genre "${SONGS_PER_GENRE:-100}" \
    --seconds "${SECONDS_PER_SONG:-5}" --wav-only -j "$JOBS" >/dev/null 2>&1
echo "made $(find "$work/songs" -type f | wc -l) songs in $(( $(date +%s) - start )) s"
export GENRESCOPE_CACHE_DIR="$work/cache"
start=$(date +%s)
status=0
"$BUILD_DIR/bench/bench_ui_soak" --folder "$work/songs" --cache "$work/soak.sqlite" --rounds "$ROUNDS" \
    --classify "$CLASSIFY" --threads "$JOBS" || status=$?
echo "soak: exit $status after $(( $(date +%s) - start )) s (build $BUILD_DIR)"
exit $status
