#!/usr/bin/env bash
# Audit two throwaway runc containers with a built mountaudit: runc's
# default container and a leaky one with a socket bound at
# /var/run/docker.sock. README's first command runs this after building.
#
# Usage: demo.sh [MOUNTAUDIT]     (as root; default .build/release/mountaudit
#                                  in the repository)
#
# Exits 0 when every audit ran (mountaudit exit code 0 or 1: the leaky
# container is meant to fail its audit), 1 otherwise. The containers and
# their bundles are removed on every exit path.
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
readonly SCRIPT_DIR
readonly REPO_DIR=${SCRIPT_DIR%/scripts}
readonly CONTAINER=$SCRIPT_DIR/lab/runtimes/runc.sh

# The containers this run started, as NAME:WORKDIR, for cleanup.
started=()
work_root=''
container_pid=''
failures=0

die() {
  printf 'demo.sh: %s\n' "$*" >&2
  exit 1
}

check_prerequisites() {
  [[ $EUID -eq 0 ]] || die "must run as root (runc needs it): sudo $0 $*"
  local tool
  for tool in runc jq perl; do
    command -v "$tool" >/dev/null || die "$tool not found (apt-get install runc jq)"
  done
  [[ -x /bin/busybox ]] || die "/bin/busybox not found (apt-get install busybox-static)"
}

cleanup() {
  local entry
  for entry in "${started[@]}"; do
    "$CONTAINER" stop "${entry%%:*}" "${entry#*:}" || true
  done
  remove_work_root
}

# rm -rf would descend into anything mounted below the bundles; runc's
# mounts live in the containers' namespaces, so normally nothing is.
remove_work_root() {
  [[ -n $work_root && -d $work_root ]] || return 0
  if awk -v root="$work_root/" 'index($5, root) == 1 { found = 1 } END { exit !found }' \
    /proc/self/mountinfo; then
    echo "demo.sh: something is mounted below $work_root; leaving it in place" >&2
    return 0
  fi
  rm -rf "$work_root"
}

# Start VARIANT and set container_pid. Not run in a subshell, so that
# `started` reaches the EXIT trap. The PID of this shell keeps names unique
# when several demos share the machine.
start_container() {
  local variant=$1 name workdir
  name=mountaudit-demo-$$-$variant
  workdir=$work_root/$variant
  started+=("$name:$workdir")
  container_pid=$("$CONTAINER" start "$variant" "$name" "$workdir")
}

# Run one audit, print it under a header and record whether it ran:
# 0 and 1 are verdicts, anything else (2 cannot run, 64 usage) a failure.
audit() {
  local title=$1
  shift
  local status=0
  printf '\n==> %s\n$ mountaudit %s\n' "$title" "$*"
  "$MOUNTAUDIT" "$@" || status=$?
  printf '(exit code %d)\n' "$status"
  if [[ $status -ne 0 && $status -ne 1 ]]; then
    failures=$((failures + 1))
  fi
}

main() {
  [[ $# -le 1 ]] || die "usage: demo.sh [MOUNTAUDIT]"
  MOUNTAUDIT=${1:-$REPO_DIR/.build/release/mountaudit}
  [[ -x $MOUNTAUDIT ]] || die "no mountaudit binary at $MOUNTAUDIT (swift build -c release)"
  check_prerequisites "$@"

  trap cleanup EXIT
  # Turn signals into a normal exit so the EXIT trap runs once.
  trap 'exit 130' INT
  trap 'exit 143' TERM
  work_root=$(mktemp -d /tmp/mountaudit-demo.XXXXXX)

  local default_pid leaky_pid
  start_container default
  default_pid=$container_pid
  start_container docker-sock
  leaky_pid=$container_pid

  audit "runc's default container (PID $default_pid)" "$default_pid"
  audit "runc's default container, JSON" "$default_pid" --format json
  audit "a container with /var/run/docker.sock bound in (PID $leaky_pid)" "$leaky_pid"
  audit "the same leaky container, JSON" "$leaky_pid" --format json

  if [[ $failures -gt 0 ]]; then
    echo "demo.sh: $failures audit(s) could not run" >&2
    exit 1
  fi
}

main "$@"
