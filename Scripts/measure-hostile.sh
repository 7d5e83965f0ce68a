#!/usr/bin/env bash
# Measures `cloudact validate` (release build) on hostile inputs: wall time and peak memory for each.
#
# A measurement, not a test: timing is machine-dependent, so nothing here fails a build. The budget the front
# end is meant to meet is < 1 s and < 100 MB per file; rows over budget are marked "OVER".
#
# Usage: Scripts/measure-hostile.sh            (from the repository root)
#        KEEP=1 Scripts/measure-hostile.sh     keeps the generated files and prints their folder
#        SKIP_BUILD=1 Scripts/measure-hostile.sh
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
scratch=".build-robust"
if [[ "${SKIP_BUILD:-0}" != "1" ]]; then
    swift build -c release --scratch-path "$scratch" --product cloudact >&2
fi
cloudact="${CLOUDACT:-$(swift build -c release --scratch-path "$scratch" --show-bin-path)/cloudact}"
[[ -x "$cloudact" ]] || { echo "no release binary at $cloudact" >&2; exit 2; }

work="$(mktemp -d)"
if [[ "${KEEP:-0}" == "1" ]]; then echo "inputs kept in $work" >&2; else trap 'rm -rf "$work"' EXIT; fi

# The hostile inputs. Each is a file name and the diagnostic code it is expected to produce.
python3 - "$work" <<'PY'
import os, sys
out = sys.argv[1]
def write(name, data):
    with open(os.path.join(out, name), "wb") as f:
        f.write(data.encode() if isinstance(data, str) else data)

write("deep-flow-sequence.yaml", "[" * 200_000)
write("deep-flow-mapping.yaml", "{a: " * 200_000)
write("wide-flow-sequence.yaml", "[" + ",".join(["1"] * 1_000_000) + "]\n")
write("huge-scalar.yaml", "pipeline: " + "a" * (5 * 1024 * 1024) + "\n")
lines = ["a0: &a0 [" + ", ".join(["lol"] * 9) + "]"]
for level in range(1, 9):
    lines.append(f"a{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * 9) + "]")
write("billion-laughs.yaml", "\n".join(lines) + "\n")
write("duplicate-keys.yaml", "a: 1\n" * 100_000)
write("deep-block-sequence.yaml", "- " * 1000 + "x\n")
write("dash-lines.yaml", "-\n" * 10_000)
write("long-line.yaml", "a" * (3 * 1024 * 1024) + "\n")
PY

expected=(
    "deep-flow-sequence.yaml yaml.too-deep"
    "deep-flow-mapping.yaml yaml.too-deep"
    "wide-flow-sequence.yaml yaml.too-many-nodes"
    "huge-scalar.yaml yaml.file-too-large"
    "billion-laughs.yaml yaml.anchor"
    "duplicate-keys.yaml yaml.duplicate-key"
    "deep-block-sequence.yaml yaml.too-deep"
    "dash-lines.yaml syntax.unknown-document-kind"
    "long-line.yaml syntax.unknown-document-kind"
)

printf '%-26s %9s %10s %9s  %-6s %s\n' "input" "size" "wall (s)" "RSS (MB)" "budget" "codes"
over=0
for row in "${expected[@]}"; do
    name="${row%% *}"
    code="${row#* }"
    file="$work/$name"
    size=$(stat -c %s "$file")
    # Run outside any project so only the file itself is read. Exit status 1 (errors found) is expected.
    set +e
    (cd "$work" && /usr/bin/time -v "$cloudact" validate --format json "$name" >"$work/out.json" 2>"$work/time.txt")
    status=$?
    set -e
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { print $2 }' "$work/time.txt")
    # m:ss.ss or h:mm:ss → seconds
    seconds=$(awk -v t="$wall" 'BEGIN { n = split(t, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; printf "%.2f", s }')
    rss_kb=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$work/time.txt")
    rss_mb=$(awk -v k="$rss_kb" 'BEGIN { printf "%.1f", k / 1024 }')
    codes=$(grep -o '"id" : "[a-z.-]*"' "$work/out.json" | sed 's/.*: "\(.*\)"/\1/' | sort | uniq -c |
        awk '{ printf "%s%s×%s", (NR > 1 ? " " : ""), $2, $1 }')
    verdict="ok"
    if awk -v s="$seconds" -v r="$rss_mb" 'BEGIN { exit !(s >= 1.0 || r >= 100.0) }'; then verdict="OVER"; over=1; fi
    if [[ $status -ne 1 ]] || ! grep -q "\"$code\"" "$work/out.json"; then
        verdict="$verdict, expected $code (exit $status)"
    fi
    printf '%-26s %9s %10s %9s  %-6s %s\n' "$name" "$size" "$seconds" "$rss_mb" "$verdict" "$codes"
done
exit 0
