#!/usr/bin/env bash
# README's first command: on a fresh Debian machine with Swift, install what is missing,
# build a release binary, then audit two throwaway runc containers (runc's default one and
# a leaky one with a socket bound at /var/run/docker.sock), print both reports and clean up.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
scripts/install-dependencies.sh
swift build -c release
echo "built $(.build/release/mountaudit --version) at .build/release/mountaudit"
if [[ $EUID -eq 0 ]]; then
  scripts/demo.sh .build/release/mountaudit
else
  sudo scripts/demo.sh .build/release/mountaudit
fi
