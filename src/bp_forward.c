/* bp_forward.c: z^(l) = w^(l) a^(l-1) + b^(l), a^(l) = g^(l)(z^(l)) for a
   whole mini-batch, one matrix product per layer; and the outputs alone,
   two layers at a time, for prediction. */
#include "bp.h"

/* z = in W + 1 b^T, then a = g(z) (a may be z). */
static int
layer (const bp_net *net, size_t i, const gsl_matrix *in, gsl_matrix *z,
       gsl_matrix *a)
{
  const double *b = net->b[i].data;
  const size_t stride = net->b[i].stride;
  if (z->size2 != net->n[i + 1] || a->size1 != z->size1
      || a->size2 != z->size2)
    return BP_EBADLEN;
  /* Start every sample's z at the bias, then accumulate w a. */
  for (size_t r = 0; r < z->size1; r++)
    {
      double *row = z->data + r * z->tda;
      for (size_t j = 0; j < z->size2; j++)
        row[j] = b[j * stride];
    }
  const int s = bp_gemm (CblasNoTrans, CblasNoTrans, 1.0, in, &net->W[i],
                         1.0, z);
  if (s != BP_OK)
    return s;
  bp_activate (net->g[i], z, a);
  return BP_OK;
}

int
bp_forward (const bp_net *net, const gsl_matrix *X, gsl_matrix *Z,
            gsl_matrix *A)
{
  /* Every shape first, so that a mistake leaves the outputs untouched. */
  if (X->size2 != net->n[0])
    return BP_EBADLEN;
  for (size_t i = 0; i < net->L; i++)
    if (Z[i].size1 != X->size1 || Z[i].size2 != net->n[i + 1]
        || A[i].size1 != X->size1 || A[i].size2 != net->n[i + 1])
      return BP_EBADLEN;
  const gsl_matrix *in = X;    /* a^(l-1), a^(0) = x */
  for (size_t i = 0; i < net->L; i++)
    {
      const int s = layer (net, i, in, &Z[i], &A[i]);
      if (s != BP_OK)
        return s;
      in = &A[i];
    }
  return BP_OK;
}

/* Two buffers as wide as the widest layer, chunk rows each. */
static size_t
widest (size_t L, const size_t *n)
{
  size_t w = 0;
  for (size_t i = 1; i <= L; i++)
    if (n[i] > w)
      w = n[i];
  return w;
}

size_t
bp_predict_bytes (size_t L, const size_t *n, size_t m)
{
  bp_layout p = { 0, 0 };
  size_t cells;
  if (bp_size_mul (m, widest (L, n), &cells))
    return 0;
  bp_layout_add (&p, cells, sizeof (double));
  bp_layout_add (&p, cells, sizeof (double));
  return p.overflow ? 0 : p.bytes;
}

int
bp_predict (const bp_net *net, const gsl_matrix *X, gsl_matrix *Out,
            void *scratch, size_t chunk)
{
  const size_t L = net->L, m = X->size1, w = widest (L, net->n);
  if (X->size2 != net->n[0] || Out->size1 != m || Out->size2 != net->n[L]
      || chunk == 0)
    return BP_EBADLEN;
  bp_layout p = { 0, 0 };
  double *buf[2];
  buf[0] = (double *) ((char *) scratch + bp_layout_add (&p, chunk * w, 8));
  buf[1] = (double *) ((char *) scratch + bp_layout_add (&p, chunk * w, 8));
  /* Rows are independent samples: a chunk at a time gives the same
     outputs as the whole (to the rounding of the products' blocking). */
  for (size_t r0 = 0; r0 < m; r0 += chunk)
    {
      const size_t rows = m - r0 < chunk ? m - r0 : chunk;
      /* a^(l-1) of this chunk, a^(0) = x */
      gsl_matrix cur = gsl_matrix_const_submatrix (X, r0, 0, rows,
                                                   X->size2).matrix;
      for (size_t i = 0; i < L; i++)
        {
          /* The last layer writes straight into Out; the others alternate
             between the two buffers, a = g(z) in place. */
          gsl_matrix z = i + 1 == L
            ? gsl_matrix_submatrix (Out, r0, 0, rows, net->n[L]).matrix
            : gsl_matrix_view_array (buf[i % 2], rows, net->n[i + 1]).matrix;
          const int s = layer (net, i, &cur, &z, &z);
          if (s != BP_OK)
            return s;
          cur = z;
        }
    }
  return BP_OK;
}
