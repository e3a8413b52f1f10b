/* bp_forward.c: z^(l) = w^(l) a^(l-1) + b^(l), a^(l) = g^(l)(z^(l)) for a
   whole mini-batch, one matrix product per layer. */
#include <gsl/gsl_blas.h>
#include "bp.h"

void
bp_forward (const bp_net *net, const gsl_matrix *X, gsl_matrix *Z,
            gsl_matrix *A)
{
  const gsl_matrix *in = X;    /* a^(l-1), a^(0) = x */
  for (size_t i = 0; i < net->L; i++)
    {
      gsl_matrix *z = &Z[i];
      const double *b = net->b[i].data;
      const size_t stride = net->b[i].stride;
      /* Start every sample's z at the bias, then accumulate w a. */
      for (size_t r = 0; r < z->size1; r++)
        {
          double *row = z->data + r * z->tda;
          for (size_t j = 0; j < z->size2; j++)
            row[j] = b[j * stride];
        }
      bp_gemm (CblasNoTrans, CblasNoTrans, 1.0, in, &net->W[i], 1.0, z);
      bp_activate (net->g[i], z, &A[i]);
      in = &A[i];
    }
}
