#!/usr/bin/env bash
# Builds the Debian package and checks it:
#   configures a Release build in its own folder (build-deb/, override with BUILD_DIR), builds
#   both programs and the generated package files (icons, man pages, changelog), runs
#   `cpack -G DEB`, then lintian, desktop-file-validate and appstreamcli validate, and prints
#   the path of the .deb on the last line. Exits non-zero on any error (lintian: on errors;
#   warnings and infos are printed). Extra arguments go to cmake, e.g. Debian's compile
#   hardening (costs a full rebuild, the compiler cache cannot be shared with build/):
#     scripts/package-deb.sh -DCMAKE_CXX_FLAGS="-D_FORTIFY_SOURCE=2 -fstack-protector-strong"
#   Needs what scripts/install-deps.sh installs (dpkg-dev, file, help2man, lintian,
#   desktop-file-utils, appstream).
set -euo pipefail
cd "$(dirname "$0")/.."
SOURCE_DIR=$PWD
BUILD_DIR=$(realpath -m "${BUILD_DIR:-build-deb}")
JOBS=${JOBS:-$(nproc)}
APP_ID=io.github.genrescope.Genrescope
umask 022   # the package's files and folders get 0644/0755 whoever builds it

for tool in cmake cpack dpkg-deb dpkg-shlibdeps help2man lintian desktop-file-validate appstreamcli; do
  command -v "$tool" >/dev/null || { echo "package-deb.sh: $tool is missing (run scripts/install-deps.sh)" >&2; exit 1; }
done

launcher=()
if command -v ccache >/dev/null; then
  export CCACHE_BASEDIR=${CCACHE_BASEDIR:-/work} CCACHE_NOHASHDIR=1
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi
# Debian's hardening link flags (full RELRO, immediate binding); compile flags are left as
# they are so that the compiler cache stays shared with the everyday build.
echo "== configure ($BUILD_DIR)"
cmake -S "$SOURCE_DIR" -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=Release "${launcher[@]}" \
      -DGENRESCOPE_BUILD_TESTS=OFF -DGENRESCOPE_BUILD_BENCH=OFF \
      -DCMAKE_EXE_LINKER_FLAGS="-Wl,-z,relro -Wl,-z,now" "$@" >/dev/null
echo "== build"
cmake --build "$BUILD_DIR" -j"$JOBS" --target genrescope genrescope-cli genrescope_package_files

echo "== cpack"
rm -f "$BUILD_DIR"/genrescope_*.deb
(cd "$BUILD_DIR" && cpack -G DEB)
debs=("$BUILD_DIR"/genrescope_*.deb)
[ ${#debs[@]} -eq 1 ] && [ -f "${debs[0]}" ] || { echo "package-deb.sh: cpack made no single genrescope_*.deb" >&2; exit 1; }
DEB=${debs[0]}
dpkg-deb -f "$DEB" Package Version Architecture Depends Recommends Installed-Size

echo "== lintian"
lintian --fail-on error --display-info "$DEB"
echo "lintian: no errors"

echo "== desktop-file-validate and appstreamcli validate (on the files in the package)"
check_dir=$(mktemp -d)
trap 'rm -rf "$check_dir"' EXIT
dpkg-deb -x "$DEB" "$check_dir"
desktop-file-validate "$check_dir/usr/share/applications/$APP_ID.desktop"
echo "desktop-file-validate: ok"
appstreamcli validate --no-net --pedantic "$check_dir/usr/share/metainfo/$APP_ID.metainfo.xml"

echo "== package"
echo "$DEB"
