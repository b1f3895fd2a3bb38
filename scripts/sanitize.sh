#!/usr/bin/env bash
# Builds everything with sanitizers and runs the whole CTest suite under them.
#   scripts/sanitize.sh asan [ctest args...]   AddressSanitizer + UndefinedBehaviorSanitizer -> build-asan/
#   scripts/sanitize.sh tsan [ctest args...]   ThreadSanitizer                                -> build-tsan/
# Any report fails the test that produced it (UB aborts, ASan/LSan halt, TSan exits 66).
# Qt, OpenBLAS, FFmpeg, FFTW and dlib's compiled part are not instrumented: the suppression files in
# scripts/sanitizers/ silence only reports whose cause lies in those libraries (each line says why).
# Environment: JOBS (default 2), BUILD_DIR (default build-asan / build-tsan), SKIP_BUILD=1 to only test.
# Prints the configure, build and test times at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
SUPP=$ROOT/scripts/sanitizers
kind=${1:-}
shift || true
case "$kind" in
  asan) sanitize=address ;;
  tsan) sanitize=thread ;;
  *) echo "usage: $0 asan|tsan [ctest arguments]" >&2; exit 2 ;;
esac
BUILD_DIR=${BUILD_DIR:-build-$kind}
JOBS=${JOBS:-2}

# Shared by every process the tests start (genrescope-cli, the app).
export ASAN_OPTIONS="detect_leaks=1:halt_on_error=1:abort_on_error=0:strict_string_checks=1:detect_stack_use_after_return=0:check_initialization_order=1:strict_init_order=1:allocator_may_return_null=1"
export LSAN_OPTIONS="suppressions=$SUPP/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:suppressions=$SUPP/ubsan.supp"
# history_size: longer memory of old accesses so that both stacks of a race are shown.
# die_after_fork=0: the CLI tests start the CLI (QProcess: fork + exec) and the fault tests fork
# children of their own from a process whose thread pool is running; TSan would otherwise kill
# the child as soon as it starts a thread.
export TSAN_OPTIONS="suppressions=$SUPP/tsan.supp:print_suppressions=0:history_size=4:second_deadlock_stack=1:halt_on_error=0:exitcode=66:die_after_fork=0"
# OpenBLAS' own threads are invisible to TSan and add nothing under ASan: one BLAS thread
# (our thread pool and the CNN replicas are what we test).
export OPENBLAS_NUM_THREADS=1
# QtTest kills a test function after 300 s; instrumented code on a busy machine needs longer
# (test_features_streaming's real clips took more than 300 s under TSan at load 8). CTest's own
# per-test timeout (3600 s in sanitizer builds) still applies.
export QTEST_FUNCTION_TIMEOUT=${QTEST_FUNCTION_TIMEOUT:-3600000}

now() { date +%s; }
t0=$(now)
cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DGENRESCOPE_SANITIZE="$sanitize" \
      ${CMAKE_EXTRA_ARGS:-} >/dev/null
t1=$(now)
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  cmake --build "$BUILD_DIR" -j"$JOBS"
fi
t2=$(now)
status=0
(cd "$BUILD_DIR" && ctest --output-on-failure -j"$JOBS" "$@") || status=$?
t3=$(now)
printf '%s: configure %ds, build %ds, tests %ds (JOBS=%s, %s cores, load %s)\n' \
  "$kind" $((t1 - t0)) $((t2 - t1)) $((t3 - t2)) "$JOBS" "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)"
exit $status
