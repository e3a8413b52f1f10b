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

size_t
bp_workspace_bytes (size_t L, const size_t *n, size_t m)
{
  /* 3L matrix headers, then the doubles of every Z, A and Delta. */
  size_t doubles = 0, bytes, headers;
  for (size_t l = 1; l <= L; l++)
    {
      size_t cells;
      if (bp_size_mul (m, n[l], &cells) || cells > SIZE_MAX / 3
          || doubles > SIZE_MAX / 3 - cells)
        return 0;
      doubles += cells;
    }
  if (bp_size_mul (3 * doubles, sizeof (double), &bytes)
      || bp_size_mul (3 * L, sizeof (gsl_matrix), &headers)
      || bytes > SIZE_MAX - headers || L == 0)
    return 0;
  return headers + bytes;
}

void
bp_workspace_init (bp_workspace *ws, size_t L, const size_t *n, size_t m,
                   void *mem)
{
  ws->L = L;
  ws->m = m;
  ws->block = NULL;
  ws->Z = mem;
  ws->A = ws->Z + L;
  ws->Delta = ws->Z + 2 * L;
  /* gsl_matrix is a multiple of 8 bytes, so the doubles stay aligned. */
  double *p = (double *) (ws->Z + 3 * L);
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
}

bp_workspace *
bp_workspace_alloc (size_t L, const size_t *n, size_t m)
{
  const size_t bytes = bp_workspace_bytes (L, n, m);
  if (bytes == 0)
    return NULL;
  bp_workspace *ws = malloc (sizeof *ws);
  void *mem = malloc (bytes);
  if (!ws || !mem)
    {
      free (ws);
      free (mem);
      return NULL;
    }
  bp_workspace_init (ws, L, n, m, mem);
  ws->block = mem;
  return ws;
}

void
bp_workspace_free (bp_workspace *ws)
{
  if (!ws)
    return;
  free (ws->block);
  free (ws);
}
