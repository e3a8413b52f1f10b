/* bp_pages.c: how a large block of fresh memory gets its pages.  A page
   fault per 4 KiB page is what first touching fresh memory costs; on the
   project's virtual machine (doc/benchmarks.md) one costs 3 to 16 us,
   which for a training run's block (its history grows 8 bytes per epoch
   per series) adds up to as much as the arithmetic of a small network.
   Where Linux gives transparent huge pages on request (the "madvise"
   setting, as on that machine; "always" maps them anyway), one fault
   then maps 2 MiB.  Elsewhere this is a no-op: the memory works the
   same, only its first touch costs more. */
#if defined (__linux__)
#define _DEFAULT_SOURCE   /* madvise on glibc */
#include <sys/mman.h>
#endif
#include <stdint.h>
#include "bp_system.h"

#define HUGE_PAGE ((size_t) 2 << 20)

size_t
bp_pages_slack (size_t bytes)
{
#if defined (__linux__) && defined (MADV_HUGEPAGE)
  /* Blocks under 1 MiB fault few pages; above it, round up to whole huge
     pages and leave room to align the start (address space only: the
     pages a run never touches are never mapped). */
  if (bytes >= HUGE_PAGE / 2)
    return (HUGE_PAGE - bytes % HUGE_PAGE) % HUGE_PAGE + HUGE_PAGE;
#endif
  (void) bytes;
  return 0;
}

void *
bp_pages_place (void *mem, size_t bytes)
{
#if defined (__linux__) && defined (MADV_HUGEPAGE)
  const size_t slack = bp_pages_slack (bytes);
  if (slack)
    {
      const uintptr_t at = ((uintptr_t) mem + HUGE_PAGE - 1)
                           & ~(uintptr_t) (HUGE_PAGE - 1);
      const size_t span = (bytes + HUGE_PAGE - 1) / HUGE_PAGE * HUGE_PAGE;
      /* Refused (THP off, an old kernel): small pages, as without it. */
      (void) madvise ((void *) at, span, MADV_HUGEPAGE);
      return (void *) at;
    }
#endif
  (void) bytes;
  return mem;
}
