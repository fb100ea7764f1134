#!/usr/bin/env bash
# Builds aws-sso-tray from scratch in build-tests/ and runs every test (ctest prints the count), then
# the hardening checks (tests/run-hardening.sh: every test again under ASan+UBSan, and a short run of
# each fuzzer). AWS_SSO_TRAY_HARDENING=0 skips the latter for a quick local run.
set -euo pipefail
cd "$(dirname "$0")/.."

build_dir=${BUILD_DIR:-build-tests}
jobs=$(nproc)

# WebEngine refuses to run as root without this; tests and CI only, never the product.
if [ "$(id -u)" -eq 0 ]; then
  export QTWEBENGINE_DISABLE_SANDBOX=1
fi

cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DAWS_SSO_TRAY_WERROR=ON -DAWS_SSO_TRAY_TEST_HOOKS=ON
cmake --build "$build_dir" -j "$jobs"
ctest --test-dir "$build_dir" --output-on-failure -j "$jobs" "$@"
if [ "${AWS_SSO_TRAY_HARDENING:-1}" != 0 ]; then
  tests/run-hardening.sh "$@"
fi
