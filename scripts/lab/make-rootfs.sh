#!/usr/bin/env bash
# Build a minimal busybox-static root filesystem for lab containers.
#
# Usage: make-rootfs.sh DIR
#
# DIR receives bin/busybox plus a symlink per applet, the directories a
# runtime mounts onto (proc sys dev tmp etc) and the empty files runtimes
# may bind over (etc/hosts etc/hostname etc/resolv.conf). Running it again
# on a finished DIR changes nothing, so callers may run it on every start.
set -euo pipefail

readonly BUSYBOX=/bin/busybox

die() {
  printf 'make-rootfs.sh: %s\n' "$*" >&2
  exit 1
}

# The binary must be static: the rootfs holds no shared libraries.
check_busybox() {
  [[ -x $BUSYBOX ]] || die "$BUSYBOX not found (apt-get install busybox-static)"
}

# Copy busybox only when it differs, so a rebuilt rootfs keeps its inode
# and repeated runs stay cheap.
install_busybox() {
  local rootfs=$1
  mkdir -p "$rootfs/bin"
  if ! cmp -s "$BUSYBOX" "$rootfs/bin/busybox"; then
    cp "$BUSYBOX" "$rootfs/bin/busybox.tmp"
    mv -f "$rootfs/bin/busybox.tmp" "$rootfs/bin/busybox"
  fi
}

# busybox installs its own applet links in one process; a shell loop of
# ~270 `ln` calls takes about half a second. Running it chrooted makes
# every link point at /bin/busybox as seen inside the container, and it
# leaves links that already exist alone.
link_applets() {
  local rootfs=$1
  chroot "$rootfs" /bin/busybox --install -s /bin
}

make_skeleton() {
  local rootfs=$1 name
  for name in proc sys dev tmp etc; do
    mkdir -p "$rootfs/$name"
  done
  chmod 1777 "$rootfs/tmp"
  for name in hosts hostname resolv.conf; do
    [[ -e $rootfs/etc/$name ]] || : >"$rootfs/etc/$name"
  done
}

main() {
  [[ $# -eq 1 ]] || die "usage: make-rootfs.sh DIR"
  check_busybox
  mkdir -p "$1"
  # Absolute path: chroot and later runc configs must not depend on cwd.
  local rootfs
  rootfs=$(cd "$1" && pwd -P)
  install_busybox "$rootfs"
  link_applets "$rootfs"
  make_skeleton "$rootfs"
}

main "$@"
