// libFuzzer's driver entry (compiler-rt FuzzerInterface.h), called from the fuzz target's own main, because the
// executable's main is renamed by SwiftPM and so cannot be libFuzzer's.
#include <stddef.h>
#include <stdint.h>
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*UserCb)(const uint8_t *Data, size_t Size));
