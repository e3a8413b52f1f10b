/* __bp_mex__.c: argument checks, views and conversions shared by the MEX
   gateways (linked into each of them; not a gateway itself). */
#define _DEFAULT_SOURCE /* sysconf (_SC_PHYS_PAGES), getrlimit */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>
#include <gsl/gsl_errno.h>
#include "__bp_mex__.h"

static char fn_name[64] = "backprop";

const char *
bpx_fn (void)
{
  return fn_name;
}

void
bpx_error (const char *reason, const char *fmt, ...)
{
  char id[128], msg[1024];
  int k = snprintf (msg, sizeof msg, "%s: ", fn_name);
  va_list ap;
  va_start (ap, fmt);
  vsnprintf (msg + k, sizeof msg - (size_t) k, fmt, ap);
  va_end (ap);
  snprintf (id, sizeof id, "backprop:%s:%s", fn_name, reason);
  /* Octave's mexErrMsgIdAndTxt would prefix the gateway's own name; raise
     the error through error (struct) so the message starts with the
     public function's name, as the .m layer's errors do. */
  const char *fields[2] = { "message", "identifier" };
  mxArray *err = mxCreateStructMatrix (1, 1, 2, fields);
  mxSetField (err, 0, "message", mxCreateString (msg));
  mxSetField (err, 0, "identifier", mxCreateString (id));
  mexCallMATLAB (0, NULL, 1, &err, "error");
  mexErrMsgIdAndTxt (id, "%s", msg);   /* not reached: error unwinds */
#if defined (__GNUC__)
  __builtin_unreachable ();
#endif
}

void
bpx_begin (int nlhs, int nrhs, const mxArray *prhs[], int nin, int nout)
{
  gsl_set_error_handler_off ();
  /* Called without the name (directly from the prompt): use our own. */
  if (nrhs < 1 || !mxIsChar (prhs[0])
      || mxGetString (prhs[0], fn_name, sizeof fn_name) != 0)
    {
      snprintf (fn_name, sizeof fn_name, "%s", mexFunctionName ());
      bpx_error ("nargin", "internal function: call the public function "
                 "instead");
    }
  if (nrhs - 1 != nin)
    bpx_error ("nargin", "expected %d input arguments, got %d", nin,
               nrhs - 1);
  if (nlhs > nout)
    bpx_error ("nargout", "at most %d output arguments, got %d", nout, nlhs);
}

/* "a 3-by-4 complex double array", "a 1-by-1 struct", ... */
static const char *
describe (const mxArray *a)
{
  static char buf[160];
  char dims[64] = "";
  const mwSize nd = mxGetNumberOfDimensions (a);
  const mwSize *d = mxGetDimensions (a);
  int k = 0;
  for (mwSize i = 0; i < nd && k < (int) sizeof dims - 24; i++)
    k += snprintf (dims + k, sizeof dims - (size_t) k, i ? "-by-%lu" : "%lu",
                   (unsigned long) d[i]);
  snprintf (buf, sizeof buf, "a %s %s%s%s", dims,
            mxIsSparse (a) ? "sparse " : "",
            mxIsComplex (a) ? "complex " : "", mxGetClassName (a));
  return buf;
}

/* Real, full, 2-D double: the only numeric type the core reads. */
static int
is_real_double_matrix (const mxArray *a)
{
  return mxIsDouble (a) && !mxIsComplex (a) && !mxIsSparse (a)
         && mxGetNumberOfDimensions (a) == 2;
}

/* "name" or "name{l}" for messages; only formatted when an error is
   raised, so the checks cost nothing but the comparisons. */
static const char *
arg_text (const char *name, size_t l)
{
  static char buf[64];
  if (l == 0)
    return name;
  snprintf (buf, sizeof buf, "%s{%lu}", name, (unsigned long) l);
  return buf;
}

/* 1 when no element is NaN or infinite: x - x is 0 for every finite x and
   NaN otherwise, so a sum of such terms is 0 exactly when all are finite
   (in any order).  Four running sums keep the loop branch-free and let
   the processor overlap them: checking a weight matrix costs far less
   than using it. */
static int
all_finite (const double *p, size_t n)
{
  double s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0;
  size_t i = 0;
  for (; i + 4 <= n; i += 4)
    {
      s0 += p[i] - p[i];
      s1 += p[i + 1] - p[i + 1];
      s2 += p[i + 2] - p[i + 2];
      s3 += p[i + 3] - p[i + 3];
    }
  for (; i < n; i++)
    s0 += p[i] - p[i];
  return s0 + s1 + s2 + s3 == 0.0;
}

/* Every element finite, or the error <reason> naming the first one that
   is not. */
static void
check_finite (const mxArray *a, const char *name, size_t l,
              const char *reason)
{
  const double *p = mxGetPr (a);
  const size_t N = mxGetNumberOfElements (a);
  if (all_finite (p, N))
    return;
  for (size_t e = 0; e < N; e++)
    if (!isfinite (p[e]))
      {
        const size_t rows = mxGetM (a);
        const char *what = arg_text (name, l);
        bpx_error (reason, "%s must be finite, but %s(%lu,%lu) is %s",
                   what, what, (unsigned long) (e % rows + 1),
                   (unsigned long) (e / rows + 1),
                   isnan (p[e]) ? "NaN" : (p[e] > 0 ? "Inf" : "-Inf"));
      }
}

/* The view: Octave's r-by-c column-major array is a c-by-r row-major one. */
static gsl_matrix
transposed_view (const mxArray *a)
{
  gsl_matrix v;
  v.size1 = mxGetN (a);
  v.size2 = mxGetM (a);
  v.tda = v.size2;
  v.data = (double *) mxGetPr (a);   /* read-only use: never written */
  v.block = NULL;
  v.owner = 0;
  return v;
}

gsl_matrix
bpx_matrix (const mxArray *a, const char *what)
{
  if (!is_real_double_matrix (a))
    bpx_error ("wrong_type", "%s must be a real double matrix, got %s", what,
               describe (a));
  if (mxIsEmpty (a))
    bpx_error ("empty", "%s must not be empty, got %s", what, describe (a));
  check_finite (a, what, 0, "not_finite");
  return transposed_view (a);
}

gsl_matrix
bpx_samples (const mxArray *a, const char *what, size_t rows,
             const char *rows_why)
{
  if (is_real_double_matrix (a) && !mxIsEmpty (a) && mxGetM (a) != rows)
    bpx_error ("wrong_size", "%s must be a real double matrix with %lu rows "
               "(%s) and one column per sample, got %s", what,
               (unsigned long) rows, rows_why, describe (a));
  return bpx_matrix (a, what);
}

double
bpx_scalar (const mxArray *a, const char *what, double lo, double hi)
{
  if (!is_real_double_matrix (a) || mxGetNumberOfElements (a) != 1)
    bpx_error ("wrong_type", "%s must be a real double scalar, got %s", what,
               describe (a));
  const double v = mxGetScalar (a);
  if (!isfinite (v))
    bpx_error ("not_finite", "%s must be finite, got %g", what, v);
  if (!(v >= lo && v <= hi))
    {
      if (isinf (hi))
        bpx_error ("out_of_range", "%s must be a number >= %.15g, got %.15g",
                   what, lo, v);
      bpx_error ("out_of_range", "%s must be a number in [%.15g, %.15g], "
                 "got %.15g", what, lo, hi, v);
    }
  return v;
}

const char *
bpx_name (const mxArray *a, const char *name, size_t l, char *buf,
          size_t len, const char *reason)
{
  if (!reason)
    reason = "wrong_type";
  if (!a || !mxIsChar (a) || mxGetM (a) > 1
      || mxGetNumberOfDimensions (a) != 2)
    bpx_error (reason, "%s must be a name (a char row), got %s",
               arg_text (name, l), a ? describe (a) : "nothing");
  /* Copy the characters ourselves: a NUL inside would end a C string
     early and let "relu\0x" pass for "relu", so NULs become '?', which no
     name contains; a name too long for buf is cut and marked with "...",
     so it matches no known name either. */
  size_t n = mxGetNumberOfElements (a);
  const char *s = n > 0 ? mxArrayToString (a) : NULL;   /* mxMalloc'd */
  if (!s)
    n = 0;
  const size_t keep = n < len ? n : len - 4;
  for (size_t i = 0; i < keep; i++)
    buf[i] = s[i] != '\0' ? s[i] : '?';
  strcpy (buf + keep, n < len ? "" : "...");
  /* Octave 7.3 does not reclaim mxArrayToString's copy at the end of the
     call, so give it back now. */
  if (s)
    mxFree ((void *) s);
  return buf;
}

bp_activation
bpx_activation (const char *s, const char *name, size_t l,
                const char *reason)
{
  bp_activation g;
  if (bp_activation_parse (s, &g) != BP_OK)
    bpx_error (reason ? reason : "unknown_activation",
               "%s must be one of 'sigmoid', 'tanh', 'relu', 'leaky-relu', "
               "'linear', 'softmax', got '%s'", arg_text (name, l), s);
  return g;
}

bp_loss
bpx_loss (const char *s, const char *name, const char *reason)
{
  bp_loss c;
  if (bp_loss_parse (s, &c) != BP_OK)
    bpx_error (reason ? reason : "unknown_loss",
               "%s must be one of 'sse', 'quadratic', 'mse', "
               "'cross-entropy', 'log-likelihood', got '%s'", name, s);
  return c;
}

void
bpx_check_unit_interval (const gsl_matrix *M, const char *what, bp_loss c)
{
  if (c != BP_CROSS_ENTROPY && c != BP_LOG_LIKELIHOOD)
    return;
  for (size_t i = 0; i < M->size1; i++)
    for (size_t j = 0; j < M->size2; j++)
      {
        const double v = M->data[i * M->tda + j];
        if (v < 0.0 || v > 1.0)
          bpx_error ("out_of_range", "%s must lie in [0, 1] for the '%s' "
                     "loss, but %s(%lu,%lu) is %g", what, bp_loss_name (c),
                     what, (unsigned long) (j + 1), (unsigned long) (i + 1),
                     v);
      }
}

const mxArray *
bpx_cell (const mxArray *c, const char *what, size_t L, const char *reason)
{
  if (!c || !mxIsCell (c) || mxGetNumberOfElements (c) != L)
    bpx_error (reason ? reason
               : (c && mxIsCell (c) ? "wrong_size" : "wrong_type"),
               "%s must be a 1-by-%lu cell (one entry per layer), "
               "got %s", what, (unsigned long) L,
               c ? describe (c) : "nothing");
  return c;
}

const mxArray *
bpx_layer_array (const mxArray *cell, const char *name, size_t l,
                 size_t rows, size_t cols, const char *shape_fmt,
                 const char *reason)
{
  const mxArray *p = mxGetCell (cell, l - 1);
  const int type_ok = p && is_real_double_matrix (p);
  if (!type_ok || mxGetM (p) != rows || mxGetN (p) != cols)
    {
      char shape[96];
      snprintf (shape, sizeof shape, shape_fmt, (unsigned long) l,
                (unsigned long) (l - 1));
      bpx_error (reason ? reason : (type_ok ? "wrong_size" : "wrong_type"),
                 "%s must be a real double %lu-by-%lu matrix (%s), got %s",
                 arg_text (name, l), (unsigned long) rows,
                 (unsigned long) cols, shape, p ? describe (p) : "nothing");
    }
  check_finite (p, name, l, reason ? reason : "not_finite");
  return p;
}

/* Memory this process may still take: the kernel's estimate of available
   memory, and the room left under an address-space limit (ulimit -v). */
static double
available_bytes (void)
{
  const double page = (double) sysconf (_SC_PAGESIZE);
  double avail = (double) sysconf (_SC_PHYS_PAGES) * page;
  FILE *f = fopen ("/proc/meminfo", "r");
  if (f)
    {
      char line[128];
      double kb;
      while (fgets (line, sizeof line, f))
        if (sscanf (line, "MemAvailable: %lf kB", &kb) == 1)
          {
            avail = kb * 1024.0;
            break;
          }
      fclose (f);
    }
  struct rlimit rl;
  if (getrlimit (RLIMIT_AS, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY)
    {
      double used = 0.0;
      f = fopen ("/proc/self/statm", "r");
      if (f)
        {
          if (fscanf (f, "%lf", &used) != 1)
            used = 0.0;
          fclose (f);
        }
      const double room = (double) rl.rlim_cur - used * page;
      if (room < avail)
        avail = room;
    }
  return avail;
}

void
bpx_check_memory (double bytes, const char *what)
{
  /* Small requests cannot matter and are not worth reading /proc for. */
  if (bytes < 64e6)
    return;
  const double avail = available_bytes ();
  if (bytes > avail)
    bpx_error ("out_of_memory", "%s needs %.3g GB of memory, but only %.3g "
               "GB is available", what, bytes * 1e-9,
               (avail > 0 ? avail : 0) * 1e-9);
}

/* ---- the network struct */

/* Every problem inside the network struct has this reason. */
#define NET "invalid_net"
#define NET_ERROR(...) bpx_error (NET, __VA_ARGS__)

static const mxArray *
net_field (const mxArray *s, const char *name)
{
  const mxArray *f = mxGetField (s, 0, name);
  if (!f)
    NET_ERROR ("net has no field '%s' (a network has fields sizes, W, b, g "
               "and loss; make one with bp_init)", name);
  return f;
}

/* A cell field with exactly L elements. */
static const mxArray *
net_cell (const mxArray *s, const char *field, const char *name, size_t L)
{
  return bpx_cell (net_field (s, field), name, L, NET);
}

void
bpx_net (const mxArray *s, bp_net *net)
{
  if (!mxIsStruct (s) || mxGetNumberOfElements (s) != 1)
    NET_ERROR ("net must be a scalar struct made by bp_init, got %s",
               describe (s));

  const mxArray *sz = net_field (s, "sizes");
  const size_t nsz = mxGetNumberOfElements (sz);
  if (!is_real_double_matrix (sz) || nsz < 2
      || (mxGetM (sz) != 1 && mxGetN (sz) != 1))
    NET_ERROR ("net.sizes must be a real double vector [n0 n1 ... nL] with "
               "at least two layer widths, got %s", describe (sz));
  const size_t L = nsz - 1;
  size_t *n = mxMalloc ((L + 1) * sizeof *n);
  for (size_t l = 0; l <= L; l++)
    {
      const double v = mxGetPr (sz)[l];
      if (!(v >= 1 && v <= 9.0e15 && v == floor (v)))
        NET_ERROR ("net.sizes(%lu) must be a positive integer, got %g",
                   (unsigned long) (l + 1), v);
      n[l] = (size_t) v;
    }

  const mxArray *W = net_cell (s, "W", "net.W", L);
  const mxArray *b = net_cell (s, "b", "net.b", L);
  const mxArray *g = net_cell (s, "g", "net.g", L);
  net->L = L;
  net->n = n;
  net->W = mxMalloc (L * sizeof *net->W);
  net->b = mxMalloc (L * sizeof *net->b);
  bp_activation *act = mxMalloc (L * sizeof *act);
  for (size_t l = 1; l <= L; l++)
    {
      const mxArray *Wl = bpx_layer_array (W, "net.W", l, n[l], n[l - 1],
                                           "n_%lu-by-n_%lu, from net.sizes",
                                           NET);
      const mxArray *bl = bpx_layer_array (b, "net.b", l, n[l], 1,
                                           "a column of n_%lu, from net.sizes",
                                           NET);
      net->W[l - 1] = transposed_view (Wl);
      net->b[l - 1] = gsl_vector_view_array ((double *) mxGetPr (bl),
                                             n[l]).vector;
      char buf[32];
      act[l - 1] = bpx_activation (bpx_name (mxGetCell (g, l - 1), "net.g", l,
                                             buf, sizeof buf, NET),
                                   "net.g", l, NET);
    }
  net->g = act;
  char buf[32];
  net->loss = bpx_loss (bpx_name (net_field (s, "loss"), "net.loss", 0, buf,
                                  sizeof buf, NET), "net.loss", NET);
  if (!bp_loss_accepts (net->loss, act[L - 1]))
    NET_ERROR ("net.loss '%s' needs a %s output layer, but net.g{%lu} is "
               "'%s'", bp_loss_name (net->loss),
               net->loss == BP_CROSS_ENTROPY ? "sigmoid" : "softmax",
               (unsigned long) L, bp_activation_name (act[L - 1]));
}

double
bpx_net_parameters (const bp_net *net)
{
  double p = 0.0;
  for (size_t l = 1; l <= net->L; l++)
    p += (double) (net->n[l - 1] + 1) * (double) net->n[l];
  return p;
}

size_t
bpx_net_width (const bp_net *net)
{
  size_t w = 0;
  for (size_t l = 1; l <= net->L; l++)
    w += net->n[l];
  return w;
}

/* A new real double matrix of a's size: a copy of a, or uninitialised
   for a caller that writes every element. */
static mxArray *
new_like (const mxArray *a, int copy_values)
{
  mxArray *c = mxCreateUninitNumericMatrix (mxGetM (a), mxGetN (a),
                                            mxDOUBLE_CLASS, mxREAL);
  if (copy_values)
    memcpy (mxGetPr (c), mxGetPr (a),
            mxGetNumberOfElements (a) * sizeof (double));
  return c;
}

/* The new value of a field the checks have read (sizes, g, loss), built
   from what they found.  Not mxDuplicateArray of the input: Octave 7.3
   leaks the cached dimensions of an input array that was asked for its
   dimensions and is then duplicated (about 80 bytes a call). */
static mxArray *
rebuilt_field (const char *name, const bp_net *net)
{
  if (strcmp (name, "sizes") == 0)
    {
      mxArray *s = mxCreateDoubleMatrix (1, net->L + 1, mxREAL);
      for (size_t l = 0; l <= net->L; l++)
        mxGetPr (s)[l] = (double) net->n[l];
      return s;
    }
  if (strcmp (name, "g") == 0)
    {
      mxArray *g = mxCreateCellMatrix (1, net->L);
      for (size_t i = 0; i < net->L; i++)
        mxSetCell (g, i, mxCreateString (bp_activation_name (net->g[i])));
      return g;
    }
  if (strcmp (name, "loss") == 0)
    return mxCreateString (bp_loss_name (net->loss));
  return NULL;
}

mxArray *
bpx_net_copy (const mxArray *in, bp_net *net, int copy_values)
{
  const int nf = mxGetNumberOfFields (in);
  const char **names = mxMalloc ((size_t) nf * sizeof *names);
  for (int f = 0; f < nf; f++)
    names[f] = mxGetFieldNameByNumber (in, f);
  mxArray *out = mxCreateStructMatrix (1, 1, nf, names);
  for (int f = 0; f < nf; f++)
    {
      const mxArray *v = mxGetFieldByNumber (in, 0, f);
      const int is_W = strcmp (names[f], "W") == 0;
      if (!is_W && strcmp (names[f], "b") != 0)
        {
          mxArray *r = rebuilt_field (names[f], net);
          /* A field of the user's own, never inspected: copy it. */
          mxSetFieldByNumber (out, 0, f, r ? r : mxDuplicateArray (v));
          continue;
        }
      mxArray *cell = mxCreateCellMatrix (1, net->L);
      for (size_t i = 0; i < net->L; i++)
        {
          mxArray *c = new_like (mxGetCell (v, i), copy_values);
          mxSetCell (cell, i, c);
          if (is_W)
            net->W[i].data = mxGetPr (c);
          else
            net->b[i].data = mxGetPr (c);
        }
      mxSetFieldByNumber (out, 0, f, cell);
    }
  return out;
}

mxArray *
bpx_new_samples (size_t n, size_t m, gsl_matrix *view)
{
  mxArray *a = mxCreateUninitNumericMatrix (n, m, mxDOUBLE_CLASS, mxREAL);
  view->size1 = m;
  view->size2 = n;
  view->tda = n;
  view->data = mxGetPr (a);
  view->block = NULL;
  view->owner = 0;
  return a;
}

mxArray *
bpx_new_cell (size_t L)
{
  return mxCreateCellMatrix (1, L);
}
