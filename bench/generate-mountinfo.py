#!/usr/bin/env python3
"""Generate realistic, deterministic mountinfo tables of a busy Kubernetes node.

The scenario (see bench/README.md): a node runs containerd on the host and kubelet in a
privileged container (as containerized-kubelet distributions do). The generated tables are

  TARGET (--mounts N lines exactly): the kubelet container's mount namespace. It holds
      the node's whole workload: per-container overlay roots and sandbox shm under
      containerd's state directory and nsfs mounts under /run/netns (made by the runtime on
      the host and received through rslave binds, so `master:N`), and per-pod tmpfs
      secrets, service-account tokens, memory emptyDirs, CSI volumes and subPath binds under
      /var/lib/kubelet (made by kubelet through an rshared bind, so `shared:N` peers of host
      mounts), on top of a container's own /, /proc, /sys, /dev, cgroup v1 + v2 trees and
      the rslave binds of host paths.
  --host FILE: the node's own namespace (what /proc/1/mountinfo shows on the node): the
      systemd host mounts (root ext4, /proc, /sys, /dev, hybrid cgroup v1/v2, bpf, debugfs,
      stacked autofs + binfmt_misc, local disks, NFS) plus every pod mount above, with its
      own mount IDs and parents, and the same devices and peer groups.
  --after FILE: TARGET some time later: about --churn (default 1 %) of the mounts added
      (new pods), removed (deleted pods) and changed in place (mount options, propagation,
      source), one third each; unchanged mounts keep their IDs.

Mount IDs, peer-group IDs and anonymous device minors come from kernel-like allocators
(smallest free number first, shared by both namespaces); pods are created and deleted
along the way, so IDs are reused and children often have smaller IDs than their parents.
Lines are in creation order (as kernels since 6.8 print them). Paths are escaped as the
kernel does (space \\040, tab \\011, newline \\012, backslash \\134).

Standard library only. Deterministic for a given --seed, --mounts and --churn.
"""

import argparse
import heapq
import os
import random
import shutil
import subprocess
import sys

KUBELET = "/var/lib/kubelet"
TASKS = "/run/containerd/io.containerd.runtime.v2.task/k8s.io"
SANDBOXES = "/run/containerd/io.containerd.grpc.v1.cri/sandboxes"
SNAPSHOTS = "/var/lib/containerd/io.containerd.snapshotter.v1.overlayfs/snapshots"
NS_INODE_BASE = 4026531840  # PROC_DYNAMIC_FIRST


def escape(path):
    """Escape as the kernel's seq_path/mangle do: space, tab, newline, backslash."""
    return (
        path.replace("\\", "\\134").replace(" ", "\\040").replace("\t", "\\011").replace("\n", "\\012")
    )


class Ida:
    """The kernel's ID allocator: the smallest free number at or above `first`."""

    def __init__(self, first):
        self.next = first
        self.free = []

    def get(self):
        if self.free:
            return heapq.heappop(self.free)
        value = self.next
        self.next += 1
        return value

    def put(self, value):
        heapq.heappush(self.free, value)


class Mount:
    __slots__ = ("id", "parent", "dev", "root", "mp", "opts", "tags", "fstype", "source", "superopts")

    def __init__(self, mid, parent, dev, root, mp, opts, tags, fstype, source, superopts):
        self.id = mid
        self.parent = parent
        self.dev = dev
        self.root = root
        self.mp = mp
        self.opts = opts
        self.tags = tags
        self.fstype = fstype
        self.source = source
        self.superopts = superopts

    def line(self):
        tags = " ".join(self.tags)
        return "%d %d %s %s %s %s %s%s- %s %s %s\n" % (
            self.id, self.parent, self.dev, self.root, self.mp, self.opts,
            tags, " " if tags else "", self.fstype, self.source, self.superopts,
        )

    def copy(self):
        return Mount(self.id, self.parent, self.dev, self.root, self.mp, self.opts,
                     list(self.tags), self.fstype, self.source, self.superopts)


class Namespace:
    """One mount namespace: mounts in creation order, and the stack at each mount point."""

    def __init__(self, name):
        self.name = name
        self.mounts = {}  # id -> Mount, in creation order
        self.stacks = {}  # escaped mount point -> [ids], top last

    def parent_of(self, mp):
        path = mp
        while True:
            stack = self.stacks.get(path)
            if stack:
                return stack[-1]
            if path == "/":
                raise ValueError("%s: nothing mounted above %s" % (self.name, mp))
            path = path.rsplit("/", 1)[0] or "/"

    def add(self, mount):
        self.mounts[mount.id] = mount
        self.stacks.setdefault(mount.mp, []).append(mount.id)
        return mount

    def remove(self, mount):
        del self.mounts[mount.id]
        stack = self.stacks[mount.mp]
        stack.remove(mount.id)
        if not stack:
            del self.stacks[mount.mp]

    def __len__(self):
        return len(self.mounts)


class Node:
    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.ids = Ida(22)
        self.groups = Ida(1)
        self.anon = Ida(20)  # anonymous block device minors (major 0)
        self.ns_inodes = Ida(NS_INODE_BASE + 0x1F0)
        self.snapshot = 40  # containerd snapshot numbers, never reused
        self.host = Namespace("host")
        self.target = Namespace("target")
        self.pods = []  # [(pod record)] alive, in creation order
        self.images = [self.image_layers() for _ in range(120)]
        self.group_of = {}  # escaped mount point in host -> peer group, for base mounts

    # ---- random names -------------------------------------------------------------------
    def hex64(self):
        return "%064x" % self.rng.getrandbits(256)

    def uuid(self):
        h = "%032x" % self.rng.getrandbits(128)
        return "%s-%s-4%s-%s%s-%s" % (h[:8], h[8:12], h[13:16], "89ab"[int(h[16], 16) % 4], h[17:20], h[20:32])

    def suffix(self, n=5):
        return "".join(self.rng.choice("bcdfghjklmnpqrstvwxz2456789") for _ in range(n))

    def image_layers(self):
        layers = []
        for _ in range(self.rng.randint(1, 9)):
            self.snapshot += 1
            layers.append(self.snapshot)
        return layers

    # ---- allocation -----------------------------------------------------------------------
    def new_dev(self):
        return "0:%d" % self.anon.get()

    def free_dev(self, dev):
        major, minor = dev.split(":")
        if major == "0":
            self.anon.put(int(minor))

    def host_mount(self, mp, fstype, source, superopts, dev=None, root="/", opts="rw,relatime",
                   shared=True, tags=None, parent=None):
        mp = escape(mp)
        if tags is None:
            tags = []
            if shared:
                tags = ["shared:%d" % self.groups.get()]
        mount = Mount(self.ids.get(), parent if parent is not None else self.host.parent_of(mp),
                      dev or self.new_dev(), escape(root), mp, opts, tags, fstype, escape(source), superopts)
        self.host.add(mount)
        if tags and tags[0].startswith("shared:"):
            self.group_of[mp] = int(tags[0][7:])
        return mount

    def target_mount(self, mp, fstype, source, superopts, dev, root="/", opts="rw,relatime", tags=(),
                     parent=None):
        mp = escape(mp)
        mount = Mount(self.ids.get(), parent if parent is not None else self.target.parent_of(mp),
                      dev, escape(root), mp, opts, list(tags), fstype, escape(source), superopts)
        return self.target.add(mount)

    # ---- the node's own mounts -----------------------------------------------------------------
    def build_host(self):
        h = self.host_mount
        root = h("/", "ext4", "/dev/nvme0n1p1", "rw,discard,errors=remount-ro,commit=30", dev="259:1", parent=1)
        h("/sys", "sysfs", "sysfs", "rw", opts="rw,nosuid,nodev,noexec,relatime")
        h("/proc", "proc", "proc", "rw", opts="rw,nosuid,nodev,noexec,relatime")
        h("/dev", "devtmpfs", "udev", "rw,size=32838496k,nr_inodes=8209624,mode=755,inode64", dev="0:5",
          opts="rw,nosuid,relatime")
        h("/dev/pts", "devpts", "devpts", "rw,gid=5,mode=620,ptmxmode=000", opts="rw,nosuid,noexec,relatime")
        h("/run", "tmpfs", "tmpfs", "rw,size=6574360k,mode=755,inode64", opts="rw,nosuid,nodev,noexec,relatime")
        h("/sys/kernel/security", "securityfs", "securityfs", "rw", dev="0:7", opts="rw,nosuid,nodev,noexec,relatime")
        h("/dev/shm", "tmpfs", "tmpfs", "rw,inode64", opts="rw,nosuid,nodev")
        h("/run/lock", "tmpfs", "tmpfs", "rw,size=5120k,inode64", opts="rw,nosuid,nodev,noexec,relatime")
        h("/sys/fs/cgroup", "tmpfs", "tmpfs", "ro,mode=755,inode64", opts="ro,nosuid,nodev,noexec")
        h("/sys/fs/cgroup/unified", "cgroup2", "cgroup2", "rw,nsdelegate", opts="rw,nosuid,nodev,noexec,relatime")
        h("/sys/fs/cgroup/systemd", "cgroup", "cgroup", "rw,xattr,name=systemd", opts="rw,nosuid,nodev,noexec,relatime")
        h("/sys/fs/pstore", "pstore", "pstore", "rw", opts="rw,nosuid,nodev,noexec,relatime")
        h("/sys/firmware/efi/efivars", "efivarfs", "efivarfs", "rw", opts="rw,nosuid,nodev,noexec,relatime")
        h("/sys/fs/bpf", "bpf", "bpf", "rw,mode=700", opts="rw,nosuid,nodev,noexec,relatime")
        self.controllers = ["net_cls,net_prio", "cpu,cpuacct", "perf_event", "hugetlb", "blkio", "memory",
                            "cpuset", "pids", "devices", "rdma", "freezer", "misc"]
        for ctrl in self.controllers:
            h("/sys/fs/cgroup/" + ctrl, "cgroup", "cgroup", "rw," + ctrl, opts="rw,nosuid,nodev,noexec,relatime")
        h("/proc/sys/fs/binfmt_misc", "autofs", "systemd-1",
          "rw,fd=29,pgrp=1,timeout=0,minproto=5,maxproto=5,direct,pipe_ino=17455")
        h("/dev/hugepages", "hugetlbfs", "hugetlbfs", "rw,pagesize=2M")
        h("/dev/mqueue", "mqueue", "mqueue", "rw", opts="rw,nosuid,nodev,noexec,relatime")
        h("/sys/kernel/debug", "debugfs", "debugfs", "rw", opts="rw,nosuid,nodev,noexec,relatime")
        h("/sys/kernel/tracing", "tracefs", "tracefs", "rw", opts="rw,nosuid,nodev,noexec,relatime")
        h("/sys/fs/fuse/connections", "fusectl", "fusectl", "rw", opts="rw,nosuid,nodev,noexec,relatime")
        h("/sys/kernel/config", "configfs", "configfs", "rw", opts="rw,nosuid,nodev,noexec,relatime")
        # systemd's automount point, and the real filesystem stacked on it once used.
        h("/proc/sys/fs/binfmt_misc", "binfmt_misc", "binfmt_misc", "rw", opts="rw,nosuid,nodev,noexec,relatime")
        h("/boot/efi", "vfat", "/dev/nvme0n1p15",
          "rw,fmask=0077,dmask=0077,codepage=437,iocharset=iso8859-1,shortname=mixed,errors=remount-ro",
          dev="259:2")
        h("/var/lib/containerd", "xfs", "/dev/nvme1n1", "rw,attr2,inode64,logbufs=8,logbsize=32k,noquota",
          dev="259:3")
        # kubelet's directory bound onto itself and made rshared, so pod volumes propagate.
        h(KUBELET, "ext4", "/dev/nvme0n1p1", root.superopts, dev="259:1", root=KUBELET)
        # `ip netns` makes /run/netns a shared bind of itself.
        run = self.host.mounts[self.host.parent_of("/run/netns")]
        h("/run/netns", "tmpfs", "tmpfs", run.superopts, dev=run.dev, root="/netns", opts=run.opts)
        h("/mnt/local disks/ssd0", "ext4", "/dev/nvme2n1", "rw", dev="259:4")
        h("/mnt/local disks/ssd1", "ext4", "/dev/nvme3n1", "rw", dev="259:5")
        h("/mnt/media\\backup", "ext4", "/dev/sda1", "rw", dev="8:1")
        h("/mnt/odd\nname", "tmpfs", "scratch space", "rw,size=1048576k,inode64")
        h("/srv/nfs\tshare", "nfs4", "filer.internal:/exports/team data",
          "rw,vers=4.2,rsize=1048576,wsize=1048576,namlen=255,hard,proto=tcp,timeo=600,retrans=2,"
          "sec=sys,clientaddr=192.0.2.10,local_lock=none,addr=192.0.2.5")
        h("/run/user/0", "tmpfs", "tmpfs", "rw,size=6574356k,nr_inodes=1643589,mode=700,inode64",
          opts="rw,nosuid,nodev,relatime")
        # The kubelet container's own root, made by containerd in its "system" namespace.
        self.kubelet_id = self.hex64()
        self.kubelet_root = h("/run/containerd/io.containerd.runtime.v2.task/system/%s/rootfs" % self.kubelet_id,
                              "overlay", "overlay", self.overlay_options(self.images[0]))

    def overlay_options(self, layers):
        self.snapshot += 1
        lower = ":".join("%s/%d/fs" % (SNAPSHOTS, n) for n in reversed(layers))
        return "rw,lowerdir=%s,upperdir=%s/%d/fs,workdir=%s/%d/work" % (lower, SNAPSHOTS, self.snapshot,
                                                                         SNAPSHOTS, self.snapshot)

    # ---- the kubelet container's own mounts ---------------------------------------------------
    def build_target(self):
        t = self.target_mount
        host = self.host
        hostm = lambda mp: host.mounts[host.stacks[escape(mp)][-1]]
        master = lambda mp: ["master:%d" % self.group_of[escape(mp)]]
        # The namespace's first root (a copy of the host's), which the container's root covers
        # and which is never shown: its ID stays allocated.
        hidden_root = self.ids.get()
        # Early mounts are printed before the root they sit on, as in a pivoted sandbox.
        early = [("/proc", "proc", "proc", "rw", self.new_dev(), "rw,nosuid,nodev,noexec,relatime"),
                 ("/sys", "sysfs", "sysfs", "rw", self.new_dev(), "rw,nosuid,nodev,noexec,relatime"),
                 ("/dev", "tmpfs", "tmpfs", "rw,size=65536k,mode=755,inode64", self.new_dev(), "rw,nosuid"),
                 ("/dev/pts", "devpts", "devpts", "rw,gid=5,mode=620,ptmxmode=666", self.new_dev(),
                  "rw,nosuid,noexec,relatime"),
                 ("/dev/shm", "tmpfs", "shm", "rw,size=65536k,inode64", self.new_dev(),
                  "rw,nosuid,nodev,noexec,relatime")]
        early_ids = [self.ids.get() for _ in early]
        root_id = self.ids.get()
        kroot = self.kubelet_root
        by_mp = {}
        for (mp, fstype, source, superopts, dev, opts), mid in zip(early, early_ids):
            parent = root_id if mp.count("/") == 1 else by_mp["/dev"]
            m = Mount(mid, parent, dev, "/", mp, opts, [], fstype, source, superopts)
            by_mp[mp] = mid
            self.target.add(m)
        self.target.add(Mount(root_id, hidden_root, kroot.dev, "/", "/", "rw,relatime", [], "overlay",
                              "overlay", kroot.superopts))
        t("/dev/mqueue", "mqueue", "mqueue", "rw", self.new_dev(), opts="rw,nosuid,nodev,noexec,relatime")
        t("/sys/fs/cgroup", "tmpfs", "tmpfs", "rw,mode=755,inode64", self.new_dev(), opts="rw,nosuid,nodev,noexec,relatime")
        for ctrl in ["systemd", "unified"] + self.controllers:
            hm = hostm("/sys/fs/cgroup/" + ctrl)
            t("/sys/fs/cgroup/" + ctrl, hm.fstype, hm.source, hm.superopts, hm.dev,
              opts="rw,nosuid,nodev,noexec,relatime")
        disk = hostm("/var/lib/containerd")
        for name in ("resolv.conf", "hostname", "hosts"):
            t("/etc/" + name, "xfs", "/dev/nvme1n1", disk.superopts, disk.dev,
              root="/io.containerd.grpc.v1.cri/containers/%s/%s" % (self.kubelet_id, name))
        rootfs = hostm("/")
        for path, ro in (("/etc/kubernetes", True), ("/lib/modules", True), ("/var/log", False),
                         ("/opt/cni/bin", True), ("/etc/cni/net.d", True)):
            t(path, "ext4", "/dev/nvme0n1p1", rootfs.superopts, rootfs.dev, root=path,
              opts="ro,relatime" if ro else "rw,relatime", tags=master("/"))
        dev = hostm("/dev")
        t("/dev/kmsg", "devtmpfs", "udev", dev.superopts, dev.dev, root="/kmsg", opts="rw,nosuid,relatime",
          tags=master("/dev"))
        t("/sys/fs/bpf", "bpf", "bpf", "rw,mode=700", hostm("/sys/fs/bpf").dev, opts="rw,nosuid,nodev,noexec,relatime",
          tags=master("/sys/fs/bpf"))
        t("/var/lib/containerd", "xfs", "/dev/nvme1n1", disk.superopts, disk.dev, tags=master("/var/lib/containerd"))
        # /mnt and /srv bound rslave and recursively: the host's disks below come along.
        t("/mnt", "ext4", "/dev/nvme0n1p1", rootfs.superopts, rootfs.dev, root="/mnt", tags=master("/"))
        for mp in ("/mnt/local disks/ssd0", "/mnt/local disks/ssd1", "/mnt/media\\backup", "/mnt/odd\nname"):
            hm = hostm(mp)
            t(mp, hm.fstype, "", hm.superopts, hm.dev, tags=master(mp)).source = hm.source
        t("/srv", "ext4", "/dev/nvme0n1p1", rootfs.superopts, rootfs.dev, root="/srv", tags=master("/"))
        hm = hostm("/srv/nfs\tshare")
        t("/srv/nfs\tshare", hm.fstype, "", hm.superopts, hm.dev, tags=master("/srv/nfs\tshare")).source = hm.source
        # kubelet's state, shared both ways with the host (Bidirectional): the same peer group.
        kub = hostm(KUBELET)
        t(KUBELET, "ext4", "/dev/nvme0n1p1", kub.superopts, kub.dev, root=KUBELET, tags=list(kub.tags))
        # The runtime's state and the network namespaces, received from the host (rslave).
        run = hostm("/run")
        t("/run/containerd", "tmpfs", "tmpfs", run.superopts, run.dev, root="/containerd", opts=run.opts,
          tags=master("/run"))
        t(kroot.mp, "overlay", "overlay", kroot.superopts, kroot.dev,
          tags=["master:%s" % kroot.tags[0][7:]])
        netns = hostm("/run/netns")
        t("/run/netns", "tmpfs", "tmpfs", netns.superopts, netns.dev, root="/netns", opts=netns.opts,
          tags=master("/run/netns"))

    # ---- pods -------------------------------------------------------------------------------------
    def both(self, pod, maker, mp, fstype, source, superopts, dev=None, root="/", opts="rw,relatime",
             group=None):
        """A mount that shows in both namespaces.

        maker "kubelet": made in the target under the rshared kubelet directory; a peer of its host copy.
        maker "host": made by the runtime on the host; the target's copy is its slave.
        group: join this peer group (a bind of a shared mount) instead of starting one.
        """
        dev = dev or self.new_dev()
        fresh = group is None
        if fresh:
            group = self.groups.get()
        emp = escape(mp)
        first, second = self.ids.get(), self.ids.get()  # the maker's mount first, then its copy
        host_id, target_id = (second, first) if maker == "kubelet" else (first, second)
        hm = Mount(host_id, self.host.parent_of(emp), dev, escape(root), emp, opts,
                   ["shared:%d" % group], fstype, escape(source), superopts)
        tags = ["shared:%d" % group] if maker == "kubelet" else ["master:%d" % group]
        tm = Mount(target_id, self.target.parent_of(emp), dev, escape(root), emp, opts, tags, fstype,
                   escape(source), superopts)
        self.host.add(hm)
        self.target.add(tm)
        pod["mounts"].append((tm, hm, group if fresh else None))
        return tm, hm

    def tmpfs_size(self):
        return "rw,size=%dk,inode64" % self.rng.choice([65536, 131072, 174080, 262144, 524288, 1048576, 8388608])

    def add_pod(self):
        rng = self.rng
        uid = self.uuid()
        pod = {"uid": uid, "mounts": []}
        vols = "%s/pods/%s/volumes" % (KUBELET, uid)
        # Volumes first: kubelet mounts them before the sandbox starts.
        token = "%s/kubernetes.io~projected/kube-api-access-%s" % (vols, self.suffix())
        tm, _ = self.both(pod, "kubelet", token, "tmpfs", "tmpfs", self.tmpfs_size())
        if rng.random() < 0.01:  # a second token tmpfs stacked on the first (kubelet restart)
            self.both(pod, "kubelet", token, "tmpfs", "tmpfs", tm.superopts)
        volumes = []
        for _ in range(rng.choice([0, 0, 1, 1, 1, 2, 3])):
            name = rng.choice(["tls", "certs", "config", "db-credentials", "webhook-cert", "token", "ca"])
            name = "%s-%s" % (name, self.suffix())
            m, _ = self.both(pod, "kubelet", "%s/kubernetes.io~secret/%s" % (vols, name), "tmpfs", "tmpfs",
                             self.tmpfs_size())
            volumes.append(m)
        if rng.random() < 0.3:
            m, _ = self.both(pod, "kubelet", "%s/kubernetes.io~empty-dir/cache-%s" % (vols, self.suffix()),
                             "tmpfs", "tmpfs", self.tmpfs_size())
            volumes.append(m)
        if rng.random() < 0.1:  # a CSI volume: staged once by the plugin, bound into the pod
            pvc = "pvc-" + self.uuid()
            devm = "%d:%d" % rng.choice([(259, rng.randint(6, 4000)), (252, rng.randint(0, 4000) * 16)])
            src = "/dev/nvme%dn1" % rng.randint(4, 60) if devm.startswith("259") else "/dev/rbd%d" % rng.randint(0, 4000)
            stage = "%s/plugins/kubernetes.io/csi/ebs.csi.aws.com/%064x/globalmount" % (KUBELET, rng.getrandbits(256))
            opts = "rw,relatime"
            _, _ = self.both(pod, "kubelet", stage, "ext4", src, "rw", dev=devm, opts=opts)
            group = pod["mounts"][-1][2]
            m, _ = self.both(pod, "kubelet", "%s/kubernetes.io~csi/%s/mount" % (vols, pvc), "ext4", src, "rw",
                             dev=devm, opts=opts, group=group)
            volumes.append(m)
        # The sandbox: network namespace, shm, pause container root.
        inode = self.ns_inodes.get()
        pod["inode"] = inode
        self.both(pod, "host", "/run/netns/cni-" + self.uuid(), "nsfs", "nsfs", "rw", dev="0:4",
                  root="net:[%d]" % inode, opts="rw")
        sandbox = self.hex64()
        self.both(pod, "host", "%s/%s/shm" % (SANDBOXES, sandbox), "tmpfs", "shm", "rw,size=65536k,inode64",
                  opts="rw,nosuid,nodev,noexec,relatime")
        self.both(pod, "host", "%s/%s/rootfs" % (TASKS, sandbox), "overlay", "overlay",
                  self.overlay_options(self.images[1]))
        containers = rng.choice([1, 1, 1, 2, 2, 3])
        for index in range(containers):
            self.both(pod, "host", "%s/%s/rootfs" % (TASKS, self.hex64()), "overlay", "overlay",
                      self.overlay_options(rng.choice(self.images)))
        if volumes and rng.random() < 0.05:  # subPath binds, sometimes of paths with spaces
            vol = rng.choice(volumes)
            ctr = rng.choice(["app", "sidecar", "init-config"])
            group = int(vol.tags[0][7:])
            sub = rng.choice(["config", "app settings", "certs/tls.crt", "nginx.conf"])
            self.both(pod, "kubelet", "%s/pods/%s/volume-subpaths/%s/%s/0" % (KUBELET, uid, vol.mp.rsplit("/", 1)[1], ctr),
                      vol.fstype, vol.source.replace("\\040", " "), vol.superopts, dev=vol.dev,
                      root="/" + sub, opts=vol.opts, group=group)
        if rng.random() < 0.005:  # a local persistent volume whose directory has a space
            disk = self.host.mounts[self.host.stacks[escape("/mnt/local disks/ssd0")][-1]]
            self.both(pod, "kubelet", "%s/kubernetes.io~local-volume/local-pv-%s" % (vols, self.suffix(8)),
                      "ext4", "/dev/nvme2n1", "rw", dev=disk.dev, root="/vol %d" % rng.randint(0, 99),
                      group=int(disk.tags[0][7:]))
        self.pods.append(pod)
        return pod

    def drop_last(self, pod):
        """Unmount the pod's newest mount from both namespaces."""
        tm, hm, group = pod["mounts"].pop()
        self.target.remove(tm)
        self.host.remove(hm)
        self.ids.put(tm.id)
        self.ids.put(hm.id)
        if group is not None:
            self.groups.put(group)
            if tm.dev.startswith("0:") and tm.dev != "0:4":
                self.free_dev(tm.dev)
        if tm.fstype == "nsfs":
            self.ns_inodes.put(pod["inode"])

    def delete_pod(self, pod):
        while pod["mounts"]:
            self.drop_last(pod)
        self.pods.remove(pod)

    def populate(self, n):
        if len(self.target) > n:
            sys.exit("--mounts must be at least %d (the kubelet container's own mounts)" % len(self.target))
        while len(self.target) < n:
            if len(self.pods) > 8 and self.rng.random() < 0.04:
                self.delete_pod(self.pods[self.rng.randrange(len(self.pods) - 1)])
            self.add_pod()
        last = self.pods[-1]
        while len(self.target) > n:
            self.drop_last(last)
        if not last["mounts"]:
            self.pods.remove(last)

    # ---- the "after" table ------------------------------------------------------------------------
    def churn(self, fraction):
        """Move the target on by about `fraction` of its mounts, a third each added, removed, changed."""
        rng = self.rng
        n = len(self.target)
        share = max(1, round(n * fraction / 3))
        before = {m.id: m.copy() for m in self.target.mounts.values()}
        # Changed in place (same ID): mount options, propagation or source.
        candidates = [tm for pod in self.pods for tm, _, _ in pod["mounts"]]
        changed = 0
        for tm in rng.sample(candidates, min(share, len(candidates))):
            kind = rng.randrange(3)
            if kind == 0:
                tm.opts = ("ro" if tm.opts.startswith("rw") else "rw") + tm.opts[2:]
            elif kind == 1:
                if tm.tags and tm.tags[0].startswith("shared:"):
                    tm.tags = []  # made private
                else:
                    tm.tags = ["shared:%d" % self.groups.get()] + tm.tags  # made shared, still a slave
            else:
                tm.source = "none" if tm.source != "none" else "tmpfs"
            changed += 1
        # Added: new pods (made before the deletions, so no freed ID is reused).
        added_ids = set()
        while len(added_ids) < share:
            pod = self.add_pod()
            added_ids.update(tm.id for tm, _, _ in pod["mounts"])
        # Removed: whole pods, oldest first among the ones that existed before.
        removed = 0
        old = [p for p in self.pods if p["mounts"][0][0].id in before and p["mounts"][0][0].id not in added_ids]
        while removed < share and old:
            pod = old.pop(rng.randrange(len(old)))
            removed += len(pod["mounts"])
            self.delete_pod(pod)
        return {"before": n, "after": len(self.target), "added": len(added_ids), "removed": removed,
                "changed": changed}


def write(namespace, path):
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as out:
        out.writelines(m.line() for m in namespace.mounts.values())
    os.replace(tmp, path)


def validate(path, expected):
    """Checks the table with util-linux's findmnt (libmount) and with a structural pass."""
    ids = set()
    with open(path, "rb") as table:
        for number, raw in enumerate(table, 1):
            fields = raw.rstrip(b"\n").split(b" ")
            sep = fields.index(b"-", 6)
            assert len(fields) == sep + 4, "%s:%d: wrong field count" % (path, number)
            assert b"\t" not in raw, "%s:%d: raw tab" % (path, number)
            mid = int(fields[0])
            assert mid not in ids, "%s:%d: duplicate mount ID %d" % (path, number, mid)
            ids.add(mid)
    assert len(ids) == expected, "%s: %d lines, expected %d" % (path, len(ids), expected)
    findmnt = shutil.which("findmnt")
    if findmnt is None:
        sys.exit("findmnt (util-linux) is needed to validate; pass --no-validate to skip")
    out = subprocess.run([findmnt, "-F", path, "-l", "-n", "-o", "ID"], check=True, stdout=subprocess.PIPE).stdout
    parsed = [int(x) for x in out.split()]
    assert len(parsed) == expected, "%s: findmnt parsed %d entries, expected %d" % (path, len(parsed), expected)
    assert set(parsed) == ids, "%s: findmnt's IDs differ from the file's" % path


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mounts", type=int, required=True, help="lines in the target table")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--output", "-o", required=True, help="the target table (the kubelet container)")
    parser.add_argument("--host", help="also write the node's own table here")
    parser.add_argument("--after", help="also write the target table after churn here")
    parser.add_argument("--churn", type=float, default=0.01, help="share of mounts the after table moves (0.01)")
    parser.add_argument("--no-validate", action="store_true", help="skip the findmnt check")
    args = parser.parse_args()

    node = Node(args.seed)
    node.build_host()
    node.build_target()
    node.populate(args.mounts)
    write(node.target, args.output)
    summary = ["%s: %d mounts" % (args.output, len(node.target))]
    outputs = [(args.output, len(node.target))]
    if args.host:
        write(node.host, args.host)
        summary.append("%s: %d mounts" % (args.host, len(node.host)))
        outputs.append((args.host, len(node.host)))
    if args.after:
        stats = node.churn(args.churn)
        write(node.target, args.after)
        summary.append("%s: %d mounts (%d added, %d removed, %d changed)" % (
            args.after, stats["after"], stats["added"], stats["removed"], stats["changed"]))
        outputs.append((args.after, stats["after"]))
    if not args.no_validate:
        for path, count in outputs:
            validate(path, count)
    for line in summary:
        print(line, file=sys.stderr)


if __name__ == "__main__":
    main()
