/* bp_clock.c: a wall clock for timing epochs and time slices. */
#if defined (_WIN32)
#include <windows.h>
#elif defined (__unix__) || defined (__APPLE__)
#define _POSIX_C_SOURCE 199309L   /* clock_gettime */
#include <time.h>
#define HAVE_CLOCK_GETTIME 1
#else
#include <time.h>
#endif
#include "bp_system.h"

double
bp_clock (void)
{
#if defined (_WIN32)
  LARGE_INTEGER f, c;
  QueryPerformanceFrequency (&f);
  QueryPerformanceCounter (&c);
  return (double) c.QuadPart / (double) f.QuadPart;
#elif defined (HAVE_CLOCK_GETTIME)
  struct timespec t;
  clock_gettime (CLOCK_MONOTONIC, &t);
  return (double) t.tv_sec + 1e-9 * (double) t.tv_nsec;
#else
  /* Processor time, not wall time: a fallback that at least moves. */
  return (double) clock () / CLOCKS_PER_SEC;
#endif
}
