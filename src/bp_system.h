/* bp_system.h: what the core asks of the operating system, with a
   fallback on every platform: a clock, how much memory this process may
   still take, and huge pages for a large block.  C99 plus the platform's
   own headers (POSIX, Windows, macOS), chosen by the preprocessor; no
   Octave header. */
#ifndef BP_SYSTEM_H
#define BP_SYSTEM_H

#include <stddef.h>

/* Seconds since some fixed moment: a monotonic wall clock where the
   platform has one (clock_gettime, QueryPerformanceCounter), else C's
   clock (). */
double bp_clock (void);

/* Bytes this process may still allocate without being refused or
   killed: the least of the free memory the system reports, any memory
   limit of the container (cgroup v2 or v1) the process runs in, and the
   room left under an address-space limit (ulimit -v).  +Inf where the
   platform offers no way to tell. */
double bp_memory_available (void);

/* The Linux part, reading /proc and /sys/fs/cgroup below directory root
   ("" for the real ones), so that tests can prepare such a tree: the
   least of MemAvailable and every enclosing cgroup's limit minus its use
   (reclaimable page cache not counted as use).  +Inf when none of the
   files exists. */
double bp_memory_linux (const char *root);

/* Fresh memory for a block of `bytes` that is touched soon: allocate
   bytes + bp_pages_slack (bytes), then use the block at
   bp_pages_place (mem, bytes), which is where the system was asked to map
   it with huge pages (Linux; one page fault per 2 MiB instead of one per
   4 KiB).  Without that facility the slack is 0 and the place is mem. */
size_t bp_pages_slack (size_t bytes);
void *bp_pages_place (void *mem, size_t bytes);

#endif /* BP_SYSTEM_H */
