/* test_util.c: the harness, test data and naive references shared by the
   C unit tests (declared in test_util.h). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <gsl/gsl_errno.h>
#include "test_util.h"

/* ================================================================ harness */

unsigned long n_passed, n_failed;

static unsigned long gsl_errors;

static void
count_gsl_error (const char *reason, const char *file, int line, int err)
{
  gsl_errors++;
  printf ("GSL's error handler was called: %s (%s:%d, error %d)\n", reason,
          file, line, err);
}

void
harness_init (void)
{
  gsl_set_error_handler (count_gsl_error);
}

void
record (int ok)
{
  if (ok)
    n_passed++;
  else
    n_failed++;
}

void
check_true (int ok, const char *file, int line, const char *expr)
{
  record (ok);
  if (!ok)
    printf ("%s:%d: check failed: %s\n", file, line, expr);
}

void
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

void
check_size (size_t got, size_t want, const char *file, int line,
            const char *expr)
{
  record (got == want);
  if (got != want)
    printf ("%s:%d: %s = %zu, expected %zu\n", file, line, expr, got, want);
}

void
check_int (long got, long want, const char *file, int line, const char *expr)
{
  record (got == want);
  if (got != want)
    printf ("%s:%d: %s = %ld, expected %ld\n", file, line, expr, got, want);
}

void
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

void
check_same (const double *got, const double *want, size_t n,
            const char *file, int line, const char *expr)
{
  size_t bad = 0, first = 0;
  for (size_t i = 0; i < n; i++)
    if (memcmp (&got[i], &want[i], sizeof (double)) != 0)
      {
        if (bad++ == 0)
          first = i;
      }
  record (bad == 0);
  if (bad)
    printf ("%s:%d: %s[%zu] = %.17g, expected the same bits as %.17g "
            "(%zu of %zu entries differ)\n", file, line, expr, first,
            got[first], want[first], bad, n);
}

void
check_str (const char *got, const char *want, const char *file, int line,
           const char *expr)
{
  const int ok = want ? got && strcmp (got, want) == 0 : got == NULL;
  record (ok);
  if (!ok)
    printf ("%s:%d: %s = %s%s%s, expected %s%s%s\n", file, line, expr,
            got ? "\"" : "", got ? got : "NULL", got ? "\"" : "",
            want ? "\"" : "", want ? want : "NULL", want ? "\"" : "");
}

void
run_group (const char *name, void (*fn) (void))
{
  const unsigned long p0 = n_passed, f0 = n_failed, e0 = gsl_errors;
  fn ();
  if (gsl_errors != e0)
    {
      record (0);
      printf ("%s: GSL's error handler was called %lu times in this group\n",
              name, gsl_errors - e0);
    }
  printf ("# %-30s %4lu passed, %lu failed\n", name, n_passed - p0,
          n_failed - f0);
}

/* ============================================================= utilities */

void *
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

void *
xmalloc (size_t bytes)
{
  void *p = malloc (bytes ? bytes : 1);
  if (!p)
    {
      fprintf (stderr, "test_core: out of memory\n");
      exit (2);
    }
  return p;
}

gsl_matrix
mview (double *a, size_t rows, size_t cols)
{
  return gsl_matrix_view_array (a, rows, cols).matrix;
}

static uint64_t lcg_state;

void
lcg_seed (uint64_t s)
{
  lcg_state = s * 0x9E3779B97F4A7C15ULL + 1;
}

double
lcg_uniform (double lo, double hi)
{
  lcg_state = lcg_state * 6364136223846793005ULL + 1442695040888963407ULL;
  return lo + (hi - lo) * (double) (lcg_state >> 11) / 9007199254740992.0;
}

gsl_matrix *
random_matrix (size_t rows, size_t cols, double lo, double hi)
{
  gsl_matrix *M = gsl_matrix_alloc (rows, cols);
  for (size_t i = 0; i < rows; i++)
    for (size_t j = 0; j < cols; j++)
      gsl_matrix_set (M, i, j, lcg_uniform (lo, hi));
  return M;
}

gsl_matrix *
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

size_t
naive_argmax (const gsl_matrix *A, size_t i)
{
  size_t best = 0;
  for (size_t j = 0; j < A->size2; j++)
    if (gsl_matrix_get (A, i, j) > gsl_matrix_get (A, i, best))
      best = j;
  return best;
}

size_t
naive_class (const gsl_matrix *A, size_t i)
{
  if (A->size2 == 1)
    return gsl_matrix_get (A, i, 0) >= 0.5 ? 1 : 0;
  return naive_argmax (A, i);
}

/* ------------------------------------------------- a network owned by a test */

tnet *
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

tnet *
tnet_like (const tnet *t)
{
  return tnet_new (t->net.L, t->n, t->g, t->net.loss);
}

tnet *
tnet_clone (const tnet *t)
{
  tnet *c = tnet_like (t);
  memcpy (c->store, t->store, t->nstore * sizeof (double));
  return c;
}

void
tnet_free (tnet *t)
{
  if (t)
    free (t->store);
  free (t);
}

void
tnet_randomize (tnet *t, double lo, double hi)
{
  for (size_t q = 0; q < t->nstore; q++)
    t->store[q] = lcg_uniform (lo, hi);
}

void
net_flat (const bp_net *net, double *out)
{
  for (size_t l = 0; l < net->L; l++)
    {
      for (size_t k = 0; k < net->n[l]; k++)
        for (size_t j = 0; j < net->n[l + 1]; j++)
          *out++ = gsl_matrix_get (&net->W[l], k, j);
      for (size_t j = 0; j < net->n[l + 1]; j++)
        *out++ = gsl_vector_get (&net->b[l], j);
    }
}

/* ------------------------------------------------------ scratch memory */

tws *
tws_new (size_t L, const size_t *n, size_t m, int parts)
{
  tws *w = xcalloc (1, sizeof *w);
  const size_t bytes = bp_workspace_bytes (L, n, m, parts);
  w->mem = xmalloc (bytes);
  bp_workspace_init (&w->ws, L, n, m, parts, w->mem, 0);
  return w;
}

void
tws_free (tws *w)
{
  if (w)
    free (w->mem);
  free (w);
}

void
views_of (const bp_workspace *ws, size_t m, batch_views *v)
{
  for (size_t i = 0; i < ws->L; i++)
    {
      v->Z[i] = bp_rows (&ws->Z[i], m);
      v->A[i] = bp_rows (&ws->A[i], m);
      v->D[i] = bp_rows (&ws->Delta[i], m);
    }
}

/* ==================================================== naive references */

void
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

void
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

double
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

void
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

double
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

double
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

void
ref_gradient (const tnet *t, const gsl_matrix *X, const gsl_matrix *Y,
              double lambda, tnet *g)
{
  const size_t m = X->size1, L = t->net.L;
  ref_pass p;
  memset (g->store, 0, g->nstore * sizeof (double));
  for (size_t s = 0; s < m; s++)
    {
      const double *x = X->data + s * X->tda;
      ref_sample (t, x, Y->data + s * Y->tda, &p);
      for (size_t l = 0; l < L; l++)
        {
          const double *in = l == 0 ? x : p.a[l - 1];
          for (size_t j = 0; j < t->n[l + 1]; j++)
            {
              for (size_t k = 0; k < t->n[l]; k++)
                g->W[l].data[k * g->W[l].tda + j] += in[k] * p.d[l][j];
              g->b[l].data[j * g->b[l].stride] += p.d[l][j];
            }
        }
    }
  for (size_t l = 0; l < L; l++)
    {
      for (size_t k = 0; k < t->n[l]; k++)
        for (size_t j = 0; j < t->n[l + 1]; j++)
          gsl_matrix_set (&g->W[l], k, j,
                          gsl_matrix_get (&g->W[l], k, j) / (double) m
                          + lambda / (double) m
                            * gsl_matrix_get (&t->W[l], k, j));
      for (size_t j = 0; j < t->n[l + 1]; j++)
        gsl_vector_set (&g->b[l], j, gsl_vector_get (&g->b[l], j) / (double) m);
    }
}
