#!/usr/bin/env bash
# A stand-in for a systemd host: a mount namespace whose mounts are all
# shared, as systemd makes them at boot. This machine's real host has no
# shared mounts, so propagation between a container and its host can only be
# seen against such a stand-in. Runtimes run inside it with
#   nsenter -t PID -m -- /absolute/command ...
# and the audit takes PID as its host (`--host-pid PID`). The real host's
# namespace is never changed.
#
# Like a data disk on such a host, WORKDIR/data is a tmpfs of its own inside
# the stand-in (shared, as everything there): a volume that Docker would make
# `rshared` lives on a mount like this one.
#
# Usage:
#   systemd-like-host.sh start WORKDIR   prints the stand-in's PID
#   systemd-like-host.sh stop WORKDIR
set -euo pipefail

die() {
  printf 'systemd-like-host.sh: %s\n' "$*" >&2
  exit 1
}

usage() {
  echo 'usage: systemd-like-host.sh start WORKDIR | stop WORKDIR' >&2
  exit 64
}

# `unshare` and `sh` exec `sleep` in the new namespace, so its PID is the sleep's.
# The sleep ends by itself should whoever started it die without stopping it.
start() {
  [[ $# -eq 1 ]] || usage
  mkdir -p "$1"
  local workdir pid
  workdir=$(cd "$1" && pwd -P)
  mkdir -p "$workdir/data"
  # shellcheck disable=SC2016 # $1 belongs to the inner shell.
  unshare --mount --propagation shared \
    sh -c 'mount -t tmpfs -o size=1m lab-data "$1" && exec sleep 900' sh "$workdir/data" \
    </dev/null >/dev/null 2>&1 &
  pid=$!
  echo "$pid" >"$workdir/host.pid"
  wait_for_namespace "$pid" "$workdir/data"
  echo "$pid"
}

# Ready once the process sleeps in a namespace of its own with the data mount.
wait_for_namespace() {
  local pid=$1 data=$2 tries
  for ((tries = 0; tries < 500; tries++)); do
    if [[ $(readlink "/proc/$pid/ns/mnt" 2>/dev/null) != "$(readlink /proc/self/ns/mnt)" ]] &&
      [[ $(cat "/proc/$pid/comm" 2>/dev/null) == sleep ]] &&
      awk -v data="$data" '$5 == data { found = 1 } END { exit !found }' "/proc/$pid/mountinfo"; then
      return 0
    fi
    [[ -e /proc/$pid ]] || die "the stand-in host (PID $pid) exited"
    sleep 0.01
  done
  die "the stand-in host (PID $pid) did not get its own namespace"
}

stop() {
  [[ $# -eq 1 ]] || usage
  local file=$1/host.pid pid
  [[ -r $file ]] || return 0
  pid=$(<"$file")
  # Only the process this script started, while it is still the sleep; the
  # namespace and its data mount go with it.
  if [[ $pid =~ ^[0-9]+$ ]] && [[ $(cat "/proc/$pid/comm" 2>/dev/null) == sleep ]]; then
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$file"
}

main() {
  [[ $# -ge 1 ]] || usage
  local command=$1
  shift
  case $command in
    start) start "$@" ;;
    stop) stop "$@" ;;
    *) usage ;;
  esac
}

main "$@"
