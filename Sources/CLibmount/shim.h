#ifndef MOUNTAUDIT_CLIBMOUNT_SHIM_H
#define MOUNTAUDIT_CLIBMOUNT_SHIM_H

#include <stdio.h>
#include <sys/sysmacros.h>
#include <libmount/libmount.h>

#endif
