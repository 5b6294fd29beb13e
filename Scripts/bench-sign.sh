#!/usr/bin/env bash
# Signing: signatures/s against botocore, SHA-256 throughput against OpenSSL, same run.
# Targets: >= 10x botocore; >= 80% of openssl.
set -euo pipefail
cd "$(dirname "$0")/.."
. Scripts/harness-env.sh
harness_ensure_packages libssl-dev zlib1g-dev pkg-config
harness_ensure_venv
swift build -c release --product sigv4-bench >/dev/null
ours="$(.build/release/sigv4-bench)"
echo "$ours"
theirs="$("$HARNESS_VENV/bin/python" Scripts/bench-sign.py)"
echo "botocore $theirs"
openssl_mbs="$(openssl speed -evp sha256 -bytes 1048576 -seconds 2 2>/dev/null | awk '/^sha256/ {print $NF}' | tr -d 'k')"
echo "openssl sha256: ${openssl_mbs}k bytes/s (1 MiB blocks)"
python3 - "$ours" "$theirs" "$openssl_mbs" <<'PY'
import re, sys
ours, theirs, openssl_k = sys.argv[1], sys.argv[2], float(sys.argv[3] or 0)
sig_ours = float(re.search(r"sign: ([\d.]+)", ours).group(1))
sig_theirs = float(re.search(r"sign: ([\d.]+)", theirs).group(1))
per_request = re.search(r"sign \(signer per request, shared cache\): ([\d.]+)", ours)
sha_ours = float(re.search(r"sha256[^:]*: ([\d.]+)", ours).group(1))
print("| what | lambdactl | reference | ratio |")
print("|---|---|---|---|")
print(f"| signatures/s | {sig_ours:,.0f} | botocore {sig_theirs:,.0f} | {sig_ours/sig_theirs:.1f}x (target >= 10x) |")
if per_request:
    sig_client = float(per_request.group(1))
    print(f"| signatures/s, Signer per request (client path) | {sig_client:,.0f} | botocore {sig_theirs:,.0f} | {sig_client/sig_theirs:.1f}x (target >= 10x) |")
if openssl_k:
    ref = openssl_k * 1000 / 1e6
    print(f"| SHA-256 MB/s | {sha_ours:,.0f} | openssl {ref:,.0f} | {sha_ours/ref:.0%} (target >= 80%) |")
PY
