#!/usr/bin/env bash
# Installs the Debian package into a clean Debian 12 root and runs it there:
#   debootstrap bookworm (minbase) into a temporary folder, `apt-get install ./genrescope_*.deb`
#   inside it (so apt resolves the Depends from deb.debian.org), then
#     genrescope-cli --version, make-demo, extract of one generated clip,
#     and the GUI: genrescope --demo --screenshot under xvfb-run (xvfb is installed in the
#     root only after the package, so it cannot hide a missing dependency),
#   checks the results and removes the root (unmounting /proc, /sys, /dev first).
#
#   sudo scripts/test-deb-root.sh [PATH/TO/genrescope_*.deb]   (default: build-deb/genrescope_*.deb)
#
# Needs root (debootstrap, chroot, mount) and the network. Downloaded .debs of the base system
# are kept in $DEBOOTSTRAP_CACHE (default /var/cache/genrescope-debootstrap) for the next run.
# The screenshot is copied next to the .deb as chroot-screenshot.png. Exits non-zero on failure.
set -euo pipefail
cd "$(dirname "$0")/.."
MIRROR=${MIRROR:-http://deb.debian.org/debian}
SUITE=bookworm
CACHE=${DEBOOTSTRAP_CACHE:-/var/cache/genrescope-debootstrap}

DEB=${1:-}
if [ -z "$DEB" ]; then
  DEB=$(ls -t build-deb/genrescope_*.deb 2>/dev/null | head -n1 || true)
fi
[ -n "$DEB" ] && [ -f "$DEB" ] || { echo "test-deb-root.sh: no .deb given and none in build-deb/ (run scripts/package-deb.sh)" >&2; exit 1; }
DEB=$(realpath "$DEB")
[ "$(id -u)" -eq 0 ] || { echo "test-deb-root.sh: needs root (debootstrap, chroot, mount)" >&2; exit 1; }

step() { echo; echo "== $*"; }

if ! command -v debootstrap >/dev/null; then
  step "installing debootstrap"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap
fi

ROOT=$(mktemp -d /tmp/genrescope-deb-root.XXXXXX)
chmod 755 "$ROOT"   # apt downloads as user _apt inside the root
MOUNTS=()
cleanup() {
  local status=$?
  step "cleanup"
  for ((i = ${#MOUNTS[@]} - 1; i >= 0; i--)); do
    umount "${MOUNTS[$i]}" 2>/dev/null || umount -l "${MOUNTS[$i]}" || true
  done
  if grep -q " $ROOT/" /proc/mounts; then
    # Never delete through a mount point (a bound /dev would lose the host's device nodes).
    echo "test-deb-root.sh: still mounted under $ROOT, left in place:" >&2
    grep " $ROOT/" /proc/mounts >&2
    status=1
  else
    rm -rf --one-file-system "$ROOT"
    echo "removed $ROOT"
  fi
  exit $status
}
trap cleanup EXIT
mount_in_root() { # TYPE|--bind SOURCE TARGET
  mount "$@"
  MOUNTS+=("${@: -1}")
}
in_root() { # runs a shell command in the root with a clean environment
  chroot "$ROOT" /usr/bin/env -i HOME=/root LANG=C.UTF-8 TERM=dumb DEBIAN_FRONTEND=noninteractive \
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin /bin/sh -c "$1"
}

step "debootstrap $SUITE into $ROOT"
mkdir -p "$CACHE"
started=$SECONDS
debootstrap --variant=minbase --cache-dir="$CACHE" "$SUITE" "$ROOT" "$MIRROR" > "$ROOT.debootstrap.log" 2>&1 \
  || { tail -n 30 "$ROOT.debootstrap.log"; rm -f "$ROOT.debootstrap.log"; echo "debootstrap failed" >&2; exit 1; }
rm -f "$ROOT.debootstrap.log"
echo "debootstrap done in $((SECONDS - started)) s"
cat > "$ROOT/etc/apt/sources.list" <<SOURCES
deb $MIRROR $SUITE main
deb $MIRROR $SUITE-updates main
deb http://deb.debian.org/debian-security $SUITE-security main
SOURCES
cp /etc/resolv.conf "$ROOT/etc/resolv.conf"
mount_in_root -t proc proc "$ROOT/proc"
mount_in_root -t sysfs sysfs "$ROOT/sys"
mount_in_root --bind /dev "$ROOT/dev"
mount_in_root -t devpts -o newinstance,ptmxmode=0666 devpts "$ROOT/dev/pts"
mount_in_root -t tmpfs tmpfs "$ROOT/dev/shm"
cp "$DEB" "$ROOT/tmp/"
deb_name=$(basename "$DEB")

step "apt-get install ./$deb_name (Depends resolved by apt)"
in_root "apt-get update -qq"
before=$(in_root "dpkg-query -W -f='\${Package}\n'" | sort)
if ! in_root "cd /tmp && apt-get install -y -q --no-install-recommends ./$deb_name" > "$ROOT/tmp/apt.log" 2>&1; then
  tail -n 40 "$ROOT/tmp/apt.log"; echo "apt-get install ./$deb_name failed" >&2; exit 1
fi
grep -E "^(Setting up genrescope|[0-9]+ upgraded|W:|E:)" "$ROOT/tmp/apt.log" | cut -c1-200 || true
in_root "dpkg-query -W -f='\${Status}' genrescope" | grep -q "install ok installed" \
  || { echo "genrescope is not installed" >&2; exit 1; }
after=$(in_root "dpkg-query -W -f='\${Package}\n'" | sort)
echo "packages pulled in: $(comm -13 <(echo "$before") <(echo "$after") | wc -l)"
for plugin_package in libqt6sql6-sqlite libqt6multimedia6; do
  in_root "dpkg-query -W -f='\${Package} \${Version}\n' $plugin_package"
done

step "files of the package"
in_root "dpkg -L genrescope | grep -E 'bin/|man1/|applications/|metainfo/|hicolor/(48x48|scalable)|doc/'"
in_root "ldd /usr/bin/genrescope /usr/bin/genrescope-cli | grep 'not found'" && { echo "unresolved libraries" >&2; exit 1; }
echo "ldd: every library found"

step "genrescope-cli --version"
in_root "genrescope-cli --version"

step "genrescope-cli make-demo /tmp/demo + extract of one clip"
in_root "genrescope-cli make-demo /tmp/demo --per-genre 2 --seconds 4 -j 2"
clip=$(in_root "ls /tmp/demo/Rock/*.wav | head -n1")
echo "clip: $clip"
in_root "genrescope-cli extract '$clip' --out /tmp/one.csv --quiet"
rows=$(in_root "wc -l < /tmp/one.csv")
columns=$(in_root "head -n1 /tmp/one.csv | tr ',' '\n' | wc -l")
echo "one.csv: $rows lines, $columns columns"
in_root "cut -c1-100 /tmp/one.csv"
[ "$rows" -eq 2 ] && [ "$columns" -eq 60 ] || { echo "extract: expected a header and one row of 60 columns" >&2; exit 1; }
in_root "genrescope-cli extract /tmp/demo --out /tmp/all.csv --quiet -j 2"
echo "whole demo: $(($(in_root "wc -l < /tmp/all.csv") - 1)) songs extracted"

step "installing xvfb in the root (for this test only)"
in_root "apt-get install -y -q --no-install-recommends xvfb xauth >/dev/null"

step "genrescope --demo --screenshot /tmp/x.png under xvfb-run"
started=$SECONDS
in_root "cd /tmp && timeout 600 xvfb-run -a -s '-screen 0 1280x1024x24' genrescope --demo --screenshot /tmp/x.png" 2>&1 | tail -n 20
echo "GUI run: $((SECONDS - started)) s"
png="$ROOT/tmp/x.png"
[ -s "$png" ] || { echo "no screenshot written" >&2; exit 1; }
magic=$(head -c 8 "$png" | od -An -tx1 | tr -d ' \n')
[ "$magic" = "89504e470d0a1a0a" ] || { echo "x.png is not a PNG (magic $magic)" >&2; exit 1; }
width=$(od -An -tu1 -j16 -N4 "$png" | awk '{print $1*16777216 + $2*65536 + $3*256 + $4}')
height=$(od -An -tu1 -j20 -N4 "$png" | awk '{print $1*16777216 + $2*65536 + $3*256 + $4}')
echo "x.png: PNG ${width}x${height}, $(stat -c %s "$png") bytes"
[ "$width" -ge 640 ] && [ "$height" -ge 400 ] || { echo "screenshot too small" >&2; exit 1; }
cp "$png" "$(dirname "$DEB")/chroot-screenshot.png"
echo "copied to $(dirname "$DEB")/chroot-screenshot.png"

step "test-deb-root.sh: all checks passed"
