/* bp_sgd.c: new weight = old weight - eta * gradient. */
#include "bp.h"

/* out = net - eta * gradient, elementwise; out may be net itself. */
static void
step_matrix (const gsl_matrix *W, const gsl_matrix *dW, double eta,
             gsl_matrix *out)
{
  for (size_t r = 0; r < W->size1; r++)
    {
      const double *w = W->data + r * W->tda, *d = dW->data + r * dW->tda;
      double *o = out->data + r * out->tda;
      for (size_t c = 0; c < W->size2; c++)
        o[c] = w[c] - eta * d[c];
    }
}

void
bp_sgd_step (const bp_net *net, const gsl_matrix *dW, const gsl_vector *db,
             double eta, bp_net *out)
{
  for (size_t i = 0; i < net->L; i++)
    {
      step_matrix (&net->W[i], &dW[i], eta, &out->W[i]);
      const gsl_vector *b = &net->b[i], *g = &db[i];
      gsl_vector *o = &out->b[i];
      for (size_t j = 0; j < b->size; j++)
        o->data[j * o->stride] = b->data[j * b->stride]
                                 - eta * g->data[j * g->stride];
    }
}
