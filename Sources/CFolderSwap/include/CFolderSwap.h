#ifndef CFOLDERSWAP_H
#define CFOLDERSWAP_H

/// Exchanges the two paths atomically (Linux renameat2 with RENAME_EXCHANGE, macOS renamex_np with
/// RENAME_SWAP): after the call each name refers to what the other did, and no observer ever sees either
/// name missing. Returns 0 on success, -1 with errno set otherwise (ENOSYS or EINVAL where the kernel or
/// file system has no atomic exchange).
int trialstats_exchange_paths(const char *a, const char *b);

#endif
