#!/usr/bin/env bash
# Benchmarks mountaudit against the libmount floor, cat and findmnt on generated tables of a
# busy Kubernetes node, and writes bench/results/performance-<date>.md and docs/performance.md
# (the latest results followed by bench/where-the-time-goes.md; also printed).
#
#   bench/run.sh [--sizes 1000,10000,100000,300000] [--quick] [--cap SECONDS] [--seed N]
#
# --sizes  table sizes in mounts (default 1000,10000,100000,300000)
# --quick  fewer hyperfine runs (1-3 per command instead of 3-10)
# --cap    time limit of one run of any command; slower ones are reported as "over N s"
#          (default 60)
# --seed   generator seed (default 1); tables are cached in bench/.build/tables
# REPORT=FILE in the environment writes the report there instead; KEEP_DOCS=1 leaves
# docs/performance.md as it is.
#
# Needs root or the tools already installed: hyperfine, time, util-linux (findmnt),
# libmount-dev, pkg-config, make, a C compiler, python3, swift.
set -euo pipefail

SIZES=1000,10000,100000,300000
QUICK=0
CAP=60
SEED=1
while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) SIZES=$2; shift 2 ;;
    --sizes=*) SIZES=${1#*=}; shift ;;
    --quick) QUICK=1; shift ;;
    --cap) CAP=$2; shift 2 ;;
    --cap=*) CAP=${1#*=}; shift ;;
    --seed) SEED=$2; shift 2 ;;
    --seed=*) SEED=${1#*=}; shift ;;
    -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run.sh: unknown argument '$1' (see --help)" >&2; exit 64 ;;
  esac
done

BENCH=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$BENCH")
BUILD=$BENCH/.build
TABLES=$BUILD/tables
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
RAW=$BUILD/raw/$STAMP
mkdir -p "$TABLES" "$RAW" "$BENCH/results"
log() { printf '== %s\n' "$*" >&2; }

# ---- tools ------------------------------------------------------------------------------
apt_install() {
  if [ "$(id -u)" != 0 ]; then
    echo "run.sh: missing $*; install it (as root: apt-get install $*)" >&2
    exit 2
  fi
  log "installing $*"
  if [ -z "${APT_UPDATED:-}" ]; then
    apt-get -o DPkg::Lock::Timeout=900 update -q >&2 || true
    APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 install -y "$@" >&2
}
command -v hyperfine >/dev/null || apt_install hyperfine
[ -x /usr/bin/time ] || apt_install time
command -v findmnt >/dev/null || apt_install util-linux
command -v pkg-config >/dev/null || apt_install pkgconf
pkg-config --exists mount || apt_install libmount-dev
command -v make >/dev/null || apt_install make
command -v cc >/dev/null || apt_install gcc
command -v swift >/dev/null || [ ! -x /opt/swift/usr/bin/swift ] || PATH=/opt/swift/usr/bin:$PATH

# ---- builds -------------------------------------------------------------------------------
log "building mountaudit (swift build -c release)"
(cd "$ROOT" && swift build -c release >&2)
MOUNTAUDIT=$ROOT/.build/release/mountaudit
log "building the libmount floor"
make -s -C "$BENCH" >&2
FLOOR=$BUILD/libmount-floor

# ---- tables (cached per generator version, seed and size) -----------------------------------
GENERATOR=$BENCH/generate-mountinfo.py
GENHASH=$(sha256sum "$GENERATOR" | cut -c1-12)
IFS=, read -r -a SIZE_LIST <<<"$SIZES"
for n in "${SIZE_LIST[@]}"; do
  base=$TABLES/k8s-$n-s$SEED-$GENHASH
  if [ ! -s "$base.after.mountinfo" ]; then
    log "generating $n-mount tables"
    python3 "$GENERATOR" --mounts "$n" --seed "$SEED" -o "$base.mountinfo" \
      --host "$base.host.mountinfo" --after "$base.after.mountinfo"
  fi
done

# mountaudit diff may not exist yet: an unknown command is taken for a file name, and
# --help then prints the general help, so the help must also name the command.
HAVE_DIFF=0
if diff_help=$("$MOUNTAUDIT" diff --help 2>&1) && grep -q 'mountaudit diff' <<<"$diff_help"; then
  HAVE_DIFF=1
fi

if [ "$QUICK" = 1 ]; then MIN_RUNS=1 MAX_RUNS=3 BUDGET=5; else MIN_RUNS=3 MAX_RUNS=10 BUDGET=20; fi

# ---- measuring -----------------------------------------------------------------------------
META=$RAW/measurements.tsv
printf 'size\tkey\tcommand\tstatus\trss_kb\tjson\tnote\n' >"$META"
FINDMNT_TREE_OVER=""

# measure SIZE KEY COMMAND... : one capped run under /usr/bin/time (peak RSS, warm-up, cap
# check), then hyperfine with a number of runs that fits the time budget.
measure() {
  local n=$1 key=$2; shift 2
  local cmd="$*" json=$RAW/$n-$key.json timing=$RAW/$n-$key.time rc=0
  log "$n: $key: $cmd"
  /usr/bin/time -f '%e %M' -o "$timing" timeout "$CAP" "$@" >/dev/null 2>"$RAW/$n-$key.stderr" || rc=$?
  if [ "$rc" = 124 ]; then
    printf '%s\t%s\t%s\tover\t\t\tover %s s\n' "$n" "$key" "$cmd" "$CAP" >>"$META"
    return 1
  fi
  # mountaudit audit exits 1 when it has findings, diff (and diff(1)) when the tables
  # differ; anything else non-zero is a failure.
  if [ "$rc" != 0 ] && ! { [ "$rc" = 1 ] && [[ $key == audit* || $key == *diff* ]]; }; then
    printf '%s\t%s\t%s\tfailed\t\t\texit %s: %s\n' "$n" "$key" "$cmd" "$rc" \
      "$(head -c 300 "$RAW/$n-$key.stderr" | tr '\t\n' '  ')" >>"$META"
    return 0
  fi
  local secs rss runs
  read -r secs rss < <(tail -n 1 "$timing")
  runs=$(python3 -c "import sys; t=max(float(sys.argv[1]),1e-3); print(max($MIN_RUNS, min($MAX_RUNS, int($BUDGET / t))))" "$secs")
  hyperfine -N -i --output=pipe --style basic --runs "$runs" --export-json "$json" "$cmd" >&2
  printf '%s\t%s\t%s\tok\t%s\t%s\t\n' "$n" "$key" "$cmd" "$rss" "$json" >>"$META"
}

for n in "${SIZE_LIST[@]}"; do
  base=$TABLES/k8s-$n-s$SEED-$GENHASH
  T=$base.mountinfo H=$base.host.mountinfo A=$base.mountinfo B=$base.after.mountinfo
  measure "$n" cat cat "$T" || true
  measure "$n" floor "$FLOOR" "$T" || true
  measure "$n" floor-target-host "$FLOOR" "$T" "$H" || true
  measure "$n" floor-a-b "$FLOOR" "$A" "$B" || true
  measure "$n" findmnt-list findmnt -F "$T" -l || true
  if [ -n "$FINDMNT_TREE_OVER" ]; then
    printf '%s\t%s\t%s\tover\t\t\tnot run: over %s s already at %s mounts (quadratic)\n' \
      "$n" findmnt-tree "findmnt -F $T" "$CAP" "$FINDMNT_TREE_OVER" >>"$META"
  elif ! measure "$n" findmnt-tree findmnt -F "$T"; then
    FINDMNT_TREE_OVER=$n
  fi
  measure "$n" audit-json "$MOUNTAUDIT" audit "$T" --host "$H" --format json || true
  measure "$n" audit-text "$MOUNTAUDIT" audit "$T" --host "$H" || true
  measure "$n" tree-text "$MOUNTAUDIT" tree "$T" || true
  measure "$n" tree-json "$MOUNTAUDIT" tree "$T" --format json || true
  measure "$n" sort-diff "$BENCH/sort-diff.sh" "$A" "$B" || true
  if [ "$HAVE_DIFF" = 1 ]; then
    measure "$n" diff "$MOUNTAUDIT" diff "$A" "$B" || true
    measure "$n" diff-json "$MOUNTAUDIT" diff "$A" "$B" --format json || true
  else
    printf '%s\t%s\t%s\tna\t\t\tnot available (mountaudit has no diff command)\n' \
      "$n" diff "mountaudit diff A B" >>"$META"
  fi
done

# ---- report ----------------------------------------------------------------------------------
DATE=$(date -u +%Y-%m-%d)
REPORT=${REPORT:-$BENCH/results/performance-$DATE.md}
python3 "$BENCH/report.py" --meta "$META" --root "$ROOT" --cap "$CAP" --seed "$SEED" \
  --quick "$QUICK" --generator-hash "$GENHASH" --tables "$TABLES" >"$REPORT"
log "wrote ${REPORT#"$ROOT"/} (raw data in ${RAW#"$ROOT"/})"
if [ -z "${KEEP_DOCS:-}" ]; then
  { cat "$REPORT"; echo; cat "$BENCH/where-the-time-goes.md"; } >"$ROOT/docs/performance.md"
  log "wrote docs/performance.md"
fi
cat "$REPORT"
