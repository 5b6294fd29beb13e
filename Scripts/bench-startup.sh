#!/usr/bin/env bash
# Start-up: release `lambdactl --version` against `aws --version`, same run, as a ratio.
# Target: lambdactl <= 1/20 of the AWS CLI's time.
set -euo pipefail
cd "$(dirname "$0")/.."
. Scripts/harness-env.sh
harness_ensure_packages libssl-dev zlib1g-dev pkg-config libcurl4-openssl-dev
swift build -c release --static-swift-stdlib --product lambdactl >/dev/null
bin=.build/release/lambdactl
ours=$(python3 Scripts/timeit.py 50 -- "$bin" --version)
if command -v aws >/dev/null 2>&1; then
  theirs=$(python3 Scripts/timeit.py 10 -- aws --version)
else
  theirs=""
fi
echo "| start-up (--version) | median s |"
echo "|---|---|"
echo "| lambdactl (release, static stdlib) | $ours |"
if [ -n "$theirs" ]; then
  echo "| aws (CLI v1) | $theirs |"
  python3 -c "import sys; o,t=float('$ours'),float('$theirs'); print(f'| ratio lambdactl/aws | {o/t:.4f} (target <= 0.05) |')"
else
  echo "| aws | not installed: no ratio |"
fi
