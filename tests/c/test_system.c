/* test_system.c: unit tests of what the core asks of the operating system
   (src/bp_system.h): the clock, the memory a process may still take, and
   where a large block is placed for huge pages.
   bp_memory_linux reads /proc and /sys/fs/cgroup below a root directory,
   so the tests build such trees, with numbers of their own, under a fresh
   mkdtemp directory, and remove them afterwards. */
#define _POSIX_C_SOURCE 200809L   /* mkdtemp */
#include <math.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "bp_system.h"
#include "test_util.h"

/* ================================================================ clock */

void
test_clock (void)
{
  const double t0 = bp_clock ();
  CHECK (isfinite (t0) && t0 >= 0.0);
  /* Monotonic: never decreasing over many calls ... */
  int ok = 1;
  double prev = t0;
  for (int i = 0; i < 100000; i++)
    {
      const double t = bp_clock ();
      ok &= t >= prev;
      prev = t;
    }
  CHECK (ok);
  /* ... and moving: a busy wait sees it pass a millisecond (the loop is
     bounded, in case it never does). */
  double t = t0;
  volatile double sink = 0.0;
  for (long i = 0; i < 2000000000L && t - t0 < 1e-3; i++)
    {
      sink += 1.0;
      if (i % 1000 == 0)
        t = bp_clock ();
    }
  CHECK (t - t0 >= 1e-3);
  CHECK (t - t0 < 60.0);
}

/* ================================================================ memory */

#define MAXPATHS 64

typedef struct {
  char root[256];
  char path[MAXPATHS][512];     /* what was created, in order */
  int dir[MAXPATHS];
  size_t n;
} tree;

static int
tree_new (tree *t)
{
  const char *tmp = getenv ("TMPDIR");
  memset (t, 0, sizeof *t);
  snprintf (t->root, sizeof t->root, "%s/bp_memory_XXXXXX",
            tmp && *tmp && strlen (tmp) < 200 ? tmp : "/tmp");
  return mkdtemp (t->root) != NULL;
}

static void
tree_note (tree *t, const char *path, int dir)
{
  if (t->n < MAXPATHS)
    {
      snprintf (t->path[t->n], sizeof t->path[0], "%s", path);
      t->dir[t->n++] = dir;
    }
}

/* Make the directories of rel (relative to the root, starting with '/'),
   and, when text is given, the file rel itself with that content. */
static void
tree_put (tree *t, const char *rel, const char *text)
{
  char p[512];
  snprintf (p, sizeof p, "%s%s", t->root, rel);
  for (char *s = p + strlen (t->root) + 1; *s; s++)
    if (*s == '/')
      {
        *s = '\0';
        if (mkdir (p, 0700) == 0)
          tree_note (t, p, 1);
        *s = '/';
      }
  if (!text)
    {
      if (mkdir (p, 0700) == 0)
        tree_note (t, p, 1);
      return;
    }
  FILE *f = fopen (p, "w");
  if (!f)
    {
      printf ("test_system: cannot write %s\n", p);
      record (0);
      return;
    }
  fputs (text, f);
  fclose (f);
  tree_note (t, p, 0);
}

/* Remove what was made, last first, then the root; 1 when all is gone. */
static int
tree_free (tree *t)
{
  int ok = 1;
  for (size_t i = t->n; i-- > 0;)
    ok &= (t->dir[i] ? rmdir (t->path[i]) : unlink (t->path[i])) == 0;
  ok &= rmdir (t->root) == 0;
  return ok;
}

static const char meminfo[] =
  "MemTotal:       16384000 kB\n"
  "MemFree:         1000000 kB\n"
  "MemAvailable:    8000000 kB\n"
  "Buffers:           12345 kB\n";
/* MemAvailable in bytes: 8000000 kB * 1024. */
#define MEMAVAIL 8192000000.0

/* One prepared tree: files[] pairs of (path, content), NULL-terminated;
   bp_memory_linux of its root against want. */
static void
memory_case (const char *const *files, double want, const char *what)
{
  tree t;
  if (!tree_new (&t))
    {
      record (0);
      printf ("test_system: mkdtemp failed\n");
      return;
    }
  for (size_t i = 0; files[i]; i += 2)
    tree_put (&t, files[i], files[i + 1]);
  const unsigned long f0 = n_failed;
  /* sums and differences of integers below 2^53: exact */
  CHECK_NEAR (bp_memory_linux (t.root), want, 0.0);
  CHECK (tree_free (&t));
  if (n_failed != f0)
    printf ("  (memory case: %s)\n", what);
}

void
test_memory (void)
{
  /* The real system: something positive, and no more than the Linux
     part says (bp_memory_available also takes ulimit -v into account).
     MemAvailable moves between two reads as other processes allocate
     and free (under valgrind, this one too): up to 1 GiB of slack. */
#if defined (__linux__)
  const double before = bp_memory_linux ("");
#endif
  const double avail = bp_memory_available ();
  CHECK (avail > 0.0 && !isnan (avail));
#if defined (__linux__)
  const double after = bp_memory_linux ("");
  CHECK (before > 0.0 && after > 0.0);
  CHECK (avail <= fmax (before, after) + 1073741824.0);
#endif

  /* Nothing there: +Inf. */
  {
    const char *f[] = { NULL };
    memory_case (f, HUGE_VAL, "empty tree");
  }
  {
    /* an unrelated directory only */
    const char *f[] = { "/proc/self", NULL, NULL };
    memory_case (f, HUGE_VAL, "no files");
  }
  /* MemAvailable only. */
  {
    const char *f[] = { "/proc/meminfo", meminfo, NULL };
    memory_case (f, MEMAVAIL, "meminfo");
  }
  /* cgroup v2: limit 1e9, use 3e8 of which 1e8 inactive page cache:
     room 1e9 - (3e8 - 1e8) = 8e8 (below MemAvailable). */
  {
    const char *f[] = {
      "/proc/meminfo", meminfo,
      "/proc/self/cgroup", "0::/a/b\n",
      "/sys/fs/cgroup/a/b/memory.max", "1000000000\n",
      "/sys/fs/cgroup/a/b/memory.current", "300000000\n",
      "/sys/fs/cgroup/a/b/memory.stat",
      "anon 5\nfile 7\nactive_file 3\ninactive_file 100000000\nslab 9\n",
      NULL };
    memory_case (f, 8e8, "v2, limit at the leaf");
  }
  /* ... with a smaller limit at the parent: 5e8 - 1e8 = 4e8. */
  {
    const char *f[] = {
      "/proc/meminfo", meminfo,
      "/proc/self/cgroup", "0::/a/b\n",
      "/sys/fs/cgroup/a/b/memory.max", "1000000000\n",
      "/sys/fs/cgroup/a/b/memory.current", "300000000\n",
      "/sys/fs/cgroup/a/b/memory.stat", "inactive_file 100000000\n",
      "/sys/fs/cgroup/a/memory.max", "500000000\n",
      "/sys/fs/cgroup/a/memory.current", "100000000\n",
      NULL };
    memory_case (f, 4e8, "v2, smaller limit at the parent");
  }
  /* "max" is no limit: at the leaf, the parent's counts; everywhere,
     MemAvailable. */
  {
    const char *f[] = {
      "/proc/meminfo", meminfo,
      "/proc/self/cgroup", "0::/a/b\n",
      "/sys/fs/cgroup/a/b/memory.max", "max\n",
      "/sys/fs/cgroup/a/b/memory.current", "300000000\n",
      "/sys/fs/cgroup/a/memory.max", "500000000\n",
      "/sys/fs/cgroup/a/memory.current", "100000000\n",
      NULL };
    memory_case (f, 4e8, "v2, max at the leaf");
  }
  {
    const char *f[] = {
      "/proc/meminfo", meminfo,
      "/proc/self/cgroup", "0::/a/b\n",
      "/sys/fs/cgroup/a/b/memory.max", "max\n",
      "/sys/fs/cgroup/a/b/memory.current", "300000000\n",
      "/sys/fs/cgroup/a/memory.max", "max\n",
      NULL };
    memory_case (f, MEMAVAIL, "v2, max everywhere");
  }
  /* A trailing slash on the path changes nothing. */
  {
    const char *f[] = {
      "/proc/meminfo", meminfo,
      "/proc/self/cgroup", "0::/a/b/\n",
      "/sys/fs/cgroup/a/b/memory.max", "1000000000\n",
      "/sys/fs/cgroup/a/b/memory.current", "300000000\n",
      NULL };
    memory_case (f, 7e8, "v2, trailing slash");
  }
  /* A limit without a usage file: all of it is room. */
  {
    const char *f[] = {
      "/proc/meminfo", meminfo,
      "/proc/self/cgroup", "0::/a\n",
      "/sys/fs/cgroup/a/memory.max", "1000000000\n",
      NULL };
    memory_case (f, 1e9, "v2, no memory.current");
  }
  /* Use above the limit: no room at all (0, not negative). */
  {
    const char *f[] = {
      "/proc/meminfo", meminfo,
      "/proc/self/cgroup", "0::/a\n",
      "/sys/fs/cgroup/a/memory.max", "100000000\n",
      "/sys/fs/cgroup/a/memory.current", "200000000\n",
      NULL };
    memory_case (f, 0.0, "v2, over the limit");
  }
  /* The container case: the process sees its own cgroup as the root,
     "0::/", and the limit sits at the top of the hierarchy:
     2e9 - 5e8 = 1.5e9. */
  {
    const char *f[] = {
      "/proc/meminfo", meminfo,
      "/proc/self/cgroup", "0::/\n",
      "/sys/fs/cgroup/memory.max", "2000000000\n",
      "/sys/fs/cgroup/memory.current", "500000000\n",
      NULL };
    memory_case (f, 1.5e9, "v2, container root");
  }
  /* cgroup v1 (Docker on an older host): the memory controller's line
     among others, limit 1 GiB, use 512 MiB of which 128 MiB inactive
     cache: 2^30 - (2^29 - 2^27) = 671088640.  The parent and the
     hierarchy's root report "no limit" as 9223372036854771712 (2^63
     rounded down to a page), which must not count as a limit.  The v1
     files also hold "inactive_file", which is not the v1 key. */
  {
    const char *f[] = {
      "/proc/meminfo", meminfo,
      "/proc/self/cgroup",
      "12:cpu,cpuacct:/docker/x\n4:memory:/docker/x\n1:name=systemd:/docker/x\n",
      "/sys/fs/cgroup/memory/docker/x/memory.limit_in_bytes", "1073741824\n",
      "/sys/fs/cgroup/memory/docker/x/memory.usage_in_bytes", "536870912\n",
      "/sys/fs/cgroup/memory/docker/x/memory.stat",
      "cache 2\nrss 1\ninactive_file 3\ntotal_cache 4\n"
      "total_inactive_file 134217728\n",
      "/sys/fs/cgroup/memory/docker/memory.limit_in_bytes",
      "9223372036854771712\n",
      "/sys/fs/cgroup/memory/docker/memory.usage_in_bytes", "999999999999\n",
      "/sys/fs/cgroup/memory/memory.limit_in_bytes", "9223372036854771712\n",
      NULL };
    memory_case (f, 671088640.0, "v1");
  }
  /* v1 with "no limit" at the leaf too: MemAvailable. */
  {
    const char *f[] = {
      "/proc/meminfo", meminfo,
      "/proc/self/cgroup", "4:memory:/docker/x\n",
      "/sys/fs/cgroup/memory/docker/x/memory.limit_in_bytes",
      "9223372036854771712\n",
      "/sys/fs/cgroup/memory/docker/x/memory.usage_in_bytes", "536870912\n",
      NULL };
    memory_case (f, MEMAVAIL, "v1, no limit");
  }
  /* v1: "memory" among several controllers counts; "memoryx" is another
     controller. */
  {
    const char *f[] = {
      "/proc/meminfo", meminfo,
      "/proc/self/cgroup", "5:cpuacct,memory:/g\n",
      "/sys/fs/cgroup/memory/g/memory.limit_in_bytes", "3000000000\n",
      "/sys/fs/cgroup/memory/g/memory.usage_in_bytes", "1000000000\n",
      NULL };
    memory_case (f, 2e9, "v1, memory in a list of controllers");
  }
  {
    const char *f[] = {
      "/proc/meminfo", meminfo,
      "/proc/self/cgroup", "6:memoryx:/g\n",
      "/sys/fs/cgroup/memory/g/memory.limit_in_bytes", "3000000000\n",
      NULL };
    memory_case (f, MEMAVAIL, "v1, memoryx is not memory");
  }
  /* Both hierarchies listed (a hybrid host): the least room of both. */
  {
    const char *f[] = {
      "/proc/meminfo", meminfo,
      "/proc/self/cgroup", "4:memory:/v1\n0::/v2\n",
      "/sys/fs/cgroup/memory/v1/memory.limit_in_bytes", "3000000000\n",
      "/sys/fs/cgroup/v2/memory.max", "2500000000\n",
      NULL };
    memory_case (f, 2.5e9, "v1 and v2");
  }
  /* The cgroup file names a cgroup whose files are missing: MemAvailable
     only; and without meminfo either, +Inf. */
  {
    const char *f[] = {
      "/proc/meminfo", meminfo,
      "/proc/self/cgroup", "0::/a/b\n",
      NULL };
    memory_case (f, MEMAVAIL, "v2 files missing");
  }
  {
    const char *f[] = {
      "/proc/self/cgroup", "0::/a/b\n4:memory:/x\n",
      NULL };
    memory_case (f, HUGE_VAL, "cgroup named, nothing else");
  }
  /* Without MemAvailable a cgroup limit still counts. */
  {
    const char *f[] = {
      "/proc/self/cgroup", "0::/a\n",
      "/sys/fs/cgroup/a/memory.max", "1000000000\n",
      "/sys/fs/cgroup/a/memory.current", "250000000\n",
      NULL };
    memory_case (f, 7.5e8, "v2 without meminfo");
  }
  /* A path that climbs out of the hierarchy ("..") is not followed: the
     limit planted beside it does not count. */
  {
    const char *f[] = {
      "/proc/meminfo", meminfo,
      "/proc/self/cgroup", "0::/../evil\n",
      "/sys/fs/evil/memory.max", "1000\n",
      NULL };
    memory_case (f, MEMAVAIL, "path with ..");
  }
}

/* ================================================================ pages */

/* The block placed in an allocation of bytes + slack lies inside it; with
   slack it starts on a 2 MiB boundary (where huge pages can map it) and
   every byte of it can be written (valgrind and ASan see any overrun). */
void
test_pages (void)
{
  const size_t sizes[] = { 0, 1, 4096, (1u << 20) - 8, 1u << 20,
                           (2u << 20) - 1, 2u << 20, (2u << 20) + 8,
                           (7u << 20) + 12345 };
  for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++)
    {
      const size_t bytes = sizes[k], slack = bp_pages_slack (bytes);
      /* Small blocks fault few pages: no slack for them anywhere. */
      if (bytes < (1u << 20))
        CHECK_INT (slack, 0);
#if defined (__linux__)
      else
        CHECK (slack > 0);    /* Linux has huge pages on request */
#endif
      CHECK (slack <= (4u << 20));
      char *mem = malloc (bytes + slack + 1);
      CHECK (mem != NULL);
      if (!mem)
        continue;
      char *at = bp_pages_place (mem, bytes);
      CHECK (at >= mem);
      CHECK (at + bytes <= mem + bytes + slack);
      if (slack)
        CHECK_INT ((size_t) ((uintptr_t) at % (2u << 20)), 0);
      else
        CHECK (at == mem);
      memset (at, 1, bytes);
      free (mem);
    }
}
