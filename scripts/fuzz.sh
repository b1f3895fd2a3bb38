#!/usr/bin/env bash
# libFuzzer campaigns against every reader of outside bytes (targets: fuzz/fuzz_*.cpp).
#
#   scripts/fuzz.sh --list              the targets, one a line
#   scripts/fuzz.sh --build             builds every target once (build-fuzz/, clang-15)
#   scripts/fuzz.sh TARGET SECONDS      builds, then fuzzes TARGET for SECONDS on one core;
#                                       exits non-zero when libFuzzer found a crash, leak,
#                                       timeout or broken invariant (input in build-fuzz/artifacts/)
#   scripts/fuzz.sh --seeds             rewrites fuzz/corpus/ with our own writers (gcc build; the
#                                       decode seeds are generated into the build folder at run time)
#
# The fuzz build is separate from ./build: clang-15 (Debian packages clang-15 and
# libfuzzer-15-dev), the whole core instrumented with -fsanitize=fuzzer-no-link,address,undefined
# and each target linked with -fsanitize=fuzzer. New inputs go to build-fuzz/corpus/TARGET; the
# seeds in fuzz/corpus/TARGET are read, never written. Extra libFuzzer flags: FUZZ_FLAGS.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
FUZZ_BUILD=${FUZZ_BUILD_DIR:-build-fuzz}

targets() {
    for f in fuzz/fuzz_*.cpp; do
        basename "$f" .cpp | sed 's/^fuzz_//'
    done
}

build() {
    local sanitizers="-fsanitize=address,undefined -fno-sanitize-recover=undefined -fsanitize=fuzzer-no-link"
    local launcher=()
    command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
    cmake -S . -B "$FUZZ_BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DCMAKE_C_COMPILER=clang-15 -DCMAKE_CXX_COMPILER=clang++-15 "${launcher[@]}" \
        -DCMAKE_CXX_FLAGS="$sanitizers -fno-omit-frame-pointer" \
        -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g" \
        -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" \
        -DGENRESCOPE_FUZZ=ON -DGENRESCOPE_BUILD_GUI=OFF -DGENRESCOPE_BUILD_TESTS=OFF \
        -DGENRESCOPE_BUILD_BENCH=OFF -DGENRESCOPE_SHARED_DIR="${GENRESCOPE_SHARED_DIR:-$ROOT/../shared}" >/dev/null
    local names=()
    for t in $(targets); do names+=("fuzz_$t"); done
    cmake --build "$FUZZ_BUILD" -j"${JOBS:-2}" --target "${names[@]}"
}

# Two campaigns may start at once: one builds, the other waits for it.
locked_build() {
    mkdir -p "$FUZZ_BUILD"
    (
        flock 9
        build
    ) 9>"$FUZZ_BUILD/.build.lock"
}

seeds() {
    local dir=${BUILD_DIR:-build}
    cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=Release >/dev/null
    cmake --build "$dir" -j"${JOBS:-2}" --target fuzz_make_seeds
    # Every tracked corpus; the audio seeds (decode) are generated where they are used, never committed.
    "$dir/fuzz/fuzz_make_seeds" "$ROOT/fuzz/corpus" model_file feature_csv spectrogram_cache fftw_wisdom sqlite_cache
}

run() {
    local target=$1 seconds=$2
    local known
    known=$(targets)
    if ! grep -qx "$target" <<<"$known"; then
        echo "fuzz.sh: unknown target '$target' (scripts/fuzz.sh --list)" >&2
        exit 2
    fi
    locked_build
    local work="$ROOT/$FUZZ_BUILD/corpus/$target" artifacts="$ROOT/$FUZZ_BUILD/artifacts/$target/"
    local tmp="$ROOT/$FUZZ_BUILD/tmp/$target-$$" log="$ROOT/$FUZZ_BUILD/logs/$target.log"
    mkdir -p "$work" "$artifacts" "$tmp" "$(dirname "$log")"
    local seeds=("fuzz/corpus/$target")
    if [ "$target" = decode ]; then # audio seeds are generated, never committed
        "$FUZZ_BUILD/fuzz/fuzz_make_seeds" "$ROOT/$FUZZ_BUILD/seeds" decode
        seeds=("$ROOT/$FUZZ_BUILD/seeds/decode")
    fi
    local flags=(-max_total_time="$seconds" -timeout=20 -rss_limit_mb=2560 -print_final_stats=1
                 -artifact_prefix="$artifacts")
    [ -f "fuzz/$target.dict" ] && flags+=(-dict="fuzz/$target.dict")
    [ -f "fuzz/$target.options" ] && read -r -a extra < "fuzz/$target.options" && flags+=("${extra[@]}")
    # shellcheck disable=SC2206
    [ -n "${FUZZ_FLAGS:-}" ] && flags+=($FUZZ_FLAGS)
    local status=0
    touch "$tmp/.started"
    # Readers that take a path get their temporary files under $tmp (removed below).
    TMPDIR="$tmp" QT_QPA_PLATFORM=offscreen GENRESCOPE_CACHE_DIR="$tmp/cache" \
        ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}" \
        LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=$ROOT/fuzz/lsan.supp:print_suppressions=0}" \
        UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1}" \
        "$FUZZ_BUILD/fuzz/fuzz_$target" "${flags[@]}" "$work" "${seeds[@]}" 2>&1 | tee "$log" || status=$?
    # In fork mode (fuzz/TARGET.options) libFuzzer may go on past a crash: its input still counts.
    local found
    found=$(find "$artifacts" -type f \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' -o -name 'oom-*' \) -newer "$tmp/.started" | wc -l)
    rm -rf "$tmp"
    if [ "$status" -ne 0 ] || [ "$found" -ne 0 ]; then
        echo "fuzz.sh: $target found a problem; inputs in $artifacts, log in $log" >&2
        exit 1
    fi
}

case "${1:-}" in
--list) targets ;;
--build) locked_build ;;
--seeds) seeds ;;
"" | -h | --help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//' ;;
*)
    [ $# -eq 2 ] || { echo "usage: scripts/fuzz.sh TARGET SECONDS | --list | --build | --seeds" >&2; exit 2; }
    run "$1" "$2"
    ;;
esac
