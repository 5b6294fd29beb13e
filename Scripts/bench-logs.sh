#!/usr/bin/env bash
# Logs: print 10,000 events (release lambdactl vs `aws logs filter-log-events`, same run, same
# proxy) and follow latency (PutLogEvents returning → line printed, default 1 s interval).
# Targets: lambdactl <= 0.3x the AWS CLI's wall time; follow latency median <= 1.5 s.
# Uses the running harness when LAMBDACTL_TEST_ENDPOINT is set, else starts (and stops) one.
set -euo pipefail
cd "$(dirname "$0")/.."
. Scripts/harness-env.sh
harness_ensure_packages libssl-dev zlib1g-dev pkg-config libcurl4-openssl-dev
started=""
if [ -z "${LAMBDACTL_TEST_ENDPOINT:-}" ]; then
  . "$(Scripts/moto start)"
  started=1
fi
trap '[ -n "$started" ] && Scripts/moto stop >/dev/null 2>&1 || true' EXIT
python="${LAMBDACTL_TEST_PYTHON:-$HARNESS_VENV/bin/python}"
swift build -c release --product lambdactl >/dev/null
bin=.build/release/lambdactl
export AWS_ACCESS_KEY_ID="$LAMBDACTL_TEST_ACCESS_KEY_ID" AWS_SECRET_ACCESS_KEY="$LAMBDACTL_TEST_SECRET_ACCESS_KEY"
export AWS_REGION="${LAMBDACTL_TEST_REGION:-us-east-1}" AWS_DEFAULT_REGION="${LAMBDACTL_TEST_REGION:-us-east-1}"
group="/aws/lambda/bench-logs-$$-$RANDOM"
"$python" Scripts/bench-logs.py seed "$group" 10000
start_ms=$(( ($(date +%s) - 3600) * 1000 ))

lines=$("$bin" logs --log-group "$group" --since 1h --endpoint-url "$LAMBDACTL_TEST_ENDPOINT" | wc -l)
cli_lines=$(aws logs filter-log-events --log-group-name "$group" --start-time "$start_ms" --interleaved \
  --endpoint-url "$LAMBDACTL_TEST_ENDPOINT" --query 'events[].message' --output text | tr '\t' '\n' | grep -c . || true)
ours=$(python3 Scripts/timeit.py 5 -- "$bin" logs --log-group "$group" --since 1h --endpoint-url "$LAMBDACTL_TEST_ENDPOINT")
theirs=$(python3 Scripts/timeit.py 3 -- aws logs filter-log-events --log-group-name "$group" --start-time "$start_ms" \
  --interleaved --endpoint-url "$LAMBDACTL_TEST_ENDPOINT" --output text)
read -r median worst missing < <("$python" Scripts/bench-logs.py latency "$bin" "$group-follow" 20)

echo "| logs | lambdactl | aws CLI | ratio / target |"
echo "|---|---|---|---|"
echo "| lines printed (10,000 events) | $lines | $cli_lines | must both be 10000 |"
python3 -c "o,t=float('$ours'),float('$theirs'); print(f'| print 10,000 events, median s | {o:.3f} | {t:.3f} | {o/t:.2f}x (target <= 0.3x) |')"
echo "| follow latency, median s (max) | $median ($worst) | - | target <= 1.5 s; $missing of 20 missing |"
