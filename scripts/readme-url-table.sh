#!/usr/bin/env bash
# Rewrites the URL table in README.md from the scenes' parameter tables: runs the native
# logic test that compares them and pastes in the table it prints. Run after adding or
# changing a parameter (./scripts/test.sh builds the native preset this needs).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
cmake --build --preset native --target logic_tests >/dev/null
table=$(build/native/tests/logic_tests -tc="the README*" 2>&1 | sed -n '/replace it with:/,/^====/p' | sed '1d;$d' || true)
if [ -z "$table" ]; then echo "readme-url-table: README.md is already up to date"; exit 0; fi
TABLE="$table" python3 - <<'PY'
import os, re
path = 'README.md'
text = open(path).read()
begin = '<!-- url-table: generated from the parameter tables -->\n'
end = '<!-- /url-table -->'
a, b = text.index(begin) + len(begin), text.index(end)
open(path, 'w').write(text[:a] + os.environ['TABLE'].rstrip('\n') + '\n' + text[b:])
PY
echo "readme-url-table: README.md's URL table rewritten"
