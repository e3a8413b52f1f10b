/* bp_loss.c: the losses C_0, their derivatives dC_0/da, and the output
   error delta^(L) = dC_0/dz^(L).  Matrices hold one sample a row. */
#include <complex.h>
#include <math.h>
#include <string.h>
#include "bp_names.h"

/* Every name a loss is known by: the canonical one first, then the
   articles' aliases (the 2-3-2 article calls 1/2 sum (a - y)^2 the
   "L2-norm" loss). */
static const bp_name names[] = {
  { "sse", BP_SSE }, { "quadratic", BP_QUADRATIC }, { "mse", BP_MSE },
  { "cross-entropy", BP_CROSS_ENTROPY },
  { "log-likelihood", BP_LOG_LIKELIHOOD }, { "l2-norm", BP_QUADRATIC }
};

BP_NAME_PARSE (bp_loss, bp_loss, names)
BP_NAME_OF (bp_loss, names)

/* The log losses' fused deltas and log forms assume these outputs. */
int
bp_loss_output (bp_loss c)
{
  if (c == BP_CROSS_ENTROPY)
    return BP_SIGMOID;
  if (c == BP_LOG_LIKELIHOOD)
    return BP_SOFTMAX;
  return -1;
}

int
bp_loss_accepts (bp_loss c, bp_activation g)
{
  const int need = bp_loss_output (c);
  return need < 0 || need == (int) g;
}

int
bp_loss_needs_unit_interval (bp_loss c)
{
  return c == BP_CROSS_ENTROPY || c == BP_LOG_LIKELIHOOD;
}

/* -y ln a with the convention 0 ln 0 = 0: a target of 0 contributes
   nothing even where a rounds to 0. */
static inline double
neg_ylog (double y, double a)
{
  return y == 0.0 ? 0.0 : -y * log (a);
}

/* -y ln(1 - a), same convention, log1p for accuracy near a = 0. */
static inline double
neg_ylog1m (double y, double a)
{
  return y == 0.0 ? 0.0 : -y * log1p (-a);
}

/* C_0 of one sample (one row). */
static double
sample_loss (bp_loss c, const double *a, const double *y, size_t n)
{
  double s = 0.0;
  switch (c)
    {
    case BP_CROSS_ENTROPY:
      for (size_t j = 0; j < n; j++)
        s += neg_ylog (y[j], a[j]) + neg_ylog1m (1.0 - y[j], a[j]);
      return s;
    case BP_LOG_LIKELIHOOD:
      for (size_t j = 0; j < n; j++)
        s += neg_ylog (y[j], a[j]);
      return s;
    default:
      for (size_t j = 0; j < n; j++)
        s += (a[j] - y[j]) * (a[j] - y[j]);
      if (c == BP_QUADRATIC)
        return 0.5 * s;
      if (c == BP_MSE)
        return s / (double) n;
      return s;
    }
}

double
bp_loss_mean (bp_loss c, const gsl_matrix *A, const gsl_matrix *Y)
{
  double s = 0.0;
  for (size_t i = 0; i < A->size1; i++)
    s += sample_loss (c, A->data + i * A->tda, Y->data + i * Y->tda,
                      A->size2);
  return s / (double) A->size1;
}

/* dC_0/da_j of one element; n is n_L (for mse). */
static inline double
loss_slope (bp_loss c, double a, double y, size_t n)
{
  switch (c)
    {
    case BP_SSE:
      return 2.0 * (a - y);
    case BP_QUADRATIC:
      return a - y;
    case BP_MSE:
      return 2.0 * (a - y) / (double) n;
    case BP_CROSS_ENTROPY:
      /* -y/a + (1-y)/(1-a), each term 0 when its target weight is 0;
         infinite only where the loss itself is. */
      return (y == 0.0 ? 0.0 : -y / a) + (y == 1.0 ? 0.0 : (1.0 - y) / (1.0 - a));
    case BP_LOG_LIKELIHOOD:
    default:
      return y == 0.0 ? 0.0 : -y / a;
    }
}

void
bp_loss_gradient (bp_loss c, const gsl_matrix *A, const gsl_matrix *Y,
                  gsl_matrix *G)
{
  const size_t n = A->size2;
  for (size_t i = 0; i < A->size1; i++)
    {
      const double *a = A->data + i * A->tda, *y = Y->data + i * Y->tda;
      double *g = G->data + i * G->tda;
      for (size_t j = 0; j < n; j++)
        g[j] = loss_slope (c, a[j], y[j], n);
    }
}

/* ln(1 + e^z) without overflow. */
static inline double
softplus (double z)
{
  return (z > 0 ? z : 0.0) + log1p (exp (-fabs (z)));
}

/* Sigmoid output with cross-entropy: C_0 = sum_j softplus(z_j) - y_j z_j
   (the same value as the log form, finite for any finite z), and
   delta = a - y. */
static double
sigmoid_cross_entropy (const gsl_matrix *Z, const gsl_matrix *A,
                       const gsl_matrix *Y, gsl_matrix *D)
{
  double s = 0.0;
  for (size_t i = 0; i < Z->size1; i++)
    {
      const double *z = Z->data + i * Z->tda, *a = A->data + i * A->tda;
      const double *y = Y->data + i * Y->tda;
      double *d = D->data + i * D->tda;
      for (size_t j = 0; j < Z->size2; j++)
        {
          s += softplus (z[j]) - y[j] * z[j];
          d[j] = a[j] - y[j];
        }
    }
  return s / (double) Z->size1;
}

/* Softmax output with log-likelihood: ln a_j = z_j - lse(z), so
   C_0 = sum_j y_j (lse - z_j), each term >= 0, and
   delta_j = a_j sum_k y_k - y_j (a - y for targets that sum to one). */
static double
softmax_log_likelihood (const gsl_matrix *Z, const gsl_matrix *A,
                        const gsl_matrix *Y, gsl_matrix *D)
{
  const size_t n = Z->size2;
  double s = 0.0;
  for (size_t i = 0; i < Z->size1; i++)
    {
      const double *z = Z->data + i * Z->tda, *a = A->data + i * A->tda;
      const double *y = Y->data + i * Y->tda;
      double *d = D->data + i * D->tda;
      double zmax = z[0], e = 0.0, ysum = 0.0;
      for (size_t j = 1; j < n; j++)
        if (z[j] > zmax)
          zmax = z[j];
      for (size_t j = 0; j < n; j++)
        e += exp (z[j] - zmax);
      const double lse = zmax + log (e);
      for (size_t j = 0; j < n; j++)
        {
          if (y[j] != 0.0)
            s += y[j] * (lse - z[j]);
          ysum += y[j];
        }
      for (size_t j = 0; j < n; j++)
        d[j] = a[j] * ysum - y[j];
    }
  return s / (double) Z->size1;
}

double
bp_output_delta (bp_loss c, bp_activation g, const gsl_matrix *Z,
                 const gsl_matrix *A, const gsl_matrix *Y, gsl_matrix *Delta)
{
  if (c == BP_CROSS_ENTROPY && g == BP_SIGMOID)
    return sigmoid_cross_entropy (Z, A, Y, Delta);
  if (c == BP_LOG_LIKELIHOOD && g == BP_SOFTMAX)
    return softmax_log_likelihood (Z, A, Y, Delta);
  bp_loss_gradient (c, A, Y, Delta);
  bp_activation_backprop (g, Z, A, Delta);
  return bp_loss_mean (c, A, Y);
}

/* ---- the complex step (bp_gradcheck): C_0 of one sample at complex
   outputs, every formula analytic ((a - y)^2, not |a - y|^2).  The log
   losses are evaluated from z, as the real ones are, so they stay finite
   (and keep their imaginary parts) where a rounds to 0 or 1. */

/* ln(1 + w), accurate for small w in both parts (C has no clog1p):
   |1 + w|^2 = 1 + (2 w_r + w_r^2 + w_i^2). */
static double complex
log1p_complex (double complex w)
{
  const double wr = creal (w), wi = cimag (w);
  return 0.5 * log1p (wr * (2.0 + wr) + wi * wi) + I * atan2 (wi, 1.0 + wr);
}

/* ln(1 + e^t) by the analytic form whose exponential cannot overflow. */
static double complex
softplus_complex (double complex t)
{
  if (creal (t) > 0)
    return t + log1p_complex (cexp (-t));
  return log1p_complex (cexp (t));
}

void
bp_loss_split (bp_loss c, size_t n, const double *ar, const double *ai,
               const double *zr, const double *zi, const double *y,
               double *Cr, double *Ci)
{
  double complex s = 0.0;
  switch (c)
    {
    case BP_CROSS_ENTROPY:
      /* -[y ln a + (1-y) ln(1-a)] = y softplus(-z) + (1-y) softplus(z)
         for a sigmoid output. */
      for (size_t j = 0; j < n; j++)
        {
          const double complex z = zr[j] + I * zi[j];
          s += y[j] * softplus_complex (-z) + (1.0 - y[j]) * softplus_complex (z);
        }
      break;
    case BP_LOG_LIKELIHOOD:
      {
        /* -sum y_j ln a_j = (sum y_j) logsumexp(z) - sum y_j z_j for a
           softmax output, shifted by the largest real part. */
        double shift = zr[0], ysum = 0.0;
        for (size_t j = 1; j < n; j++)
          if (zr[j] > shift)
            shift = zr[j];
        double complex e = 0.0, yz = 0.0;
        for (size_t j = 0; j < n; j++)
          {
            const double complex z = zr[j] + I * zi[j];
            e += cexp (z - shift);
            yz += y[j] * z;
            ysum += y[j];
          }
        s = ysum * (shift + clog (e)) - yz;
        break;
      }
    default:
      for (size_t j = 0; j < n; j++)
        {
          const double complex d = (ar[j] - y[j]) + I * ai[j];
          s += d * d;
        }
      if (c == BP_QUADRATIC)
        s *= 0.5;
      else if (c == BP_MSE)
        s /= (double) n;
      break;
    }
  *Cr = creal (s);
  *Ci = cimag (s);
}
