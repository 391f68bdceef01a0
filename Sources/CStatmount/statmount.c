#define _GNU_SOURCE
#include "CStatmount.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

_Static_assert(sizeof(struct mountaudit_mnt_id_req) == 32, "mnt_id_req, version 1");
_Static_assert(sizeof(struct mountaudit_statmount) == 512, "statmount's fixed part");

int mountaudit_statmount(
    uint64_t mount_id, uint64_t namespace_id, uint64_t mask,
    struct mountaudit_statmount *buffer, size_t size) {
  struct mountaudit_mnt_id_req request = {
      .size = sizeof request, .mnt_id = mount_id, .param = mask, .mnt_ns_id = namespace_id};
  return (int)syscall(__NR_statmount, &request, buffer, size, 0);
}

ssize_t mountaudit_listmount(
    uint64_t namespace_id, uint64_t after, uint64_t *ids, size_t capacity) {
  struct mountaudit_mnt_id_req request = {
      .size = sizeof request, .mnt_id = LSMT_ROOT, .param = after,
      .mnt_ns_id = namespace_id};
  return syscall(__NR_listmount, &request, ids, capacity, 0);
}

#ifndef STATX_MNT_ID_UNIQUE
#define STATX_MNT_ID_UNIQUE 0x00004000U
#endif

int mountaudit_mount_of_path(const char *path, uint64_t *mount_id, int *is_mount_root) {
  struct statx answer = {0};
  if (syscall(__NR_statx, AT_FDCWD, path, 0, STATX_MNT_ID_UNIQUE, &answer) != 0) return -1;
  if (!(answer.stx_mask & STATX_MNT_ID_UNIQUE)) {
    errno = ENOSYS;
    return -1;
  }
  *mount_id = answer.stx_mnt_id;
  *is_mount_root = (answer.stx_attributes_mask & STATX_ATTR_MOUNT_ROOT) &&
                   (answer.stx_attributes & STATX_ATTR_MOUNT_ROOT);
  return 0;
}

const char *mountaudit_statmount_string(
    const struct mountaudit_statmount *answer, uint32_t offset) {
  return (const char *)(answer + 1) + offset;
}
