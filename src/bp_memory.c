/* bp_memory.c: how much memory this process may still take, so that the
   gateways refuse an allocation that cannot succeed (an error at the
   prompt) instead of letting the system refuse it (Octave aborts after
   repeated failures) or kill the process (a container's memory limit).

   Linux: MemAvailable from /proc/meminfo, and the limit of every cgroup
   (v2 memory.max, v1 memory.limit_in_bytes) enclosing this process, which
   MemAvailable knows nothing about: inside Docker or a teaching JupyterHub
   the machine may have 24 GB free while the container may take 1 GB more.
   Then ulimit -v (RLIMIT_AS) on every POSIX system.  Windows: what
   GlobalMemoryStatusEx reports.  macOS: the physical memory (sysctl), an
   upper bound.  Elsewhere: no probe (+Inf), so no check, never a failed
   build. */
#if defined (__unix__) || defined (__APPLE__)
#define _DEFAULT_SOURCE   /* getrlimit, sysconf on glibc */
#define _DARWIN_C_SOURCE  /* sysctlbyname on macOS */
#endif
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#if defined (_WIN32)
#include <windows.h>
#elif defined (__unix__) || defined (__APPLE__)
#include <sys/resource.h>
#include <unistd.h>
#if defined (__APPLE__)
#include <sys/types.h>
#include <sys/sysctl.h>
#endif
#endif
#include "bp_system.h"

#define PATH_LEN 4096

/* The first number in file root/path after the text key ("" for the
   file's first word), as a double; "max" reads as +Inf.  0 when the file
   or the key is missing. */
static int
read_number (const char *root, const char *path, const char *key, double *v)
{
  char name[PATH_LEN], line[512];
  if (snprintf (name, sizeof name, "%s%s", root, path) >= (int) sizeof name)
    return 0;
  FILE *f = fopen (name, "r");
  if (!f)
    return 0;
  int found = 0;
  const size_t k = strlen (key);
  while (!found && fgets (line, sizeof line, f))
    {
      if (strncmp (line, key, k) != 0)
        continue;
      const char *p = line + k;
      while (*p == ' ' || *p == '\t' || *p == ':')
        p++;
      if (strncmp (p, "max", 3) == 0)
        {
          *v = HUGE_VAL;
          found = 1;
        }
      else
        {
          char *end;
          const double x = strtod (p, &end);
          found = end != p && x >= 0;
          if (found)
            *v = x;
        }
    }
  fclose (f);
  return found;
}

/* Room left in the cgroup at directory dir (below root) and every one
   above it up to the mount point top: the least of limit - (usage -
   inactive page cache) over the levels that exist. */
static double
cgroup_room (const char *root, const char *top, const char *path, int v2)
{
  const char *max_file = v2 ? "memory.max" : "memory.limit_in_bytes";
  const char *cur_file = v2 ? "memory.current" : "memory.usage_in_bytes";
  const char *cache_key = v2 ? "inactive_file " : "total_inactive_file ";
  char dir[PATH_LEN], file[PATH_LEN];
  double room = HUGE_VAL;
  if (snprintf (dir, sizeof dir, "%s%s", top, path) >= (int) sizeof dir)
    return room;
  /* Drop a trailing slash so that the walk up is one '/' per level. */
  size_t len = strlen (dir);
  while (len > strlen (top) && dir[len - 1] == '/')
    dir[--len] = '\0';
  for (;;)
    {
      double limit, used, cache = 0.0;
      snprintf (file, sizeof file, "%s/%s", dir, max_file);
      if (read_number (root, file, "", &limit))
        {
          snprintf (file, sizeof file, "%s/%s", dir, cur_file);
          if (!read_number (root, file, "", &used))
            used = 0.0;
          snprintf (file, sizeof file, "%s/memory.stat", dir);
          read_number (root, file, cache_key, &cache);
          /* v1 reports "no limit" as a number near 2^63. */
          if (limit < 1e18)
            {
              const double left = limit - (used - (cache < used ? cache : 0));
              if (left < room)
                room = left > 0 ? left : 0;
            }
        }
      if (strcmp (dir, top) == 0)
        break;
      char *slash = strrchr (dir, '/');
      if (!slash || (size_t) (slash - dir) < strlen (top))
        {
          snprintf (dir, sizeof dir, "%s", top);
          continue;
        }
      *slash = '\0';
    }
  return room;
}

double
bp_memory_linux (const char *root)
{
  double avail = HUGE_VAL, kb;
  if (read_number (root, "/proc/meminfo", "MemAvailable", &kb))
    avail = kb * 1024.0;
  char name[PATH_LEN], line[PATH_LEN];
  if (snprintf (name, sizeof name, "%s/proc/self/cgroup", root)
      >= (int) sizeof name)
    return avail;
  FILE *f = fopen (name, "r");
  if (!f)
    return avail;
  /* Lines "id:controllers:path"; v2's has id 0 and no controllers, v1's
     memory hierarchy lists "memory" among its controllers. */
  while (fgets (line, sizeof line, f))
    {
      line[strcspn (line, "\n")] = '\0';
      char *c1 = strchr (line, ':');
      char *c2 = c1 ? strchr (c1 + 1, ':') : NULL;
      if (!c2 || c2[1] != '/' || strstr (c2, "/.."))
        continue;
      *c2 = '\0';
      const char *controllers = c1 + 1, *path = c2 + 1;
      double room = HUGE_VAL;
      if (*controllers == '\0')
        room = cgroup_room (root, "/sys/fs/cgroup", path, 1);
      else
        {
          /* "memory" as one whole entry of the comma-separated list. */
          char list[256];
          snprintf (list, sizeof list, ",%s,", controllers);
          if (strstr (list, ",memory,"))
            room = cgroup_room (root, "/sys/fs/cgroup/memory", path, 0);
        }
      if (room < avail)
        avail = room;
    }
  fclose (f);
  return avail;
}

double
bp_memory_available (void)
{
  double avail = HUGE_VAL;
#if defined (_WIN32)
  MEMORYSTATUSEX s;
  s.dwLength = sizeof s;
  if (GlobalMemoryStatusEx (&s))
    {
      avail = (double) s.ullAvailPhys;
      if ((double) s.ullAvailVirtual < avail)
        avail = (double) s.ullAvailVirtual;
    }
#elif defined (__unix__) || defined (__APPLE__)
#if defined (__linux__)
  avail = bp_memory_linux ("");
#elif defined (__APPLE__)
  unsigned long long bytes = 0;
  size_t len = sizeof bytes;
  if (sysctlbyname ("hw.memsize", &bytes, &len, NULL, 0) == 0)
    avail = (double) bytes;
#endif
  struct rlimit rl;
  if (getrlimit (RLIMIT_AS, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY)
    {
      /* What this process already maps counts against the limit. */
      double used = 0.0;
      FILE *f = fopen ("/proc/self/statm", "r");
      if (f)
        {
          if (fscanf (f, "%lf", &used) != 1)
            used = 0.0;
          fclose (f);
        }
      const double room = (double) rl.rlim_cur
                          - used * (double) sysconf (_SC_PAGESIZE);
      if (room < avail)
        avail = room;
    }
#endif
  return avail;
}
