#!/usr/bin/env bash
# Benchmarks `cloudact validate` (release build) on generated projects of 100 and 1,000 pipelines.
#
# Each project is made by `cloudact-bench generate --pipelines N`: N pipelines of about 60 lines, N procedures,
# 10 tables. The measured command is `cloudact validate DIR/pipelines DIR/procedures DIR/tables`, run from a
# folder that is not a project (so nothing else is read). Uses hyperfine when installed
# (`apt-get install -y hyperfine`), otherwise a loop timed with `date +%s.%N`.
#
# Usage: Scripts/bench-validate.sh                 (from anywhere; builds first)
#        SIZES="100 1000 5000" RUNS=20 Scripts/bench-validate.sh
#        SKIP_BUILD=1 KEEP=1 Scripts/bench-validate.sh
#        NO_HYPERFINE=1 Scripts/bench-validate.sh     (force the date +%s.%N loop)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
scratch=".build-robust"
sizes=(${SIZES:-100 1000})
runs="${RUNS:-10}"
if [[ "${SKIP_BUILD:-0}" != "1" ]]; then
    swift build -c release --scratch-path "$scratch" --product cloudact >&2
    swift build -c release --scratch-path "$scratch" --product cloudact-bench >&2
fi
bin="$(swift build -c release --scratch-path "$scratch" --show-bin-path)"
cloudact="$bin/cloudact"
generator="$bin/cloudact-bench"

work="$(mktemp -d)"
if [[ "${KEEP:-0}" == "1" ]]; then echo "projects kept in $work" >&2; else trap 'rm -rf "$work"' EXIT; fi
cd "$work"

echo "machine: $(nproc) cores, $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for n in "${sizes[@]}"; do
    "$generator" generate --pipelines "$n" --out "n$n" >/dev/null
    # The project must validate clean, or the benchmark measures error reporting instead.
    if ! "$cloudact" validate "n$n/pipelines" "n$n/procedures" "n$n/tables" >/dev/null 2>"$work/summary.txt"; then
        echo "generated project n$n does not validate clean:" >&2
        "$cloudact" validate "n$n/pipelines" "n$n/procedures" "n$n/tables" | head -40 >&2
        exit 1
    fi
    echo "n$n: $(cat "$work/summary.txt"), $(du -sh "n$n" | cut -f1), $(cat n$n/pipelines/*.yaml | wc -l) pipeline lines"
done

# Process start-up alone (a project of only the 10 tables), to separate it from per-file cost.
commands=("$cloudact validate n${sizes[0]}/tables")
names=("start-up: validate 10 tables")
for n in "${sizes[@]}"; do
    commands+=("$cloudact validate n$n/pipelines n$n/procedures n$n/tables")
    names+=("validate N=$n ($n pipelines + $n procedures + 10 tables)")
done

if [[ "${NO_HYPERFINE:-0}" != "1" ]] && command -v hyperfine >/dev/null; then
    args=()
    for index in "${!commands[@]}"; do args+=(--command-name "${names[$index]}" "${commands[$index]}"); done
    hyperfine --warmup 2 --runs "$runs" --export-markdown "$work/results.md" "${args[@]}"
    echo
    cat "$work/results.md"
else
    echo "without hyperfine: timing $runs runs with date +%s.%N"
    printf '| %s | %s | %s | %s |\n|---|---|---|---|\n' "command" "mean (s)" "min (s)" "max (s)"
    for index in "${!commands[@]}"; do
        ${commands[$index]} >/dev/null 2>&1 || true
        times=()
        for ((run = 0; run < runs; run++)); do
            start=$(date +%s.%N)
            ${commands[$index]} >/dev/null 2>&1
            end=$(date +%s.%N)
            times+=("$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.4f", e - s }')")
        done
        printf '%s\n' "${times[@]}" | awk -v name="${names[$index]}" '
            { sum += $1; if (NR == 1 || $1 < min) min = $1; if ($1 > max) max = $1 }
            END { printf "| %s | %.3f | %.3f | %.3f |\n", name, sum / NR, min, max }'
    done
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
