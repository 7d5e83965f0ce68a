#!/usr/bin/env bash
# Regenerates Docs/DIAGNOSTICS.md from the diagnostic catalogue (`cloudact explain`).
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -q --product cloudact
{
    echo "# Diagnostic codes"
    echo
    echo "Every diagnostic has one of these stable codes. \`cloudact explain CODE\` prints the line for one code."
    echo "Codes never change meaning; a retired code is not reused. Regenerate with Scripts/generate-diagnostics-doc.sh."
    echo
    echo "| code | meaning |"
    echo "|---|---|"
    "$(swift build --show-bin-path)/cloudact" explain | sed -E 's/^([^:]+): (.*)$/| `\1` | \2 |/'
} > Docs/DIAGNOSTICS.md
