/* bp_complex.c: the forward pass and the loss in complex arithmetic, from
   a given layer up, for the complex-step derivatives of bp_gradcheck:
   dC/dp = imag (C (p + i h)) / h for h = 1e-30, exact to rounding since
   no difference of two nearly equal numbers is taken.  Complex numbers
   are kept as their real and imaginary parts apart, so that the real
   weights multiply each part with an ordinary real product. */
#include "bp.h"

size_t
bp_complex_bytes (size_t L, const size_t *n, size_t M)
{
  size_t w = 0, cells;
  for (size_t i = 1; i <= L; i++)
    if (n[i] > w)
      w = n[i];
  bp_layout p = { 0, 0 };
  if (bp_size_mul (M, w, &cells))
    return 0;
  for (int k = 0; k < 4; k++)
    bp_layout_add (&p, cells, sizeof (double));
  return p.overflow ? 0 : p.bytes;
}

/* The M-by-n view of the buffer at offset k of the scratch block. */
static gsl_matrix
buffer (void *scratch, int k, size_t cells, size_t M, size_t n)
{
  bp_layout p = { 0, 0 };
  size_t at = 0;
  for (int j = 0; j <= k; j++)
    at = bp_layout_add (&p, cells, sizeof (double));
  return gsl_matrix_view_array ((double *) ((char *) scratch + at), M,
                                n).matrix;
}

int
bp_complex_losses (const bp_net *net, size_t i, const gsl_matrix *Zr,
                   const gsl_matrix *Zi, const gsl_matrix *Y, double *Cr,
                   double *Ci, void *scratch)
{
  const size_t L = net->L, *n = net->n, M = Zr->size1;
  size_t w = 0;
  for (size_t l = 1; l <= L; l++)
    if (n[l] > w)
      w = n[l];
  if (i >= L || Zr->size2 != n[i + 1] || Zi->size1 != M
      || Zi->size2 != n[i + 1] || Y->size1 != M || Y->size2 != n[L])
    return BP_EBADLEN;
  const size_t cells = M * w;
  /* z (real, imaginary) and a (real, imaginary) of the current layer. */
  gsl_matrix zr = *Zr, zi = *Zi;
  gsl_matrix ar = buffer (scratch, 0, cells, M, n[i + 1]);
  gsl_matrix ai = buffer (scratch, 1, cells, M, n[i + 1]);
  for (size_t k = i;; k++)
    {
      for (size_t r = 0; r < M; r++)
        bp_activate_split (net->g[k], n[k + 1], zr.data + r * zr.tda,
                           zi.data + r * zi.tda, ar.data + r * ar.tda,
                           ai.data + r * ai.tda);
      if (k + 1 == L)
        break;
      /* z^(l+1) = W a + b: the real part gets the bias, the imaginary
         part only the product (W and b are real). */
      gsl_matrix nzr = buffer (scratch, 2, cells, M, n[k + 2]);
      gsl_matrix nzi = buffer (scratch, 3, cells, M, n[k + 2]);
      const gsl_vector *b = &net->b[k + 1];
      for (size_t r = 0; r < M; r++)
        for (size_t j = 0; j < n[k + 2]; j++)
          nzr.data[r * nzr.tda + j] = b->data[j * b->stride];
      int s = bp_gemm (CblasNoTrans, CblasNoTrans, 1.0, &ar, &net->W[k + 1],
                       1.0, &nzr);
      if (s == BP_OK)
        s = bp_gemm (CblasNoTrans, CblasNoTrans, 1.0, &ai, &net->W[k + 1],
                     0.0, &nzi);
      if (s != BP_OK)
        return s;
      /* The new z moves into buffers 2, 3, so a can reuse 0, 1. */
      zr = nzr;
      zi = nzi;
      ar = buffer (scratch, 0, cells, M, n[k + 2]);
      ai = buffer (scratch, 1, cells, M, n[k + 2]);
    }
  for (size_t r = 0; r < M; r++)
    bp_loss_split (net->loss, n[L], ar.data + r * ar.tda, ai.data + r * ai.tda,
                   zr.data + r * zr.tda, zi.data + r * zi.tda,
                   Y->data + r * Y->tda, &Cr[r], &Ci[r]);
  return BP_OK;
}
