#!/usr/bin/env bash
# Start and stop throwaway runc containers whose mount tables show one
# configuration each. Shared by the integration tests, the README demo and
# the fixture capture, so all three audit the same containers.
#
# Usage:
#   runc.sh start VARIANT NAME WORKDIR   prints the container's PID
#   runc.sh stop NAME WORKDIR
#   runc.sh variants                     lists VARIANT names
#
# VARIANT is one of the names `variants` prints; variant_filter says what
# each changes in runc's default spec. NAME must be unique on the machine
# (the VM is shared). WORKDIR becomes the OCI bundle: rootfs/, config.json,
# pid, log and the variant's host-side files (run/docker.sock, volume/,
# odd/). Needs root, runc, jq, perl and busybox-static.
set -euo pipefail

readonly VARIANTS=(default docker-sock host-root host-proc privileged
  rootfs-shared rootfs-rslave rootfs-private rshared-volume docker-rshared-volume odd-paths)

# Host-side directories whose names hold the characters the kernel escapes
# in mountinfo (space, tab, newline, backslash), bound at the same names.
readonly ODD_NAMES=($'with space' $'with\ttab' $'with\nnewline' 'with\backslash')

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
readonly SCRIPT_DIR
# shellcheck source=common.sh
source "$SCRIPT_DIR/common.sh"

die() {
  printf 'runc.sh: %s\n' "$*" >&2
  exit 1
}

usage() {
  cat >&2 <<'EOF'
usage: runc.sh start VARIANT NAME WORKDIR
       runc.sh stop NAME WORKDIR
       runc.sh variants
EOF
  exit 64
}

# runc accepts only these characters in a container ID; checking first
# gives a clearer message than runc's.
check_name() {
  [[ $1 =~ ^[A-Za-z0-9][A-Za-z0-9_.+-]*$ ]] || die "invalid container name '$1'"
}

container_exists() {
  runc state "$1" >/dev/null 2>&1
}

# A socket file bound to nothing: enough for a mount table to show a
# runtime socket leak. perl-base is essential on Debian; python may not be.
make_socket() {
  local path=$1
  mkdir -p "$(dirname "$path")"
  rm -f "$path"
  perl -MSocket -e '
    socket(my $s, PF_UNIX, SOCK_STREAM, 0) or die "socket: $!\n";
    bind($s, pack_sockaddr_un($ARGV[0])) or die "bind $ARGV[0]: $!\n";
  ' "$path"
}

# The host-side files and directories VARIANT binds into the container.
make_host_side() {
  local variant=$1 workdir=$2 name
  case $variant in
    docker-sock) make_socket "$workdir/run/docker.sock" ;;
    *volume) mkdir -p "${LAB_VOLUME_SOURCE:-$workdir/volume}" ;;
    odd-paths)
      for name in "${ODD_NAMES[@]}"; do
        mkdir -p "$workdir/odd/$name"
      done
      ;;
  esac
}

# The jq program that turns runc's default spec into VARIANT's. Each one
# changes only what the variant is about, so the fixtures differ from the
# default table in exactly that respect.
variant_filter() {
  case $1 in
    default)
      echo '.'
      ;;
    docker-sock)
      # shellcheck disable=SC2016 # $socket is a jq variable, not a shell one.
      echo '.mounts += [{"destination": "/var/run/docker.sock", "type": "bind",
        "source": $socket, "options": ["bind", "rw"]}]'
      ;;
    host-root)
      echo '.mounts += [{"destination": "/host", "type": "bind",
        "source": "/", "options": ["rbind", "rw"]}]'
      ;;
    host-proc)
      echo '.mounts |= map(if .destination == "/proc"
        then {"destination": "/proc", "type": "bind", "source": "/proc",
              "options": ["rbind", "rw"]}
        else . end)'
      ;;
    privileged)
      privileged_filter
      ;;
    rootfs-shared | rootfs-rslave | rootfs-private)
      echo ".linux.rootfsPropagation = \"${1#rootfs-}\""
      ;;
    rshared-volume)
      echo "$volume_mount"
      ;;
    docker-rshared-volume)
      # Docker makes the root shared too when a volume asks for rshared.
      echo "$volume_mount | .linux.rootfsPropagation = \"shared\""
      ;;
    odd-paths)
      # shellcheck disable=SC2016 # $ARGS is jq's, not the shell's.
      echo '.mounts += [$ARGS.positional[] | {"destination": ("/odd/" + .), "type": "bind",
        "source": ($workdir + "/odd/" + .), "options": ["rbind", "rw"]}]'
      ;;
    *)
      die "no jq filter for variant '$1'"
      ;;
  esac
}

# A host directory bound at /data with `rshared`, as `-v DIR:/data:rshared`:
# $LAB_VOLUME_SOURCE when set (a stand-in host's data mount), else WORKDIR/volume.
# shellcheck disable=SC2016 # $volume is a jq variable, not a shell one.
readonly volume_mount='.mounts += [{"destination": "/data", "type": "bind",
  "source": $volume, "options": ["rbind", "rw", "rshared"]}]'

# Like `docker run --privileged -v /dev:/dev`: nothing masked or read-only,
# sysfs and cgroups writable, every device allowed, and the host's /dev
# instead of a tmpfs. The mqueue entry is dropped because runc would create
# /dev/mqueue in the host's devtmpfs to mount it; devpts and shm stay since
# their mount points already exist on the host.
privileged_filter() {
  cat <<'EOF'
.linux.maskedPaths = []
| .linux.readonlyPaths = []
| .linux.resources.devices = [{"allow": true, "access": "rwm"}]
| .mounts |= map(
    if .destination == "/dev" then
      {"destination": "/dev", "type": "bind", "source": "/dev",
       "options": ["rbind", "rw"]}
    elif .destination == "/sys" or .destination == "/sys/fs/cgroup" then
      .options |= (map(select(. != "ro")) + ["rw"])
    else . end)
| .mounts |= map(select(.destination != "/dev/mqueue"))
EOF
}

# runc's default spec with the settings every variant shares: no terminal
# (there is none to give it), a payload that ends by itself if its owner
# dies, and the rootfs by absolute path.
write_config() {
  local variant=$1 workdir=$2
  rm -f "$workdir/config.json"
  runc spec --bundle "$workdir"
  jq --arg rootfs "$workdir/rootfs" --arg socket "$workdir/run/docker.sock" \
    --arg workdir "$workdir" --arg volume "${LAB_VOLUME_SOURCE:-$workdir/volume}" \
    ".process.terminal = false
     | .process.args = [\"sleep\", \"300\"]
     | .root.path = \$rootfs
     | $(variant_filter "$variant")" \
    --args "${ODD_NAMES[@]}" <"$workdir/config.json" >"$workdir/config.json.tmp"
  mv -f "$workdir/config.json.tmp" "$workdir/config.json"
}

# Print runc's log and remove what the failed run left behind. Only called
# after checking that NAME did not exist before, so it is ours to delete.
fail_start() {
  local name=$1 workdir=$2
  printf 'runc.sh: runc run %s failed; runc log:\n' "$name" >&2
  cat "$workdir/log" >&2 || true
  runc delete -f "$name" >/dev/null 2>&1 || true
  exit 1
}

start() {
  [[ $# -eq 3 ]] || usage
  local variant=$1 name=$2 workdir
  is_variant "$variant" || die "unknown variant '$variant' (${VARIANTS[*]})"
  check_name "$name"
  container_exists "$name" && die "container '$name' already exists"
  workdir=$(absolute_dir "$3")

  # Nothing but the PID may reach stdout: callers read it from a pipe.
  "$SCRIPT_DIR/../make-rootfs.sh" "$workdir/rootfs" >&2
  make_host_side "$variant" "$workdir"
  write_config "$variant" "$workdir" >&2
  rm -f "$workdir/pid"

  # runc's detached child inherits stdio: a pipe here would keep the
  # caller's read open for the container's whole life.
  runc run -d --pid-file "$workdir/pid" --bundle "$workdir" "$name" \
    </dev/null >"$workdir/log" 2>&1 || fail_start "$name" "$workdir"
  [[ -s $workdir/pid ]] || fail_start "$name" "$workdir"
  cat "$workdir/pid"
  echo
}

# runc reports the container's init as gone once delete returns, but
# the kernel may not have reaped it yet; wait so callers see no stray PID.
wait_gone() {
  local pid=$1 tries
  [[ $pid =~ ^[0-9]+$ ]] || return 0
  for ((tries = 0; tries < 100; tries++)); do
    [[ -e /proc/$pid ]] || return 0
    [[ $(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null) != Z ]] || return 0
    sleep 0.01
  done
  echo "runc.sh: process $pid still running after delete" >&2
}

# Tolerant of a container whose payload already exited (kill fails on a
# stopped container) and of one that was never created or already deleted.
# Kills through runc by container ID only, never by process name.
stop() {
  [[ $# -eq 2 ]] || usage
  local name=$1 workdir=$2 pid=''
  check_name "$name"
  if [[ -r $workdir/pid ]]; then
    pid=$(<"$workdir/pid")
  fi

  if container_exists "$name"; then
    runc kill "$name" KILL >/dev/null 2>&1 || true
    runc delete -f "$name" >/dev/null 2>&1 || true
    container_exists "$name" && die "could not delete container '$name'"
  fi
  wait_gone "$pid"
  rm -f "$workdir/pid"
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
