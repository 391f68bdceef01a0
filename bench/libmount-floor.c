/*
 * libmount-floor: the least work anything built on libmount does with a mountinfo table.
 *
 * For each file given, parses it with mnt_new_table + mnt_table_parse_file (libmount's
 * mountinfo parser, as findmnt -F uses it), then walks every entry once and reads each
 * field libmount offers: mount ID, parent ID, device number, root, target, mount options
 * (VFS and merged), optional fields, filesystem type, source and filesystem (super)
 * options. It prints the number of entries and a checksum over every field, so that the
 * compiler cannot drop the reads and two runs over the same files can be compared. All
 * tables stay in memory until the end, as in a tool that compares them (an audit against a
 * host table, a diff of two tables), so its peak memory is that of holding them all.
 *
 *   cc -O2 -o libmount-floor libmount-floor.c $(pkg-config --cflags --libs mount)
 *   libmount-floor TABLE [TABLE...]
 */
#include <libmount/libmount.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/sysmacros.h>

static uint64_t mix_bytes(uint64_t h, const char *s)
{
	/* FNV-1a; a NULL field hashes like a marker byte so that it still counts */
	if (!s)
		return (h ^ 0xffu) * 1099511628211ULL;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return (h ^ 0x1fu) * 1099511628211ULL;
}

static uint64_t mix_number(uint64_t h, uint64_t n)
{
	for (int i = 0; i < 8; i++, n >>= 8)
		h = (h ^ (n & 0xffu)) * 1099511628211ULL;
	return h;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: %s MOUNTINFO [MOUNTINFO...]\n", argv[0]);
		return 64;
	}
	uint64_t total = 0, sum = 14695981039346656037ULL;
	struct libmnt_table **tables = calloc((size_t)argc, sizeof(*tables));
	if (!tables) {
		perror("calloc");
		return 2;
	}
	for (int i = 1; i < argc; i++) {
		struct libmnt_table *table = tables[i] = mnt_new_table();
		if (!table) {
			perror("mnt_new_table");
			return 2;
		}
		int rc = mnt_table_parse_file(table, argv[i]);
		if (rc != 0) {
			fprintf(stderr, "%s: mnt_table_parse_file failed: %s\n", argv[i], strerror(-rc));
			return 2;
		}
		struct libmnt_iter *iter = mnt_new_iter(MNT_ITER_FORWARD);
		struct libmnt_fs *fs;
		uint64_t count = 0;
		while (mnt_table_next_fs(table, iter, &fs) == 0) {
			dev_t dev = mnt_fs_get_devno(fs);
			sum = mix_number(sum, (uint64_t)mnt_fs_get_id(fs));
			sum = mix_number(sum, (uint64_t)mnt_fs_get_parent_id(fs));
			sum = mix_number(sum, ((uint64_t)major(dev) << 32) | minor(dev));
			sum = mix_bytes(sum, mnt_fs_get_root(fs));
			sum = mix_bytes(sum, mnt_fs_get_target(fs));
			sum = mix_bytes(sum, mnt_fs_get_vfs_options(fs));
			sum = mix_bytes(sum, mnt_fs_get_options(fs));
			sum = mix_bytes(sum, mnt_fs_get_optional_fields(fs));
			sum = mix_bytes(sum, mnt_fs_get_fstype(fs));
			sum = mix_bytes(sum, mnt_fs_get_source(fs));
			sum = mix_bytes(sum, mnt_fs_get_fs_options(fs));
			count++;
		}
		mnt_free_iter(iter);
		printf("%s: %llu entries\n", argv[i], (unsigned long long)count);
		total += count;
	}
	printf("total: %llu entries, checksum %016llx\n", (unsigned long long)total,
	       (unsigned long long)sum);
	for (int i = 1; i < argc; i++)
		mnt_unref_table(tables[i]);
	free(tables);
	return 0;
}
