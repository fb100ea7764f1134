#!/usr/bin/env bash
# Runs every libFuzzer target of a build made with -DAWS_SSO_TRAY_FUZZ=ON for a short while each,
# starting from the seeds in tests/fuzz/corpus/<target> (never written to: new inputs go to a scratch
# directory). A crash stops with the input saved; add it as tests/fuzz/regressions/<target>/<name>
# (TestFuzzCorpus replays it in every build), fix the parser, and run again.
#
#   tests/fuzz/run-fuzzers.sh BUILD_DIR [SECONDS_PER_TARGET]
set -euo pipefail
cd "$(dirname "$0")/../.."

build_dir=${1:?usage: $0 BUILD_DIR [SECONDS_PER_TARGET]}
seconds=${2:-20}
scratch=$(mktemp -d "${TMPDIR:-/tmp}/aws-sso-tray-fuzz.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
artifacts=${FUZZ_ARTIFACTS_DIR:-$build_dir/fuzz-artifacts}
mkdir -p "$artifacts"

status=0
for fuzzer in "$build_dir"/tests/fuzz/fuzz_*; do
  [ -f "$fuzzer" ] && [ -x "$fuzzer" ] || continue
  target=${fuzzer##*/fuzz_}
  mkdir -p "$scratch/$target"
  echo "fuzz_$target: ${seconds} s from $(ls tests/fuzz/corpus/$target | wc -l) seeds"
  if ! "$fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
      -artifact_prefix="$artifacts/$target-" "$scratch/$target" "tests/fuzz/corpus/$target" \
      >"$scratch/$target.log" 2>&1; then
    tail -n 60 "$scratch/$target.log"
    echo "fuzz_$target found a crash: the input is in $artifacts/; copy it to tests/fuzz/regressions/$target/" >&2
    status=1
    continue
  fi
  grep -E "stat::number_of_executed_units|stat::peak_rss_mb" "$scratch/$target.log" | tr '\n' ' '
  echo "$(grep -oE 'cov: [0-9]+' "$scratch/$target.log" | tail -n 1)"
done
exit "$status"
