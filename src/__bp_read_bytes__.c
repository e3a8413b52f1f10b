/* __bp_read_bytes__.c: gateway that reads the start of a file, gzip or
   not, for bp_load_idx.
   [bytes, compressed] = __bp_read_bytes__ (fn, file, maxbytes)
   bytes: uint8 column of at most maxbytes bytes of the file's content
   (decompressed when the file is gzip, as zlib recognises it by its magic
   bytes); compressed: true when it was.  Reading stops at maxbytes, so a
   small compressed file that would expand to gigabytes (a gzip bomb)
   costs no more than the caller asked for, and nothing is written to disk.

   Only regular files are opened: a named pipe would block the open for
   good, a device could be read forever. */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <zlib.h>
#include "bpmex.h"

/* zlib reads at most INT_MAX bytes a call. */
#define CHUNK (1u << 30)

void
mexFunction (int nlhs, mxArray *plhs[], int nrhs, const mxArray *prhs[])
{
  bpx_begin (nlhs, nrhs, prhs, 2, 2);
  const mxArray *f = prhs[1];
  if (!mxIsChar (f) || mxGetM (f) != 1 || mxGetNumberOfDimensions (f) != 2)
    bpx_error ("wrong_type", "file must be a file name (a char row)");
  const double max = bpx_scalar (prhs[2], "maxbytes", 0, 9007199254740992.0, 1);
  /* mxMalloc'd, so reclaimed if an error unwinds (mxArrayToString's copy
     is not, in Octave 7.3). */
  const size_t len = mxGetNumberOfElements (f);
  char *name = mxMalloc (len + 1);
  if (mxGetString (f, name, len + 1) != 0 || strlen (name) != len)
    bpx_error ("bad_name", "file must not contain a NUL character");

  struct stat st;
  if (stat (name, &st) != 0)
    bpx_error ("not_found", "cannot open '%s': no such file", name);
  if (!S_ISREG (st.st_mode))
    bpx_error ("not_regular", "'%s' is not a regular file (a directory, "
               "pipe or device cannot be read as data)", name);

  const size_t want = (size_t) max;
  bpx_check_memory (BPX_RETURNED * (double) want, "reading the file");
  mxArray *out = mxCreateNumericMatrix (want, 1, mxUINT8_CLASS, mxREAL);
  unsigned char *buf = mxGetData (out);

  /* The gzip magic bytes decide, not zlib: zlib versions differ on a file
     that starts with them and then has no valid gzip header (some read it
     as plain bytes), and such a file is a broken download, not data. */
  unsigned char head[2] = { 0, 0 };
  FILE *probe = fopen (name, "rb");
  if (!probe)
    bpx_error ("not_readable", "cannot open '%s' for reading", name);
  const size_t nhead = fread (head, 1, 2, probe);
  fclose (probe);
  const int gzip_magic = nhead == 2 && head[0] == 0x1F && head[1] == 0x8B;
  gzFile gz = gzopen (name, "rb");
  if (!gz)
    bpx_error ("not_readable", "cannot open '%s' for reading", name);
  size_t got = 0;
  int failed = 0;
  while (got < want)
    {
      const size_t ask = want - got < CHUNK ? want - got : CHUNK;
      const int n = gzread (gz, buf + got, (unsigned) ask);
      if (n < 0)
        {
          failed = 1;
          break;
        }
      got += (size_t) n;
      if ((size_t) n < ask)
        break;                                   /* end of the file */
    }
  const int compressed = !gzdirect (gz);
  /* A truncated stream ends the reads early with an error recorded, not
     always with a negative count. */
  int code;
  char why[160];
  snprintf (why, sizeof why, "%s", gzerror (gz, &code));
  failed |= code != Z_OK && code != Z_STREAM_END;
  if (gzip_magic && !compressed && !failed)
    {
      failed = 1;
      snprintf (why, sizeof why, "no valid gzip header follows its magic "
                "bytes");
    }
  gzclose (gz);                                  /* before any error */
  if (failed)
    bpx_error ("bad_gzip", "'%s' starts like a gzip file but does not "
               "decompress: %s", name, why);

  if (got < want)
    {
      mxArray *shorter = mxCreateNumericMatrix (got, 1, mxUINT8_CLASS,
                                                mxREAL);
      memcpy (mxGetData (shorter), buf, got);
      mxDestroyArray (out);
      out = shorter;
    }
  mxFree (name);
  plhs[0] = out;
  if (nlhs > 1)
    plhs[1] = mxCreateLogicalScalar (compressed);
}
