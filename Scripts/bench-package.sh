#!/usr/bin/env bash
# Scripts/bench-package.sh — lambdactl package vs zip -r -X -6 -q vs python3 -m zipfile -c
# on the shared corpus, same run, same disk. Prints a markdown table (medians of RUNS runs,
# ratios to zip, output sizes, peak RSS) and checks that lambdactl's output is byte-identical
# across runs.
#
# Environment:
#   BENCH_RUNS=5               runs per tool (median reported)
#   BENCH_DIR=DIR              work directory (default: a new mktemp dir under /tmp, removed at the end)
#   BENCH_CORPUS=DIR           reuse an existing corpus instead of building one
#   LAMBDACTL_SHARED=DIR       the shared folder holding bench/make-corpus.sh (default: ../shared)
#   BENCH_SKIP_BUILD=1         use the existing release binary
set -euo pipefail
export LC_ALL=C
repo=$(cd "$(dirname "$0")/.." && pwd)
shared=${LAMBDACTL_SHARED:-$(dirname "$repo")/shared}
runs=${BENCH_RUNS:-5}
keep=${BENCH_DIR:+1}
work=${BENCH_DIR:-$(mktemp -d /tmp/lambdactl-bench.XXXXXX)}
mkdir -p "$work"
[ -z "$keep" ] && trap 'rm -rf "$work"' EXIT

if [ ! -x /usr/bin/time ]; then
    echo "bench: installing GNU time for peak RSS" >&2
    apt-get install -y -qq time >/dev/null
fi
if [ -z "${BENCH_SKIP_BUILD:-}" ]; then
    (cd "$repo" && swift build -c release --product lambdactl >&2)
fi
bin="$repo/.build/release/lambdactl"

corpus=${BENCH_CORPUS:-$work/corpus}
if [ ! -d "$corpus" ]; then
    "$shared/bench/make-corpus.sh" "$corpus" >&2
fi
corpus=$(cd "$corpus" && pwd)

# measure NAME OUT CMD... : one timed run, appends "wall kb user sys" to $work/NAME.times
measure() {
    local name=$1 out=$2
    shift 2
    rm -f "$out"
    /usr/bin/time -f "%e %M %U %S" -o "$work/$name.t" "$@" >/dev/null 2>"$work/$name.err" || {
        echo "bench: $name failed:" >&2; cat "$work/$name.err" >&2; exit 1; }
    cat "$work/$name.t" >>"$work/$name.times"
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

rm -f "$work"/*.times "$work/lambdactl.sums"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
# Warm the page cache so the first timed tool is not penalised.
tar cf /dev/null -C "$corpus" .
for run in $(seq "$runs"); do
    echo "bench: run $run/$runs" >&2
    measure lambdactl "$work/lambdactl.zip" "$bin" package "$corpus" -o "$work/lambdactl.zip"
    sha256sum "$work/lambdactl.zip" | cut -d' ' -f1 >>"$work/lambdactl.sums"
    measure zip "$work/zip.zip" sh -c 'cd "$1" && zip -r -X -6 -q "$2" .' sh "$corpus" "$work/zip.zip"
    measure python "$work/python.zip" sh -c 'cd "$1" && python3 -m zipfile -c "$2" *' sh "$corpus" "$work/python.zip"
done

zip_wall=$(cut -d' ' -f1 "$work/zip.times" | median)
zip_size=$(stat -c %s "$work/zip.zip")
echo
echo "corpus: $(find "$corpus" -type f | wc -l) files, $(du -sb "$corpus" | cut -f1) bytes; $(nproc) cores; median of $runs runs"
echo
echo "load average before: $load_before; after: $(cut -d' ' -f1-3 /proc/loadavg) (other processes share the cores)"
echo
echo "| tool | wall (s) | × zip | CPU user+sys (s) | output (bytes) | × zip | peak RSS (MB) |"
echo "|---|---:|---:|---:|---:|---:|---:|"
for tool in lambdactl zip python; do
    wall=$(cut -d' ' -f1 "$work/$tool.times" | median)
    rss=$(cut -d' ' -f2 "$work/$tool.times" | median)
    cpu=$(awk '{print $3 + $4}' "$work/$tool.times" | median)
    size=$(stat -c %s "$work/$tool.zip")
    awk -v t="$tool" -v w="$wall" -v zw="$zip_wall" -v s="$size" -v zs="$zip_size" -v r="$rss" -v c="$cpu" \
        'BEGIN { printf "| %s | %.2f | %.2f | %.2f | %d | %.3f | %.1f |\n", t, w, w / zw, c, s, s / zs, r / 1024 }'
done
echo
distinct=$(sort -u "$work/lambdactl.sums" | wc -l)
if [ "$distinct" -eq 1 ]; then
    echo "lambdactl output byte-identical across $runs runs: yes ($(head -1 "$work/lambdactl.sums"))"
else
    echo "lambdactl output byte-identical across $runs runs: NO ($distinct different digests)"
fi
wall=$(cut -d' ' -f1 "$work/lambdactl.times" | median)
rss=$(cut -d' ' -f2 "$work/lambdactl.times" | median)
size=$(stat -c %s "$work/lambdactl.zip")
awk -v w="$wall" -v zw="$zip_wall" -v s="$size" -v zs="$zip_size" -v r="$rss" 'BEGIN {
    printf "targets: wall %.2f× zip (≤ 0.35) %s; size %.3f× zip (≤ 1.01) %s; peak RSS %.1f MB (≤ 64) %s\n",
        w / zw, (w / zw <= 0.35 ? "met" : "MISSED"), s / zs, (s / zs <= 1.01 ? "met" : "MISSED"),
        r / 1024, (r / 1024 <= 64 ? "met" : "MISSED") }'
