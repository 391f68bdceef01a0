#!/usr/bin/env bash
# Start and stop the containers of the runtime verdict matrix
# (fixtures/runtimes/verdicts.json): each case names a runtime, one of its
# variants and the host it runs on, either this machine's real namespace or a
# stand-in systemd-like host (systemd-like-host.sh).
#
# Usage:
#   lab.sh start CASE WORKDIR   prints "PID HOST_PID": the PID to audit and the
#                               host reference to audit it against (`-` for
#                               the real host, whose default mountaudit takes)
#   lab.sh stop CASE WORKDIR
#   lab.sh cases                lists the case IDs
#
# WORKDIR/container is the runtime's work directory (its bundle) and
# WORKDIR/host the stand-in's. LAB_NAME, when set, is the container's name
# (it appears in cgroup paths). Needs root, jq and the case's runtime.
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
readonly SCRIPT_DIR
readonly VERDICTS=${SCRIPT_DIR%/scripts/lab}/fixtures/runtimes/verdicts.json
readonly STAND_IN=$SCRIPT_DIR/systemd-like-host.sh

# shellcheck source=close-inherited-fds.sh
source "$SCRIPT_DIR/close-inherited-fds.sh"

die() {
  printf 'lab.sh: %s\n' "$*" >&2
  exit 1
}

usage() {
  echo 'usage: lab.sh start CASE WORKDIR | stop CASE WORKDIR | cases' >&2
  exit 64
}

# The case's FIELD from the matrix, or a clear error for an unknown case.
case_field() {
  local id=$1 field=$2 value
  value=$(jq -er --arg id "$id" --arg field "$field" \
    '.cases[] | select(.id == $id) | .[$field]' "$VERDICTS") ||
    die "no case '$id' with a $field in $VERDICTS"
  printf '%s\n' "$value"
}

runtime_script() {
  local runtime script
  runtime=$(case_field "$1" runtime)
  script=$SCRIPT_DIR/runtimes/$runtime.sh
  [[ -x $script ]] || die "no runtime script $script"
  printf '%s\n' "$script"
}

absolute_dir() {
  mkdir -p "$1"
  (cd "$1" && pwd -P)
}

start() {
  [[ $# -eq 2 ]] || usage
  local id=$1 workdir script variant host name pid host_pid=-
  workdir=$(absolute_dir "$2")
  script=$(runtime_script "$id")
  variant=$(case_field "$id" variant)
  host=$(case_field "$id" host)
  # Unique on the shared machine unless the caller fixes it (LAB_NAME, for
  # reproducible captures); stop reads it back.
  name=${LAB_NAME:-mountaudit-$id-$$-$RANDOM}
  echo "$name" >"$workdir/name"

  # What the runtimes leave running (sandboxes, conmon, the stand-in) must
  # not hold this script's caller's files open.
  case $host in
    real)
      pid=$(close_inherited_fds && "$script" start "$variant" "$name" "$workdir/container")
      ;;
    systemd-like)
      host_pid=$(close_inherited_fds && "$STAND_IN" start "$workdir/host")
      pid=$(close_inherited_fds && LAB_VOLUME_SOURCE=$workdir/host/data \
        nsenter -t "$host_pid" -m -- "$script" start "$variant" "$name" "$workdir/container")
      ;;
    *) die "case '$id' has unknown host '$host' (real, systemd-like)" ;;
  esac
  echo "$pid $host_pid"
}

# Stops the container from inside the stand-in while it lives (the runtime
# may need to see the mounts it made there), then the stand-in.
stop() {
  [[ $# -eq 2 ]] || usage
  local id=$1 workdir=$2 script name host_pid=''
  [[ -r $workdir/name ]] || return 0
  workdir=$(cd "$workdir" && pwd -P)
  script=$(runtime_script "$id")
  name=$(<"$workdir/name")
  [[ ! -r $workdir/host/host.pid ]] || host_pid=$(<"$workdir/host/host.pid")
  if [[ -n $host_pid && -e /proc/$host_pid ]]; then
    nsenter -t "$host_pid" -m -- "$script" stop "$name" "$workdir/container" ||
      "$script" stop "$name" "$workdir/container"
  else
    "$script" stop "$name" "$workdir/container"
  fi
  "$STAND_IN" stop "$workdir/host"
  rm -f "$workdir/name"
}

main() {
  [[ $# -ge 1 ]] || usage
  local command=$1
  shift
  case $command in
    start) start "$@" ;;
    stop) stop "$@" ;;
    cases) jq -r '.cases[].id' "$VERDICTS" ;;
    *) usage ;;
  esac
}

main "$@"
