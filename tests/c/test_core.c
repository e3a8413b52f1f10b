/* test_core.c: unit tests of the backprop C core (src/bp.h), on its own,
   without Octave.

   Every expected value is either a closed form worked out by hand (the
   arithmetic is in the comment next to it) or the result of a plain,
   deliberately naive computation written in this file (one sample at a
   time, explicit loops, the textbook formula: for example the full softmax
   Jacobian as a matrix).  No expected value was copied from a run of the
   code under test.

   Output: one line per failed check ("file:line: what differed"), one
   summary line per test group (starting with '#'), and as the very last
   line "N passed, M failed", counting individual checks.  Exit status 0
   when nothing failed, 1 otherwise.

   Tolerances.  DBL_EPSILON (eps) is 2.2e-16.  A closed form evaluated with
   a few roundings of O(1) numbers is checked to 1e-15 (several times the
   half-ulp of one rounding); a result that both sides reach through
   longer chains (a dozen roundings: sums of logarithms, matrix products
   in a different summation order, exp versus tanh) to 1e-14.  Looser
   tolerances are explained where they are used. */

#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <gsl/gsl_matrix.h>
#include <gsl/gsl_vector.h>
#include "bp.h"

/* ================================================================ harness */

static unsigned long n_passed, n_failed;

static void
record (int ok)
{
  if (ok)
    n_passed++;
  else
    n_failed++;
}

static void
check_true (int ok, const char *file, int line, const char *expr)
{
  record (ok);
  if (!ok)
    printf ("%s:%d: check failed: %s\n", file, line, expr);
}

/* |got - want| <= tol (rel = 0) or <= tol |want| (rel = 1).  Equal values
   pass (that covers infinities); a NaN never passes. */
static void
check_near (double got, double want, double tol, int rel, const char *file,
            int line, const char *expr)
{
  const double lim = rel ? tol * fabs (want) : tol;
  const int ok = got == want || fabs (got - want) <= lim;
  record (ok);
  if (!ok)
    printf ("%s:%d: %s = %.17g, expected %.17g (|diff| %.3g > %s tol %.3g)\n",
            file, line, expr, got, want, fabs (got - want),
            rel ? "relative" : "absolute", tol);
}

static void
check_size (size_t got, size_t want, const char *file, int line,
            const char *expr)
{
  record (got == want);
  if (got != want)
    printf ("%s:%d: %s = %zu, expected %zu\n", file, line, expr, got, want);
}

/* Every entry of got within tol (absolute) of want; one check per call.
   Reports the first offending entry and how many there are. */
static void
check_mat (const gsl_matrix *got, const gsl_matrix *want, double tol,
           const char *file, int line, const char *expr)
{
  if (got->size1 != want->size1 || got->size2 != want->size2)
    {
      record (0);
      printf ("%s:%d: %s is %zu-by-%zu, expected %zu-by-%zu\n", file, line,
              expr, got->size1, got->size2, want->size1, want->size2);
      return;
    }
  size_t bad = 0, bi = 0, bj = 0;
  for (size_t i = 0; i < got->size1; i++)
    for (size_t j = 0; j < got->size2; j++)
      {
        const double g = got->data[i * got->tda + j];
        const double w = want->data[i * want->tda + j];
        if (!(g == w || fabs (g - w) <= tol))
          {
            if (bad++ == 0)
              {
                bi = i;
                bj = j;
              }
          }
      }
  record (bad == 0);
  if (bad)
    {
      const double g = got->data[bi * got->tda + bj];
      const double w = want->data[bi * want->tda + bj];
      printf ("%s:%d: %s(%zu,%zu) = %.17g, expected %.17g (|diff| %.3g > "
              "tol %.3g; %zu of %zu entries off)\n", file, line, expr, bi, bj,
              g, w, fabs (g - w), tol, bad, got->size1 * got->size2);
    }
}

#define CHECK(c) check_true ((c) != 0, __FILE__, __LINE__, #c)
#define CHECK_NEAR(got, want, tol) \
  check_near ((got), (want), (tol), 0, __FILE__, __LINE__, #got)
#define CHECK_REL(got, want, tol) \
  check_near ((got), (want), (tol), 1, __FILE__, __LINE__, #got)
#define CHECK_SIZE(got, want) \
  check_size ((got), (want), __FILE__, __LINE__, #got)
#define CHECK_MAT(got, want, tol) \
  check_mat ((got), (want), (tol), __FILE__, __LINE__, #got)
/* A matrix against a row-major array of the same shape. */
#define CHECK_MAT_ARR(got, arr, tol) \
  do { \
    gsl_matrix_const_view w_ = \
      gsl_matrix_const_view_array ((arr), (got)->size1, (got)->size2); \
    check_mat ((got), &w_.matrix, (tol), __FILE__, __LINE__, #got); \
  } while (0)
/* Two arrays of n doubles. */
#define CHECK_ARR(got, want, n, tol) \
  do { \
    gsl_matrix_const_view g_ = gsl_matrix_const_view_array ((got), 1, (n)); \
    gsl_matrix_const_view w_ = gsl_matrix_const_view_array ((want), 1, (n)); \
    check_mat (&g_.matrix, &w_.matrix, (tol), __FILE__, __LINE__, #got); \
  } while (0)

static void
run_group (const char *name, void (*fn) (void))
{
  const unsigned long p0 = n_passed, f0 = n_failed;
  fn ();
  printf ("# %-26s %4lu passed, %lu failed\n", name, n_passed - p0,
          n_failed - f0);
}

/* ============================================================= utilities */

static void *
xcalloc (size_t n, size_t size)
{
  void *p = calloc (n, size);
  if (!p)
    {
      fprintf (stderr, "test_core: out of memory\n");
      exit (2);
    }
  return p;
}

/* A row-major view of a plain array. */
static gsl_matrix
mview (double *a, size_t rows, size_t cols)
{
  return gsl_matrix_view_array (a, rows, cols).matrix;
}

/* Deterministic test data from a 64-bit LCG (Knuth's MMIX constants),
   independent of the core's random numbers. */
static uint64_t lcg_state;

static void
lcg_seed (uint64_t s)
{
  lcg_state = s * 0x9E3779B97F4A7C15ULL + 1;
}

static double
lcg_uniform (double lo, double hi)
{
  lcg_state = lcg_state * 6364136223846793005ULL + 1442695040888963407ULL;
  return lo + (hi - lo) * (double) (lcg_state >> 11) / 9007199254740992.0;
}

static gsl_matrix *
random_matrix (size_t rows, size_t cols, double lo, double hi)
{
  gsl_matrix *M = gsl_matrix_alloc (rows, cols);
  for (size_t i = 0; i < rows; i++)
    for (size_t j = 0; j < cols; j++)
      gsl_matrix_set (M, i, j, lcg_uniform (lo, hi));
  return M;
}

/* One-hot targets with `classes` columns: class of sample i is
   (number of positive inputs) mod classes. */
static gsl_matrix *
one_hot_targets (const gsl_matrix *X, size_t classes)
{
  gsl_matrix *Y = gsl_matrix_calloc (X->size1, classes);
  for (size_t i = 0; i < X->size1; i++)
    {
      size_t c = 0;
      for (size_t j = 0; j < X->size2; j++)
        c += gsl_matrix_get (X, i, j) > 0;
      gsl_matrix_set (Y, i, c % classes, 1.0);
    }
  return Y;
}

/* Plain argmax of row i, first index on ties. */
static size_t
naive_argmax (const gsl_matrix *A, size_t i)
{
  size_t best = 0;
  for (size_t j = 0; j < A->size2; j++)
    if (gsl_matrix_get (A, i, j) > gsl_matrix_get (A, i, best))
      best = j;
  return best;
}

/* ------------------------------------------------- a network owned by a test

   The bp_net fields point into this struct, so it lives on the heap and is
   never copied.  All parameters sit in one array, layer by layer: the
   weights W[l] (row-major, n_l-by-n_(l+1)) then the biases b[l].  Two
   networks of the same sizes have the same layout, which lets a gradient
   or a velocity be held in a tnet and combined with the parameters entry
   by entry. */

#define MAXL 3
#define MAXN 8

typedef struct {
  bp_net net;
  size_t n[MAXL + 1];
  bp_activation g[MAXL];
  gsl_matrix W[MAXL];
  gsl_vector b[MAXL];
  double *store;
  size_t nstore;
} tnet;

static tnet *
tnet_new (size_t L, const size_t *n, const bp_activation *g, bp_loss loss)
{
  tnet *t = xcalloc (1, sizeof *t);
  for (size_t l = 0; l <= L; l++)
    t->n[l] = n[l];
  for (size_t l = 0; l < L; l++)
    {
      t->g[l] = g[l];
      t->nstore += (n[l] + 1) * n[l + 1];
    }
  t->store = xcalloc (t->nstore, sizeof (double));
  double *p = t->store;
  for (size_t l = 0; l < L; l++)
    {
      t->W[l] = gsl_matrix_view_array (p, n[l], n[l + 1]).matrix;
      p += n[l] * n[l + 1];
      t->b[l] = gsl_vector_view_array (p, n[l + 1]).vector;
      p += n[l + 1];
    }
  t->net.L = L;
  t->net.n = t->n;
  t->net.W = t->W;
  t->net.b = t->b;
  t->net.g = t->g;
  t->net.loss = loss;
  return t;
}

/* A network of the same sizes, activations and loss, parameters zero. */
static tnet *
tnet_like (const tnet *t)
{
  return tnet_new (t->net.L, t->n, t->g, t->net.loss);
}

static tnet *
tnet_clone (const tnet *t)
{
  tnet *c = tnet_like (t);
  memcpy (c->store, t->store, t->nstore * sizeof (double));
  return c;
}

static void
tnet_free (tnet *t)
{
  if (t)
    free (t->store);
  free (t);
}

static void
tnet_randomize (tnet *t, double lo, double hi)
{
  for (size_t q = 0; q < t->nstore; q++)
    t->store[q] = lcg_uniform (lo, hi);
}

/* Z, A, Delta views for m samples, as plain arrays the core can take. */
typedef struct {
  gsl_matrix Z[MAXL], A[MAXL], D[MAXL];
} batch_views;

static void
views_of (const bp_workspace *ws, size_t m, batch_views *v)
{
  for (size_t i = 0; i < ws->L; i++)
    {
      v->Z[i] = bp_rows (&ws->Z[i], m);
      v->A[i] = bp_rows (&ws->A[i], m);
      v->D[i] = bp_rows (&ws->Delta[i], m);
    }
}

/* ==================================================== naive references
   One sample at a time, straight from the definitions. */

static void
ref_act (bp_activation g, const double *z, double *a, size_t n)
{
  double s = 0.0;
  for (size_t j = 0; j < n; j++)
    switch (g)
      {
      case BP_SIGMOID:
        a[j] = 1.0 / (1.0 + exp (-z[j]));
        break;
      case BP_TANH:             /* (e^z - e^-z) / (e^z + e^-z) */
        a[j] = (exp (z[j]) - exp (-z[j])) / (exp (z[j]) + exp (-z[j]));
        break;
      case BP_RELU:
        a[j] = z[j] > 0 ? z[j] : 0.0;
        break;
      case BP_LEAKY_RELU:
        a[j] = z[j] > 0 ? z[j] : 0.01 * z[j];
        break;
      case BP_LINEAR:
        a[j] = z[j];
        break;
      case BP_SOFTMAX:          /* e^z_j / sum_k e^z_k, no shift: |z| small */
        a[j] = exp (z[j]);
        s += a[j];
        break;
      default:
        a[j] = NAN;
      }
  if (g == BP_SOFTMAX)
    for (size_t j = 0; j < n; j++)
      a[j] /= s;
}

/* J[k*n + i] = da_k/dz_i for one sample. */
static void
ref_jacobian (bp_activation g, const double *z, const double *a, size_t n,
              double *J)
{
  for (size_t k = 0; k < n; k++)
    for (size_t i = 0; i < n; i++)
      {
        double d = 0.0;
        if (g == BP_SOFTMAX)
          d = a[k] * ((k == i ? 1.0 : 0.0) - a[i]);
        else if (k == i)
          switch (g)
            {
            case BP_SIGMOID:    /* e^-z / (1 + e^-z)^2 */
              d = exp (-z[i]) / ((1.0 + exp (-z[i])) * (1.0 + exp (-z[i])));
              break;
            case BP_TANH:       /* sech^2 z = 4 / (e^z + e^-z)^2 */
              d = 4.0 / ((exp (z[i]) + exp (-z[i]))
                         * (exp (z[i]) + exp (-z[i])));
              break;
            case BP_RELU:
              d = z[i] > 0 ? 1.0 : 0.0;
              break;
            case BP_LEAKY_RELU:
              d = z[i] > 0 ? 1.0 : 0.01;
              break;
            default:
              d = 1.0;
            }
        J[k * n + i] = d;
      }
}

static double
ref_loss (bp_loss c, const double *a, const double *y, size_t n)
{
  double s = 0.0;
  for (size_t j = 0; j < n; j++)
    switch (c)
      {
      case BP_SSE:
        s += (a[j] - y[j]) * (a[j] - y[j]);
        break;
      case BP_QUADRATIC:
        s += 0.5 * (a[j] - y[j]) * (a[j] - y[j]);
        break;
      case BP_MSE:
        s += (a[j] - y[j]) * (a[j] - y[j]) / (double) n;
        break;
      case BP_CROSS_ENTROPY:
        s -= y[j] * log (a[j]) + (1.0 - y[j]) * log (1.0 - a[j]);
        break;
      default:
        s -= y[j] * log (a[j]);
      }
  return s;
}

static void
ref_dloss (bp_loss c, const double *a, const double *y, size_t n, double *g)
{
  for (size_t j = 0; j < n; j++)
    switch (c)
      {
      case BP_SSE:
        g[j] = 2.0 * (a[j] - y[j]);
        break;
      case BP_QUADRATIC:
        g[j] = a[j] - y[j];
        break;
      case BP_MSE:
        g[j] = 2.0 * (a[j] - y[j]) / (double) n;
        break;
      case BP_CROSS_ENTROPY:
        g[j] = -y[j] / a[j] + (1.0 - y[j]) / (1.0 - a[j]);
        break;
      default:
        g[j] = -y[j] / a[j];
      }
}

/* One sample through the network: z, a and delta of every layer. */
typedef struct {
  double z[MAXL][MAXN], a[MAXL][MAXN], d[MAXL][MAXN];
} ref_pass;

static double
ref_sample (const tnet *t, const double *x, const double *y, ref_pass *p)
{
  const size_t L = t->net.L;
  const double *in = x;
  for (size_t l = 0; l < L; l++)
    {
      /* z_j = b_j + sum_k a_k W[l](k,j): W[l] holds w^(l+1) transposed */
      for (size_t j = 0; j < t->n[l + 1]; j++)
        {
          double s = gsl_vector_get (&t->b[l], j);
          for (size_t k = 0; k < t->n[l]; k++)
            s += in[k] * gsl_matrix_get (&t->W[l], k, j);
          p->z[l][j] = s;
        }
      ref_act (t->g[l], p->z[l], p->a[l], t->n[l + 1]);
      in = p->a[l];
    }
  const double C = ref_loss (t->net.loss, p->a[L - 1], y, t->n[L]);

  /* delta^(l) = J^T dC/da^(l); dC/da^(l-1)_k = sum_j w_jk delta_j */
  double dcda[MAXN], J[MAXN * MAXN];
  ref_dloss (t->net.loss, p->a[L - 1], y, t->n[L], dcda);
  for (size_t l = L; l-- > 0;)
    {
      const size_t n = t->n[l + 1];
      ref_jacobian (t->g[l], p->z[l], p->a[l], n, J);
      for (size_t i = 0; i < n; i++)
        {
          double s = 0.0;
          for (size_t k = 0; k < n; k++)
            s += J[k * n + i] * dcda[k];
          p->d[l][i] = s;
        }
      if (l > 0)
        for (size_t k = 0; k < t->n[l]; k++)
          {
            double s = 0.0;
            for (size_t j = 0; j < n; j++)
              s += gsl_matrix_get (&t->W[l], k, j) * p->d[l][j];
            dcda[k] = s;
          }
    }
  return C;
}

/* Mean loss over the rows of X, Y plus lambda/(2m) sum of squared weights. */
static double
ref_cost (const tnet *t, const gsl_matrix *X, const gsl_matrix *Y,
          double lambda)
{
  const size_t m = X->size1;
  ref_pass p;
  double s = 0.0;
  for (size_t i = 0; i < m; i++)
    s += ref_sample (t, X->data + i * X->tda, Y->data + i * Y->tda, &p);
  double w2 = 0.0;
  for (size_t l = 0; l < t->net.L; l++)
    for (size_t k = 0; k < t->n[l]; k++)
      for (size_t j = 0; j < t->n[l + 1]; j++)
        w2 += gsl_matrix_get (&t->W[l], k, j) * gsl_matrix_get (&t->W[l], k, j);
  return s / (double) m + lambda / (2.0 * (double) m) * w2;
}

/* ===================================================== activation tests */

static const char *const activation_names[] = {
  "sigmoid", "tanh", "relu", "leaky-relu", "linear", "softmax"
};
static const char *const loss_names[] = {
  "sse", "quadratic", "mse", "cross-entropy", "log-likelihood"
};

static void
test_activation_names (void)
{
  CHECK_SIZE ((size_t) BP_N_ACTIVATIONS, 6);
  for (int i = 0; i < BP_N_ACTIVATIONS; i++)
    {
      const char *name = bp_activation_name ((bp_activation) i);
      bp_activation g = BP_N_ACTIVATIONS;
      CHECK (name != NULL && strcmp (name, activation_names[i]) == 0);
      CHECK (bp_activation_parse (activation_names[i], &g) == BP_OK);
      CHECK (g == (bp_activation) i);
    }
  /* Names are exact: no case folding, no trimming, no aliases. */
  const char *unknown[] = { "Sigmoid", "", "leaky_relu", "relu ", "soft-max",
                            "logistic", "sigmoidx" };
  for (size_t i = 0; i < sizeof unknown / sizeof *unknown; i++)
    {
      bp_activation g;
      CHECK (bp_activation_parse (unknown[i], &g) == BP_EINVAL);
    }
  /* Out-of-range codes still give a printable string. */
  CHECK (bp_activation_name (BP_N_ACTIVATIONS) != NULL);
}

static void
test_activate (void)
{
  const double ln2 = log (2.0), ln3 = log (3.0), e = exp (1.0);
  double a[4];
  gsl_matrix Z, A;

  /* sigmoid(ln 3) = 1/(1 + 1/3) = 3/4, sigmoid(-ln 3) = 1/(1 + 3) = 1/4,
     sigmoid(0) = 1/2, sigmoid(2) = 1/(1 + e^-2). */
  {
    double zs[] = { 0.0, ln3, -ln3, 2.0 };
    const double want[] = { 0.5, 0.75, 0.25, 1.0 / (1.0 + exp (-2.0)) };
    Z = mview (zs, 1, 4);
    A = mview (a, 1, 4);
    bp_activate (BP_SIGMOID, &Z, &A);
    CHECK_MAT_ARR (&A, want, 1e-15);
  }
  /* Overflow-safe extremes.  e^-800 underflows to 0, so sigmoid(-800) is
     exactly 0/(1+0) = 0 (a naive e^800 would give 1/inf = 0 too, but
     e^z/(1+e^z) forms give inf/inf = NaN); sigmoid(-700) = e^-700/(1 +
     e^-700) = e^-700 (1 - 1e-304), i.e. e^-700 to the last bit;
     sigmoid(700) and sigmoid(800) are 1 - e^-700 and 1 - e^-800, which
     round to 1. */
  {
    double zs[] = { -800.0, -700.0, 700.0, 800.0 };
    Z = mview (zs, 1, 4);
    A = mview (a, 1, 4);
    bp_activate (BP_SIGMOID, &Z, &A);
    CHECK (!isnan (a[0]) && a[0] == 0.0);
    CHECK_REL (a[1], exp (-700.0), 1e-15);
    CHECK (a[2] == 1.0);
    CHECK (a[3] == 1.0);
    /* and for the largest finite inputs */
    double zb[] = { -DBL_MAX, DBL_MAX };
    Z = mview (zb, 1, 2);
    A = mview (a, 1, 2);
    bp_activate (BP_SIGMOID, &Z, &A);
    CHECK (a[0] == 0.0 && a[1] == 1.0);
  }
  /* tanh(ln 2) = (2 - 1/2)/(2 + 1/2) = 0.6; odd; tanh(+-800) = +-1. */
  {
    double zs[] = { 0.0, ln2, -ln2, 800.0, -800.0 };
    const double want[] = { 0.0, 0.6, -0.6, 1.0, -1.0 };
    double as[5];
    Z = mview (zs, 1, 5);
    A = mview (as, 1, 5);
    bp_activate (BP_TANH, &Z, &A);
    CHECK_MAT_ARR (&A, want, 1e-15);
  }
  /* relu: max(z, 0); exact. */
  {
    double zs[] = { -2.0, -0.0, 0.0, 0.5, 3.0, -800.0 };
    const double want[] = { 0.0, 0.0, 0.0, 0.5, 3.0, 0.0 };
    double as[6];
    Z = mview (zs, 1, 6);
    A = mview (as, 1, 6);
    bp_activate (BP_RELU, &Z, &A);
    CHECK_MAT_ARR (&A, want, 0.0);
  }
  /* leaky-relu with slope 0.01: -2 -> -0.02, -300 -> -3, positive as is.
     -0.02 is exact (doubling 0.01 is exact), -300*0.01 is one rounding. */
  {
    double zs[] = { -2.0, 0.0, 0.5, -300.0, 7.0 };
    const double want[] = { -0.02, 0.0, 0.5, -3.0, 7.0 };
    double as[5];
    Z = mview (zs, 1, 5);
    A = mview (as, 1, 5);
    bp_activate (BP_LEAKY_RELU, &Z, &A);
    CHECK_MAT_ARR (&A, want, 1e-15);
    CHECK (BP_LEAKY_SLOPE == 0.01);
  }
  /* linear: identity, bit for bit. */
  {
    double zs[] = { -800.0, 0.1, 1e300 };
    const double want[] = { -800.0, 0.1, 1e300 };
    double as[3];
    Z = mview (zs, 1, 3);
    A = mview (as, 1, 3);
    bp_activate (BP_LINEAR, &Z, &A);
    CHECK_MAT_ARR (&A, want, 0.0);
  }
  /* softmax, per row:
     (0, ln 2, ln 3): e^z = (1, 2, 3), sum 6 -> (1/6, 1/3, 1/2);
     (1000, 1001, 1000): shift by 1001 -> (1/e, 1, 1/e)/(1 + 2/e)
                       = (1, e, 1)/(e + 2), finite although e^1000 = inf;
     (-1000, -1001, -1000): shift by -1000 -> (1, 1/e, 1)/(2 + 1/e)
                       = (e, 1, e)/(2e + 1), though e^-1000 = 0;
     (5, 5, 5): 1/3 each. */
  {
    double zs[] = { 0.0, ln2, ln3,
                    1000.0, 1001.0, 1000.0,
                    -1000.0, -1001.0, -1000.0,
                    5.0, 5.0, 5.0 };
    const double want[] = {
      1.0 / 6, 1.0 / 3, 0.5,
      1 / (e + 2), e / (e + 2), 1 / (e + 2),
      e / (2 * e + 1), 1 / (2 * e + 1), e / (2 * e + 1),
      1.0 / 3, 1.0 / 3, 1.0 / 3 };
    double as[12];
    Z = mview (zs, 4, 3);
    A = mview (as, 4, 3);
    bp_activate (BP_SOFTMAX, &Z, &A);
    CHECK_MAT_ARR (&A, want, 1e-15);
    for (size_t i = 0; i < 4; i++)
      CHECK_NEAR (as[3 * i] + as[3 * i + 1] + as[3 * i + 2], 1.0, 1e-15);
  }
  /* In place (A may be Z itself). */
  {
    double zs[] = { 0.0, ln3, -ln3 };
    const double want[] = { 0.5, 0.75, 0.25 };
    Z = mview (zs, 1, 3);
    bp_activate (BP_SIGMOID, &Z, &Z);
    CHECK_MAT_ARR (&Z, want, 1e-15);
    double zt[] = { 0.0, ln2, ln3 };
    const double wt[] = { 1.0 / 6, 1.0 / 3, 0.5 };
    Z = mview (zt, 1, 3);
    bp_activate (BP_SOFTMAX, &Z, &Z);
    CHECK_MAT_ARR (&Z, wt, 1e-15);
  }
  /* Views with a row stride (tda) larger than the width: only the view
     is read and written, the padding column keeps its sentinel. */
  {
    double zb[] = { 0.0, ln2, ln3, -99.0,
                    5.0, 5.0, 5.0, -99.0 };
    double ab[] = { 7, 7, 7, 7, 7, 7, 7, 7 };
    gsl_matrix_view zv = gsl_matrix_view_array_with_tda (zb, 2, 3, 4);
    gsl_matrix_view av = gsl_matrix_view_array_with_tda (ab, 2, 3, 4);
    bp_activate (BP_SOFTMAX, &zv.matrix, &av.matrix);
    const double want[] = { 1.0 / 6, 1.0 / 3, 0.5, 1.0 / 3, 1.0 / 3, 1.0 / 3 };
    CHECK_MAT_ARR (&av.matrix, want, 1e-15);
    CHECK (ab[3] == 7 && ab[7] == 7);
  }
}

/* g'(z) from Z and A = g(Z), the A values written by hand. */
static void
test_activation_slope (void)
{
  const double ln2 = log (2.0), ln3 = log (3.0);
  double d[4];
  gsl_matrix Z, A, D;
  /* sigmoid: a(1-a) = 3/4*1/4 = 3/16, 1/2*1/2 = 1/4, 1/4*3/4 = 3/16. */
  {
    double zs[] = { ln3, 0.0, -ln3 }, as[] = { 0.75, 0.5, 0.25 };
    const double want[] = { 0.1875, 0.25, 0.1875 };
    Z = mview (zs, 1, 3); A = mview (as, 1, 3); D = mview (d, 1, 3);
    bp_activation_slope (BP_SIGMOID, &Z, &A, &D);
    CHECK_MAT_ARR (&D, want, 0.0);
  }
  /* tanh: 1 - a^2 = 1 - 0.36 = 0.64 at z = +-ln 2, 1 at 0. */
  {
    double zs[] = { ln2, 0.0, -ln2 }, as[] = { 0.6, 0.0, -0.6 };
    const double want[] = { 0.64, 1.0, 0.64 };
    Z = mview (zs, 1, 3); A = mview (as, 1, 3); D = mview (d, 1, 3);
    bp_activation_slope (BP_TANH, &Z, &A, &D);
    CHECK_MAT_ARR (&D, want, 1e-15);
  }
  /* relu / leaky-relu: 1 for z > 0; the kink at 0 takes the left slope
     (0, or 0.01), as bp_activation.c documents. */
  {
    double zs[] = { 2.0, 0.0, -1.0, -0.0 }, as[] = { 2.0, 0.0, 0.0, 0.0 };
    const double want[] = { 1.0, 0.0, 0.0, 0.0 };
    Z = mview (zs, 1, 4); A = mview (as, 1, 4); D = mview (d, 1, 4);
    bp_activation_slope (BP_RELU, &Z, &A, &D);
    CHECK_MAT_ARR (&D, want, 0.0);
    double al[] = { 2.0, 0.0, -0.01, 0.0 };
    const double wl[] = { 1.0, 0.01, 0.01, 0.01 };
    A = mview (al, 1, 4);
    bp_activation_slope (BP_LEAKY_RELU, &Z, &A, &D);
    CHECK_MAT_ARR (&D, wl, 0.0);
    const double ones[] = { 1.0, 1.0, 1.0, 1.0 };
    bp_activation_slope (BP_LINEAR, &Z, &Z, &D);
    CHECK_MAT_ARR (&D, ones, 0.0);
  }
  /* softmax: the diagonal of the Jacobian, a(1-a):
     1/6*5/6 = 5/36, 1/3*2/3 = 2/9, 1/2*1/2 = 1/4. */
  {
    double zs[] = { 0.0, ln2, ln3 }, as[] = { 1.0 / 6, 1.0 / 3, 0.5 };
    const double want[] = { 5.0 / 36, 2.0 / 9, 0.25 };
    Z = mview (zs, 1, 3); A = mview (as, 1, 3); D = mview (d, 1, 3);
    bp_activation_slope (BP_SOFTMAX, &Z, &A, &D);
    CHECK_MAT_ARR (&D, want, 1e-15);
  }
}

static void
test_activation_backprop (void)
{
  const double ln2 = log (2.0), ln3 = log (3.0);
  gsl_matrix Z, A, G;
  /* Elementwise: G .* g'(z). sigmoid at (ln3, 0, -ln3) with slopes
     (3/16, 1/4, 3/16), G = (1, -2, 3) -> (3/16, -1/2, 9/16). */
  {
    double zs[] = { ln3, 0.0, -ln3 }, as[] = { 0.75, 0.5, 0.25 };
    double gs[] = { 1.0, -2.0, 3.0 };
    const double want[] = { 0.1875, -0.5, 0.5625 };
    Z = mview (zs, 1, 3); A = mview (as, 1, 3); G = mview (gs, 1, 3);
    bp_activation_backprop (BP_SIGMOID, &Z, &A, &G);
    CHECK_MAT_ARR (&G, want, 0.0);
  }
  /* tanh (0.64, 1, 0.64) x (1, -2, 3) = (0.64, -2, 1.92) */
  {
    double zs[] = { ln2, 0.0, -ln2 }, as[] = { 0.6, 0.0, -0.6 };
    double gs[] = { 1.0, -2.0, 3.0 };
    const double want[] = { 0.64, -2.0, 1.92 };
    Z = mview (zs, 1, 3); A = mview (as, 1, 3); G = mview (gs, 1, 3);
    bp_activation_backprop (BP_TANH, &Z, &A, &G);
    CHECK_MAT_ARR (&G, want, 1e-15);
  }
  /* relu / leaky / linear at z = (2, 0, -1), G = (1, -2, 3):
     relu (1, 0, 0) -> (1, 0, 0); leaky (1, .01, .01) -> (1, -0.02, 0.03);
     linear -> unchanged. */
  {
    double zs[] = { 2.0, 0.0, -1.0 }, ar[] = { 2.0, 0.0, 0.0 };
    double al[] = { 2.0, 0.0, -0.01 };
    double g1[] = { 1.0, -2.0, 3.0 }, g2[] = { 1.0, -2.0, 3.0 };
    double g3[] = { 1.0, -2.0, 3.0 };
    const double w1[] = { 1.0, 0.0, 0.0 }, w2[] = { 1.0, -0.02, 0.03 };
    const double w3[] = { 1.0, -2.0, 3.0 };
    Z = mview (zs, 1, 3);
    A = mview (ar, 1, 3); G = mview (g1, 1, 3);
    bp_activation_backprop (BP_RELU, &Z, &A, &G);
    CHECK_MAT_ARR (&G, w1, 0.0);
    A = mview (al, 1, 3); G = mview (g2, 1, 3);
    bp_activation_backprop (BP_LEAKY_RELU, &Z, &A, &G);
    CHECK_MAT_ARR (&G, w2, 1e-17);
    G = mview (g3, 1, 3);
    bp_activation_backprop (BP_LINEAR, &Z, &Z, &G);
    CHECK_MAT_ARR (&G, w3, 0.0);
  }
  /* Softmax: the full Jacobian.  By hand for a = (1/6, 1/3, 1/2),
     g = (1, -2, 3): sum_k a_k g_k = 1/6 - 2/3 + 3/2 = 1, so
     d = a .* (g - 1) = (0, 1/3 * -3, 1/2 * 2) = (0, -1, 1).  The diagonal
     alone would give (5/36, -4/9, 3/4). */
  {
    double zs[] = { 0.0, ln2, ln3 }, as[] = { 1.0 / 6, 1.0 / 3, 0.5 };
    double gs[] = { 1.0, -2.0, 3.0 };
    const double want[] = { 0.0, -1.0, 1.0 };
    Z = mview (zs, 1, 3); A = mview (as, 1, 3); G = mview (gs, 1, 3);
    bp_activation_backprop (BP_SOFTMAX, &Z, &A, &G);
    CHECK_MAT_ARR (&G, want, 1e-15);
  }
  /* ... and against the explicit Jacobian product d_i = sum_k J_ki g_k,
     J_ki = a_k (1[k=i] - a_i), on rows of random z (3 samples, 4 wide).
     Each d_i sums four O(1) products on both sides: 1e-15. */
  {
    lcg_seed (11);
    gsl_matrix *Zr = random_matrix (3, 4, -2, 2);
    gsl_matrix *Gr = random_matrix (3, 4, -1, 1);
    gsl_matrix *Ar = gsl_matrix_alloc (3, 4), *Wt = gsl_matrix_alloc (3, 4);
    double J[16];
    for (size_t i = 0; i < 3; i++)
      {
        double *zr = Zr->data + 4 * i, *ar = Ar->data + 4 * i;
        ref_act (BP_SOFTMAX, zr, ar, 4);
        ref_jacobian (BP_SOFTMAX, zr, ar, 4, J);
        for (size_t c = 0; c < 4; c++)
          {
            double s = 0.0;
            for (size_t k = 0; k < 4; k++)
              s += J[k * 4 + c] * gsl_matrix_get (Gr, i, k);
            gsl_matrix_set (Wt, i, c, s);
          }
      }
    bp_activation_backprop (BP_SOFTMAX, Zr, Ar, Gr);
    CHECK_MAT (Gr, Wt, 1e-15);
    /* The rows of a softmax delta sum to zero (sum_i a_i (g_i - s) = 0). */
    for (size_t i = 0; i < 3; i++)
      {
        double s = 0.0;
        for (size_t c = 0; c < 4; c++)
          s += gsl_matrix_get (Gr, i, c);
        CHECK_NEAR (s, 0.0, 1e-15);
      }
    gsl_matrix_free (Zr);
    gsl_matrix_free (Gr);
    gsl_matrix_free (Ar);
    gsl_matrix_free (Wt);
  }
}

/* ========================================================== loss tests */

static void
test_loss_names (void)
{
  CHECK_SIZE ((size_t) BP_N_LOSSES, 5);
  for (int i = 0; i < BP_N_LOSSES; i++)
    {
      const char *name = bp_loss_name ((bp_loss) i);
      bp_loss c = BP_N_LOSSES;
      CHECK (name != NULL && strcmp (name, loss_names[i]) == 0);
      CHECK (bp_loss_parse (loss_names[i], &c) == BP_OK);
      CHECK (c == (bp_loss) i);
    }
  const char *unknown[] = { "cross_entropy", "MSE", "", "crossentropy",
                            "log-likelihood ", "nll", "l2" };
  for (size_t i = 0; i < sizeof unknown / sizeof *unknown; i++)
    {
      bp_loss c;
      CHECK (bp_loss_parse (unknown[i], &c) == BP_EINVAL);
    }
  CHECK (bp_loss_name (BP_N_LOSSES) != NULL);

  /* cross-entropy only with sigmoid, log-likelihood only with softmax,
     the quadratic family with anything. */
  for (int c = 0; c < BP_N_LOSSES; c++)
    for (int g = 0; g < BP_N_ACTIVATIONS; g++)
      {
        int want = 1;
        if (c == BP_CROSS_ENTROPY)
          want = g == BP_SIGMOID;
        else if (c == BP_LOG_LIKELIHOOD)
          want = g == BP_SOFTMAX;
        CHECK (!bp_loss_accepts ((bp_loss) c, (bp_activation) g) == !want);
      }
}

/* A = [1/2 1/4 1/4; 1/8 3/4 1/8], Y = [1 0 0; 0 1 0] (exact in binary).
   a - y = [-1/2 1/4 1/4; 1/8 -1/4 1/8]. */
static double loss_A[] = { 0.5, 0.25, 0.25, 0.125, 0.75, 0.125 };
static double loss_Y[] = { 1, 0, 0, 0, 1, 0 };

static void
test_loss_mean (void)
{
  gsl_matrix A = mview (loss_A, 2, 3), Y = mview (loss_Y, 2, 3);
  /* sse: row 1 1/4 + 1/16 + 1/16 = 3/8, row 2 1/64 + 1/16 + 1/64 = 3/32;
     mean (3/8 + 3/32)/2 = 15/64 = 0.234375 (all exact). */
  CHECK_NEAR (bp_loss_mean (BP_SSE, &A, &Y), 0.234375, 0.0);
  /* quadratic = sse/2 = 15/128; mse = sse/3 = 5/64 (one rounding at most). */
  CHECK_NEAR (bp_loss_mean (BP_QUADRATIC, &A, &Y), 0.1171875, 0.0);
  CHECK_REL (bp_loss_mean (BP_MSE, &A, &Y), 0.078125, 1e-15);
  /* cross-entropy: row 1 -ln(1/2) - ln(3/4) - ln(3/4) = ln 2 + 2 ln(4/3);
     row 2 -ln(7/8) - ln(3/4) - ln(7/8) = 2 ln(8/7) + ln(4/3);
     mean (ln 2 + 3 ln(4/3) + 2 ln(8/7))/2.  Six logs summed: 1e-14. */
  CHECK_REL (bp_loss_mean (BP_CROSS_ENTROPY, &A, &Y),
             (log (2.0) + 3 * log (4.0 / 3) + 2 * log (8.0 / 7)) / 2, 1e-14);
  /* log-likelihood: row 1 -ln(1/2) = ln 2, row 2 -ln(3/4) = ln(4/3);
     mean ln(8/3)/2. */
  CHECK_REL (bp_loss_mean (BP_LOG_LIKELIHOOD, &A, &Y),
             log (8.0 / 3) / 2, 1e-15);

  /* One sample: the mean over one row is C_0 itself.
     sse of a = (0.5), y = (0) is 0.25. */
  {
    double a1[] = { 0.5 }, y1[] = { 0.0 };
    gsl_matrix A1 = mview (a1, 1, 1), Y1 = mview (y1, 1, 1);
    CHECK_NEAR (bp_loss_mean (BP_SSE, &A1, &Y1), 0.25, 0.0);
  }

  /* Saturated outputs with matching targets: every term is either
     -1 ln 1 = 0 or a 0 ln 0 taken as 0, so the loss is exactly 0. */
  {
    double a[] = { 1.0, 0.0 }, y[] = { 1.0, 0.0 };
    gsl_matrix As = mview (a, 1, 2), Ys = mview (y, 1, 2);
    double C = bp_loss_mean (BP_CROSS_ENTROPY, &As, &Ys);
    CHECK (!isnan (C) && C == 0.0);
    double a3[] = { 1.0, 0.0, 0.0 }, y3[] = { 1.0, 0.0, 0.0 };
    gsl_matrix A3 = mview (a3, 1, 3), Y3 = mview (y3, 1, 3);
    C = bp_loss_mean (BP_LOG_LIKELIHOOD, &A3, &Y3);
    CHECK (!isnan (C) && C == 0.0);
    /* Partly saturated: a = (1/2, 0), y = (1, 0): cross-entropy
       -ln(1/2) - 1 ln(1 - 0) = ln 2; log-likelihood a = (1/2, 1/2, 0),
       y = (1, 0, 0): ln 2 with 0 ln 0 = 0. */
    double ap[] = { 0.5, 0.0 };
    gsl_matrix Ap = mview (ap, 1, 2);
    CHECK_REL (bp_loss_mean (BP_CROSS_ENTROPY, &Ap, &Ys), log (2.0), 1e-15);
    double aq[] = { 0.5, 0.5, 0.0 };
    gsl_matrix Aq = mview (aq, 1, 3);
    CHECK_REL (bp_loss_mean (BP_LOG_LIKELIHOOD, &Aq, &Y3), log (2.0), 1e-15);
    /* A wrong saturated output has an infinite loss, not a NaN. */
    double aw[] = { 0.0 }, yw[] = { 1.0 };
    gsl_matrix Aw = mview (aw, 1, 1), Yw = mview (yw, 1, 1);
    C = bp_loss_mean (BP_CROSS_ENTROPY, &Aw, &Yw);
    CHECK (isinf (C) && C > 0);
  }
}

static void
test_loss_gradient (void)
{
  gsl_matrix A = mview (loss_A, 2, 3), Y = mview (loss_Y, 2, 3);
  double g[6];
  gsl_matrix G = mview (g, 2, 3);
  /* sse: 2(a - y) */
  const double w_sse[] = { -1.0, 0.5, 0.5, 0.25, -0.5, 0.25 };
  bp_loss_gradient (BP_SSE, &A, &Y, &G);
  CHECK_MAT_ARR (&G, w_sse, 0.0);
  /* quadratic: a - y */
  const double w_quad[] = { -0.5, 0.25, 0.25, 0.125, -0.25, 0.125 };
  bp_loss_gradient (BP_QUADRATIC, &A, &Y, &G);
  CHECK_MAT_ARR (&G, w_quad, 0.0);
  /* mse: 2(a - y)/3 */
  const double w_mse[] = { -1.0 / 3, 1.0 / 6, 1.0 / 6,
                           1.0 / 12, -1.0 / 6, 1.0 / 12 };
  bp_loss_gradient (BP_MSE, &A, &Y, &G);
  CHECK_MAT_ARR (&G, w_mse, 1e-16);
  /* cross-entropy: -y/a + (1-y)/(1-a):
     row 1 (-1/(1/2), 1/(3/4), 1/(3/4)) = (-2, 4/3, 4/3);
     row 2 (1/(7/8), -1/(3/4), 1/(7/8)) = (8/7, -4/3, 8/7). */
  const double w_ce[] = { -2.0, 4.0 / 3, 4.0 / 3, 8.0 / 7, -4.0 / 3, 8.0 / 7 };
  bp_loss_gradient (BP_CROSS_ENTROPY, &A, &Y, &G);
  CHECK_MAT_ARR (&G, w_ce, 1e-15);
  /* log-likelihood: -y/a: (-2, 0, 0; 0, -4/3, 0). */
  const double w_ll[] = { -2.0, 0.0, 0.0, 0.0, -4.0 / 3, 0.0 };
  bp_loss_gradient (BP_LOG_LIKELIHOOD, &A, &Y, &G);
  CHECK_MAT_ARR (&G, w_ll, 1e-15);

  /* Saturated and matching: finite.  cross-entropy a = (1, 0), y = (1, 0):
     -1/1 + 0 = -1 and 0 + 1/(1-0) = 1; log-likelihood a = (1, 0, 0),
     y = (1, 0, 0): (-1, 0, 0). */
  {
    double a[] = { 1.0, 0.0 }, y[] = { 1.0, 0.0 }, gs[2];
    gsl_matrix As = mview (a, 1, 2), Ys = mview (y, 1, 2);
    gsl_matrix Gs = mview (gs, 1, 2);
    const double want[] = { -1.0, 1.0 };
    bp_loss_gradient (BP_CROSS_ENTROPY, &As, &Ys, &Gs);
    CHECK_MAT_ARR (&Gs, want, 0.0);
    double a3[] = { 1.0, 0.0, 0.0 }, y3[] = { 1.0, 0.0, 0.0 }, g3[3];
    gsl_matrix A3 = mview (a3, 1, 3), Y3 = mview (y3, 1, 3);
    gsl_matrix G3 = mview (g3, 1, 3);
    const double w3[] = { -1.0, 0.0, 0.0 };
    bp_loss_gradient (BP_LOG_LIKELIHOOD, &A3, &Y3, &G3);
    CHECK_MAT_ARR (&G3, w3, 0.0);
  }
}

static void
test_output_delta (void)
{
  const double ln2 = log (2.0), ln3 = log (3.0), e = exp (1.0);

  /* Sigmoid + cross-entropy, fused.  C_0 = sum_j softplus(z_j) - y_j z_j,
     delta = a - y.  Rows:
       z = (800, -800),  y = (1, 0): (800 - 800) + (0 - 0) = 0
       z = (800, -800),  y = (0, 1): 800 + (0 + 800) = 1600
       z = (0, ln 3),    y = (1, 0): (ln 2 - 0) + ln(1 + 3) = 3 ln 2
     where softplus(800) = 800 + ln(1 + e^-800) = 800 and softplus(-800)
     = ln(1 + e^-800) = 0 in double precision.  a = sigmoid(z) =
     (1, 0), (1, 0), (1/2, 3/4).  Mean (1600 + 3 ln 2)/3, finite though
     ln a = ln 0 = -inf for the wrong saturated outputs. */
  {
    double z[] = { 800, -800, 800, -800, 0, ln3 };
    double a[] = { 1, 0, 1, 0, 0.5, 0.75 };
    double y[] = { 1, 0, 0, 1, 1, 0 };
    double d[6];
    gsl_matrix Z = mview (z, 3, 2), A = mview (a, 3, 2), Y = mview (y, 3, 2);
    gsl_matrix D = mview (d, 3, 2);
    const double want[] = { 0, 0, 1, -1, -0.5, 0.75 };
    double C = bp_output_delta (BP_CROSS_ENTROPY, BP_SIGMOID, &Z, &A, &Y, &D);
    CHECK_REL (C, (1600 + 3 * ln2) / 3, 1e-15);
    CHECK_MAT_ARR (&D, want, 1e-15);
  }
  /* The fused loss equals the log form where the log form is accurate:
     z = (0.3, -1.2), y = (1, 0.25). */
  {
    double z[] = { 0.3, -1.2 }, a[2], y[] = { 1.0, 0.25 }, d[2];
    ref_act (BP_SIGMOID, z, a, 2);
    gsl_matrix Z = mview (z, 1, 2), A = mview (a, 1, 2), Y = mview (y, 1, 2);
    gsl_matrix D = mview (d, 1, 2);
    double C = bp_output_delta (BP_CROSS_ENTROPY, BP_SIGMOID, &Z, &A, &Y, &D);
    CHECK_REL (C, ref_loss (BP_CROSS_ENTROPY, a, y, 2), 1e-14);
  }
  /* Softmax + log-likelihood, fused: C_0 = sum_j y_j (lse(z) - z_j),
     delta = a sum(y) - y.
       z = (1000, 1001, 1000), y = (0, 1, 0): lse = 1001 + ln(1 + 2/e),
         C_0 = ln(1 + 2/e); a = (1, e, 1)/(e + 2),
         delta = a - y = (1, -2, 1)/(e + 2).
       z = (0, ln 2, ln 3), y = (1, 1, 0) (sum 2): lse = ln 6,
         C_0 = (ln 6 - 0) + (ln 6 - ln 2) = ln 18; a = (1/6, 1/3, 1/2),
         delta = 2a - y = (-2/3, -1/3, 1).
     lse of the first row is formed next to 1001, whose ulp is 1.1e-13,
     so the loss carries an absolute error of that size: 1e-12. */
  {
    double z[] = { 1000, 1001, 1000, 0, ln2, ln3 };
    double a[] = { 1 / (e + 2), e / (e + 2), 1 / (e + 2),
                   1.0 / 6, 1.0 / 3, 0.5 };
    double y[] = { 0, 1, 0, 1, 1, 0 };
    double d[6];
    gsl_matrix Z = mview (z, 2, 3), A = mview (a, 2, 3), Y = mview (y, 2, 3);
    gsl_matrix D = mview (d, 2, 3);
    const double want[] = { 1 / (e + 2), -2 / (e + 2), 1 / (e + 2),
                            -2.0 / 3, -1.0 / 3, 1.0 };
    double C = bp_output_delta (BP_LOG_LIKELIHOOD, BP_SOFTMAX, &Z, &A, &Y,
                                &D);
    CHECK_NEAR (C, (log (1 + 2 / e) + log (18.0)) / 2, 1e-12);
    CHECK_MAT_ARR (&D, want, 1e-15);
  }
  /* Every accepted (loss, activation) pair, fused or not, against the
     naive chain rule delta = J^T dC_0/da with the explicit Jacobian, and
     the loss against the naive mean (3 samples, 3 outputs). */
  {
    lcg_seed (21);
    gsl_matrix *Z = random_matrix (3, 3, -1.5, 1.5);
    double y[] = { 1, 0, 0, 0, 0, 1, 0, 1, 0 };
    gsl_matrix Y = mview (y, 3, 3);
    gsl_matrix *A = gsl_matrix_alloc (3, 3), *D = gsl_matrix_alloc (3, 3);
    gsl_matrix *Want = gsl_matrix_alloc (3, 3);
    for (int c = 0; c < BP_N_LOSSES; c++)
      for (int g = 0; g < BP_N_ACTIVATIONS; g++)
        {
          if (!bp_loss_accepts ((bp_loss) c, (bp_activation) g))
            continue;
          double Csum = 0.0, J[9], dcda[3];
          for (size_t i = 0; i < 3; i++)
            {
              double *z = Z->data + 3 * i, *a = A->data + 3 * i;
              ref_act ((bp_activation) g, z, a, 3);
              Csum += ref_loss ((bp_loss) c, a, y + 3 * i, 3);
              ref_dloss ((bp_loss) c, a, y + 3 * i, 3, dcda);
              ref_jacobian ((bp_activation) g, z, a, 3, J);
              for (size_t k = 0; k < 3; k++)
                {
                  double s = 0.0;
                  for (size_t q = 0; q < 3; q++)
                    s += J[q * 3 + k] * dcda[q];
                  gsl_matrix_set (Want, i, k, s);
                }
            }
          const unsigned long f0 = n_failed;
          double C = bp_output_delta ((bp_loss) c, (bp_activation) g, Z, A,
                                      &Y, D);
          CHECK_NEAR (C, Csum / 3, 1e-14);
          CHECK_MAT (D, Want, 1e-14);
          if (n_failed != f0)
            printf ("  (pair %s + %s)\n", loss_names[c], activation_names[g]);
        }
    gsl_matrix_free (Z);
    gsl_matrix_free (A);
    gsl_matrix_free (D);
    gsl_matrix_free (Want);
  }
}

/* ======================================================= network tests */

static void
test_size_mul (void)
{
  size_t r = 0;
  CHECK (bp_size_mul (3, 4, &r) == BP_OK && r == 12);
  CHECK (bp_size_mul (0, SIZE_MAX, &r) == BP_OK && r == 0);
  CHECK (bp_size_mul (SIZE_MAX, 0, &r) == BP_OK && r == 0);
  CHECK (bp_size_mul (SIZE_MAX, 1, &r) == BP_OK && r == SIZE_MAX);
  /* (SIZE_MAX/2) * 2 = SIZE_MAX - 1 fits; one more does not. */
  CHECK (bp_size_mul (SIZE_MAX / 2, 2, &r) == BP_OK && r == SIZE_MAX - 1);
  CHECK (bp_size_mul (SIZE_MAX / 2 + 1, 2, &r) == BP_ENOMEM);
  CHECK (bp_size_mul (2, SIZE_MAX / 2 + 1, &r) == BP_ENOMEM);
  CHECK (bp_size_mul (SIZE_MAX, SIZE_MAX, &r) == BP_ENOMEM);
  /* 2^(w/2) squared is 2^w, one past SIZE_MAX, for w the bits of size_t. */
  const size_t half = (size_t) 1 << (sizeof (size_t) * 4);
  CHECK (bp_size_mul (half, half, &r) == BP_ENOMEM);
  CHECK (bp_size_mul (half, half - 1, &r) == BP_OK && r == half * (half - 1));
}

static void
test_workspace (void)
{
  const size_t n[] = { 2, 3, 4 };
  bp_workspace *ws = bp_workspace_alloc (2, n, 5);
  CHECK (ws != NULL);
  if (ws)
    {
      CHECK_SIZE (ws->L, 2);
      CHECK_SIZE (ws->m, 5);
      gsl_matrix *sets[3] = { ws->Z, ws->A, ws->Delta };
      for (int s = 0; s < 3; s++)
        for (size_t l = 0; l < 2; l++)
          {
            CHECK_SIZE (sets[s][l].size1, 5);
            CHECK_SIZE (sets[s][l].size2, n[l + 1]);
            CHECK (sets[s][l].tda >= n[l + 1]);
          }
      /* The six matrices must not overlap: write a distinct value into
         every cell of every matrix, then read them all back.  (Writes out
         of the block would be caught by valgrind.) */
      double v = 1.0;
      for (int s = 0; s < 3; s++)
        for (size_t l = 0; l < 2; l++)
          for (size_t i = 0; i < 5; i++)
            for (size_t j = 0; j < n[l + 1]; j++)
              gsl_matrix_set (&sets[s][l], i, j, v++);
      v = 1.0;
      int intact = 1;
      for (int s = 0; s < 3; s++)
        for (size_t l = 0; l < 2; l++)
          for (size_t i = 0; i < 5; i++)
            for (size_t j = 0; j < n[l + 1]; j++)
              intact &= gsl_matrix_get (&sets[s][l], i, j) == v++;
      CHECK (intact);

      /* bp_rows: the first m rows, same storage. */
      gsl_matrix r = bp_rows (&ws->A[1], 2);
      CHECK_SIZE (r.size1, 2);
      CHECK_SIZE (r.size2, 4);
      CHECK_SIZE (r.tda, ws->A[1].tda);
      CHECK (r.data == ws->A[1].data);
      CHECK (gsl_matrix_get (&r, 1, 3) == gsl_matrix_get (&ws->A[1], 1, 3));
      bp_workspace_free (ws);
    }

  /* Sizes whose byte count overflows size_t give NULL, not a short block:
     m = SIZE_MAX/2 with widths 3, 4; one huge width; widths whose cells
     each fit but whose sum overflows; a cell count that fits but whose
     3 * 8 bytes do not. */
  CHECK (bp_workspace_alloc (2, n, SIZE_MAX / 2) == NULL);
  const size_t huge1[] = { 2, SIZE_MAX / 2 };
  CHECK (bp_workspace_alloc (1, huge1, 3) == NULL);
  const size_t huge2[] = { 1, SIZE_MAX / 2 + 1, SIZE_MAX / 2 + 1 };
  CHECK (bp_workspace_alloc (2, huge2, 1) == NULL);
  const size_t one[] = { 1, 1 };
  CHECK (bp_workspace_alloc (1, one, SIZE_MAX / 16) == NULL);
  bp_workspace_free (NULL);      /* a no-op, like free (NULL) */
  CHECK (1);

  /* In caller memory: the same layout inside the block it was given. */
  const size_t bytes = bp_workspace_bytes (2, n, 5);
  CHECK (bytes >= 3 * 5 * (3 + 4) * sizeof (double));
  char *mem = malloc (bytes);
  bp_workspace w;
  bp_workspace_init (&w, 2, n, 5, mem);
  CHECK (w.block == NULL);                      /* not owned */
  gsl_matrix *wsets[3] = { w.Z, w.A, w.Delta };
  int inside = 1;
  for (int s = 0; s < 3; s++)
    for (size_t l = 0; l < 2; l++)
      {
        const char *first = (const char *) wsets[s][l].data;
        const char *last = (const char *) (wsets[s][l].data + 5 * n[l + 1]);
        inside &= first >= mem && last <= mem + bytes
                  && (size_t) first % sizeof (double) == 0;
        CHECK_SIZE (wsets[s][l].size2, n[l + 1]);
      }
  CHECK (inside);
  free (mem);
  CHECK (bp_workspace_bytes (2, huge2, 1) == 0);
  CHECK (bp_workspace_bytes (2, n, SIZE_MAX / 2) == 0);
}

static void
test_axpy_sumsq (void)
{
  /* Y += alpha X on a 2-by-2 view with row stride 3: Y's third column
     must stay untouched. */
  double x[] = { 1, 2, 3, 4 };
  double y[] = { 10, 20, -1, 30, 40, -1 };
  gsl_matrix X = mview (x, 2, 2);
  gsl_matrix_view Yv = gsl_matrix_view_array_with_tda (y, 2, 2, 3);
  bp_axpy (-0.5, &X, &Yv.matrix);
  /* 10 - 0.5, 20 - 1, 30 - 1.5, 40 - 2 */
  const double want[] = { 9.5, 19, 28.5, 38 };
  CHECK_MAT_ARR (&Yv.matrix, want, 0.0);
  CHECK (y[2] == -1 && y[5] == -1);

  /* sum of squared weights of a 2-3-2 network with weights 1..6 in each
     layer: 2 * (1 + 4 + 9 + 16 + 25 + 36) = 182; biases (set to 100)
     excluded. */
  const size_t n[] = { 2, 3, 2 };
  const bp_activation g[] = { BP_SIGMOID, BP_SIGMOID };
  tnet *t = tnet_new (2, n, g, BP_QUADRATIC);
  for (size_t l = 0; l < 2; l++)
    {
      for (size_t q = 0; q < 6; q++)
        t->W[l].data[q] = (double) (q + 1);
      gsl_vector_set_all (&t->b[l], 100.0);
    }
  CHECK_NEAR (bp_weight_sumsq (&t->net), 182.0, 0.0);
  tnet_free (t);
}

/* bp_gemm against a triple loop, every transpose combination, a small
   size (plain loop) and a large one (BLAS), padded and unpadded storage. */
static void
gemm_case (CBLAS_TRANSPOSE_t ta, CBLAS_TRANSPOSE_t tb, size_t M, size_t N,
           size_t K, double alpha, double beta, size_t pad)
{
  const size_t ar = ta == CblasNoTrans ? M : K, ac = ta == CblasNoTrans ? K : M;
  const size_t br = tb == CblasNoTrans ? K : N, bc = tb == CblasNoTrans ? N : K;
  double *ab = xcalloc (ar * (ac + pad), sizeof (double));
  double *bb = xcalloc (br * (bc + pad), sizeof (double));
  double *cb = xcalloc (M * (N + pad), sizeof (double));
  double *want = xcalloc (M * N, sizeof (double));
  gsl_matrix A = gsl_matrix_view_array_with_tda (ab, ar, ac, ac + pad).matrix;
  gsl_matrix B = gsl_matrix_view_array_with_tda (bb, br, bc, bc + pad).matrix;
  gsl_matrix C = gsl_matrix_view_array_with_tda (cb, M, N, N + pad).matrix;
  for (size_t i = 0; i < ar * (ac + pad); i++)
    ab[i] = lcg_uniform (-1, 1);
  for (size_t i = 0; i < br * (bc + pad); i++)
    bb[i] = lcg_uniform (-1, 1);
  for (size_t i = 0; i < M * (N + pad); i++)
    /* With beta = 0 the old contents of C must be ignored (BLAS
       semantics): the core multiplies into uninitialised workspace. */
    cb[i] = beta == 0.0 ? NAN : lcg_uniform (-1, 1);
  for (size_t i = 0; i < M; i++)
    for (size_t j = 0; j < N; j++)
      {
        double s = 0.0;
        for (size_t p = 0; p < K; p++)
          {
            double a = ta == CblasNoTrans ? gsl_matrix_get (&A, i, p)
                                          : gsl_matrix_get (&A, p, i);
            double b = tb == CblasNoTrans ? gsl_matrix_get (&B, p, j)
                                          : gsl_matrix_get (&B, j, p);
            s += a * b;
          }
        want[i * N + j] = alpha * s
          + (beta == 0.0 ? 0.0 : beta * gsl_matrix_get (&C, i, j));
      }
  /* The padding of C is remembered to check that it is left alone. */
  double pad_sum = 0.0;
  int pad_nan = 0;
  for (size_t i = 0; i < M; i++)
    for (size_t j = N; j < N + pad; j++)
      {
        pad_sum += cb[i * (N + pad) + j];
        pad_nan |= isnan (cb[i * (N + pad) + j]);
      }
  bp_gemm (ta, tb, alpha, &A, &B, beta, &C);
  /* Sums of K <= 60 products of numbers in [-1, 1], accumulated in a
     different order by BLAS: error well below 60 eps ~ 1.3e-14. */
  CHECK_MAT_ARR (&C, want, 1e-13);
  double pad_after = 0.0;
  int pad_nan_after = 0;
  for (size_t i = 0; i < M; i++)
    for (size_t j = N; j < N + pad; j++)
      {
        pad_after += cb[i * (N + pad) + j];
        pad_nan_after |= isnan (cb[i * (N + pad) + j]);
      }
  CHECK (pad_nan ? pad_nan_after : pad_after == pad_sum);
  free (ab);
  free (bb);
  free (cb);
  free (want);
}

static void
test_gemm (void)
{
  lcg_seed (31);
  const CBLAS_TRANSPOSE_t T[] = { CblasNoTrans, CblasTrans };
  for (int i = 0; i < 2; i++)
    for (int j = 0; j < 2; j++)
      {
        gemm_case (T[i], T[j], 2, 3, 4, 1.0, 0.0, 0);     /* small */
        gemm_case (T[i], T[j], 3, 2, 5, -0.5, 2.0, 1);    /* small, padded */
        gemm_case (T[i], T[j], 40, 30, 60, 0.25, 0.0, 0); /* BLAS */
        gemm_case (T[i], T[j], 33, 41, 20, 1.5, -1.0, 2); /* BLAS, padded */
      }
}

/* ================================================ forward and backward */

/* The transpose convention by hand, all values exact.  Layer 1, linear:
   x = (1, 2), W[0] = [1 2 3; 4 5 6] (row k = input k, column j = node j,
   i.e. w^(1) transposed), b = (0.5, -1, 0):
     z1 = (1*1 + 2*4, 1*2 + 2*5, 1*3 + 2*6) + b = (9.5, 11, 15).
   Layer 2, linear: W[1] = [1 0; 0 1; 1 -1], b = (0, 1):
     z2 = (9.5 + 15, 11 - 15 + 1) = (24.5, -3).
   Second sample x = (0, -1): z1 = (-4, -5, -6) + b = (-3.5, -6, -6),
     z2 = (-3.5 - 6, -6 + 6 + 1) = (-9.5, 1). */
static void
test_forward_by_hand (void)
{
  const size_t n[] = { 2, 3, 2 };
  const bp_activation g[] = { BP_LINEAR, BP_LINEAR };
  tnet *t = tnet_new (2, n, g, BP_QUADRATIC);
  const double w0[] = { 1, 2, 3, 4, 5, 6 }, b0[] = { 0.5, -1, 0 };
  const double w1[] = { 1, 0, 0, 1, 1, -1 }, b1[] = { 0, 1 };
  memcpy (t->W[0].data, w0, sizeof w0);
  memcpy (t->b[0].data, b0, sizeof b0);
  memcpy (t->W[1].data, w1, sizeof w1);
  memcpy (t->b[1].data, b1, sizeof b1);
  double x[] = { 1, 2, 0, -1 };
  gsl_matrix X = mview (x, 2, 2);
  bp_workspace *ws = bp_workspace_alloc (2, n, 2);
  batch_views v;
  views_of (ws, 2, &v);
  bp_forward (&t->net, &X, v.Z, v.A);
  const double z1[] = { 9.5, 11, 15, -3.5, -6, -6 };
  const double z2[] = { 24.5, -3, -9.5, 1 };
  CHECK_MAT_ARR (&v.Z[0], z1, 0.0);
  CHECK_MAT_ARR (&v.A[0], z1, 0.0);
  CHECK_MAT_ARR (&v.Z[1], z2, 0.0);
  CHECK_MAT_ARR (&v.A[1], z2, 0.0);

  /* The same net with relu hidden, sigmoid out: a1 = relu(z1) =
     (9.5, 11, 15), (0, 0, 0); z2 = (24.5, -3), (0, 1);
     a2 = sigmoid: (1/(1+e^-24.5), 1/(1+e^3)), (1/2, 1/(1+e^-1)). */
  t->g[0] = BP_RELU;
  t->g[1] = BP_SIGMOID;
  bp_forward (&t->net, &X, v.Z, v.A);
  const double a1[] = { 9.5, 11, 15, 0, 0, 0 };
  const double z2b[] = { 24.5, -3, 0, 1 };
  const double a2[] = { 1 / (1 + exp (-24.5)), 1 / (1 + exp (3.0)),
                        0.5, 1 / (1 + exp (-1.0)) };
  CHECK_MAT_ARR (&v.A[0], a1, 0.0);
  CHECK_MAT_ARR (&v.Z[1], z2b, 0.0);
  CHECK_MAT_ARR (&v.A[1], a2, 1e-15);

  /* Quadratic loss with y = (1, 0) for both samples; by hand:
     output delta = (a - y) a (1 - a); hidden delta of sample 2 is 0
     (relu'(z) = 0 for z <= 0), so dW[0] has only sample 1's share. */
  double y[] = { 1, 0, 1, 0 };
  gsl_matrix Y = mview (y, 2, 2);
  double C = bp_backward (&t->net, &Y, v.Z, v.A, v.D);
  double want_C = 0.0, d2[4];
  for (size_t i = 0; i < 4; i++)
    {
      want_C += 0.5 * (a2[i] - y[i]) * (a2[i] - y[i]) / 2;   /* mean of 2 */
      d2[i] = (a2[i] - y[i]) * a2[i] * (1 - a2[i]);
    }
  CHECK_REL (C, want_C, 1e-14);
  CHECK_MAT_ARR (&v.D[1], d2, 1e-15);
  /* hidden: delta1_k = relu'(z1_k) sum_j W[1](k,j) d2_j:
     sample 1 (d2_0, d2_1, d2_0 - d2_1), sample 2 zeros. */
  const double d1[] = { d2[0], d2[1], d2[0] - d2[1], 0, 0, 0 };
  CHECK_MAT_ARR (&v.D[0], d1, 1e-16);
  bp_workspace_free (ws);
  tnet_free (t);
}

typedef struct {
  const char *what;
  size_t L;
  size_t n[MAXL + 1];
  bp_activation g[MAXL];
  bp_loss loss;
} net_case;

static const net_case net_cases[] = {
  { "2-3-2 sigmoid/sigmoid quadratic", 2, { 2, 3, 2 },
    { BP_SIGMOID, BP_SIGMOID }, BP_QUADRATIC },
  { "2-3-2 softmax hidden, sigmoid quadratic", 2, { 2, 3, 2 },
    { BP_SOFTMAX, BP_SIGMOID }, BP_QUADRATIC },
  { "2-3-3 tanh/softmax log-likelihood", 2, { 2, 3, 3 },
    { BP_TANH, BP_SOFTMAX }, BP_LOG_LIKELIHOOD },
  { "2-4-2 relu/sigmoid cross-entropy", 2, { 2, 4, 2 },
    { BP_RELU, BP_SIGMOID }, BP_CROSS_ENTROPY },
  { "2-3-2 leaky-relu/linear mse", 2, { 2, 3, 2 },
    { BP_LEAKY_RELU, BP_LINEAR }, BP_MSE },
  { "2-3-3 linear/softmax sse", 2, { 2, 3, 3 },
    { BP_LINEAR, BP_SOFTMAX }, BP_SSE },
  { "3-4-3-2 sigmoid/tanh/sigmoid sse", 3, { 3, 4, 3, 2 },
    { BP_SIGMOID, BP_TANH, BP_SIGMOID }, BP_SSE },
  { "1-2 softmax quadratic (L = 1)", 1, { 1, 2 },
    { BP_SOFTMAX }, BP_QUADRATIC },
};

/* Targets for a case: one-hot for log-likelihood, in [0, 1] otherwise. */
static gsl_matrix *
case_targets (const net_case *c, const gsl_matrix *X)
{
  if (c->loss == BP_LOG_LIKELIHOOD)
    return one_hot_targets (X, c->n[c->L]);
  return random_matrix (X->size1, c->n[c->L], 0, 1);
}

static void
forward_backward_case (const net_case *c)
{
  const size_t m = 5, L = c->L;
  const unsigned long f0 = n_failed;
  tnet *t = tnet_new (L, c->n, c->g, c->loss);
  tnet *grad = tnet_like (t);
  tnet_randomize (t, -1, 1);
  gsl_matrix *X = random_matrix (m, c->n[0], -1, 1);
  gsl_matrix *Y = case_targets (c, X);
  bp_workspace *ws = bp_workspace_alloc (L, c->n, m);
  batch_views v;
  views_of (ws, m, &v);

  /* Naive per-sample pass: z, a, delta of every layer, mean loss, and the
     gradient dW[l](k,j) = mean_s a^(l)_k delta^(l+1)_j, db = mean delta. */
  gsl_matrix *Zr[MAXL], *Ar[MAXL], *Dr[MAXL];
  for (size_t l = 0; l < L; l++)
    {
      Zr[l] = gsl_matrix_alloc (m, c->n[l + 1]);
      Ar[l] = gsl_matrix_alloc (m, c->n[l + 1]);
      Dr[l] = gsl_matrix_alloc (m, c->n[l + 1]);
    }
  double Cref = 0.0;
  for (size_t s = 0; s < m; s++)
    {
      ref_pass p;
      Cref += ref_sample (t, X->data + s * X->tda, Y->data + s * Y->tda, &p);
      for (size_t l = 0; l < L; l++)
        for (size_t j = 0; j < c->n[l + 1]; j++)
          {
            gsl_matrix_set (Zr[l], s, j, p.z[l][j]);
            gsl_matrix_set (Ar[l], s, j, p.a[l][j]);
            gsl_matrix_set (Dr[l], s, j, p.d[l][j]);
          }
    }
  Cref /= (double) m;
  tnet *gref = tnet_like (t);
  for (size_t l = 0; l < L; l++)
    {
      const gsl_matrix *in = l == 0 ? X : Ar[l - 1];
      for (size_t j = 0; j < c->n[l + 1]; j++)
        {
          double sb = 0.0;
          for (size_t s = 0; s < m; s++)
            sb += gsl_matrix_get (Dr[l], s, j);
          gsl_vector_set (&gref->b[l], j, sb / (double) m);
          for (size_t k = 0; k < c->n[l]; k++)
            {
              double sw = 0.0;
              for (size_t s = 0; s < m; s++)
                sw += gsl_matrix_get (in, s, k) * gsl_matrix_get (Dr[l], s, j);
              gsl_matrix_set (&gref->W[l], k, j, sw / (double) m);
            }
        }
    }

  /* Forward and backward against the naive pass.  Values are O(1); the
     two sides differ in summation order and in exp-based versus library
     tanh/sigmoid: a few ulp, hence 1e-14. */
  bp_forward (&t->net, X, v.Z, v.A);
  for (size_t l = 0; l < L; l++)
    {
      CHECK_MAT (&v.Z[l], Zr[l], 1e-14);
      CHECK_MAT (&v.A[l], Ar[l], 1e-14);
    }
  const double C = bp_backward (&t->net, Y, v.Z, v.A, v.D);
  CHECK_REL (C, Cref, 1e-14);
  for (size_t l = 0; l < L; l++)
    CHECK_MAT (&v.D[l], Dr[l], 1e-14);

  /* Weight gradient without and with weight decay. */
  double R = bp_weight_gradient (&t->net, X, v.A, v.D, 0.0, grad->W, grad->b);
  CHECK (R == 0.0);
  CHECK_ARR (grad->store, gref->store, t->nstore, 1e-14);

  const double lambda = 0.3;
  double w2 = 0.0;
  for (size_t l = 0; l < L; l++)
    for (size_t k = 0; k < c->n[l]; k++)
      for (size_t j = 0; j < c->n[l + 1]; j++)
        {
          const double w = gsl_matrix_get (&t->W[l], k, j);
          w2 += w * w;
          /* dW += lambda/m W (biases not decayed) */
          gsl_matrix_set (&gref->W[l], k, j, gsl_matrix_get (&gref->W[l], k, j)
                          + lambda / (double) m * w);
        }
  R = bp_weight_gradient (&t->net, X, v.A, v.D, lambda, grad->W, grad->b);
  CHECK_REL (R, lambda / (2.0 * (double) m) * w2, 1e-14);
  CHECK_ARR (grad->store, gref->store, t->nstore, 1e-14);

  /* Central differences of the naive regularised cost,
     (C(p + h) - C(p - h)) / 2h with h = 1e-6.  Truncation error is
     h^2/6 |C'''| ~ 2e-13 for these O(1) smooth functions; rounding error
     is about eps |C| / h ~ 2e-16 * 2 / 1e-6 = 4e-10.  1e-8 leaves a margin
     of 25 over both while any real mistake in a gradient is O(0.01). */
  {
    const double h = 1e-6;
    double *fd = xcalloc (t->nstore, sizeof (double));
    for (size_t q = 0; q < t->nstore; q++)
      {
        const double p0 = t->store[q];
        t->store[q] = p0 + h;
        const double Cp = ref_cost (t, X, Y, lambda);
        t->store[q] = p0 - h;
        const double Cm = ref_cost (t, X, Y, lambda);
        t->store[q] = p0;
        fd[q] = (Cp - Cm) / (2 * h);
      }
    CHECK_ARR (grad->store, fd, t->nstore, 1e-8);
    free (fd);
  }
  if (n_failed != f0)
    printf ("  (in case %s)\n", c->what);

  for (size_t l = 0; l < L; l++)
    {
      gsl_matrix_free (Zr[l]);
      gsl_matrix_free (Ar[l]);
      gsl_matrix_free (Dr[l]);
    }
  bp_workspace_free (ws);
  gsl_matrix_free (X);
  gsl_matrix_free (Y);
  tnet_free (t);
  tnet_free (grad);
  tnet_free (gref);
}

static void
test_forward_backward (void)
{
  lcg_seed (41);
  for (size_t i = 0; i < sizeof net_cases / sizeof *net_cases; i++)
    forward_backward_case (&net_cases[i]);
}

static void
test_sgd_step (void)
{
  /* new = old - eta grad, eta = 0.5, values exact in binary:
     W[0] = (1, 2, 3, 4, 5, 6) - 0.5 (0.5, -1, 2, 0, 0.25, -4)
          = (0.75, 2.5, 2, 4, 4.875, 8);
     b[0] = (1, 1, 1) - 0.5 (1, 0, -1) = (0.5, 1, 1.5);
     W[1] = 0 - 0.5 (1..6) = (-0.5, -1, -1.5, -2, -2.5, -3);
     b[1] = (-1, 2) - 0.5 (2, 2) = (-2, 1). */
  const size_t n[] = { 2, 3, 2 };
  const bp_activation g[] = { BP_SIGMOID, BP_SIGMOID };
  tnet *t = tnet_new (2, n, g, BP_QUADRATIC);
  tnet *d = tnet_like (t);
  const double w0[] = { 1, 2, 3, 4, 5, 6 }, g0[] = { 0.5, -1, 2, 0, 0.25, -4 };
  const double db0[] = { 1, 0, -1 }, b1[] = { -1, 2 }, db1[] = { 2, 2 };
  memcpy (t->W[0].data, w0, sizeof w0);
  gsl_vector_set_all (&t->b[0], 1.0);
  memcpy (t->b[1].data, b1, sizeof b1);
  memcpy (d->W[0].data, g0, sizeof g0);
  memcpy (d->b[0].data, db0, sizeof db0);
  for (size_t q = 0; q < 6; q++)
    d->W[1].data[q] = (double) (q + 1);
  memcpy (d->b[1].data, db1, sizeof db1);
  const double want_w0[] = { 0.75, 2.5, 2, 4, 4.875, 8 };
  const double want_b0[] = { 0.5, 1, 1.5 };
  const double want_w1[] = { -0.5, -1, -1.5, -2, -2.5, -3 };
  const double want_b1[] = { -2, 1 };
  /* Out of place: the step fills a second network (whose old contents are
     never read: NaN there must not leak through) and leaves the first. */
  tnet *o = tnet_like (t);
  for (size_t q = 0; q < 6; q++)
    o->W[0].data[q] = o->W[1].data[q] = NAN;
  bp_sgd_step (&t->net, d->W, d->b, 0.5, &o->net);
  CHECK_MAT_ARR (&o->W[0], want_w0, 0.0);
  CHECK_ARR (o->b[0].data, want_b0, 3, 0.0);
  CHECK_MAT_ARR (&o->W[1], want_w1, 0.0);
  CHECK_ARR (o->b[1].data, want_b1, 2, 0.0);
  CHECK_ARR (t->W[0].data, w0, 6, 0.0);
  tnet_free (o);
  /* In place. */
  bp_sgd_step (&t->net, d->W, d->b, 0.5, &t->net);
  CHECK_MAT_ARR (&t->W[0], want_w0, 0.0);
  CHECK_ARR (t->b[0].data, want_b0, 3, 0.0);
  CHECK_MAT_ARR (&t->W[1], want_w1, 0.0);
  CHECK_ARR (t->b[1].data, want_b1, 2, 0.0);
  /* The gradient is an input only. */
  CHECK_ARR (d->W[0].data, g0, 6, 0.0);
  tnet_free (t);
  tnet_free (d);
}

/* ============================================================ training */

#define MAXE 8                  /* epochs a test may run */
#define MAXB 64                 /* batches a test may run in all */

typedef struct {
  size_t epochs, batch;
  double eta, mu, lambda;
  const gsl_matrix *Xv, *Yv;
} hand_opts;

typedef struct {
  double loss[MAXE], acc[MAXE], vloss[MAXE], vacc[MAXE];
  double batch_loss[MAXB];      /* every batch's loss, in order */
  size_t nbatch;
} hand_result;

/* The training loop of the contract, written out: batches of o->batch rows
   in row order (the last one smaller), each batch bp_forward, bp_backward,
   bp_weight_gradient, then either bp_sgd_step or, with momentum,
   v = mu v - eta grad; w = w + v entry by entry.  The epoch loss is the
   mean of the batch losses (loss plus the weight-decay cost of the
   batch), the accuracy the fraction of samples whose output argmax hits
   the target's, evaluated in the same forward pass; the validation
   numbers come from a naive forward pass after the epoch. */
static void
hand_train (tnet *t, const gsl_matrix *X, const gsl_matrix *Y,
            const hand_opts *o, hand_result *r)
{
  const size_t N = X->size1, L = t->net.L;
  bp_workspace *ws = bp_workspace_alloc (L, t->n, o->batch < N ? o->batch : N);
  tnet *grad = tnet_like (t), *vel = tnet_like (t);
  batch_views v;
  memset (r, 0, sizeof *r);
  for (size_t e = 0; e < o->epochs; e++)
    {
      double sum = 0.0;
      size_t nb = 0, correct = 0;
      for (size_t r0 = 0; r0 < N; r0 += o->batch)
        {
          const size_t m = N - r0 < o->batch ? N - r0 : o->batch;
          gsl_matrix_const_view x = gsl_matrix_const_submatrix (X, r0, 0, m,
                                                                X->size2);
          gsl_matrix_const_view y = gsl_matrix_const_submatrix (Y, r0, 0, m,
                                                                Y->size2);
          views_of (ws, m, &v);
          bp_forward (&t->net, &x.matrix, v.Z, v.A);
          double C = bp_backward (&t->net, &y.matrix, v.Z, v.A, v.D);
          C += bp_weight_gradient (&t->net, &x.matrix, v.A, v.D, o->lambda,
                                   grad->W, grad->b);
          sum += C;
          nb++;
          if (r->nbatch < MAXB)
            r->batch_loss[r->nbatch++] = C;
          for (size_t i = 0; i < m; i++)
            correct += naive_argmax (&v.A[L - 1], i) == naive_argmax (&y.matrix, i);
          if (o->mu == 0.0)
            bp_sgd_step (&t->net, grad->W, grad->b, o->eta, &t->net);
          else
            for (size_t q = 0; q < t->nstore; q++)
              {
                vel->store[q] = o->mu * vel->store[q] - o->eta * grad->store[q];
                t->store[q] += vel->store[q];
              }
        }
      r->loss[e] = sum / (double) nb;
      r->acc[e] = (double) correct / (double) N;
      if (o->Xv)
        {
          size_t vc = 0;
          double vs = 0.0;
          ref_pass p;
          gsl_matrix_view av = gsl_matrix_view_array (p.a[L - 1], 1, t->n[L]);
          for (size_t i = 0; i < o->Xv->size1; i++)
            {
              gsl_matrix_const_view yi =
                gsl_matrix_const_submatrix (o->Yv, i, 0, 1, o->Yv->size2);
              vs += ref_sample (t, o->Xv->data + i * o->Xv->tda,
                                o->Yv->data + i * o->Yv->tda, &p);
              vc += naive_argmax (&av.matrix, 0) == naive_argmax (&yi.matrix, 0);
            }
          r->vloss[e] = vs / (double) o->Xv->size1;
          r->vacc[e] = (double) vc / (double) o->Xv->size1;
        }
    }
  bp_workspace_free (ws);
  tnet_free (grad);
  tnet_free (vel);
}

static bp_train_options
train_options (const hand_opts *h)
{
  bp_train_options o;
  memset (&o, 0, sizeof o);
  o.epochs = h->epochs;
  o.batch = h->batch;
  o.eta = h->eta;
  o.momentum = h->mu;
  o.lambda = h->lambda;
  o.shuffle = 0;
  o.seed = 0;
  o.one_hot = 0;
  o.Xv = h->Xv;
  o.Yv = h->Yv;
  o.poll = NULL;
  o.ctx = NULL;
  return o;
}

typedef struct {
  double loss[MAXE], acc[MAXE], vloss[MAXE], vacc[MAXE], secs[MAXE];
  bp_history h;
} core_hist;

static void
core_hist_init (core_hist *c)
{
  for (size_t e = 0; e < MAXE; e++)
    c->loss[e] = c->acc[e] = c->vloss[e] = c->vacc[e] = c->secs[e] = NAN;
  c->h.loss = c->loss;
  c->h.accuracy = c->acc;
  c->h.val_loss = c->vloss;
  c->h.val_accuracy = c->vacc;
  c->h.seconds = c->secs;
}

/* Why 1e-12 when comparing bp_train with the hand loop: bp_train folds
   the gradient into one product (w (1 - eta lambda/m) - (eta/m) a^T delta)
   where the loop forms dW and then subtracts, so every step differs by a
   few ulp of O(1) numbers; a dozen steps of a smooth O(1) map keep that
   far below 1e-12, while a wrong batch, order or formula changes the
   weights by 1e-3 or more. */
#define TRAIN_TOL 1e-12

static gsl_matrix *train_X, *train_Y, *train_Y1h, *val_X, *val_Y1h;

static void
train_data_alloc (void)
{
  lcg_seed (51);
  train_X = random_matrix (10, 2, -1, 1);
  train_Y = random_matrix (10, 2, 0, 1);
  train_Y1h = one_hot_targets (train_X, 3);
  val_X = random_matrix (7, 2, -1, 1);
  val_Y1h = one_hot_targets (val_X, 3);
}

static void
train_data_free (void)
{
  gsl_matrix_free (train_X);
  gsl_matrix_free (train_Y);
  gsl_matrix_free (train_Y1h);
  gsl_matrix_free (val_X);
  gsl_matrix_free (val_Y1h);
}

static tnet *
sigmoid_232 (void)
{
  const size_t n[] = { 2, 3, 2 };
  const bp_activation g[] = { BP_SIGMOID, BP_SIGMOID };
  tnet *t = tnet_new (2, n, g, BP_QUADRATIC);
  lcg_seed (61);
  tnet_randomize (t, -1, 1);
  return t;
}

static tnet *
softmax_233 (void)
{
  const size_t n[] = { 2, 3, 3 };
  const bp_activation g[] = { BP_TANH, BP_SOFTMAX };
  tnet *t = tnet_new (2, n, g, BP_LOG_LIKELIHOOD);
  lcg_seed (62);
  tnet_randomize (t, -1, 1);
  return t;
}

/* bp_train against hand_train on the same start, with the given options. */
static void
train_vs_hand (tnet *(*make) (void), const gsl_matrix *Y, const hand_opts *h,
               int one_hot, const char *what)
{
  const unsigned long f0 = n_failed;
  tnet *a = make (), *b = tnet_clone (a);
  hand_result r;
  core_hist c;
  core_hist_init (&c);
  bp_train_options o = train_options (h);
  o.one_hot = one_hot;
  size_t bad = 12345;
  const int status = bp_train (&a->net, train_X, Y, &o, &c.h, &bad);
  hand_train (b, train_X, Y, h, &r);
  CHECK (status == BP_OK);
  CHECK (bad == 12345);          /* only set on divergence */
  CHECK_ARR (a->store, b->store, a->nstore, TRAIN_TOL);
  CHECK_ARR (c.loss, r.loss, h->epochs, TRAIN_TOL);
  for (size_t e = 0; e < h->epochs; e++)
    CHECK (c.secs[e] >= 0.0);
  if (one_hot)
    CHECK_ARR (c.acc, r.acc, h->epochs, 0.0);
  if (h->Xv)
    {
      CHECK_ARR (c.vloss, r.vloss, h->epochs, TRAIN_TOL);
      if (one_hot)
        CHECK_ARR (c.vacc, r.vacc, h->epochs, 0.0);
    }
  if (n_failed != f0)
    printf ("  (in bp_train case: %s)\n", what);
  tnet_free (a);
  tnet_free (b);
}

static void
test_train_vs_loop (void)
{
  /* N = 10, batch 4: batches of rows 0-3, 4-7 and 8-9. */
  hand_opts h = { 3, 4, 0.5, 0.0, 0.0, NULL, NULL };
  train_vs_hand (sigmoid_232, train_Y, &h, 0, "plain SGD, batch 4 of 10");
  h.mu = 0.9;
  train_vs_hand (sigmoid_232, train_Y, &h, 0, "momentum 0.9");
  h.mu = 0.0;
  h.lambda = 0.1;
  train_vs_hand (sigmoid_232, train_Y, &h, 0, "lambda 0.1");
  h.mu = 0.5;
  h.lambda = 0.05;
  h.epochs = 4;
  train_vs_hand (sigmoid_232, train_Y, &h, 0, "momentum 0.5 and lambda 0.05");
  /* batch larger than N: one batch of all 10 rows */
  hand_opts full = { 3, 100, 0.5, 0.0, 0.0, NULL, NULL };
  train_vs_hand (sigmoid_232, train_Y, &full, 0, "batch 100 > N = 10");
  /* batch 1: pure online SGD */
  hand_opts one = { 2, 1, 0.2, 0.0, 0.0, NULL, NULL };
  train_vs_hand (sigmoid_232, train_Y, &one, 0, "batch 1");
  /* Softmax + log-likelihood, one-hot: accuracy, and validation data of
     7 rows, more than one batch, so the evaluation runs in pieces. */
  hand_opts cls = { 3, 4, 0.7, 0.3, 0.02, val_X, val_Y1h };
  train_vs_hand (softmax_233, train_Y1h, &cls, 1,
                 "softmax, one-hot, momentum, lambda, validation");
  hand_opts cls2 = { 2, 3, 1.0, 0.0, 0.0, val_X, val_Y1h };
  train_vs_hand (softmax_233, train_Y1h, &cls2, 1, "softmax, batch 3");
}

/* Training with every history series NULL works and trains the same. */
static void
test_train_null_history (void)
{
  tnet *a = sigmoid_232 (), *b = sigmoid_232 ();
  hand_opts h = { 2, 4, 0.5, 0.0, 0.0, NULL, NULL };
  bp_train_options o = train_options (&h);
  bp_history none = { NULL, NULL, NULL, NULL, NULL };
  core_hist c;
  core_hist_init (&c);
  size_t bad;
  CHECK (bp_train (&a->net, train_X, train_Y, &o, &none, &bad) == BP_OK);
  CHECK (bp_train (&b->net, train_X, train_Y, &o, &c.h, &bad) == BP_OK);
  CHECK_ARR (a->store, b->store, a->nstore, 0.0);
  tnet_free (a);
  tnet_free (b);
}

static void
test_train_shuffle (void)
{
  /* Reproducible: the same seed gives bit-identical runs; another seed a
     different run; and X, Y are not modified. */
  gsl_matrix *X0 = gsl_matrix_alloc (10, 2), *Y0 = gsl_matrix_alloc (10, 2);
  gsl_matrix_memcpy (X0, train_X);
  gsl_matrix_memcpy (Y0, train_Y);
  hand_opts h = { 3, 4, 0.5, 0.0, 0.0, NULL, NULL };
  bp_train_options o = train_options (&h);
  o.shuffle = 1;
  tnet *a = sigmoid_232 (), *b = sigmoid_232 (), *c = sigmoid_232 ();
  tnet *d = sigmoid_232 ();
  core_hist ha, hb, hc, hd;
  core_hist_init (&ha);
  core_hist_init (&hb);
  core_hist_init (&hc);
  core_hist_init (&hd);
  size_t bad;
  o.seed = 42;
  CHECK (bp_train (&a->net, train_X, train_Y, &o, &ha.h, &bad) == BP_OK);
  CHECK (bp_train (&b->net, train_X, train_Y, &o, &hb.h, &bad) == BP_OK);
  o.seed = 43;
  CHECK (bp_train (&c->net, train_X, train_Y, &o, &hc.h, &bad) == BP_OK);
  CHECK_ARR (a->store, b->store, a->nstore, 0.0);
  CHECK_ARR (ha.loss, hb.loss, 3, 0.0);
  double diff = 0.0;
  for (size_t q = 0; q < a->nstore; q++)
    diff = fmax (diff, fabs (a->store[q] - c->store[q]));
  CHECK (diff > 1e-6);
  /* Shuffled differs from row order too (else the shuffle is a no-op). */
  o.shuffle = 0;
  CHECK (bp_train (&d->net, train_X, train_Y, &o, &hd.h, &bad) == BP_OK);
  diff = 0.0;
  for (size_t q = 0; q < a->nstore; q++)
    diff = fmax (diff, fabs (a->store[q] - d->store[q]));
  CHECK (diff > 1e-6);
  CHECK (gsl_matrix_equal (X0, train_X) && gsl_matrix_equal (Y0, train_Y));

  /* With one batch of all rows the gradient does not depend on the
     order of the samples, so a shuffled run equals the hand loop up to
     rounding (summation order): this checks that the shuffle keeps each
     x with its own y. */
  hand_opts full = { 3, 10, 0.5, 0.0, 0.0, NULL, NULL };
  bp_train_options of = train_options (&full);
  of.shuffle = 1;
  of.seed = 7;
  tnet *e = sigmoid_232 (), *f = sigmoid_232 ();
  core_hist he;
  core_hist_init (&he);
  hand_result r;
  CHECK (bp_train (&e->net, train_X, train_Y, &of, &he.h, &bad) == BP_OK);
  hand_train (f, train_X, train_Y, &full, &r);
  CHECK_ARR (e->store, f->store, e->nstore, TRAIN_TOL);
  CHECK_ARR (he.loss, r.loss, 3, TRAIN_TOL);

  gsl_matrix_free (X0);
  gsl_matrix_free (Y0);
  tnet_free (a);
  tnet_free (b);
  tnet_free (c);
  tnet_free (d);
  tnet_free (e);
  tnet_free (f);
}

typedef struct {
  size_t calls, stop_at;        /* stop_at 0: never stop */
  bp_progress seen[MAXB];
} poll_log;

static int
record_poll (void *ctx, const bp_progress *p)
{
  poll_log *pl = ctx;
  if (pl->calls < MAXB)
    pl->seen[pl->calls] = *p;
  pl->calls++;
  return pl->stop_at != 0 && pl->calls >= pl->stop_at;
}

static void
test_train_poll (void)
{
  /* Progress after every batch: 2 epochs of batches of 4, 4, 2 rows. */
  {
    tnet *a = sigmoid_232 (), *b = sigmoid_232 ();
    hand_opts h = { 2, 4, 0.5, 0.0, 0.0, NULL, NULL };
    bp_train_options o = train_options (&h);
    poll_log plog;
    memset (&plog, 0, sizeof plog);
    o.poll = record_poll;
    o.ctx = &plog;
    core_hist c;
    core_hist_init (&c);
    size_t bad;
    hand_result r;
    CHECK (bp_train (&a->net, train_X, train_Y, &o, &c.h, &bad) == BP_OK);
    hand_train (b, train_X, train_Y, &h, &r);
    CHECK_SIZE (plog.calls, 6);
    const size_t samples[] = { 4, 8, 10, 14, 18, 20 };
    double prev_seconds = 0.0;
    for (size_t k = 0; k < 6 && k < plog.calls; k++)
      {
        const bp_progress *p = &plog.seen[k];
        CHECK_SIZE (p->epoch, k / 3 + 1);
        CHECK_SIZE (p->epochs, 2);
        CHECK_SIZE (p->batch, k % 3 + 1);
        CHECK_SIZE (p->batches, 3);
        CHECK_SIZE (p->samples, samples[k]);
        CHECK (p->epoch_done == (k % 3 == 2));
        CHECK (p->accuracy == -1.0);       /* not one-hot */
        CHECK (p->seconds >= prev_seconds);
        prev_seconds = p->seconds;
        /* running mean of this epoch's batch losses */
        double s = 0.0;
        for (size_t q = k - k % 3; q <= k; q++)
          s += r.batch_loss[q];
        CHECK_NEAR (p->loss, s / (double) (k % 3 + 1), TRAIN_TOL);
      }
    CHECK_NEAR (plog.seen[2].loss, c.loss[0], 0.0);
    CHECK_NEAR (plog.seen[5].loss, c.loss[1], 0.0);
    tnet_free (a);
    tnet_free (b);
  }
  /* One-hot: the running accuracy at the end of an epoch is the epoch's. */
  {
    tnet *a = softmax_233 ();
    hand_opts h = { 2, 4, 0.5, 0.0, 0.0, NULL, NULL };
    bp_train_options o = train_options (&h);
    o.one_hot = 1;
    poll_log plog;
    memset (&plog, 0, sizeof plog);
    o.poll = record_poll;
    o.ctx = &plog;
    core_hist c;
    core_hist_init (&c);
    size_t bad;
    CHECK (bp_train (&a->net, train_X, train_Y1h, &o, &c.h, &bad) == BP_OK);
    CHECK_SIZE (plog.calls, 6);
    CHECK_NEAR (plog.seen[2].accuracy, c.acc[0], 0.0);
    CHECK_NEAR (plog.seen[5].accuracy, c.acc[1], 0.0);
    CHECK (plog.seen[0].accuracy >= 0.0 && plog.seen[0].accuracy <= 1.0);
    tnet_free (a);
  }
  /* A nonzero return stops the run with BP_EINTR right after that batch:
     stopping at the 2nd call leaves the net as after the first 2 batches,
     i.e. as one epoch of the hand loop over rows 0-7. */
  {
    tnet *a = sigmoid_232 (), *b = sigmoid_232 ();
    hand_opts h = { 5, 4, 0.5, 0.0, 0.0, NULL, NULL };
    bp_train_options o = train_options (&h);
    poll_log plog;
    memset (&plog, 0, sizeof plog);
    plog.stop_at = 2;
    o.poll = record_poll;
    o.ctx = &plog;
    core_hist c;
    core_hist_init (&c);
    size_t bad = 12345;
    CHECK (bp_train (&a->net, train_X, train_Y, &o, &c.h, &bad) == BP_EINTR);
    CHECK_SIZE (plog.calls, 2);
    CHECK_SIZE (bad, 12345);
    gsl_matrix_const_view x8 = gsl_matrix_const_submatrix (train_X, 0, 0, 8, 2);
    gsl_matrix_const_view y8 = gsl_matrix_const_submatrix (train_Y, 0, 0, 8, 2);
    hand_opts h8 = { 1, 4, 0.5, 0.0, 0.0, NULL, NULL };
    hand_result r;
    hand_train (b, &x8.matrix, &y8.matrix, &h8, &r);
    CHECK_ARR (a->store, b->store, a->nstore, TRAIN_TOL);
    tnet_free (a);
    tnet_free (b);
  }
}

/* Divergence.  The epoch bp_train names is the one whose update produced
   the weights that give a non-finite loss (bp_train.c: a loss on the first
   batch of an epoch comes from the previous epoch's last step).

   A 1-1 linear net, w = 1, b = 0, quadratic loss, x = 1, y = 0, and
   eta = 1e300.  Epoch 1: a = 1, C = 1/2, delta = 1, dW = db = 1, so
   w = 1 - 1e300 = -1e300, b = -1e300 (finite).  Epoch 2: a = -2e300,
   C = (4e600)/2 = inf, caused by epoch 1's update: BP_EDIVERGED, epoch 1,
   and epoch 1's history (loss 1/2) is kept. */
static void
test_train_diverge (void)
{
  const size_t n[] = { 1, 1 };
  const bp_activation g[] = { BP_LINEAR };
  double x[] = { 1, 1 }, y[] = { 0, 0 };
  {
    tnet *t = tnet_new (1, n, g, BP_QUADRATIC);
    t->W[0].data[0] = 1.0;
    gsl_matrix X = mview (x, 1, 1), Y = mview (y, 1, 1);
    hand_opts h = { 5, 1, 1e300, 0.0, 0.0, NULL, NULL };
    bp_train_options o = train_options (&h);
    core_hist c;
    core_hist_init (&c);
    size_t bad = 0;
    CHECK (bp_train (&t->net, &X, &Y, &o, &c.h, &bad) == BP_EDIVERGED);
    CHECK_SIZE (bad, 1);
    CHECK_NEAR (c.loss[0], 0.5, 0.0);
    tnet_free (t);
  }
  /* The same with two samples and batch 1: the second batch of epoch 1
     already sees the -1e300 weights and its loss is inf: epoch 1. */
  {
    tnet *t = tnet_new (1, n, g, BP_QUADRATIC);
    t->W[0].data[0] = 1.0;
    gsl_matrix X = mview (x, 2, 1), Y = mview (y, 2, 1);
    hand_opts h = { 5, 1, 1e300, 0.0, 0.0, NULL, NULL };
    bp_train_options o = train_options (&h);
    core_hist c;
    core_hist_init (&c);
    size_t bad = 0;
    CHECK (bp_train (&t->net, &X, &Y, &o, &c.h, &bad) == BP_EDIVERGED);
    CHECK_SIZE (bad, 1);
    tnet_free (t);
  }
  /* A 2-3-2 sigmoid/linear network (unbounded output, so the quadratic
     loss can blow up) with eta = 1e300: the first step makes the output
     weights O(1e299), the second batch's loss overflows.  Epoch 1. */
  {
    const size_t n3[] = { 2, 3, 2 };
    const bp_activation g3[] = { BP_SIGMOID, BP_LINEAR };
    tnet *t = tnet_new (2, n3, g3, BP_QUADRATIC);
    lcg_seed (71);
    tnet_randomize (t, -1, 1);
    hand_opts h = { 4, 4, 1e300, 0.0, 0.0, NULL, NULL };
    bp_train_options o = train_options (&h);
    core_hist c;
    core_hist_init (&c);
    size_t bad = 0;
    CHECK (bp_train (&t->net, train_X, train_Y, &o, &c.h, &bad)
           == BP_EDIVERGED);
    CHECK_SIZE (bad, 1);
    tnet_free (t);
  }
  /* Infinite weights with a finite loss: a saturating output hides them.
     1-1 sigmoid net, w = 0.01, b = 0, quadratic loss, x = 100, y = 0,
     eta = 1e308.  Epoch 1: z = 1, a = s = 1/(1 + e^-1) = 0.731,
     delta = (a - 0) a (1 - a) = 0.1438, dW = x delta = 14.38, so
     w = 0.01 - 1e308 * 14.38 = -inf, b = -1.438e307.  From epoch 2 on,
     z = 100 (-inf) + b = -inf, a = 0 = y: the loss is exactly 0 and
     delta = 0, so nothing changes and w stays -inf.  The weights became
     infinite in epoch 1, so that is the epoch to name. */
  {
    const size_t n1[] = { 1, 1 };
    const bp_activation g1[] = { BP_SIGMOID };
    tnet *t = tnet_new (1, n1, g1, BP_QUADRATIC);
    t->W[0].data[0] = 0.01;
    double x100[] = { 100.0 }, y0[] = { 0.0 };
    gsl_matrix X = mview (x100, 1, 1), Y = mview (y0, 1, 1);
    hand_opts h = { 5, 1, 1e308, 0.0, 0.0, NULL, NULL };
    bp_train_options o = train_options (&h);
    core_hist c;
    core_hist_init (&c);
    size_t bad = 0;
    CHECK (bp_train (&t->net, &X, &Y, &o, &c.h, &bad) == BP_EDIVERGED);
    CHECK_SIZE (bad, 1);
    /* the premise: the weight is -inf, the bias finite */
    CHECK (isinf (t->W[0].data[0]) && isfinite (t->b[0].data[0]));
    tnet_free (t);
  }
}

static void
test_accuracy (void)
{
  /* argmax per row, first index on ties:
     (0.1, 0.7, 0.2) -> 1; (0.5, 0.5, 0) -> 0 (tie); (0.3, 0.3, 0.3) -> 0;
     (-1, -2, -0.5) -> 2. */
  double a[] = { 0.1, 0.7, 0.2,
                 0.5, 0.5, 0.0,
                 0.3, 0.3, 0.3,
                 -1, -2, -0.5 };
  double y[] = { 0, 1, 0,
                 0, 1, 0,
                 1, 0, 0,
                 0, 0, 1 };
  gsl_matrix A = mview (a, 4, 3), Y = mview (y, 4, 3);
  CHECK_SIZE (bp_row_argmax (&A, 0), 1);
  CHECK_SIZE (bp_row_argmax (&A, 1), 0);
  CHECK_SIZE (bp_row_argmax (&A, 2), 0);
  CHECK_SIZE (bp_row_argmax (&A, 3), 2);
  /* rows 0, 2, 3 correct; row 1 guesses 0, target 1 */
  CHECK_SIZE (bp_count_correct (&A, &Y), 3);
  /* A view with a row stride: the padding (a large value) is not seen. */
  double p[] = { 0.1, 0.2, 99.0,
                 0.9, 0.2, 99.0 };
  gsl_matrix_view pv = gsl_matrix_view_array_with_tda (p, 2, 2, 3);
  CHECK_SIZE (bp_row_argmax (&pv.matrix, 0), 1);
  CHECK_SIZE (bp_row_argmax (&pv.matrix, 1), 0);
  /* Zero rows: nothing to count. */
  gsl_matrix A0 = mview (a, 1, 3);
  A0.size1 = 0;
  CHECK_SIZE (bp_count_correct (&A0, &A0), 0);
}

/* ================================================================ main */

/* An allocator that counts, so a test can see bp_train take exactly one
   block from it and give that block back. */
static size_t alloc_calls, release_calls;
static void *alloc_last;

static void *
failing_alloc (size_t bytes)
{
  (void) bytes;
  return NULL;
}

static void *
counting_alloc (size_t bytes)
{
  alloc_calls++;
  return alloc_last = malloc (bytes);
}

static void
counting_release (void *block)
{
  release_calls++;
  CHECK (block == alloc_last);
  free (block);
}

static void
test_train_allocator (void)
{
  /* Shuffle, momentum and validation: every kind of scratch at once. */
  tnet *a = softmax_233 (), *b = softmax_233 ();
  hand_opts h = { 3, 4, 0.3, 0.9, 0.1, val_X, val_Y1h };
  bp_train_options o = train_options (&h);
  o.shuffle = 1;
  o.seed = 9;
  o.one_hot = 1;
  core_hist ca, cb;
  core_hist_init (&ca);
  core_hist_init (&cb);
  size_t bad;
  CHECK (bp_train (&a->net, train_X, train_Y1h, &o, &ca.h, &bad) == BP_OK);
  alloc_calls = release_calls = 0;
  o.alloc = counting_alloc;
  o.release = counting_release;
  CHECK (bp_train (&b->net, train_X, train_Y1h, &o, &cb.h, &bad) == BP_OK);
  CHECK_SIZE (alloc_calls, 1);
  CHECK_SIZE (release_calls, 1);
  for (size_t l = 0; l < 2; l++)
    CHECK_MAT (&b->W[l], &a->W[l], 0.0);     /* same run, other memory */
  CHECK_ARR (cb.loss, ca.loss, 3, 0.0);
  CHECK_ARR (cb.vloss, ca.vloss, 3, 0.0);
  /* An allocator that fails is BP_ENOMEM, with nothing to release. */
  alloc_calls = release_calls = 0;
  o.alloc = failing_alloc;
  CHECK (bp_train (&b->net, train_X, train_Y1h, &o, &cb.h, &bad) == BP_ENOMEM);
  CHECK_SIZE (release_calls, 0);
  tnet_free (a);
  tnet_free (b);
}

static void
test_training (void)
{
  train_data_alloc ();
  test_train_allocator ();
  test_train_vs_loop ();
  test_train_null_history ();
  test_train_shuffle ();
  test_train_poll ();
  test_train_diverge ();
  train_data_free ();
}

int
main (void)
{
  run_group ("activation names", test_activation_names);
  run_group ("bp_activate", test_activate);
  run_group ("bp_activation_slope", test_activation_slope);
  run_group ("bp_activation_backprop", test_activation_backprop);
  run_group ("loss names, accepts", test_loss_names);
  run_group ("bp_loss_mean", test_loss_mean);
  run_group ("bp_loss_gradient", test_loss_gradient);
  run_group ("bp_output_delta", test_output_delta);
  run_group ("bp_size_mul", test_size_mul);
  run_group ("workspace, bp_rows", test_workspace);
  run_group ("bp_axpy, bp_weight_sumsq", test_axpy_sumsq);
  run_group ("bp_gemm", test_gemm);
  run_group ("forward/backward by hand", test_forward_by_hand);
  run_group ("forward/backward/gradient", test_forward_backward);
  run_group ("bp_sgd_step", test_sgd_step);
  run_group ("bp_train", test_training);
  run_group ("accuracy", test_accuracy);
  printf ("%lu passed, %lu failed\n", n_passed, n_failed);
  return n_failed == 0 ? 0 : 1;
}
