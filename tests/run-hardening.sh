#!/usr/bin/env bash
# The hardening half of CI (tests/run-all.sh calls it after the normal tests): every test again in a
# build where our code is instrumented with AddressSanitizer + UndefinedBehaviorSanitizer (clang 14,
# build-sanitize/), then each libFuzzer target for a short while. Prints the time of each phase.
#
#   tests/run-hardening.sh [ctest arguments...]
# SANITIZE_BUILD_DIR (default build-sanitize) and FUZZ_SECONDS (per target, default 20) adjust it.
set -euo pipefail
cd "$(dirname "$0")/.."

build_dir=${SANITIZE_BUILD_DIR:-build-sanitize}
fuzz_seconds=${FUZZ_SECONDS:-20}
jobs=$(nproc)

# WebEngine refuses to run as root without this; tests and CI only, never the product.
if [ "$(id -u)" -eq 0 ]; then
  export QTWEBENGINE_DISABLE_SANDBOX=1
fi
# Any finding fails the process that made it (and so its test); tests/sanitizers/ lists the known
# leaks of uninstrumented system libraries, each with its reason. Our own code is never suppressed.
sanitizers=$PWD/tests/sanitizers
export ASAN_OPTIONS="detect_leaks=1:new_delete_type_mismatch=0:check_initialization_order=1"
export LSAN_OPTIONS="suppressions=$sanitizers/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:suppressions=$sanitizers/ubsan.supp"

phase_start=$SECONDS
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++-14 \
  -DAWS_SSO_TRAY_TEST_HOOKS=ON -DAWS_SSO_TRAY_SANITIZE=ON -DAWS_SSO_TRAY_FUZZ=ON
cmake --build "$build_dir" -j "$jobs"
build_seconds=$((SECONDS - phase_start))

phase_start=$SECONDS
# The unit, browser, end-to-end and desktop tests (labels unit, interop, desktop); the packaging
# tests check install layouts, which instrumentation does not change. The desktop tests run on an X
# server, where Mesa's GL driver (swrast_dri.so, loaded through GLX when DISPLAY is set, unloaded at exit)
# leaves allocations LeakSanitizer can no longer attribute to any library ("<unknown module>"), so
# there leaks are not checked; memory errors and undefined behaviour still fail them.
# The same holds for the end-to-end tests that start an X server themselves (xvfb-run), listed in
# on_a_display. The others need no display: without one, nothing loads that driver.
on_a_display='interop_test_console'
env -u DISPLAY -u WAYLAND_DISPLAY ctest --test-dir "$build_dir" --output-on-failure -j "$jobs" \
  -L 'unit|interop' -E "$on_a_display" "$@"
ASAN_OPTIONS=${ASAN_OPTIONS/detect_leaks=1/detect_leaks=0} \
  ctest --test-dir "$build_dir" --output-on-failure -j "$jobs" -L desktop "$@"
ASAN_OPTIONS=${ASAN_OPTIONS/detect_leaks=1/detect_leaks=0} \
  ctest --test-dir "$build_dir" --output-on-failure -j "$jobs" -R "$on_a_display" "$@"
test_seconds=$((SECONDS - phase_start))

phase_start=$SECONDS
tests/fuzz/run-fuzzers.sh "$build_dir" "$fuzz_seconds"
fuzz_seconds_taken=$((SECONDS - phase_start))

echo "hardening: sanitizer build ${build_seconds} s, sanitized tests ${test_seconds} s, fuzzing ${fuzz_seconds_taken} s"
