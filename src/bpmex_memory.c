/* bpmex_memory.c: refuse what cannot fit before allocating it. */
#include "bpmex.h"
#include "bp_system.h"

void
bpx_check_memory (double bytes, const char *what)
{
  /* Small requests cannot matter and are not worth reading /proc for. */
  if (bytes < 64e6)
    return;
  const double avail = bp_memory_available ();
  if (bytes > avail)
    bpx_error ("out_of_memory", "%s needs %.3g GB of memory, but only %.3g "
               "GB is available", what, bytes * 1e-9,
               (avail > 0 ? avail : 0) * 1e-9);
}
