#!/usr/bin/env bash
# Builds the libFuzzer target (fuzz/FuzzEntry.swift compiled into one module with the
# library's sources, with address sanitizer) and runs it for a fixed time.
#
#   fuzz/run.sh [SECONDS]     (default 600)
#
# Seed corpus: every mountinfo fixture and field case (copied into .build/fuzz/corpus,
# which grows with what libFuzzer finds). Crashing, leaking or hanging inputs are kept
# in fuzz/crashes/ (committed with their fix and a regression test). The last lines of
# libFuzzer's output (executions, coverage) are printed at the end.
set -euo pipefail

SECONDS_TO_RUN=${1:-600}
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=$ROOT/.build/fuzz
mkdir -p "$BUILD/corpus" "$ROOT/fuzz/crashes"

echo "fuzz/run.sh: building $BUILD/mountaudit-fuzz" >&2
# CStatmount is C code of its own: compiled with the toolchain's clang, and given the
# module map SwiftPM would have written for its include/ folder.
printf 'module CStatmount {\n  header "%s"\n  export *\n}\n' \
  "$ROOT/Sources/CStatmount/include/CStatmount.h" >"$BUILD/CStatmount.modulemap"
clang -c -O1 -fsanitize=fuzzer-no-link,address -I "$ROOT/Sources/CStatmount/include" \
  "$ROOT/Sources/CStatmount/statmount.c" -o "$BUILD/statmount.o"
(cd "$ROOT" && swiftc -sanitize=fuzzer,address -parse-as-library -O -module-name MountAudit \
  -Xcc -fmodule-map-file=Sources/CLibmount/module.modulemap \
  -Xcc -fmodule-map-file=Sources/CProcessHandle/module.modulemap \
  -Xcc -fmodule-map-file="$BUILD/CStatmount.modulemap" \
  $(find Sources/MountAudit -name '*.swift' | sort) fuzz/FuzzEntry.swift \
  "$BUILD/statmount.o" -lmount -o "$BUILD/mountaudit-fuzz")

# Seeds, named by their path so that files with one name do not overwrite each other.
while IFS= read -r -d '' file; do
  name=${file#"$ROOT"/}
  cp "$file" "$BUILD/corpus/seed-${name//\//_}"
done < <(find "$ROOT/fixtures" "$ROOT/fuzz/crashes" -type f \
  \( -name '*.mountinfo' -o -name 'crash-*' -o -name 'timeout-*' -o -name 'leak-*' \) \
  -size -512k -print0)
# Policy files seed the policy parser's path.
for file in "$ROOT"/fixtures/policy/*.json "$ROOT"/docs/examples/*.json; do
  [[ -f $file ]] && cp "$file" "$BUILD/corpus/seed-policy-$(basename "$file")"
done
[[ ! -d $ROOT/../shared/field-cases ]] ||
  find "$ROOT/../shared/field-cases" -name '*.mountinfo' -exec sh -c \
    'for f; do cp "$f" "$0/seed-shared-$(echo "$f" | tr / _)"; done' "$BUILD/corpus" {} +

echo "fuzz/run.sh: fuzzing for $SECONDS_TO_RUN s" >&2
cd "$BUILD"
./mountaudit-fuzz -max_total_time="$SECONDS_TO_RUN" -max_len=131072 -timeout=20 \
  -rss_limit_mb=4096 -print_final_stats=1 -artifact_prefix="$ROOT/fuzz/crashes/" corpus \
  2>"$BUILD/fuzz.log" || status=$?
tail -n 25 "$BUILD/fuzz.log"
exit "${status:-0}"
