#!/usr/bin/env bash
# The slow case of issue 5: a slave mount namespace of a large peer group,
# whose mountinfo the kernel prints slowly.
#
# A stand-in host (systemd-like-host.sh: every mount shared) gets one more
# tmpfs, shared, bound PEERS times under a private directory: one peer group
# of PEERS + 1 mounts. A second namespace made inside it with
#   unshare --mount --propagation slave
# copies all of them as slaves of that group, as a container's rslave mounts
# are of its host's. For each such slave, mountinfo looks for the nearest
# peer group above it with a member the reader can see (propagate_from),
# walking every member of the group: PEERS x PEERS steps in all, while the
# host's own table, with no slaves, is as quick as any other.
#
# Usage:
#   slow-namespace.sh start WORKDIR [PEERS]   prints "SLAVE_PID HOST_PID"
#                                             (PEERS: default 1000)
#   slow-namespace.sh stop WORKDIR
#
# WORKDIR/host is the stand-in's work directory, WORKDIR/slave.pid the slave
# namespace's process. Needs root, unshare, nsenter and python3 (the binds
# are made with mount(2) from one process: mount(8) once per bind takes
# minutes for 10,000). Only the processes started here are ever stopped.
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
readonly SCRIPT_DIR
readonly STAND_IN=$SCRIPT_DIR/systemd-like-host.sh

# shellcheck source=close-inherited-fds.sh
source "$SCRIPT_DIR/close-inherited-fds.sh"

die() {
  printf 'slow-namespace.sh: %s\n' "$*" >&2
  exit 1
}

usage() {
  echo 'usage: slow-namespace.sh start WORKDIR [PEERS] | stop WORKDIR' >&2
  exit 64
}

# Run inside the stand-in: DIR (private) holds the shared tmpfs DIR/group and
# PEERS binds of it, DIR/peers/N.
readonly MAKE_PEERS='
import ctypes, os, sys
directory, peers = sys.argv[1], int(sys.argv[2])
libc = ctypes.CDLL(None, use_errno=True)
MS_BIND, MS_PRIVATE, MS_SHARED = 4096, 1 << 18, 1 << 20
def mount(source, target, kind, flags, data=None):
    if libc.mount(source.encode(), target.encode(), kind and kind.encode(), flags,
                  data and data.encode()) != 0:
        error = ctypes.get_errno()
        sys.exit("mount %s on %s: %s" % (source, target, os.strerror(error)))
mount("lab-peers", directory, "tmpfs", 0, "size=64m")
mount("none", directory, None, MS_PRIVATE)
os.mkdir(directory + "/group")
mount("lab-group", directory + "/group", "tmpfs", 0, "size=1m")
mount("none", directory + "/group", None, MS_SHARED)
os.mkdir(directory + "/peers")
for number in range(peers):
    target = "%s/peers/%d" % (directory, number)
    os.mkdir(target)
    mount(directory + "/group", target, None, MS_BIND)
'

start() {
  [[ $# -ge 1 && $# -le 2 ]] || usage
  local peers=${2:-1000} workdir host_pid pid tries
  [[ $peers =~ ^[0-9]+$ ]] || die "PEERS must be a number, not '$peers'"
  mkdir -p "$1"
  workdir=$(cd "$1" && pwd -P)
  mkdir -p "$workdir/peers"
  host_pid=$(close_inherited_fds && "$STAND_IN" start "$workdir/host")
  nsenter -t "$host_pid" -m -- python3 -c "$MAKE_PEERS" "$workdir/peers" "$peers" ||
    die "could not make $peers peers in the stand-in host (PID $host_pid)"

  # `unshare` execs `sleep`, so the PID is the sleep's, in the slave namespace.
  (close_inherited_fds && exec nsenter -t "$host_pid" -m -- \
    unshare --mount --propagation slave sleep 900 </dev/null >/dev/null 2>&1) &
  pid=$!
  echo "$pid" >"$workdir/slave.pid"
  for ((tries = 0; tries < 1000; tries++)); do
    if [[ $(cat "/proc/$pid/comm" 2>/dev/null) == sleep ]] &&
      [[ $(readlink "/proc/$pid/ns/mnt") != "$(readlink "/proc/$host_pid/ns/mnt")" ]]; then
      echo "$pid $host_pid"
      return 0
    fi
    [[ -e /proc/$pid ]] || die "the slave namespace's process (PID $pid) exited"
    sleep 0.01
  done
  die "the slave namespace's process (PID $pid) did not get its own namespace"
}

stop() {
  [[ $# -eq 1 ]] || usage
  local workdir=$1 pid
  if [[ -r $workdir/slave.pid ]]; then
    pid=$(<"$workdir/slave.pid")
    # Only the process this script started, while it is still the sleep.
    if [[ $pid =~ ^[0-9]+$ ]] && [[ $(cat "/proc/$pid/comm" 2>/dev/null) == sleep ]]; then
      kill -KILL "$pid" 2>/dev/null || true
    fi
    rm -f "$workdir/slave.pid"
  fi
  "$STAND_IN" stop "$workdir/host"
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
