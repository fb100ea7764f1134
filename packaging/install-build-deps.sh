#!/usr/bin/env bash
# Installs what building and testing aws-sso-tray needs on Debian 12 / Ubuntu 24.04.
# Runs apt-get through sudo when not root.
set -euo pipefail

as_root=()
if [ "$(id -u)" -ne 0 ]; then
  as_root=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive

packages=(
  # build
  cmake ninja-build g++ pkg-config
  qt6-base-dev qt6-base-dev-tools qt6-httpserver-dev qt6-websockets-dev qtkeychain-qt6-dev
  qt6-webengine-dev qt6-webengine-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  qt6-svg-dev libgl-dev
  # the hardening build (tests/run-hardening.sh): ASan/UBSan and libFuzzer with clang
  clang-14 libclang-rt-14-dev
  # tests: the real botocore judges cache compatibility; a session bus and keyring; an X server and tray
  python3 awscli dbus dbus-x11 gnome-keyring libsecret-tools xvfb xauth trayer imagemagick xdotool
  # tests: the shell completions load in bash, zsh and fish; the man page renders without warnings
  zsh fish groff-base man-db
  x11-utils libglib2.0-bin
  # packaging: icon renders, desktop entry and metainfo checks, the .deb and its checks, the NSIS script
  librsvg2-bin desktop-file-utils appstream dpkg-dev file lintian debootstrap nsis
)

"${as_root[@]}" apt-get update
"${as_root[@]}" apt-get install -y --no-install-recommends "${packages[@]}"

# botocore is the judge of cache compatibility; use the machine's if it has one, else Debian's.
if ! python3 -c 'import botocore' 2>/dev/null; then
  "${as_root[@]}" apt-get install -y --no-install-recommends python3-botocore
fi
# boto3 reads the exported credentials file in the interop tests, as a user's tool would.
if ! python3 -c 'import boto3' 2>/dev/null; then
  "${as_root[@]}" apt-get install -y --no-install-recommends python3-boto3
fi
