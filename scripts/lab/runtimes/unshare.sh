#!/usr/bin/env bash
# Start and stop a process in namespaces made by util-linux unshare, the
# canonical "not a container" for audits, in the style of
# runc.sh beside it.
#
# Usage:
#   unshare.sh start VARIANT NAME WORKDIR   prints the PID of unshare's child
#   unshare.sh stop NAME WORKDIR
#   unshare.sh variants                     lists VARIANT names
#
# VARIANT is one of:
#   default  setsid unshare --mount --pid --fork --mount-proc sleep 300: a
#            private copy of the caller's mount table with a fresh /proc on
#            top, and `sleep 300` as PID 1 of a new PID namespace.
#   propagation-unchanged
#            unshare --mount --propagation unchanged --fork sleep 300: a copy
#            of the caller's table that keeps its propagation (on a systemd
#            host every mount stays a peer of the host's) and the host's /proc.
#
# NAME only labels the run (unshare has no IDs); it must be unique on the
# machine like the other runtimes' names. WORKDIR receives log, pid (the PID
# printed) and procs (the PIDs stop kills, with their start times). Needs
# root and util-linux.
set -euo pipefail

readonly VARIANTS=(default propagation-unchanged)
readonly CHILD_WAIT_TICKS=1000 # of 10 ms: 10 s for the child to run sleep
SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
readonly SCRIPT_DIR
# shellcheck source=common.sh
source "$SCRIPT_DIR/common.sh"

die() {
  printf 'unshare.sh: %s\n' "$*" >&2
  exit 1
}

usage() {
  cat >&2 <<'EOF'
usage: unshare.sh start VARIANT NAME WORKDIR
       unshare.sh stop NAME WORKDIR
       unshare.sh variants
EOF
  exit 64
}

# The same names the OCI runtimes accept, so one NAME serves every script.
check_name() {
  [[ $1 =~ ^[A-Za-z0-9][A-Za-z0-9_.+-]*$ ]] || die "invalid name '$1'"
}

# Bounded wait (5 s) for a recorded process to be gone or a zombie.
wait_gone() {
  local pid=$1 start=$2 tries
  for ((tries = 0; tries < 500; tries++)); do
    is_recorded_alive "$pid" "$start" || return 0
    sleep 0.01
  done
  return 1
}

# Kill one recorded process, only if it is still the one recorded.
kill_recorded() {
  local pid=$1 start=$2
  if is_recorded_alive "$pid" "$start"; then
    kill -KILL "$pid" 2>/dev/null || true
  fi
  wait_gone "$pid" "$start" || die "process $pid still running after SIGKILL"
}

# Records "PID START" lines in the order stop kills them.
record() {
  local file=$1 pid start
  shift
  for pid in "$@"; do
    start=$(start_time "$pid") || continue
    echo "$pid $start" >>"$file"
  done
}

# True if WORKDIR records a run that still goes on.
recorded_running() {
  local procs=$1 pid start
  [[ -r $procs ]] || return 1
  while read -r pid start; do
    is_recorded_alive "$pid" "$start" && return 0
  done <"$procs"
  return 1
}

# unshare's child, once it runs sleep: before its exec it is still unshare,
# and may not have mounted the new /proc yet. A bounded wait, so the
# caller audits the finished table; prints the child's PID.
wait_child() {
  local parent=$1 tries child state
  for ((tries = 0; tries < CHILD_WAIT_TICKS; tries++)); do
    while read -r child; do
      [[ -n $child && $(cat "/proc/$child/comm" 2>/dev/null) == sleep ]] || continue
      echo "$child"
      return 0
    done < <(cat /proc/"$parent"/task/*/children 2>/dev/null | tr ' ' '\n')
    # unshare gone before its child ran sleep: a failed start.
    state=$(proc_state "$parent")
    [[ -n $state && $state != Z ]] || return 1
    sleep 0.01
  done
  return 1
}

# Print why and unshare's log, and kill what the failed start left running.
fail_start() {
  local name=$1 workdir=$2 why=$3
  printf 'unshare.sh: %s; log:\n' "$why" >&2
  cat "$workdir/log" >&2 || true
  stop "$name" "$workdir" || true
  exit 1
}

start() {
  [[ $# -eq 3 ]] || usage
  local variant=$1 name=$2 workdir launched child child_start
  is_variant "$variant" || die "unknown variant '$variant' (${VARIANTS[*]})"
  check_name "$name"
  workdir=$(absolute_dir "$3")
  recorded_running "$workdir/procs" && die "a run recorded in $workdir still goes on"
  rm -f "$workdir/pid" "$workdir/procs" "$workdir/procs.launched"
  echo "$name" >"$workdir/name"

  # setsid: the run outlives this script and the caller's session. Every
  # standard stream goes to a file, or a caller reading a pipe would wait
  # for the whole run.
  local options=(--mount --pid --fork --mount-proc)
  [[ $variant != propagation-unchanged ]] || options=(--mount --propagation unchanged --fork)
  (cd / && exec setsid unshare "${options[@]}" sleep 300 \
    </dev/null >"$workdir/log" 2>&1) &
  launched=$!
  record "$workdir/procs.launched" "$launched"

  child=$(wait_child "$launched") ||
    fail_start "$name" "$workdir" "unshare exited, or its child ran no sleep within 10 s"
  child_start=$(start_time "$child") ||
    fail_start "$name" "$workdir" "unshare's child $child is gone"
  # The child first: it is PID 1 of the new PID namespace, so the kernel
  # kills the whole namespace with it. unshare then exits by itself.
  {
    echo "$child $child_start"
    cat "$workdir/procs.launched"
  } >"$workdir/procs"
  rm -f "$workdir/procs.launched"
  echo "$child" >"$workdir/pid"
  echo "$child"
}

# Tolerant of a run that already ended and of one never started; kills
# only the recorded PIDs that are still the recorded processes, never by
# process name.
stop() {
  [[ $# -eq 2 ]] || usage
  local name=$1 workdir=$2 recorded pid start file
  check_name "$name"
  [[ ! -d $workdir ]] || workdir=$(cd "$workdir" && pwd -P)
  if [[ -r $workdir/name ]]; then
    recorded=$(<"$workdir/name")
    [[ $recorded == "$name" ]] || die "$workdir holds run '$recorded', not '$name'"
  fi

  for file in "$workdir/procs" "$workdir/procs.launched"; do
    [[ -r $file ]] || continue
    while read -r pid start; do
      [[ $pid =~ ^[0-9]+$ && $start =~ ^[0-9]+$ ]] || continue
      kill_recorded "$pid" "$start"
    done <"$file"
  done
  rm -f "$workdir/pid" "$workdir/procs" "$workdir/procs.launched" "$workdir/name"
}

main() {
  [[ $# -ge 1 ]] || usage
  local command=$1
  shift
  case $command in
    start) start "$@" ;;
    stop) stop "$@" ;;
    variants) printf '%s\n' "${VARIANTS[@]}" ;;
    *) usage ;;
  esac
}

main "$@"
