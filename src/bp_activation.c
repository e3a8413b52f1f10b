/* bp_activation.c: the activation functions g^(l), their slopes g'(z), and
   backpropagation of dC/da through them.  Matrices hold one sample a row. */
#include <complex.h>
#include <math.h>
#include <string.h>
#include "bp_names.h"

/* Every name an activation is known by: the canonical one first, then
   the aliases of the articles (article 2 says "logistic"). */
static const bp_name names[] = {
  { "sigmoid", BP_SIGMOID }, { "tanh", BP_TANH }, { "relu", BP_RELU },
  { "leaky-relu", BP_LEAKY_RELU }, { "linear", BP_LINEAR },
  { "softmax", BP_SOFTMAX }, { "logistic", BP_SIGMOID }
};

BP_NAME_PARSE (bp_activation, bp_activation, names)
BP_NAME_OF (bp_activation, names)

/* 1/(1+e^-z) with a single exp of a non-positive number: no overflow,
   and sigmoid(-800) is the tiny positive number it should be, not 0/0. */
static inline double
sigmoid (double z)
{
  double e = exp (-fabs (z));
  return z >= 0 ? 1.0 / (1.0 + e) : e / (1.0 + e);
}

/* Softmax of one row, shifted by its maximum so exp never overflows. */
static void
softmax_row (const double *z, double *a, size_t n)
{
  double zmax = z[0];
  for (size_t j = 1; j < n; j++)
    if (z[j] > zmax)
      zmax = z[j];
  double s = 0.0;
  for (size_t j = 0; j < n; j++)
    {
      a[j] = exp (z[j] - zmax);
      s += a[j];
    }
  for (size_t j = 0; j < n; j++)
    a[j] /= s;
}

void
bp_activate (bp_activation g, const gsl_matrix *Z, gsl_matrix *A)
{
  const size_t m = Z->size1, n = Z->size2;
  for (size_t i = 0; i < m; i++)
    {
      const double *z = Z->data + i * Z->tda;
      double *a = A->data + i * A->tda;
      switch (g)
        {
        case BP_SIGMOID:
          for (size_t j = 0; j < n; j++)
            a[j] = sigmoid (z[j]);
          break;
        case BP_TANH:
          for (size_t j = 0; j < n; j++)
            a[j] = tanh (z[j]);
          break;
        case BP_RELU:
          for (size_t j = 0; j < n; j++)
            a[j] = z[j] > 0 ? z[j] : 0.0;
          break;
        case BP_LEAKY_RELU:
          for (size_t j = 0; j < n; j++)
            a[j] = z[j] > 0 ? z[j] : BP_LEAKY_SLOPE * z[j];
          break;
        case BP_SOFTMAX:
          softmax_row (z, a, n);
          break;
        case BP_LINEAR:
        default:
          if (a != z)
            memcpy (a, z, n * sizeof (double));
          break;
        }
    }
}

/* g'(z) of one element.  Where the derivative is a function of a = g(z)
   it is computed from a (exact and cheap); the kinks of relu and
   leaky-relu take the left-hand slope at z = 0. */
static inline double
slope (bp_activation g, double z, double a)
{
  switch (g)
    {
    case BP_SIGMOID:
    case BP_SOFTMAX:            /* diagonal of the Jacobian */
      return a * (1.0 - a);
    case BP_TANH:
      return 1.0 - a * a;
    case BP_RELU:
      return z > 0 ? 1.0 : 0.0;
    case BP_LEAKY_RELU:
      return z > 0 ? 1.0 : BP_LEAKY_SLOPE;
    case BP_LINEAR:
    default:
      return 1.0;
    }
}

void
bp_activation_slope (bp_activation g, const gsl_matrix *Z,
                     const gsl_matrix *A, gsl_matrix *D)
{
  for (size_t i = 0; i < Z->size1; i++)
    {
      const double *z = Z->data + i * Z->tda, *a = A->data + i * A->tda;
      double *d = D->data + i * D->tda;
      for (size_t j = 0; j < Z->size2; j++)
        d[j] = slope (g, z[j], a[j]);
    }
}

void
bp_activation_backprop (bp_activation g, const gsl_matrix *Z,
                        const gsl_matrix *A, gsl_matrix *G)
{
  const size_t m = G->size1, n = G->size2;
  for (size_t i = 0; i < m; i++)
    {
      const double *z = Z->data + i * Z->tda, *a = A->data + i * A->tda;
      double *d = G->data + i * G->tda;
      switch (g)
        {
        case BP_SOFTMAX:
          {
            /* Full Jacobian: da_k/dz_i = a_k (1[k=i] - a_i). */
            double s = 0.0;
            for (size_t j = 0; j < n; j++)
              s += a[j] * d[j];
            for (size_t j = 0; j < n; j++)
              d[j] = a[j] * (d[j] - s);
            break;
          }
        case BP_SIGMOID:
          for (size_t j = 0; j < n; j++)
            d[j] *= a[j] * (1.0 - a[j]);
          break;
        case BP_LINEAR:
          break;
        default:
          for (size_t j = 0; j < n; j++)
            d[j] *= slope (g, z[j], a[j]);
          break;
        }
    }
}

/* ---- the complex step (bp_gradcheck): each activation as an analytic
   function of complex z, so that imag (g(z + i h)) / h is g'(z) to
   rounding; the kinks of relu and leaky-relu follow the real part, as
   backprop's left-hand slope does. */

static double complex
activate_complex (bp_activation g, double complex z)
{
  switch (g)
    {
    case BP_SIGMOID:
      {
        /* Two analytic forms, each with an exponential that cannot
           overflow on its side of the imaginary axis. */
        if (creal (z) >= 0)
          return 1.0 / (1.0 + cexp (-z));
        const double complex e = cexp (z);
        return e / (1.0 + e);
      }
    case BP_TANH:
      return ctanh (z);
    case BP_RELU:
      return creal (z) > 0 ? z : 0.0;
    case BP_LEAKY_RELU:
      return creal (z) > 0 ? z : BP_LEAKY_SLOPE * z;
    case BP_LINEAR:
    default:
      return z;
    }
}

void
bp_activate_split (bp_activation g, size_t n, const double *zr,
                   const double *zi, double *ar, double *ai)
{
  if (g == BP_SOFTMAX)
    {
      /* Shifted by the largest real part, a real constant: the same
         function, no overflow, no imaginary part of its own. */
      double shift = zr[0];
      for (size_t j = 1; j < n; j++)
        if (zr[j] > shift)
          shift = zr[j];
      double complex s = 0.0;
      for (size_t j = 0; j < n; j++)
        s += cexp ((zr[j] - shift) + I * zi[j]);
      for (size_t j = 0; j < n; j++)
        {
          const double complex a = cexp ((zr[j] - shift) + I * zi[j]) / s;
          ar[j] = creal (a);
          ai[j] = cimag (a);
        }
      return;
    }
  for (size_t j = 0; j < n; j++)
    {
      const double complex a = activate_complex (g, zr[j] + I * zi[j]);
      ar[j] = creal (a);
      ai[j] = cimag (a);
    }
}
