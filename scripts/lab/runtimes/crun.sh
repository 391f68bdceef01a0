#!/usr/bin/env bash
# Start and stop throwaway crun containers for audits, the crun counterpart
# of runc.sh beside it.
#
# Usage:
#   crun.sh start VARIANT NAME WORKDIR   prints the PID of the container's init
#   crun.sh stop NAME WORKDIR
#   crun.sh variants                     lists VARIANT names
#
# VARIANT is one of: default (crun's own `crun spec`, with no terminal and
# `sleep 300` as the payload). NAME must be unique on the machine (the VM is
# shared). WORKDIR becomes the OCI bundle: rootfs/, config.json, log, pid
# (the container's init), procs (that PID and its start time) and cgroups
# (the cgroup directories crun made, removed by stop if crun leaves them).
# Needs root, crun, jq, util-linux and busybox-static.
#
# crun refuses this host's hybrid cgroup layout (v1 controllers plus a
# cgroup2 at /sys/fs/cgroup/unified), so it runs in a mount namespace of its
# own where that cgroup2 is unmounted. The namespace is a slave of the
# caller's: the unmount stays in it, and crun, not this wrapper, decides the
# container's propagation.
set -euo pipefail

readonly VARIANTS=(default)
readonly UNIFIED=/sys/fs/cgroup/unified

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
readonly SCRIPT_DIR
# shellcheck source=common.sh
source "$SCRIPT_DIR/common.sh"
readonly MAKE_ROOTFS=$SCRIPT_DIR/../make-rootfs.sh

die() {
  printf 'crun.sh: %s\n' "$*" >&2
  exit 1
}

usage() {
  cat >&2 <<'EOF'
usage: crun.sh start VARIANT NAME WORKDIR
       crun.sh stop NAME WORKDIR
       crun.sh variants
EOF
  exit 64
}

# crun accepts a container ID of these characters; checking first gives a
# clearer message, and NAME also becomes a cgroup directory name.
check_name() {
  [[ $1 =~ ^[A-Za-z0-9][A-Za-z0-9_.+-]*$ ]] || die "invalid container name '$1'"
}

container_exists() {
  crun state "$1" >/dev/null 2>&1
}

# Bounded wait (5 s) for a recorded process to be gone or a zombie.
wait_gone() {
  local pid=$1 start=$2 tries
  for ((tries = 0; tries < 500; tries++)); do
    is_recorded_alive "$pid" "$start" || return 0
    sleep 0.01
  done
  echo "crun.sh: process $pid still running" >&2
  return 1
}

# crun writes the pid file once the init exists; its exec of the payload
# may still be under way. Waiting for it (2 s at most) means the caller
# audits the finished container, not one half set up.
wait_payload() {
  local pid=$1 tries comm
  for ((tries = 0; tries < 200; tries++)); do
    comm=$(cat "/proc/$pid/comm" 2>/dev/null) || return 1
    [[ $comm == sleep ]] && return 0
    sleep 0.01
  done
  return 1
}

# The cgroup directories PID is in, as absolute paths in this mount
# namespace: each line of /proc/PID/cgroup joined to the mount of its
# hierarchy (v1: a cgroup mount whose options name all its controllers;
# v2: the cgroup2 mount). Hierarchy roots are left out: never ours.
cgroup_dirs() {
  local pid=$1
  awk -v cgfile="/proc/$pid/cgroup" '
    {
      sep = 0
      for (i = 7; i <= NF; i++) if ($i == "-") { sep = i; break }
      if (!sep || $4 != "/" || $5 ~ /\\/) next
      fstype = $(sep + 1)
      if (fstype == "cgroup2") { v2 = $5; next }
      if (fstype != "cgroup") next
      n = split($(sep + 3), opts, ",")
      for (j = 1; j <= n; j++) has[$5, opts[j]] = 1
      mounts[$5] = 1
    }
    END {
      while ((getline line < cgfile) > 0) {
        split(line, f, ":")
        path = substr(line, length(f[1]) + length(f[2]) + 3)
        if (path == "/" || path == "" || path ~ /\.\./) continue
        if (f[2] == "") { if (v2 != "") print v2 path; continue }
        m = split(f[2], ctrls, ",")
        for (mp in mounts) {
          all = 1
          for (k = 1; k <= m; k++) if (!((mp, ctrls[k]) in has)) all = 0
          if (all) print mp path
        }
      }
    }' /proc/self/mountinfo
}

# runc's default spec (crun writes the same one) with the settings every
# variant shares: no terminal (there is none to give it), a payload that
# ends by itself if its owner dies, and the rootfs by absolute path.
write_config() {
  local workdir=$1
  rm -f "$workdir/config.json"
  crun spec --bundle "$workdir"
  jq --arg rootfs "$workdir/rootfs" \
    '.process.terminal = false
     | .process.args = ["sleep", "300"]
     | .root.path = $rootfs' \
    "$workdir/config.json" >"$workdir/config.json.tmp"
  mv -f "$workdir/config.json.tmp" "$workdir/config.json"
}

# Print why and crun's log, and remove what the failed run left behind.
# Only called after checking that NAME did not exist before, so it is ours
# to delete.
fail_start() {
  local name=$1 workdir=$2 why=$3
  printf 'crun.sh: %s; crun log:\n' "$why" >&2
  cat "$workdir/log" >&2 || true
  stop "$name" "$workdir" || true
  exit 1
}

# `crun run -d` in a private-to-us mount namespace without the cgroup2 at
# $UNIFIED. Its detached init inherits stdio: a pipe here would keep the
# caller's read open for the container's whole life.
run_crun() {
  local name=$1 workdir=$2
  # shellcheck disable=SC2016 # $1.. belong to the inner sh.
  unshare --mount --propagation slave sh -c '
    if mountpoint -q "$4"; then umount "$4" || exit 1; fi
    exec crun run -d --pid-file "$1" --bundle "$2" "$3"
  ' sh "$workdir/pid" "$workdir" "$name" "$UNIFIED" \
    </dev/null >"$workdir/log" 2>&1
}

start() {
  [[ $# -eq 3 ]] || usage
  local variant=$1 name=$2 workdir pid start state_pid
  is_variant "$variant" || die "unknown variant '$variant' (${VARIANTS[*]})"
  check_name "$name"
  container_exists "$name" && die "container '$name' already exists"
  workdir=$(absolute_dir "$3")

  # Nothing but the PID may reach stdout: callers read it from a pipe.
  "$MAKE_ROOTFS" "$workdir/rootfs" >&2
  write_config "$workdir" >&2
  rm -f "$workdir/pid" "$workdir/procs" "$workdir/cgroups"

  run_crun "$name" "$workdir" || fail_start "$name" "$workdir" "crun run $name failed"
  pid=$(cat "$workdir/pid" 2>/dev/null) || true
  [[ $pid =~ ^[0-9]+$ ]] || fail_start "$name" "$workdir" "crun wrote no PID"
  start=$(start_time "$pid") || fail_start "$name" "$workdir" "PID $pid is gone"
  echo "$pid $start" >"$workdir/procs"
  cgroup_dirs "$pid" >"$workdir/cgroups"

  # The pid file and crun's own state must name the same process: the
  # container's init, not crun or the unshare wrapper.
  state_pid=$(crun state "$name" 2>/dev/null | jq -r .pid) || state_pid=none
  [[ $state_pid == "$pid" ]] ||
    fail_start "$name" "$workdir" "crun state says PID $state_pid, the pid file $pid"
  wait_payload "$pid" ||
    fail_start "$name" "$workdir" "PID $pid does not run the payload"
  echo "$pid"
}

# Empty cgroup directories crun recorded at start and did not remove (it
# does on delete, but not if it died half way). rmdir never removes a
# cgroup that still has processes, so this cannot harm a live one.
remove_cgroups() {
  local list=$1 dir
  [[ -r $list ]] || return 0
  while IFS= read -r dir; do
    [[ $dir == /sys/fs/cgroup/*/* && -d $dir ]] || continue
    rmdir "$dir" 2>/dev/null || echo "crun.sh: could not remove cgroup $dir" >&2
  done < <(sort -r "$list")
}

# Tolerant of a container whose payload already exited (kill fails on a
# stopped container) and of one that was never created or already deleted.
# Kills through crun by container ID, and otherwise only the recorded PID,
# never by process name.
stop() {
  [[ $# -eq 2 ]] || usage
  local name=$1 workdir=$2 pid='' start=''
  check_name "$name"
  [[ ! -d $workdir ]] || workdir=$(cd "$workdir" && pwd -P)
  if [[ -r $workdir/procs ]]; then
    read -r pid start <"$workdir/procs" || true
  fi

  if container_exists "$name"; then
    crun kill "$name" KILL >/dev/null 2>&1 || true
    crun delete -f "$name" >/dev/null 2>&1 || true
    container_exists "$name" && die "could not delete container '$name'"
  fi
  if [[ $pid =~ ^[0-9]+$ && -n $start ]]; then
    # crun's state is gone, but its init may not be (a lost state dir).
    if is_recorded_alive "$pid" "$start"; then
      kill -KILL "$pid" 2>/dev/null || true
    fi
    wait_gone "$pid" "$start" || die "could not stop process $pid"
  fi
  remove_cgroups "$workdir/cgroups"
  rm -f "$workdir/pid" "$workdir/procs" "$workdir/cgroups"
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
