#ifndef MOUNTAUDIT_CSTATMOUNT_H
#define MOUNTAUDIT_CSTATMOUNT_H

// statmount(2) and listmount(2), Linux 6.8 and later, with the namespace selector of
// Linux 6.11. Debian 12's kernel headers (6.1) predate both calls, so the request and
// result layouts are spelled out here in the kernel's ABI (include/uapi/linux/mount.h);
// the layouts carry a prefix of their own so that they never clash with a newer
// <linux/mount.h>. The ABI only grows at the end, so this layout stays valid.

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#ifndef __NR_statmount
#define __NR_statmount 457
#endif
#ifndef __NR_listmount
#define __NR_listmount 458
#endif

// What statmount(2) is asked for, and says it gave, in `mask`.
#ifndef STATMOUNT_SB_BASIC
#define STATMOUNT_SB_BASIC 0x00000001U        // device numbers, magic, sb_flags
#define STATMOUNT_MNT_BASIC 0x00000002U       // IDs, attributes, propagation
#define STATMOUNT_PROPAGATE_FROM 0x00000004U  // nearest dominating peer group
#define STATMOUNT_MNT_ROOT 0x00000008U        // root of the mount in its filesystem
#define STATMOUNT_MNT_POINT 0x00000010U       // where it is mounted
#define STATMOUNT_FS_TYPE 0x00000020U         // filesystem type
#endif
#ifndef STATMOUNT_MNT_NS_ID
#define STATMOUNT_MNT_NS_ID 0x00000040U  // the mount namespace's 64-bit ID
#endif
#ifndef STATMOUNT_MNT_OPTS
#define STATMOUNT_MNT_OPTS 0x00000080U    // filesystem options, as mountinfo prints them
#define STATMOUNT_FS_SUBTYPE 0x00000100U  // subtype (fuse.<subtype>)
#define STATMOUNT_SB_SOURCE 0x00000200U   // the source (device, "tmpfs", ...)
#endif

// listmount(2) from this ID lists every mount of the namespace, not only children.
#ifndef LSMT_ROOT
#define LSMT_ROOT 0xffffffffffffffffULL
#endif

// Propagation flags in `mnt_propagation` (MS_* of mount(2)).
#define MOUNTAUDIT_MS_UNBINDABLE (1U << 17)
#define MOUNTAUDIT_MS_PRIVATE (1U << 18)
#define MOUNTAUDIT_MS_SLAVE (1U << 19)
#define MOUNTAUDIT_MS_SHARED (1U << 20)

// Superblock flags in `sb_flags` (SB_*).
#define MOUNTAUDIT_SB_RDONLY 0x00000001U
#define MOUNTAUDIT_SB_SYNCHRONOUS 0x00000010U
#define MOUNTAUDIT_SB_DIRSYNC 0x00000080U
#define MOUNTAUDIT_SB_LAZYTIME 0x02000000U

// Per-mount attributes in `mnt_attr` (MOUNT_ATTR_*). The access-time policy is a
// three-way field: relatime is 0, so it is told apart by the field, not a bit.
#define MOUNTAUDIT_ATTR_RDONLY 0x00000001ULL
#define MOUNTAUDIT_ATTR_NOSUID 0x00000002ULL
#define MOUNTAUDIT_ATTR_NODEV 0x00000004ULL
#define MOUNTAUDIT_ATTR_NOEXEC 0x00000008ULL
#define MOUNTAUDIT_ATTR_ATIME_MASK 0x00000070ULL
#define MOUNTAUDIT_ATTR_RELATIME 0x00000000ULL
#define MOUNTAUDIT_ATTR_NOATIME 0x00000010ULL
#define MOUNTAUDIT_ATTR_STRICTATIME 0x00000020ULL
#define MOUNTAUDIT_ATTR_NODIRATIME 0x00000080ULL
#define MOUNTAUDIT_ATTR_IDMAP 0x00100000ULL
#define MOUNTAUDIT_ATTR_NOSYMFOLLOW 0x00200000ULL

/// The request of both calls (struct mnt_id_req, second version: with a namespace).
struct mountaudit_mnt_id_req {
  uint32_t size;       // sizeof this struct: 32
  uint32_t spare;      // zero
  uint64_t mnt_id;     // the mount (statmount) or where to list from (listmount)
  uint64_t param;      // statmount: the mask; listmount: the last ID already listed
  uint64_t mnt_ns_id;  // the namespace, 0 for the caller's own
};

/// The fixed part of statmount(2)'s answer (struct statmount, as of Linux 6.18). String
/// fields hold offsets into the bytes that follow the fixed part.
struct mountaudit_statmount {
  uint32_t size;  // bytes used, strings included
  uint32_t mnt_opts;
  uint64_t mask;  // what was filled in
  uint32_t sb_dev_major;
  uint32_t sb_dev_minor;
  uint64_t sb_magic;
  uint32_t sb_flags;
  uint32_t fs_type;
  uint64_t mnt_id;         // unique 64-bit ID
  uint64_t mnt_parent_id;  // unique 64-bit ID of the parent
  uint32_t mnt_id_old;     // the ID mountinfo prints
  uint32_t mnt_parent_id_old;
  uint64_t mnt_attr;
  uint64_t mnt_propagation;
  uint64_t mnt_peer_group;
  uint64_t mnt_master;
  uint64_t propagate_from;
  uint32_t mnt_root;
  uint32_t mnt_point;
  uint64_t mnt_ns_id;
  uint32_t fs_subtype;
  uint32_t sb_source;
  uint32_t opt_num;
  uint32_t opt_array;
  uint32_t opt_sec_num;
  uint32_t opt_sec_array;
  uint64_t supported_mask;
  uint32_t mnt_uidmap_num;
  uint32_t mnt_uidmap;
  uint32_t mnt_gidmap_num;
  uint32_t mnt_gidmap;
  uint64_t spare[43];
  // The strings follow here.
};

/// statmount(2) of mount `mount_id` (a unique 64-bit ID) in namespace `namespace_id`:
/// fills `buffer` (of `size` bytes, at least the fixed part) with what `mask` asks for.
/// Returns 0, or -1 with errno set (EOVERFLOW: the strings need a bigger buffer).
int mountaudit_statmount(
    uint64_t mount_id, uint64_t namespace_id, uint64_t mask,
    struct mountaudit_statmount *buffer, size_t size);

/// listmount(2) of every mount of namespace `namespace_id` after the unique ID `after`
/// (0 to start), in the order of their unique IDs: at most `capacity` IDs into `ids`.
/// Returns how many were written (0 at the end), or -1 with errno set.
ssize_t mountaudit_listmount(
    uint64_t namespace_id, uint64_t after, uint64_t *ids, size_t capacity);

/// The mount holding `path` (following a final symlink, so `/proc/<pid>/root` names a
/// process's root) by its unique 64-bit ID (statx(2) with STATX_MNT_ID_UNIQUE, Linux 6.8),
/// and whether `path` is that mount's root directory. Returns 0, or -1 with errno set.
int mountaudit_mount_of_path(const char *path, uint64_t *mount_id, int *is_mount_root);

/// The string at `offset` of a statmount(2) answer.
const char *mountaudit_statmount_string(
    const struct mountaudit_statmount *answer, uint32_t offset);

#endif
