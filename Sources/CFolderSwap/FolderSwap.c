#define _GNU_SOURCE
#include "CFolderSwap.h"
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>
#if defined(__linux__)
#include <sys/syscall.h>
#endif

int trialstats_exchange_paths(const char *a, const char *b) {
#if defined(__linux__) && defined(SYS_renameat2)
    /* RENAME_EXCHANGE = (1 << 1) in <linux/fs.h>; called through syscall(2) so that an older C library works. */
    return (int)syscall(SYS_renameat2, AT_FDCWD, a, AT_FDCWD, b, 1 << 1);
#elif defined(__APPLE__)
    return renamex_np(a, b, RENAME_SWAP);
#else
    (void)a; (void)b;
    errno = ENOSYS;
    return -1;
#endif
}
