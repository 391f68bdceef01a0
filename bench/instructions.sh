#!/usr/bin/env bash
# Counts the instructions each benchmarked command executes, with valgrind's callgrind, and
# writes bench/results/instructions-<date>.md (also printed). Unlike wall time, the counts
# repeat exactly for the same binary and tables whatever else the machine is doing, so they
# show what a change did; the ratios to the libmount floor are the same claims run.sh times.
#
#   bench/instructions.sh [--size N] [--seed N]
#
# --size  table size in mounts (default 10000; callgrind runs about 50 times slower)
# --seed  generator seed (default 1); tables are shared with run.sh in bench/.build/tables
#
# Needs valgrind (installed from apt when run as root) and what run.sh needs to build.
set -euo pipefail

SIZE=10000
SEED=1
while [ $# -gt 0 ]; do
  case "$1" in
    --size) SIZE=$2; shift 2 ;;
    --size=*) SIZE=${1#*=}; shift ;;
    --seed) SEED=$2; shift 2 ;;
    --seed=*) SEED=${1#*=}; shift ;;
    -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "instructions.sh: unknown argument '$1' (see --help)" >&2; exit 64 ;;
  esac
done

BENCH=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$BENCH")
TABLES=$BENCH/.build/tables
mkdir -p "$TABLES" "$BENCH/results"
log() { printf '== %s\n' "$*" >&2; }

if ! command -v valgrind >/dev/null; then
  [ "$(id -u)" = 0 ] || { echo "instructions.sh: install valgrind" >&2; exit 2; }
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 install -y valgrind >&2
fi
command -v swift >/dev/null || [ ! -x /opt/swift/usr/bin/swift ] || PATH=/opt/swift/usr/bin:$PATH

log "building mountaudit (swift build -c release) and the libmount floor"
(cd "$ROOT" && swift build -c release >&2)
make -s -C "$BENCH" >&2
MOUNTAUDIT=$ROOT/.build/release/mountaudit
FLOOR=$BENCH/.build/libmount-floor

GENHASH=$(sha256sum "$BENCH/generate-mountinfo.py" | cut -c1-12)
BASE=$TABLES/k8s-$SIZE-s$SEED-$GENHASH
if [ ! -s "$BASE.mountinfo" ]; then
  log "generating $SIZE-mount tables"
  python3 "$BENCH/generate-mountinfo.py" --mounts "$SIZE" --seed "$SEED" -o "$BASE.mountinfo" \
    --host "$BASE.host.mountinfo" --after "$BASE.after.mountinfo" >&2
fi
T=$BASE.mountinfo H=$BASE.host.mountinfo B=$BASE.after.mountinfo

# Instructions of one command, its output thrown away (an audit with findings exits 1).
count() {
  { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null || true; } \
    | sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}

declare -A IR
run() { local name=$1; shift; log "$name"; IR[$name]=$(count "$@"); }
run floor-T "$FLOOR" "$T"
run floor-TH "$FLOOR" "$T" "$H"
run floor-AB "$FLOOR" "$T" "$B"
run tree "$MOUNTAUDIT" tree "$T"
run tree-json "$MOUNTAUDIT" tree "$T" --format json
run audit "$MOUNTAUDIT" audit "$T" --host "$H"
run audit-json "$MOUNTAUDIT" audit "$T" --host "$H" --format json
run diff "$MOUNTAUDIT" diff "$T" "$B"
run diff-json "$MOUNTAUDIT" diff "$T" "$B" --format json

ratio() { python3 -c "print(f'{$1 / $2:.2f}')"; }
millions() { python3 -c "print(f'{$1 / 1e6:,.0f} M')"; }
REPORT=$BENCH/results/instructions-$(date -u +%Y-%m-%d).md
{
  echo "# mountaudit instruction counts, $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  echo "Measured by \`bench/instructions.sh --size $SIZE --seed $SEED\`: instructions executed"
  echo "(valgrind callgrind) by each command on the $SIZE-mount tables of \`run.sh\`, output"
  echo "thrown away. mountaudit commit $(git -C "$ROOT" rev-parse --short HEAD)."
  echo
  echo "| command | instructions | / floor |"
  echo "|---|---:|---:|"
  for row in "floor-T:libmount floor, TARGET:floor-T" "floor-TH:libmount floor, TARGET + HOST:floor-TH" \
    "floor-AB:libmount floor, A + B:floor-AB" "tree:\`tree TARGET\`:floor-T" \
    "tree-json:\`tree TARGET --format json\`:floor-T" "audit:\`audit TARGET --host HOST\`:floor-TH" \
    "audit-json:\`audit TARGET --host HOST --format json\`:floor-TH" "diff:\`diff A B\`:floor-AB" \
    "diff-json:\`diff A B --format json\`:floor-AB"; do
    IFS=: read -r key label floor <<<"$row"
    echo "| $label | $(millions "${IR[$key]}") | $(ratio "${IR[$key]}" "${IR[$floor]}") |"
  done
} >"$REPORT"
cat "$REPORT"
log "wrote $REPORT"
