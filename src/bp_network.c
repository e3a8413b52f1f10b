/* bp_network.c: sizes, the per-batch workspace, and whole-network sums. */
#include <stdint.h>
#include <stdlib.h>
#include "bp.h"

int
bp_size_mul (size_t a, size_t b, size_t *r)
{
  if (a != 0 && b > SIZE_MAX / a)
    return BP_ENOMEM;
  *r = a * b;
  return BP_OK;
}

gsl_matrix
bp_rows (const gsl_matrix *full, size_t m)
{
  gsl_matrix v = *full;
  v.size1 = m;   /* rows are contiguous: the first m rows are a prefix */
  return v;
}

void
bp_axpy (double alpha, const gsl_matrix *X, gsl_matrix *Y)
{
  for (size_t r = 0; r < X->size1; r++)
    {
      const double *x = X->data + r * X->tda;
      double *y = Y->data + r * Y->tda;
      for (size_t c = 0; c < X->size2; c++)
        y[c] += alpha * x[c];
    }
}

double
bp_weight_sumsq (const bp_net *net)
{
  double s = 0.0;
  for (size_t i = 0; i < net->L; i++)
    {
      const gsl_matrix *W = &net->W[i];
      for (size_t r = 0; r < W->size1; r++)
        {
          const double *w = W->data + r * W->tda;
          for (size_t c = 0; c < W->size2; c++)
            s += w[c] * w[c];
        }
    }
  return s;
}

bp_workspace *
bp_workspace_alloc (size_t L, const size_t *n, size_t m)
{
  /* Count the doubles of one matrix set (sum of m*n_l), refusing sizes
     whose byte count would overflow. */
  size_t per_set = 0, bytes;
  for (size_t l = 1; l <= L; l++)
    {
      size_t cells;
      if (bp_size_mul (m, n[l], &cells) || per_set > SIZE_MAX - cells)
        return NULL;
      per_set += cells;
    }
  if (bp_size_mul (per_set, 3 * sizeof (double), &bytes) || L == 0)
    return NULL;

  bp_workspace *ws = calloc (1, sizeof *ws);
  if (!ws)
    return NULL;
  ws->L = L;
  ws->m = m;
  ws->Z = calloc (3 * L, sizeof (gsl_matrix));
  ws->block = malloc (bytes > 0 ? bytes : 1);
  if (!ws->Z || !ws->block)
    {
      bp_workspace_free (ws);
      return NULL;
    }
  ws->A = ws->Z + L;
  ws->Delta = ws->Z + 2 * L;

  double *p = ws->block;
  gsl_matrix *sets[3] = { ws->Z, ws->A, ws->Delta };
  for (int s = 0; s < 3; s++)
    for (size_t l = 1; l <= L; l++)
      {
        gsl_matrix *M = &sets[s][l - 1];
        M->size1 = m;
        M->size2 = n[l];
        M->tda = n[l];
        M->data = p;
        M->block = NULL;
        M->owner = 0;
        p += m * n[l];
      }
  return ws;
}

void
bp_workspace_free (bp_workspace *ws)
{
  if (!ws)
    return;
  free (ws->block);
  free (ws->Z);
  free (ws);
}
