#ifndef MOUNTAUDIT_CPROCESSHANDLE_SHIM_H
#define MOUNTAUDIT_CPROCESSHANDLE_SHIM_H

// glibc 2.36 wraps pidfd_open(2) and pidfd_send_signal(2) here; Swift's Glibc module does
// not include this header, so it gets a module of its own.
#include <signal.h>
#include <sys/pidfd.h>

#endif
