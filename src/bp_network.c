/* bp_network.c: sizes of a network, its parameters as one column, and
   sums over its weights. */
#include <math.h>
#include <stdint.h>
#include <string.h>
#include "bp.h"

int
bp_size_mul (size_t a, size_t b, size_t *r)
{
  if (a != 0 && b > SIZE_MAX / a)
    return BP_ENOMEM;
  *r = a * b;
  return BP_OK;
}

int
bp_net_params (size_t L, const size_t *n, size_t *params)
{
  size_t total = 0;
  for (size_t i = 0; i < L; i++)
    {
      size_t layer;
      /* (n_in + 1) n_out: the weights and the biases of layer i+1. */
      if (n[i] == 0 || n[i + 1] == 0 || n[i] == SIZE_MAX
          || bp_size_mul (n[i] + 1, n[i + 1], &layer)
          || total > SIZE_MAX - layer)
        return BP_ENOMEM;
      total += layer;
    }
  *params = total;
  return BP_OK;
}

size_t
bp_net_width (size_t L, const size_t *n)
{
  size_t w = 0;
  for (size_t i = 0; i < L; i++)
    {
      if (w > SIZE_MAX - n[i + 1])
        return 0;
      w += n[i + 1];
    }
  return w;
}

void
bp_net_view (bp_net *net, gsl_matrix *W, gsl_vector *b, double *theta)
{
  const size_t *n = net->n;
  for (size_t i = 0; i < net->L; i++)
    {
      W[i] = gsl_matrix_view_array (theta, n[i], n[i + 1]).matrix;
      theta += n[i] * n[i + 1];
      b[i] = gsl_vector_view_array (theta, n[i + 1]).vector;
      theta += n[i + 1];
    }
  net->W = W;
  net->b = b;
}

size_t
bp_net_offset (const bp_net *net, size_t i)
{
  size_t at = 0;
  for (size_t k = 0; k < i; k++)
    at += (net->n[k] + 1) * net->n[k + 1];
  return at;
}

void
bp_net_copy_params (const bp_net *src, bp_net *dst)
{
  for (size_t i = 0; i < src->L; i++)
    {
      gsl_matrix_memcpy (&dst->W[i], &src->W[i]);
      gsl_vector_memcpy (&dst->b[i], &src->b[i]);
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

double
bp_decay_cost (const bp_net *net, double lambda, size_t m)
{
  return lambda == 0.0 ? 0.0
                       : lambda / (2.0 * (double) m) * bp_weight_sumsq (net);
}

int
bp_net_finite (const bp_net *net)
{
  for (size_t i = 0; i < net->L; i++)
    {
      const gsl_matrix *W = &net->W[i];
      for (size_t r = 0; r < W->size1; r++)
        for (size_t c = 0; c < W->size2; c++)
          if (!isfinite (W->data[r * W->tda + c]))
            return 0;
      const gsl_vector *b = &net->b[i];
      for (size_t j = 0; j < b->size; j++)
        if (!isfinite (b->data[j * b->stride]))
          return 0;
    }
  return 1;
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

void
bp_sum_rows (double alpha, const gsl_matrix *D, double beta, gsl_vector *v)
{
  double *p = v->data;
  const size_t s = v->stride;
  if (beta == 0.0)
    for (size_t j = 0; j < v->size; j++)
      p[j * s] = 0.0;
  else if (beta != 1.0)
    for (size_t j = 0; j < v->size; j++)
      p[j * s] *= beta;
  for (size_t r = 0; r < D->size1; r++)
    {
      const double *d = D->data + r * D->tda;
      for (size_t j = 0; j < D->size2; j++)
        p[j * s] += alpha * d[j];
    }
}
