/* __bp_mex__.c: argument checks, views and conversions shared by the MEX
   gateways (linked into each of them; not a gateway itself). */
#define _DEFAULT_SOURCE /* sysconf (_SC_PHYS_PAGES) */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
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

/* Every element finite, or an error naming the first one that is not. */
static void
check_finite (const mxArray *a, const char *what)
{
  const double *p = mxGetPr (a);
  const size_t rows = mxGetM (a), N = mxGetNumberOfElements (a);
  for (size_t e = 0; e < N; e++)
    if (!isfinite (p[e]))
      bpx_error ("not_finite", "%s must be finite, but %s(%lu,%lu) is %s",
                 what, what, (unsigned long) (e % rows + 1),
                 (unsigned long) (e / rows + 1),
                 isnan (p[e]) ? "NaN" : (p[e] > 0 ? "Inf" : "-Inf"));
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
  check_finite (a, what);
  return transposed_view (a);
}

gsl_matrix
bpx_samples (const mxArray *a, const char *what, size_t rows,
             const char *rows_why)
{
  if (!is_real_double_matrix (a) || mxIsEmpty (a)
      || (rows && mxGetM (a) != rows))
    {
      if (rows)
        bpx_error (is_real_double_matrix (a) ? "wrong_size" : "wrong_type",
                   "%s must be a real double matrix with %lu rows (%s) and "
                   "one column per sample, got %s", what,
                   (unsigned long) rows, rows_why, describe (a));
      bpx_matrix (a, what);   /* raises the type or emptiness error */
    }
  check_finite (a, what);
  return transposed_view (a);
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
        bpx_error ("out_of_range", "%s must be a number >= %g, got %g", what,
                   lo, v);
      bpx_error ("out_of_range", "%s must be a number in [%g, %g], got %g",
                 what, lo, hi, v);
    }
  return v;
}

char *
bpx_string (const mxArray *a, const char *what)
{
  if (!a)
    bpx_error ("wrong_type", "%s must be a name (a char row)", what);
  if (!mxIsChar (a) || mxGetM (a) > 1 || mxGetNumberOfDimensions (a) != 2)
    bpx_error ("wrong_type", "%s must be a name (a char row), got %s", what,
               describe (a));
  char *s = mxArrayToString (a);
  if (!s)
    bpx_error ("wrong_type", "%s must be a name (a char row)", what);
  return s;
}

bp_activation
bpx_activation (const char *name, const char *what)
{
  bp_activation g;
  if (bp_activation_parse (name, &g) != BP_OK)
    bpx_error ("unknown_activation", "%s must be one of 'sigmoid', 'tanh', "
               "'relu', 'leaky-relu', 'linear', 'softmax', got '%s'", what,
               name);
  return g;
}

bp_loss
bpx_loss (const char *name, const char *what)
{
  bp_loss c;
  if (bp_loss_parse (name, &c) != BP_OK)
    bpx_error ("unknown_loss", "%s must be one of 'sse', 'quadratic', 'mse', "
               "'cross-entropy', 'log-likelihood', got '%s'", what, name);
  return c;
}

/* ---- the network struct */

#define NET_ERROR(...) bpx_error ("invalid_net", __VA_ARGS__)

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
net_cell (const mxArray *s, const char *name, size_t L)
{
  char what[16];
  snprintf (what, sizeof what, "net.%s", name);
  return bpx_cell (net_field (s, name), what, L, "invalid_net");
}

const mxArray *
bpx_layer_array (const mxArray *cell, const char *name, size_t l,
                 size_t rows, size_t cols, const char *shape,
                 const char *reason)
{
  const mxArray *p = mxGetCell (cell, l - 1);
  char what[48];
  snprintf (what, sizeof what, "%s{%lu}", name, (unsigned long) l);
  if (!p || !is_real_double_matrix (p) || mxGetM (p) != rows
      || mxGetN (p) != cols)
    bpx_error (reason, "%s must be a real double %lu-by-%lu matrix (%s), "
               "got %s", what, (unsigned long) rows, (unsigned long) cols,
               shape, p ? describe (p) : "nothing");
  check_finite (p, what);
  return p;
}

const mxArray *
bpx_cell (const mxArray *c, const char *what, size_t L, const char *reason)
{
  if (!c || !mxIsCell (c) || mxGetNumberOfElements (c) != L)
    bpx_error (reason, "%s must be a 1-by-%lu cell (one entry per layer), "
               "got %s", what, (unsigned long) L,
               c ? describe (c) : "nothing");
  return c;
}

void
bpx_check_size (size_t rows, size_t cols, size_t count, const char *what)
{
  size_t cells, bytes;
  const double ram = (double) sysconf (_SC_PHYS_PAGES)
                     * (double) sysconf (_SC_PAGESIZE);
  if (bp_size_mul (rows, cols, &cells) || bp_size_mul (cells, count, &cells)
      || bp_size_mul (cells, sizeof (double), &bytes)
      || (ram > 0 && (double) bytes > ram))
    bpx_error ("out_of_memory", "%s would need %.3g GB, more than this "
               "machine's %.3g GB of memory", what,
               (double) rows * (double) cols * (double) count * 8e-9,
               ram * 1e-9);
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

  const mxArray *W = net_cell (s, "W", L), *b = net_cell (s, "b", L);
  const mxArray *g = net_cell (s, "g", L);
  net->L = L;
  net->n = n;
  net->W = mxMalloc (L * sizeof *net->W);
  net->b = mxMalloc (L * sizeof *net->b);
  bp_activation *act = mxMalloc (L * sizeof *act);
  for (size_t l = 1; l <= L; l++)
    {
      char shape[96];
      snprintf (shape, sizeof shape, "n_%lu-by-n_%lu, from net.sizes",
                (unsigned long) l, (unsigned long) (l - 1));
      const mxArray *Wl = bpx_layer_array (W, "net.W", l, n[l], n[l - 1],
                                           shape, "invalid_net");
      snprintf (shape, sizeof shape, "a column of n_%lu, from net.sizes",
                (unsigned long) l);
      const mxArray *bl = bpx_layer_array (b, "net.b", l, n[l], 1, shape,
                                           "invalid_net");
      net->W[l - 1] = transposed_view (Wl);
      net->b[l - 1] = gsl_vector_view_array ((double *) mxGetPr (bl),
                                             n[l]).vector;
      char what[32];
      snprintf (what, sizeof what, "net.g{%lu}", (unsigned long) l);
      act[l - 1] = bpx_activation (bpx_string (mxGetCell (g, l - 1), what),
                                   what);
    }
  net->g = act;
  net->loss = bpx_loss (bpx_string (net_field (s, "loss"), "net.loss"),
                        "net.loss");
  if (!bp_loss_accepts (net->loss, act[L - 1]))
    NET_ERROR ("net.loss '%s' needs a %s output layer, but net.g{%lu} is "
               "'%s'", bp_loss_name (net->loss),
               net->loss == BP_CROSS_ENTROPY ? "sigmoid" : "softmax",
               (unsigned long) L, bp_activation_name (act[L - 1]));
}

/* A fresh copy of a real double matrix. */
static mxArray *
copy_matrix (const mxArray *a)
{
  mxArray *c = mxCreateDoubleMatrix (mxGetM (a), mxGetN (a), mxREAL);
  memcpy (mxGetPr (c), mxGetPr (a),
          mxGetNumberOfElements (a) * sizeof (double));
  return c;
}

mxArray *
bpx_net_copy (const mxArray *in, bp_net *net)
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
          mxSetFieldByNumber (out, 0, f, mxDuplicateArray (v));
          continue;
        }
      mxArray *cell = mxCreateCellMatrix (1, net->L);
      for (size_t i = 0; i < net->L; i++)
        {
          mxArray *c = copy_matrix (mxGetCell (v, i));
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
  bpx_check_size (n, m, 1, "the result");
  mxArray *a = mxCreateDoubleMatrix (n, m, mxREAL);
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
