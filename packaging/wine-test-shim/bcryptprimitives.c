/* TEST ONLY, NEVER SHIPPED. Debian 12's Wine 8 has no bcryptprimitives.dll, whose ProcessPrng
 * Rust's standard library calls for random numbers, so yibao.exe exits at once under it.
 * scripts/smoke-windows.sh builds this stand-in beside the .exe it tests: ProcessPrng forwards
 * to advapi32's RtlGenRandom (exported as SystemFunction036). Real Windows 10 and 11 have the
 * DLL. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length) {
    while (length > 0) {
        ULONG chunk = length > 0x40000000 ? 0x40000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk)) {
            return FALSE;
        }
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
