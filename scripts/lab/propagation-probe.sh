#!/usr/bin/env bash
# Find out by experiment whether mounts propagate between a host namespace
# and a container: mount a tmpfs with a unique source name on one side and
# look for it in the other side's mountinfo, then unmount it. The answer is
# what the kernel does, independent of how mountaudit reads the tags.
#
# Usage: propagation-probe.sh HOST_PID HOST_DIR CONTAINER_PID CONTAINER_DIR
#
# HOST_DIR is a directory in HOST_PID's namespace that the container sees at
# CONTAINER_DIR. Prints two lines:
#   host-to-container yes|no
#   container-to-host yes|no
# Mounts only inside HOST_PID's and CONTAINER_PID's namespaces: give it a
# stand-in host (systemd-like-host.sh), never the real one.
set -euo pipefail

die() {
  printf 'propagation-probe.sh: %s\n' "$*" >&2
  exit 1
}

[[ $# -eq 4 ]] || {
  echo 'usage: propagation-probe.sh HOST_PID HOST_DIR CONTAINER_PID CONTAINER_DIR' >&2
  exit 64
}
readonly HOST_PID=$1 HOST_DIR=$2 CONTAINER_PID=$3 CONTAINER_DIR=$4

[[ $(readlink "/proc/$HOST_PID/ns/mnt") != "$(readlink /proc/1/ns/mnt 2>/dev/null || true)" ]] ||
  die "PID $HOST_PID is in the real host's namespace; probe a stand-in"
[[ $(readlink "/proc/$HOST_PID/ns/mnt") != "$(readlink /proc/self/ns/mnt)" ]] ||
  die "PID $HOST_PID is in this shell's namespace; probe a stand-in"

# Whether a mount with SOURCE appears in PID's table.
appears_in() {
  local source=$1 pid=$2
  awk -v source="$source" '{ for (i = 7; i < NF; i++) if ($i == "-" && $(i + 2) == source) found = 1 }
    END { exit !found }' "/proc/$pid/mountinfo"
}

# Mount a tmpfs in FROM's namespace at DIR, report whether TO sees it, and
# unmount it (the propagated copies go with it). The container's own
# `mount` binary (busybox) runs inside its root; nsenter changes nothing else.
probe() {
  local from=$1 dir=$2 to=$3 source
  source=mountaudit-probe-$$-$RANDOM
  nsenter -t "$from" -m -- mount -t tmpfs -o size=16k "$source" "$dir" ||
    die "could not mount the probe at $dir in PID $from's namespace"
  if appears_in "$source" "$to"; then echo yes; else echo no; fi
  nsenter -t "$from" -m -- umount "$dir" || die "could not unmount the probe at $dir"
}

echo "host-to-container $(probe "$HOST_PID" "$HOST_DIR" "$CONTAINER_PID")"
echo "container-to-host $(probe "$CONTAINER_PID" "$CONTAINER_DIR" "$HOST_PID")"
