/* bp_sgd.c: new weight = old weight - eta * gradient. */
#include "bp.h"

void
bp_sgd_step (bp_net *net, const gsl_matrix *dW, const gsl_vector *db,
             double eta)
{
  for (size_t i = 0; i < net->L; i++)
    {
      bp_axpy (-eta, &dW[i], &net->W[i]);
      gsl_vector_axpby (-eta, &db[i], 1.0, &net->b[i]);
    }
}
