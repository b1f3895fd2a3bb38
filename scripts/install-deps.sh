#!/usr/bin/env bash
# Installs the Debian 12 packages Genrescope builds and runs with. Idempotent; quiet when
# everything is already there.
set -euo pipefail
PACKAGES=(qt6-base-dev qt6-tools-dev qt6-l10n-tools qt6-svg-dev libqt6sql6-sqlite libqcustomplot-dev
  libavformat-dev libavcodec-dev libswresample-dev libavutil-dev libfftw3-dev libdlib-dev libjpeg-dev
  libblas-dev liblapack-dev libopenblas0-pthread libchromaprint-dev nlohmann-json3-dev
  cmake make g++ pkg-config dpkg-dev file xvfb xauth imagemagick desktop-file-utils appstream
  qt6-multimedia-dev libqt6multimedia6 lintian help2man python3-numpy
  libhdf5-dev python3-h5py slurmctld slurmd slurm-client munge)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq -o DPkg::Lock::Timeout=900 "${missing[@]}"
fi
