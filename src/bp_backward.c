/* bp_backward.c: the errors delta^(l) = dC_0/dz^(l), from the output layer
   back to the first, and the gradients dC/dw^(l), dC/db^(l) they give. */
#include "bp.h"

int
bp_backward (const bp_net *net, const gsl_matrix *Y, const gsl_matrix *Z,
             const gsl_matrix *A, gsl_matrix *Delta, double *C)
{
  const size_t L = net->L, m = Y->size1;
  for (size_t i = 0; i < L; i++)
    {
      const size_t n = net->n[i + 1];
      if (Z[i].size1 != m || A[i].size1 != m || Delta[i].size1 != m
          || Z[i].size2 != n || A[i].size2 != n || Delta[i].size2 != n)
        return BP_EBADLEN;
    }
  if (Y->size2 != net->n[L])
    return BP_EBADLEN;
  /* The output error delta^(L) = dC_0/da^(L) * g'(z^(L)) (fused where
     the loss and the output activation are made for each other). */
  *C = bp_output_delta (net->loss, net->g[L - 1], &Z[L - 1], &A[L - 1], Y,
                        &Delta[L - 1]);
  /* dC_0/da_k^(l-1) = sum_j w_jk^(l) delta_j^(l): the sum over the nodes
     of the next layer, for every sample at once; then through g^(l-1). */
  for (size_t i = L - 1; i >= 1; i--)
    {
      const int s = bp_gemm (CblasNoTrans, CblasTrans, 1.0, &Delta[i],
                             &net->W[i], 0.0, &Delta[i - 1]);
      if (s != BP_OK)
        return s;
      bp_activation_backprop (net->g[i - 1], &Z[i - 1], &A[i - 1],
                              &Delta[i - 1]);
    }
  return BP_OK;
}

int
bp_forward_loss (const bp_net *net, const gsl_matrix *X, const gsl_matrix *Y,
                 gsl_matrix *Z, gsl_matrix *A, gsl_matrix *DL, double *C)
{
  const size_t L = net->L;
  if (Y->size1 != X->size1 || Y->size2 != net->n[L]
      || DL->size1 != X->size1 || DL->size2 != net->n[L])
    return BP_EBADLEN;
  const int s = bp_forward (net, X, Z, A);
  if (s == BP_OK)
    *C = bp_output_delta (net->loss, net->g[L - 1], &Z[L - 1], &A[L - 1], Y,
                          DL);
  return s;
}

int
bp_gradient_sums (const gsl_matrix *In, const gsl_matrix *D, double s,
                  double beta, gsl_matrix *dW, gsl_vector *db)
{
  if (db->size != D->size2)
    return BP_EBADLEN;
  /* sum over samples of delta_j a_k  (dW is w^T-shaped). */
  const int status = bp_gemm (CblasTrans, CblasNoTrans, s, In, D, beta, dW);
  if (status != BP_OK)
    return status;
  bp_sum_rows (s, D, beta, db);
  return BP_OK;
}

int
bp_layer_gradient (const bp_net *net, size_t i, const gsl_matrix *In,
                   const gsl_matrix *D, double lambda, gsl_matrix *dW,
                   gsl_vector *db)
{
  const double m = (double) D->size1;
  if (In->size2 != net->n[i] || D->size2 != net->n[i + 1]
      || dW->size1 != net->n[i] || dW->size2 != net->n[i + 1])
    return BP_EBADLEN;
  /* dC/dw_jk = mean over samples of delta_j a_k, plus (lambda/m) w_jk. */
  const int s = bp_gradient_sums (In, D, 1.0 / m, 0.0, dW, db);
  if (s == BP_OK && lambda != 0.0)
    bp_axpy (lambda / m, &net->W[i], dW);
  return s;
}

int
bp_weight_gradient (const bp_net *net, const gsl_matrix *X,
                    const gsl_matrix *A, const gsl_matrix *Delta,
                    double lambda, gsl_matrix *dW, gsl_vector *db, double *C)
{
  for (size_t i = 0; i < net->L; i++)
    {
      const int s = bp_layer_gradient (net, i, i == 0 ? X : &A[i - 1],
                                       &Delta[i], lambda, &dW[i], &db[i]);
      if (s != BP_OK)
        return s;
    }
  *C = bp_decay_cost (net, lambda, X->size1);
  return BP_OK;
}

int
bp_loss_and_gradient (const bp_net *net, const gsl_matrix *X,
                      const gsl_matrix *Y, double lambda, bp_workspace *ws,
                      gsl_matrix *dW, gsl_vector *db, double *C)
{
  if (ws->m != X->size1 || ws->L != net->L)
    return BP_EBADLEN;
  double data, decay;
  int s = bp_forward (net, X, ws->Z, ws->A);
  if (s == BP_OK)
    s = bp_backward (net, Y, ws->Z, ws->A, ws->Delta, &data);
  if (s == BP_OK)
    s = bp_weight_gradient (net, X, ws->A, ws->Delta, lambda, dW, db,
                            &decay);
  if (s == BP_OK)
    *C = data + decay;
  return s;
}
