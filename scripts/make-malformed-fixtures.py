#!/usr/bin/env python3
"""Write fixtures/malformed/: one mountinfo file per oddity a reader must survive.

Usage: scripts/make-malformed-fixtures.py

The files are the input half of the contract in fixtures/malformed/expected.tsv (exit status
and first stderr line of `mountaudit tree` and `mountaudit` on each), each line of which was
checked by hand against what a correct reader must say; the end-to-end tests hold the
binary to it.
"""
import os

ROOT = "22 1 8:1 / / rw,relatime - ext4 /dev/sda1 rw\n"
PROC = "23 22 0:5 / /proc rw - proc proc rw\n"

TEXT_CASES = {
    "missing-fields": "22 1 8:1 / /\n",
    "no-separator": "22 1 8:1 / / rw shared:1 ext4 /dev/sda1 rw\n",
    "too-few-after-separator": "22 1 8:1 / / rw - ext4\n",
    "non-numeric-id": "x22 1 8:1 / / rw - ext4 /dev/sda1 rw\n",
    "non-numeric-parent": "22 one 8:1 / / rw - ext4 /dev/sda1 rw\n",
    "device-without-colon": "22 1 801 / / rw - ext4 /dev/sda1 rw\n",
    "id-above-32-bits": "4294967296 1 8:1 / / rw - ext4 /dev/sda1 rw\n",
    "malformed-first-line": "this is not mountinfo\n" + ROOT + PROC,
    "malformed-middle-line": ROOT + "23 22 0:5 / /proc rw proc proc rw\n"
    + "24 22 0:6 / /sys rw - sysfs sysfs rw\n",
    "unknown-optional-tags": "22 1 8:1 / / rw shared:1 future:7 odd - ext4 /dev/sda1 rw\n" + PROC,
    "optional-field-without-value": "22 1 8:1 / / rw shared: master: - ext4 /dev/sda1 rw\n" + PROC,
    "id-zero": "0 1 8:1 / / rw - ext4 /dev/sda1 rw\n23 0 0:5 / /proc rw - proc proc rw\n",
    "id-above-2-31": "2147483648 1 8:1 / / rw - ext4 /dev/sda1 rw\n"
    + "4294967295 2147483648 0:5 / /proc rw - proc proc rw\n",
    "cycle-1": "22 22 8:1 / / rw - ext4 /dev/sda1 rw\n" + PROC,
    "cycle-2": "22 23 8:1 / / rw - ext4 /dev/sda1 rw\n23 22 0:5 / /proc rw - proc proc rw\n",
    "cycle-3": "22 24 8:1 / / rw - ext4 /dev/sda1 rw\n23 22 0:5 / /proc rw - proc proc rw\n"
    + "24 23 0:6 / /proc/x rw - tmpfs t rw\n",
    "duplicate-ids": ROOT + "23 22 0:5 / /proc rw - proc proc rw\n"
    + "23 22 0:6 / /sys rw - sysfs sysfs rw\n",
    "no-root": "30 29 0:5 / /proc rw - proc proc rw\n31 29 0:6 / /sys rw - sysfs sysfs rw\n",
    "long-line": "22 1 8:1 / /" + "a" * 120000 + " rw - ext4 /dev/sda1 rw\n" + PROC,
    "nul-byte": ROOT + "23 22 0:5 / /pr\0oc rw - proc proc rw\n",
    "crlf": ROOT.replace("\n", "\r\n") + PROC.replace("\n", "\r\n"),
    "no-final-newline": ROOT + PROC.rstrip("\n"),
    "empty": "",
    "blank-lines": "\n\n",
}


def main():
    folder = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures", "malformed")
    os.makedirs(folder, exist_ok=True)
    for name, text in TEXT_CASES.items():
        with open(os.path.join(folder, name + ".mountinfo"), "wb") as handle:
            handle.write(text.encode("utf-8"))
    with open(os.path.join(folder, "invalid-utf8.mountinfo"), "wb") as handle:
        handle.write(ROOT.encode() + b"23 22 0:5 / /pr\xff\xfeoc rw - proc proc rw\n")
    with open(os.path.join(folder, "binary.mountinfo"), "wb") as handle:
        handle.write(bytes(range(256)) * 8)


if __name__ == "__main__":
    main()
