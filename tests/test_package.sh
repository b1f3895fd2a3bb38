#!/usr/bin/env bash
# Light CI check of the Debian package (CTest test_package, registered by
# packaging/CPackConfig.cmake): in the existing build folder, makes the .deb with cpack into a
# temporary folder, runs lintian (no errors), desktop-file-validate and appstreamcli validate on
# the files in the package, checks that the package holds the programs, man pages, icons and
# doc files, and starts both programs extracted from it (dpkg-deb -x) with --version.
# Prints SKIPPED (CTest then reports the test as skipped) when a tool is missing.
#
#   tests/test_package.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
BUILD_DIR=$(realpath "${1:?usage: test_package.sh BUILD_DIR SOURCE_DIR}")
SOURCE_DIR=$(realpath "${2:?usage: test_package.sh BUILD_DIR SOURCE_DIR}")
APP_ID=io.github.genrescope.Genrescope
VERSION=$(sed -n 's/^set(CPACK_PACKAGE_VERSION "\(.*\)")$/\1/p' "$BUILD_DIR/CPackConfig.cmake")

for tool in cpack dpkg-deb dpkg-shlibdeps help2man lintian desktop-file-validate appstreamcli; do
  if ! command -v "$tool" >/dev/null; then
    echo "SKIPPED: $tool is not installed (scripts/install-deps.sh installs it); the package was not checked"
    exit 0
  fi
done

fail() { echo "FAIL: $*" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
umask 022

# cpack installs what is built: make sure the programs and the generated files (icons, man
# pages, changelog) are up to date; nothing to do when the whole tree was built.
cmake --build "$BUILD_DIR" --target genrescope genrescope-cli genrescope_package_files >"$work/build.log" 2>&1 \
  || { tail -n 30 "$work/build.log"; fail "building the packaged targets failed"; }

echo "== cpack -G DEB"
(cd "$BUILD_DIR" && cpack -G DEB -B "$work/out") >"$work/cpack.log" 2>&1 \
  || { cat "$work/cpack.log"; fail "cpack failed"; }
deb="$work/out/genrescope_${VERSION}_$(dpkg --print-architecture).deb"
[ -f "$deb" ] || { ls "$work/out"; fail "cpack did not write $deb"; }
dpkg-deb -f "$deb" Package Version Depends

echo "== lintian"
lintian --fail-on error "$deb" || fail "lintian reports errors"

echo "== the files in the package"
root="$work/root"
dpkg-deb -x "$deb" "$root"
expected=(usr/bin/genrescope usr/bin/genrescope-cli
  usr/share/man/man1/genrescope.1.gz usr/share/man/man1/genrescope-cli.1.gz
  usr/share/applications/$APP_ID.desktop usr/share/metainfo/$APP_ID.metainfo.xml
  usr/share/icons/hicolor/scalable/apps/$APP_ID.svg
  usr/share/doc/genrescope/changelog.gz usr/share/doc/genrescope/copyright)
for size in 16 24 32 48 64 128 256; do
  expected+=("usr/share/icons/hicolor/${size}x${size}/apps/$APP_ID.png")
done
for file in "${expected[@]}"; do
  [ -s "$root/$file" ] || fail "the package lacks /$file"
done
echo "all ${#expected[@]} expected files present"
# Each PNG icon has the size its folder names (PNG IHDR: width and height at bytes 16..23).
for size in 16 24 32 48 64 128 256; do
  png="$root/usr/share/icons/hicolor/${size}x${size}/apps/$APP_ID.png"
  dims=$(od -An -tu1 -j16 -N8 "$png" | awk '{print $1*16777216+$2*65536+$3*256+$4 "x" $5*16777216+$6*65536+$7*256+$8}')
  [ "$dims" = "${size}x${size}" ] || fail "icon ${size}x${size} is $dims"
done
# The CLI man page lists every command the CLI knows, with its options.
commands=$("$root/usr/bin/genrescope-cli" --help | sed -n 's/^  \([a-z][a-z0-9-]*\)  .*/\1/p')
[ -n "$commands" ] || fail "genrescope-cli --help lists no commands"
for command in $commands; do
  zcat "$root/usr/share/man/man1/genrescope-cli.1.gz" | grep -q "^\.SS $command\$" \
    || fail "the genrescope-cli man page has no section for '$command'"
done
echo "man page sections for: $(echo $commands)"

echo "== desktop-file-validate"
desktop-file-validate "$root/usr/share/applications/$APP_ID.desktop" || fail "desktop-file-validate"
echo "ok"
echo "== appstreamcli validate --no-net"
appstreamcli validate --no-net "$root/usr/share/metainfo/$APP_ID.metainfo.xml" || fail "appstreamcli validate"

echo "== the programs from the package"
cli_version=$("$root/usr/bin/genrescope-cli" --version)
echo "$cli_version"
[ "$cli_version" = "genrescope-cli $VERSION" ] || fail "genrescope-cli --version says '$cli_version'"
gui_version=$(QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR="$work" "$root/usr/bin/genrescope" --version)
echo "$gui_version"
[ "$gui_version" = "genrescope $VERSION" ] || fail "genrescope --version says '$gui_version'"
echo "PASS: package $(basename "$deb") checked"
