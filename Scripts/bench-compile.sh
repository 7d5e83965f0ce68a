#!/usr/bin/env bash
# Benchmarks `cloudact compile` (whole process, release build) on generated projects of 100 and 1,000
# procedure + pipeline pairs, into an output folder whose files are unchanged (the first run writes them).
#
# The binary is built as it ships on Linux: release, with the Swift standard library and Foundation linked
# statically (`--static-swift-stdlib`), which halves process start-up (Docs/BENCHMARKS.md). Requires hyperfine
# (`apt-get install -y hyperfine`). Reports mean ± σ, median and min of every round.
#
# Usage: Scripts/bench-compile.sh                   (from anywhere; builds first)
#        SIZES="1000" RUNS=40 ROUNDS=3 Scripts/bench-compile.sh
#        SKIP_BUILD=1 KEEP=1 Scripts/bench-compile.sh
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
scratch=".build-static"
sizes=(${SIZES:-100 1000})
runs="${RUNS:-30}"
rounds="${ROUNDS:-2}"
if [[ "${SKIP_BUILD:-0}" != "1" ]]; then
    swift build -c release --static-swift-stdlib --scratch-path "$scratch" --product cloudact >&2
    swift build -c release --static-swift-stdlib --scratch-path "$scratch" --product cloudact-bench >&2
fi
bin="$(swift build -c release --static-swift-stdlib --scratch-path "$scratch" --show-bin-path)"
command -v hyperfine >/dev/null || { echo "hyperfine is required (apt-get install -y hyperfine)" >&2; exit 2; }

work="$(mktemp -d)"
if [[ "${KEEP:-0}" == "1" ]]; then echo "projects kept in $work" >&2; else trap 'rm -rf "$work"' EXIT; fi

echo "machine: $(nproc) cores, $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)"
echo "transparent huge pages: $(cat /sys/kernel/mm/transparent_hugepage/enabled 2>/dev/null || echo unknown)"
for n in "${sizes[@]}"; do
    "$bin/cloudact-bench" generate --pipelines "$n" --out "$work/n$n" >/dev/null
    cd "$work/n$n"
    "$bin/cloudact" compile --out "$work/out$n" >/dev/null 2>"$work/summary.txt" || { cat "$work/summary.txt" >&2; exit 1; }
    for round in $(seq "$rounds"); do
        echo "N = $n, round $round, load average $(cut -d' ' -f1-3 /proc/loadavg)"
        hyperfine -N --warmup 3 --runs "$runs" --export-json "$work/round.json" \
            "$bin/cloudact compile --out $work/out$n" >/dev/null
        python3 - "$work/round.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"][0]
ms = lambda s: f"{s * 1000:.1f} ms"
print(f"  mean {ms(r['mean'])} ± {ms(r['stddev'])}, median {ms(r['median'])}, min {ms(r['min'])}, "
      f"user {ms(r['user'])}, system {ms(r['system'])}")
PY
    done
    cd "$root"
done
