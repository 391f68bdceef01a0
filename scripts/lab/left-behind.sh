#!/usr/bin/env bash
# The live "left behind" scenario of `mountaudit diff --container`: runc with an
# rshared volume on a stand-in systemd-like host; the container mounts a tmpfs
# inside the volume (it propagates to the host), is snapshotted, then stopped;
# the tmpfs stays on the host.
#
# Usage: left-behind.sh MOUNTAUDIT WORKDIR
# Writes WORKDIR/during.mountinfo, WORKDIR/after.mountinfo (the stand-in host's
# table while the container ran and after it stopped), WORKDIR/snapshot.json,
# and prints the diff of the two host tables traced through the snapshot, as
# JSON. Needs root, runc and jq; cleans up whatever happens.
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
readonly SCRIPT_DIR
readonly CASE=runc-docker-rshared-volume-systemd-host
readonly MOUNTAUDIT=$1
WORKDIR=$(mkdir -p "$2" && cd "$2" && pwd -P)
readonly WORKDIR

cleanup() { "$SCRIPT_DIR/lab.sh" stop "$CASE" "$WORKDIR/lab" >/dev/null 2>&1 || true; }
trap cleanup EXIT

read -r pid host < <("$SCRIPT_DIR/lab.sh" start "$CASE" "$WORKDIR/lab")
nsenter -t "$pid" -m -- mkdir -p /data/sub
nsenter -t "$pid" -m -- mount -t tmpfs left-behind /data/sub
"$MOUNTAUDIT" snapshot "$pid" --host-pid "$host" >"$WORKDIR/snapshot.json"
cat "/proc/$host/mountinfo" >"$WORKDIR/during.mountinfo"
name=$(<"$WORKDIR/lab/name")
nsenter -t "$host" -m -- "$SCRIPT_DIR/runtimes/runc.sh" stop "$name" "$WORKDIR/lab/container"
cat "/proc/$host/mountinfo" >"$WORKDIR/after.mountinfo"
"$MOUNTAUDIT" diff "$WORKDIR/during.mountinfo" "$WORKDIR/after.mountinfo" \
  --container "$WORKDIR/snapshot.json" --format json || true
