/* bp_backward.c: the errors delta^(l) = dC_0/dz^(l), from the output layer
   back to the first, and the gradients dC/dw^(l), dC/db^(l) they give. */
#include <gsl/gsl_blas.h>
#include "bp.h"

double
bp_backward (const bp_net *net, const gsl_matrix *Y, const gsl_matrix *Z,
             const gsl_matrix *A, gsl_matrix *Delta)
{
  const size_t L = net->L;
  double C = bp_output_delta (net->loss, net->g[L - 1], &Z[L - 1], &A[L - 1],
                              Y, &Delta[L - 1]);
  /* dC_0/da_k^(l-1) = sum_j w_jk^(l) delta_j^(l): the sum over the nodes
     of the next layer, for every sample at once; then through g^(l-1). */
  for (size_t i = L - 1; i >= 1; i--)
    {
      bp_gemm (CblasNoTrans, CblasTrans, 1.0, &Delta[i], &net->W[i],
                      0.0, &Delta[i - 1]);
      bp_activation_backprop (net->g[i - 1], &Z[i - 1], &A[i - 1],
                              &Delta[i - 1]);
    }
  return C;
}

double
bp_weight_gradient (const bp_net *net, const gsl_matrix *X,
                    const gsl_matrix *A, const gsl_matrix *Delta,
                    double lambda, gsl_matrix *dW, gsl_vector *db)
{
  const double m = (double) X->size1;
  for (size_t i = 0; i < net->L; i++)
    {
      const gsl_matrix *in = i == 0 ? X : &A[i - 1];
      const gsl_matrix *D = &Delta[i];
      /* dC/dw_jk = mean over samples of delta_j a_k  (dW is w^T-shaped). */
      bp_gemm (CblasTrans, CblasNoTrans, 1.0 / m, in, D, 0.0, &dW[i]);
      if (lambda != 0.0)
        bp_axpy (lambda / m, &net->W[i], &dW[i]);
      gsl_vector *g = &db[i];
      gsl_vector_set_zero (g);
      for (size_t r = 0; r < D->size1; r++)
        {
          const double *d = D->data + r * D->tda;
          for (size_t j = 0; j < D->size2; j++)
            g->data[j * g->stride] += d[j];
        }
      gsl_vector_scale (g, 1.0 / m);
    }
  return lambda == 0.0 ? 0.0 : lambda / (2.0 * m) * bp_weight_sumsq (net);
}
