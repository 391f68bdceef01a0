#!/usr/bin/env bash
# The line diff of two mount tables after sorting them: the scale the issue compares
# mountaudit diff with (`diff <(sort A) <(sort B)`). Exits like diff(1).
set -euo pipefail
diff <(sort "$1") <(sort "$2") >/dev/null
