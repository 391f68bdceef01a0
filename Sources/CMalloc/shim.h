#ifndef MOUNTAUDIT_CMALLOC_SHIM_H
#define MOUNTAUDIT_CMALLOC_SHIM_H

// glibc's mallopt(3) and its parameters; Swift's Glibc module does not include this header.
#include <malloc.h>

#endif
