#!/usr/bin/env bash
# Install what mountaudit needs on Debian: libmount's headers and pkg-config to build it,
# runc, jq and busybox-static to start the real containers the tests and the demo audit,
# python3-jsonschema to check JSON reports against their schema, make, groff-base and man-db
# for the Makefile and the manual page's tests.
set -euo pipefail

readonly PACKAGES=(libmount-dev pkgconf runc jq busybox-static python3-jsonschema
  crun bubblewrap systemd-container podman lxc strace make groff-base man-db)

sudo_if_needed() {
  if [[ $EUID -eq 0 ]]; then "$@"; else sudo "$@"; fi
}

missing=()
for package in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' ||
    missing+=("$package")
done

if [[ ${#missing[@]} -eq 0 ]]; then
  echo "install-dependencies.sh: all of ${PACKAGES[*]} are installed"
  exit 0
fi

echo "install-dependencies.sh: installing ${missing[*]}"
# The machines are shared: wait for another apt run instead of failing on its lock.
sudo_if_needed apt-get -o DPkg::Lock::Timeout=900 update -qq
sudo_if_needed env DEBIAN_FRONTEND=noninteractive \
  apt-get -o DPkg::Lock::Timeout=900 install -y -qq --no-install-recommends "${missing[@]}"
