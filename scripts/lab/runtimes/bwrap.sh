#!/usr/bin/env bash
# Start and stop throwaway bubblewrap sandboxes for audits, in the style of
# runc.sh beside it.
#
# Usage:
#   bwrap.sh start VARIANT NAME WORKDIR   prints the sandbox's child-pid
#   bwrap.sh stop NAME WORKDIR
#   bwrap.sh variants                     lists VARIANT names
#
# VARIANT is one of:
#   own-root   --ro-bind WORKDIR/rootfs / --proc /proc --dev /dev --tmpfs /tmp
#   host-root  --ro-bind / / --proc /proc --dev /dev (the classic sandbox
#              over the host's own root)
# Both run with --unshare-all and `sleep 300` as the payload.
#
# NAME only labels the sandbox (bwrap has no IDs); it must be unique on the
# machine like the other runtimes' names. WORKDIR receives rootfs/ (own-root),
# status.json (bwrap's --json-status-fd), log, pid (the PID printed) and procs
# (the PIDs stop kills, with their start times). The PID printed is bwrap's
# `child-pid`: its init in the new PID namespace, in the sandbox's mount
# namespace. Needs root, bubblewrap, util-linux and busybox-static.
set -euo pipefail

readonly VARIANTS=(own-root host-root)
readonly STATUS_WAIT_TICKS=1000 # of 10 ms: 10 s for child-pid and the payload

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
readonly SCRIPT_DIR
# shellcheck source=common.sh
source "$SCRIPT_DIR/common.sh"

readonly MAKE_ROOTFS=$SCRIPT_DIR/../make-rootfs.sh

die() {
  printf 'bwrap.sh: %s\n' "$*" >&2
  exit 1
}

usage() {
  cat >&2 <<'EOF'
usage: bwrap.sh start VARIANT NAME WORKDIR
       bwrap.sh stop NAME WORKDIR
       bwrap.sh variants
EOF
  exit 64
}

# The same names the OCI runtimes accept, so one NAME serves every script.
check_name() {
  [[ $1 =~ ^[A-Za-z0-9][A-Za-z0-9_.+-]*$ ]] || die "invalid sandbox name '$1'"
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

# The mounts of each variant, after --unshare-all.
variant_args() {
  local variant=$1 workdir=$2
  case $variant in
    own-root)
      printf '%s\n' --ro-bind "$workdir/rootfs" / --proc /proc --dev /dev --tmpfs /tmp
      ;;
    host-root)
      printf '%s\n' --ro-bind / / --proc /proc --dev /dev
      ;;
    *)
      die "no bwrap arguments for variant '$variant'"
      ;;
  esac
}

# bwrap's first status line, once written whole: { "child-pid": N, ... }.
status_child_pid() {
  sed -n 's/.*"child-pid": *\([0-9][0-9]*\) *[,}].*/\1/p' "$1" 2>/dev/null | head -n 1
}

# True once the payload runs: in PID itself, or (as here, with a new PID
# namespace, where child-pid is bwrap acting as the namespace's init) in a
# child of it.
payload_running() {
  local pid=$1 child
  [[ $(cat "/proc/$pid/comm" 2>/dev/null) == sleep ]] && return 0
  while read -r child; do
    [[ -n $child && $(cat "/proc/$child/comm" 2>/dev/null) == sleep ]] && return 0
  done < <(cat /proc/"$pid"/task/*/children 2>/dev/null | tr ' ' '\n')
  return 1
}

# bwrap reports child-pid before the child has built the sandbox; the
# payload starts only after every mount is made. Wait for both, boundedly,
# so the caller audits the finished table. Prints child-pid.
wait_sandbox() {
  local launched=$1 status=$2 tries child='' state
  for ((tries = 0; tries < STATUS_WAIT_TICKS; tries++)); do
    [[ -n $child ]] || child=$(status_child_pid "$status")
    if [[ -n $child ]] && payload_running "$child"; then
      echo "$child"
      return 0
    fi
    # bwrap gone before the payload ran: a failed start, no use waiting.
    state=$(proc_state "$launched")
    [[ -n $state && $state != Z ]] || return 1
    sleep 0.01
  done
  return 1
}

# Print why and bwrap's log, and kill what the failed start left running.
fail_start() {
  local name=$1 workdir=$2 why=$3
  printf 'bwrap.sh: %s; bwrap log:\n' "$why" >&2
  cat "$workdir/log" >&2 || true
  stop "$name" "$workdir" || true
  exit 1
}

# Records "PID START" lines in the order stop kills them: the sandbox's
# init first (the kernel then kills everything in its PID namespace), then
# the outer bwrap that waits for it.
record() {
  local file=$1 pid start
  shift
  for pid in "$@"; do
    start=$(start_time "$pid") || continue
    echo "$pid $start" >>"$file"
  done
}

# True if WORKDIR records a sandbox that still runs.
recorded_running() {
  local procs=$1 pid start
  [[ -r $procs ]] || return 1
  while read -r pid start; do
    is_recorded_alive "$pid" "$start" && return 0
  done <"$procs"
  return 1
}

start() {
  [[ $# -eq 3 ]] || usage
  local variant=$1 name=$2 workdir launched child outer
  local -a args
  is_variant "$variant" || die "unknown variant '$variant' (${VARIANTS[*]})"
  check_name "$name"
  workdir=$(absolute_dir "$3")
  recorded_running "$workdir/procs" && die "a sandbox recorded in $workdir still runs"

  # Nothing but the PID may reach stdout: callers read it from a pipe.
  [[ $variant != own-root ]] || "$MAKE_ROOTFS" "$workdir/rootfs" >&2
  mapfile -t args < <(variant_args "$variant" "$workdir")
  rm -f "$workdir/pid" "$workdir/procs" "$workdir/status.json"
  echo "$name" >"$workdir/name"

  # setsid: the sandbox outlives this script and the caller's session. No
  # --die-with-parent: the parent is this script, gone in a moment. Every
  # standard stream goes to a file, or a caller reading a pipe would wait
  # for the sandbox's whole life.
  (cd / && exec setsid bwrap --json-status-fd 3 --unshare-all \
    "${args[@]}" -- /bin/sleep 300 3>"$workdir/status.json" </dev/null >"$workdir/log" 2>&1) &
  launched=$!
  record "$workdir/procs.launched" "$launched"

  child=$(wait_sandbox "$launched" "$workdir/status.json") || {
    # Kill what there is: the sandbox's init if bwrap reported one, then
    # the launched bwrap.
    child=$(status_child_pid "$workdir/status.json")
    [[ -z $child ]] || record "$workdir/procs" "$child"
    fail_start "$name" "$workdir" "bwrap exited, or ran no payload within 10 s"
  }
  # The outer bwrap is child-pid's parent (the launched PID, unless setsid
  # had to fork first).
  outer=$(awk '/^PPid:/ { print $2 }' "/proc/$child/status")
  rm -f "$workdir/procs.launched"
  record "$workdir/procs" "$child" "$outer"
  echo "$child" >"$workdir/pid"
  echo "$child"
}

# Tolerant of a sandbox that already exited and of one never started; kills
# only the recorded PIDs that are still the recorded processes, never by
# process name.
stop() {
  [[ $# -eq 2 ]] || usage
  local name=$1 workdir=$2 recorded pid start file
  check_name "$name"
  [[ ! -d $workdir ]] || workdir=$(cd "$workdir" && pwd -P)
  if [[ -r $workdir/name ]]; then
    recorded=$(<"$workdir/name")
    [[ $recorded == "$name" ]] || die "$workdir holds sandbox '$recorded', not '$name'"
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
