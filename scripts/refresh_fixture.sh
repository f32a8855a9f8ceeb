#!/usr/bin/env bash
# Rewrite a fixture's expected.txt and expected.md from today's output: review the diff after!
# Usage: scripts/refresh_fixture.sh AL112-format-drift
set -euo pipefail
cd "$(dirname "$0")/../tests/fixtures/$1"
code=${1%%-*}
extra=()
[ -f args.txt ] && mapfile -t extra < args.txt
lint=(python -m awesome_lint --no-color --select "$code" "${extra[@]}" --output-format concise)
"${lint[@]}" input.md > expected.txt || [ $? -eq 1 ]
cp input.md expected.md
"${lint[@]}" --fix --unsafe-fixes expected.md > /dev/null || [ $? -eq 1 ]
