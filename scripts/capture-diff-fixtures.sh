#!/usr/bin/env bash
# Capture the tables the diff's golden tests compare that no other fixture
# has: two starts of one runc container (same bundle, same name), one after
# the other, which must diff as equal although their mount IDs, devices and
# peer groups differ.
#
# Between the starts a throwaway mount namespace holding a few tmpfs mounts
# stays alive, so that the kernel cannot hand the second start the same mount
# IDs and anonymous device numbers as the first: the diff must match them by
# mount point and by what they mean.
#
# Usage: capture-diff-fixtures.sh   (as root, with runc and jq)
#
# Writes fixtures/diff/runc-restart/{first,second}.mountinfo, neutralised like
# every capture (scripts/lib/neutralise.sh). Re-record the golden diffs
# afterwards: MOUNTAUDIT_RECORD_GOLDEN=1 scripts/test.sh
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
readonly SCRIPT_DIR
readonly LAB=$SCRIPT_DIR/lab/lab.sh
readonly OUT=${SCRIPT_DIR%/scripts}/fixtures/diff/runc-restart
readonly WORKDIR=/srv/malab/runc-restart
readonly CASE=runc-default

# shellcheck source=lib/neutralise.sh
source "$SCRIPT_DIR/lib/neutralise.sh"

die() {
  printf 'capture-diff-fixtures.sh: %s\n' "$*" >&2
  exit 1
}

running=false
holder=''
cleanup() {
  if $running; then "$LAB" stop "$CASE" "$WORKDIR" >/dev/null 2>&1 || true; fi
  [[ -z $holder ]] || kill "$holder" 2>/dev/null || true
}
trap cleanup EXIT

mkdir -p "$OUT"
"$LAB" stop "$CASE" "$WORKDIR" >/dev/null 2>&1 || true
rm -rf "$WORKDIR"
for start in first second; do
  running=true
  read -r pid _ < <(LAB_NAME=mountaudit-fixture-restart "$LAB" start "$CASE" "$WORKDIR")
  cat "/proc/$pid/mountinfo" >"$WORKDIR/$start.mountinfo.raw"
  cat /proc/1/mountinfo >"$WORKDIR/host.mountinfo.raw"
  "$LAB" stop "$CASE" "$WORKDIR"
  running=false
  if [[ -z $holder ]]; then
    unshare --mount --propagation private sh -c \
      'for n in 1 2 3 4 5 6 7 8; do mount -t tmpfs hold$n /mnt; done; exec sleep 300' \
      </dev/null >/dev/null 2>&1 &
    holder=$!
    sleep 0.5
  fi
  neutralise "$WORKDIR/host.mountinfo.raw" "$WORKDIR/$start.mountinfo.raw" >"$OUT/$start.mountinfo"
  check_neutral "$OUT/$start.mountinfo"
done
printf 'capture-diff-fixtures.sh: wrote %s/{first,second}.mountinfo\n' "$OUT" >&2
