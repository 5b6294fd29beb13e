#!/usr/bin/env bash
# App deploys against moto through the verifying proxy, lambdactl and Chalice 1.34 alternating in
# the same run (Scripts/bench-app.py does the measuring; see its docstring and docs/benchmarks.md):
#   1. 20 plain functions + 10 scheduled: first deploy (target <= 0.8x Chalice's) and unchanged
#      redeploy (<= 0.5x Chalice's, no write).
#   2. 20 functions, 10 with an SQS trigger, 8 routes on one API: unchanged redeploy <= 2 s, no write.
#   3. 50 functions under a 15 writes/s per-API quota: wall <= 1.3x the quota's floor, exit 0.
# Chalice goes into its own venv, .tmp/venv-chalice (created when missing; never .venv-moto).
# Uses a running harness when LAMBDACTL_TEST_ENDPOINT is set, else starts (and stops) one.
# LAMBDACTL_BENCH_DEBUG=1 uses the debug build; LAMBDACTL_BENCH_RUNS (3) sets the runs per median.
set -euo pipefail
cd "$(dirname "$0")/.."
. Scripts/harness-env.sh
harness_ensure_packages libssl-dev zlib1g-dev pkg-config curl

chalice_venv="$PWD/.tmp/venv-chalice"
if ! "$chalice_venv/bin/chalice" --version 2>/dev/null | grep -q '^chalice 1\.34\.'; then
  harness_log "creating $chalice_venv (chalice==1.34.*)"
  mkdir -p .tmp && python3 -m venv "$chalice_venv"
  "$chalice_venv/bin/pip" install --quiet --disable-pip-version-check 'chalice==1.34.*'
fi

if [ "${LAMBDACTL_BENCH_DEBUG:-}" = 1 ]; then
  swift build --product lambdactl >/dev/null; bin=$PWD/.build/debug/lambdactl
else
  swift build -c release --product lambdactl >/dev/null; bin=$PWD/.build/release/lambdactl
fi

started=""
if [ -z "${LAMBDACTL_TEST_ENDPOINT:-}" ]; then
  export HARNESS_STATE="$PWD/.tmp/harness-bench-app"
  envfile=$(Scripts/moto start | tail -1)
  started=1
  # shellcheck disable=SC1090
  . "$envfile"
fi
work=$(mktemp -d)
trap 'rm -rf "$work"; [ -n "$started" ] && Scripts/moto stop >/dev/null 2>&1 || true' EXIT
export AWS_ACCESS_KEY_ID="$LAMBDACTL_TEST_ACCESS_KEY_ID" AWS_SECRET_ACCESS_KEY="$LAMBDACTL_TEST_SECRET_ACCESS_KEY"
export AWS_REGION="${LAMBDACTL_TEST_REGION:-us-east-1}" AWS_DEFAULT_REGION="${LAMBDACTL_TEST_REGION:-us-east-1}"
export AWS_CONFIG_FILE="$work/no-aws-config" AWS_SHARED_CREDENTIALS_FILE="$work/no-aws-credentials"
unset AWS_SESSION_TOKEN AWS_PROFILE AWS_ENDPOINT_URL
python="${LAMBDACTL_TEST_PYTHON:-$HARNESS_VENV/bin/python}"
"$python" Scripts/bench-app.py "$bin" "$chalice_venv/bin/chalice" "$work"
