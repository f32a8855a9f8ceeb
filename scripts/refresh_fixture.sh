#!/usr/bin/env bash
# Rewrite a fixture's expected.txt and expected.md from today's output: review the diff after!
# Usage: scripts/refresh_fixture.sh AL112-format-drift
set -euo pipefail
cd "$(dirname "$0")/../tests/fixtures/$1"
code=${1%%-*}
extra=()
[ -f args.txt ] && mapfile -t extra < args.txt
target=input.md
[ -f target.txt ] && target=$(tr -d '[:space:]' < target.txt)
lint=(python -m awesome_lint --no-color --select "$code" "${extra[@]}" --output-format concise)
"${lint[@]}" "$target" > expected.txt || [ $? -eq 1 ]
if [ "$target" = input.md ]; then
  cp input.md expected.md
  "${lint[@]}" --fix --unsafe-fixes expected.md > /dev/null || [ $? -eq 1 ]
else  # fixed in a copy of the folder: the file's name (and its siblings) matter
  work=$(mktemp -d)
  cp -- * "$work"/
  (cd "$work" && "${lint[@]}" --fix --unsafe-fixes "$target" > /dev/null) || [ $? -eq 1 ]
  cp "$work/$target" expected.md
  rm -r "$work"
fi
