#!/usr/bin/env bash
# Measures mountinfo against statmount on the slow case of issue 5: a slave
# namespace of a large peer group (scripts/lab/slow-namespace.sh), and writes
# bench/results/slow-namespace-<date>.md (also printed).
#
#   bench/slow-namespace.sh [--peers 1000,5000,10000] [--runs N]
#
# For each size: `cat` of the slave's and of the stand-in host's mountinfo
# (the kernel's own cost), and `mountaudit tree` and `mountaudit audit` of the
# slave with --source mountinfo and --source statmount, by hyperfine (N runs,
# default 5, output to a pipe). Before measuring, it checks that both sources
# give byte-identical `tree --format json` and `audit --format json` output.
# Needs root, hyperfine, python3 and a release build (built here).
set -euo pipefail

PEERS=1000,5000,10000
RUNS=5
while [ $# -gt 0 ]; do
  case "$1" in
    --peers) PEERS=$2; shift 2 ;;
    --runs) RUNS=$2; shift 2 ;;
    -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "slow-namespace.sh: unknown argument '$1' (see --help)" >&2; exit 64 ;;
  esac
done

BENCH=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$BENCH")
LAB=$ROOT/scripts/lab/slow-namespace.sh
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
RAW=$BENCH/.build/raw/slow-$STAMP
REPORT=${REPORT:-$BENCH/results/slow-namespace-$(date -u +%Y-%m-%d).md}
mkdir -p "$RAW" "$BENCH/results"
log() { printf '== %s\n' "$*" >&2; }

[ "$(id -u)" = 0 ] || { echo "slow-namespace.sh: needs root" >&2; exit 2; }
command -v hyperfine >/dev/null || { echo "slow-namespace.sh: needs hyperfine" >&2; exit 2; }
log "building mountaudit (swift build -c release)"
(cd "$ROOT" && swift build -c release >&2)
MOUNTAUDIT=$ROOT/.build/release/mountaudit

WORK=$(mktemp -d /tmp/mountaudit-slow.XXXXXX)
cleanup() { "$LAB" stop "$WORK" || true; rm -rf "$WORK"; }
trap cleanup EXIT

{
  echo "# mountinfo against statmount on a slave namespace of a large peer group, $(date -u '+%Y-%m-%d %H:%M') UTC"
  echo
  echo "Measured by \`bench/slow-namespace.sh\`: for each size, \`scripts/lab/slow-namespace.sh\`"
  echo "builds a stand-in host whose one shared tmpfs is bound PEERS times (a peer group of"
  echo "PEERS + 1 mounts) and a slave namespace inside it (\`unshare --mount --propagation slave\`);"
  echo "hyperfine runs each command $RUNS times, output to a pipe. SLAVE is the slave namespace's"
  echo "process, HOST the stand-in; the audits compare with this machine's own host, but for"
  echo "\`--host-pid HOST\`, where every slave mount has PEERS + 1 host paths. Before measuring, both sources gave byte-identical"
  echo "\`tree --format json\` and \`audit --format json\` output for SLAVE (checked by the script)."
  echo
  echo "## Machine"
  echo
  echo "| | |"
  echo "|---|---|"
  echo "| CPUs (nproc) | $(nproc) |"
  echo "| CPU model | $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1) |"
  echo "| memory | $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo) |"
  echo "| kernel | $(uname -r) |"
  echo "| mountaudit commit | $(cd "$ROOT" && git log -1 --format='%h %s' | cut -c1-90) |"
  echo "| hyperfine | $(hyperfine --version) |"
} >"$RAW/report.md"

IFS=, read -r -a SIZES <<<"$PEERS"
for peers in "${SIZES[@]}"; do
  log "building the slow namespace with $peers peers"
  read -r slave host < <("$LAB" start "$WORK" "$peers")
  mounts=$(grep -c . "/proc/$slave/mountinfo")
  # The audits take this machine's host as the reference, not the stand-in: with PEERS
  # binds of one filesystem there, working out host-side paths would dominate the audit.
  for command in tree audit; do
    "$MOUNTAUDIT" "$command" "$slave" --format json --source mountinfo \
      >"$RAW/$command-mountinfo.json" || true
    "$MOUNTAUDIT" "$command" "$slave" --format json --source statmount \
      >"$RAW/$command-statmount.json" || true
    # The slow-read note is the one difference allowed in the audit.
    if ! diff <(grep -v 'took' "$RAW/$command-mountinfo.json") \
      <(grep -v 'took' "$RAW/$command-statmount.json") >/dev/null; then
      echo "slow-namespace.sh: $command of the slave differs between the sources" >&2
      exit 1
    fi
  done
  hyperfine --runs "$RUNS" --warmup 1 --style basic -N --ignore-failure \
    --export-markdown "$RAW/$peers.md" \
    -n "cat SLAVE mountinfo" "cat /proc/$slave/mountinfo" \
    -n "cat HOST mountinfo" "cat /proc/$host/mountinfo" \
    -n "tree SLAVE (mountinfo)" "$MOUNTAUDIT tree $slave --format json --source mountinfo" \
    -n "tree SLAVE (statmount)" "$MOUNTAUDIT tree $slave --format json --source statmount" \
    -n "audit SLAVE (mountinfo)" "$MOUNTAUDIT audit $slave --format json --source mountinfo" \
    -n "audit SLAVE (statmount)" "$MOUNTAUDIT audit $slave --format json --source statmount" \
    -n "audit SLAVE --host-pid HOST (mountinfo)" \
    "$MOUNTAUDIT audit $slave --host-pid $host --format json --source mountinfo" \
    -n "audit SLAVE --host-pid HOST (statmount)" \
    "$MOUNTAUDIT audit $slave --host-pid $host --format json --source statmount" >&2
  {
    echo
    echo "## $peers peers ($mounts mounts in the slave namespace)"
    echo
    cat "$RAW/$peers.md"
  } >>"$RAW/report.md"
  "$LAB" stop "$WORK"
done

cp "$RAW/report.md" "$REPORT"
cat "$REPORT"
