/* bpmex_args.c: argument checks that raise backprop:<function>:<reason>
   errors, zero-copy GSL views of Octave arrays, and new output arrays. */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "bpmex.h"
#include "bp_run.h"

/* Real, full, 2-D double: the only numeric type the core reads. */
static int
is_real_double_matrix (const mxArray *a)
{
  return mxIsDouble (a) && !mxIsComplex (a) && !mxIsSparse (a)
         && mxGetNumberOfDimensions (a) == 2;
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
        char what[64];
        snprintf (what, sizeof what, "%s", bpx_arg (name, l));
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
  /* Read-only use: the core never writes through views of inputs. */
  return gsl_matrix_view_array ((double *) mxGetPr (a), mxGetN (a),
                                mxGetM (a)).matrix;
}

gsl_matrix
bpx_matrix (const mxArray *a, const char *what)
{
  if (!is_real_double_matrix (a))
    bpx_error ("wrong_type", "%s must be a real double matrix, got %s", what,
               bpx_describe (a));
  if (mxIsEmpty (a))
    bpx_error ("empty", "%s must not be empty, got %s", what,
               bpx_describe (a));
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
               (unsigned long) rows, rows_why, bpx_describe (a));
  return bpx_matrix (a, what);
}

gsl_matrix
bpx_samples_again (const mxArray *a, const char *what, size_t rows)
{
  if (!is_real_double_matrix (a) || mxIsEmpty (a) || mxGetM (a) != rows)
    bpx_error ("internal", "%s must be the array given before, got %s", what,
               bpx_describe (a));
  return transposed_view (a);
}

double
bpx_scalar (const mxArray *a, const char *what, double lo, double hi,
            int whole)
{
  const int flag = whole && lo == 0 && hi == 1;
  if (flag && mxIsLogical (a) && !mxIsSparse (a)
      && mxGetNumberOfElements (a) == 1 && mxGetNumberOfDimensions (a) == 2)
    return *mxGetLogicals (a) ? 1.0 : 0.0;
  if (!is_real_double_matrix (a) || mxGetNumberOfElements (a) != 1)
    bpx_error ("wrong_type", "%s must be a real double scalar, got %s", what,
               bpx_describe (a));
  const double v = mxGetScalar (a);
  if (!isfinite (v))
    bpx_error ("not_finite", "%s must be finite, got %g", what, v);
  if (!(v >= lo && v <= hi) || (whole && v != floor (v)))
    {
      const char *kind = whole ? "a whole number" : "a number";
      if (hi >= DBL_MAX)
        bpx_error ("out_of_range", "%s must be %s >= %.15g, got %.15g", what,
                   kind, lo, v);
      bpx_error ("out_of_range", "%s must be %s in [%.15g, %.15g], got %.15g",
                 what, kind, lo, hi, v);
    }
  return v;
}

double
bpx_option (const mxArray *a, const bp_option_spec *s)
{
  const double v = bpx_scalar (a, s->name, s->lo, s->hi, s->whole);
  if ((s->open_lo && v == s->lo) || (s->open_hi && v == s->hi))
    {
      const char *kind = s->whole ? "a whole number" : "a number";
      if (s->hi >= DBL_MAX)
        bpx_error ("out_of_range", "%s must be %s > %.15g, got %.15g",
                   s->name, kind, s->lo, v);
      bpx_error ("out_of_range", "%s must be %s in %c%.15g, %.15g%c, got %.15g",
                 s->name, kind, s->open_lo ? '(' : '[', s->lo, s->hi,
                 s->open_hi ? ')' : ']', v);
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
               bpx_arg (name, l), bpx_describe (a));
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

const char *
bpx_name_list (const char *(*name) (int))
{
  static char buf[512];
  size_t k = 0;
  buf[0] = '\0';
  for (int i = 0; name (i) && k < sizeof buf - 64; i++)
    k += (size_t) snprintf (buf + k, sizeof buf - k, "%s'%s'", i ? ", " : "",
                            name (i));
  return buf;
}

bp_activation
bpx_activation (const mxArray *a, const char *name, size_t l,
                const char *reason)
{
  char buf[32];
  const char *s = bpx_name (a, name, l, buf, sizeof buf, reason);
  bp_activation g;
  if (bp_activation_parse (s, &g) != BP_OK)
    {
      char what[64];
      snprintf (what, sizeof what, "%s", bpx_arg (name, l));
      bpx_error (reason ? reason : "unknown_activation",
                 "%s must be one of %s, got '%s'", what,
                 bpx_name_list (bp_activation_name), s);
    }
  return g;
}

bp_loss
bpx_loss (const mxArray *a, const char *name, const char *reason)
{
  char buf[32];
  const char *s = bpx_name (a, name, 0, buf, sizeof buf, reason);
  bp_loss c;
  if (bp_loss_parse (s, &c) != BP_OK)
    bpx_error (reason ? reason : "unknown_loss",
               "%s must be one of %s, got '%s'", name,
               bpx_name_list (bp_loss_name), s);
  return c;
}

void
bpx_check_unit_interval (const gsl_matrix *M, const char *what, bp_loss c)
{
  if (!bp_loss_needs_unit_interval (c))
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
               "got %s", what, (unsigned long) L, bpx_describe (c));
  return c;
}

const mxArray *
bpx_layer_array (const mxArray *cell, const char *name, size_t l,
                 size_t rows, size_t cols, const char *shape_fmt,
                 const char *reason, int any_value)
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
                 bpx_arg (name, l), (unsigned long) rows,
                 (unsigned long) cols, shape, bpx_describe (p));
    }
  if (!any_value)
    check_finite (p, name, l, reason ? reason : "not_finite");
  return p;
}

mxArray *
bpx_new_samples (size_t n, size_t m, gsl_matrix *view)
{
  mxArray *a = mxCreateUninitNumericMatrix (n, m, mxDOUBLE_CLASS, mxREAL);
  *view = gsl_matrix_view_array (mxGetPr (a), m, n).matrix;
  return a;
}

mxArray *
bpx_new_row (size_t n, const double *values)
{
  mxArray *a = mxCreateUninitNumericMatrix (1, n, mxDOUBLE_CLASS, mxREAL);
  memcpy (mxGetPr (a), values, n * sizeof (double));
  return a;
}

mxArray *
bpx_new_cell (size_t L)
{
  return mxCreateCellMatrix (1, L);
}
