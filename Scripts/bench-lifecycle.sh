#!/usr/bin/env bash
# Lifecycle benchmarks against moto through the verifying proxy, same run, as ratios:
#   1. update-code with unchanged code: lambdactl vs `aws lambda update-function-code --zip-file`
#      (target: lambdactl <= 1/5 of the AWS CLI's wall time; lambdactl uploads 0 bytes).
#   2. update-code of a changed ~20 MB package from a directory: lambdactl vs `zip -r -X -6` + aws
#      (target: <= 0.6x).
# Uses a running harness when LAMBDACTL_TEST_ENDPOINT is set, else starts one (Scripts/moto).
# LAMBDACTL_BENCH_DEBUG=1 uses the debug build instead of a release build.
set -euo pipefail
cd "$(dirname "$0")/.."
. Scripts/harness-env.sh
harness_ensure_packages libssl-dev zlib1g-dev pkg-config curl zip
harness_ensure_awscli

if [ "${LAMBDACTL_BENCH_DEBUG:-}" = 1 ]; then
  swift build --product lambdactl >/dev/null; bin=.build/debug/lambdactl
else
  swift build -c release --product lambdactl >/dev/null; bin=.build/release/lambdactl
fi

if [ -z "${LAMBDACTL_TEST_ENDPOINT:-}" ]; then
  export HARNESS_STATE="$PWD/.tmp/harness-bench"
  envfile=$(Scripts/moto start | tail -1)
  trap 'Scripts/moto stop >/dev/null 2>&1 || true' EXIT
  # shellcheck disable=SC1090
  . "$envfile"
fi
export AWS_ACCESS_KEY_ID="$LAMBDACTL_TEST_ACCESS_KEY_ID" AWS_SECRET_ACCESS_KEY="$LAMBDACTL_TEST_SECRET_ACCESS_KEY"
export AWS_REGION="${LAMBDACTL_TEST_REGION:-us-east-1}" AWS_DEFAULT_REGION="${LAMBDACTL_TEST_REGION:-us-east-1}"
export AWS_CONFIG_FILE="$PWD/.tmp/no-aws-config" AWS_SHARED_CREDENTIALS_FILE="$PWD/.tmp/no-aws-credentials" NO_PROXY=127.0.0.1,localhost
unset AWS_SESSION_TOKEN AWS_PROFILE
endpoint="$LAMBDACTL_TEST_ENDPOINT"
curl -s --noproxy '*' -X POST "$LAMBDACTL_TEST_CONTROL/reset" >/dev/null

work=$(mktemp -d); trap 'rm -rf "$work"; Scripts/moto stop >/dev/null 2>&1 || true' EXIT
mkdir -p "$work/small" "$work/big"
printf 'def handler(event, context):\n    return event\n' >"$work/small/app.py"
(cd "$work/small" && zip -q -r -X -6 "$work/small.zip" .)
# ~20 MB zipped: 15 MiB of random bytes (incompressible) and ~40 MiB of repetitive text.
python3 - "$work/big" <<'PY'
import os, random, sys
root = sys.argv[1]; rng = random.Random(7)
os.makedirs(f"{root}/lib", exist_ok=True)
for i in range(15):
    with open(f"{root}/lib/blob{i:02}.bin", "wb") as f: f.write(rng.randbytes(1 << 20))
for i in range(400):
    words = " ".join(rng.choice(["lambda", "deploy", "swift", "zip", "aws", "handler", str(i)]) for _ in range(16000))
    with open(f"{root}/lib/text{i:03}.txt", "w") as f: f.write(words)
with open(f"{root}/app.py", "w") as f: f.write("def handler(event, context):\n    return event\n")
PY

"$bin" create-function bench --code "$work/small.zip" --runtime python3.12 --handler app.handler \
  --endpoint-url "$endpoint" >/dev/null

runs=${LAMBDACTL_BENCH_RUNS:-5}
# One warm-up call of each tool (moto and the proxy are slower on the first calls).
"$bin" update-code bench --code "$work/small.zip" --endpoint-url "$endpoint" >/dev/null
aws lambda get-function --function-name bench --endpoint-url "$endpoint" >/dev/null
ours=$(python3 Scripts/timeit.py "$runs" -- "$bin" update-code bench --code "$work/small.zip" --endpoint-url "$endpoint")
theirs=$(python3 Scripts/timeit.py "$runs" -- aws lambda update-function-code --function-name bench \
  --zip-file "fileb://$work/small.zip" --endpoint-url "$endpoint")

# Changed package: every run rewrites one file so the package (and CodeSha256) differs.
changed() {  # changed LABEL CMD... ; prints the median seconds over $runs runs
  python3 - "$runs" "$work/big/app.py" "$@" <<'PY'
import statistics, subprocess, sys, time
runs, marker, command = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
times = []
for i in range(runs):
    with open(marker, "a") as f: f.write(f"# change {time.time_ns()}\n")
    start = time.perf_counter()
    subprocess.run(["bash", "-c", " ".join(command)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    times.append(time.perf_counter() - start)
print(f"{statistics.median(times):.6f}")
PY
}
their_big=$(changed "rm -f $work/big.zip && (cd $work/big && zip -q -r -X -6 $work/big.zip .) &&" \
  "aws lambda update-function-code --function-name bench --zip-file fileb://$work/big.zip --endpoint-url $endpoint")
if our_big=$(changed "$bin update-code bench --code $work/big --endpoint-url $endpoint" 2>/dev/null); then :; else our_big=""; fi
size=$(stat -c %s "$work/big.zip")

echo "| lifecycle (moto via verifying proxy, median of $runs) | lambdactl s | aws s | ratio | target |"
echo "|---|---|---|---|---|"
python3 -c "o,t=$ours,$theirs; print(f'| update-code, unchanged (0 bytes uploaded by lambdactl) | {o:.3f} | {t:.3f} | {o/t:.3f} | <= 0.2 |')"
if [ -n "$our_big" ]; then
  python3 -c "o,t=$our_big,$their_big; print(f'| update-code, changed {$size/1e6:.1f} MB package from a directory | {o:.3f} | {t:.3f} (zip -r -X -6 + aws) | {o/t:.3f} | <= 0.6 |')"
else
  echo "| update-code, changed $(python3 -c "print(f'{$size/1e6:.1f}')") MB package from a directory | n/a (this build cannot package directories) | $their_big (zip + aws) | - | <= 0.6 |"
fi
