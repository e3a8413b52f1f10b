/* bp_optimizer.c: the update rules w <- w - eta (something made of dC/dw),
   one loop each over a run of parameters.  The formulas are those of
   torch.optim.SGD (with and without nesterov), RMSprop and Adam for a
   constant learning rate, written with the velocity v = -eta b of the
   articles (Nielsen's chapter 3 momentum), which is the same update. */
#include <math.h>
#include <string.h>
#include "bp_run.h"
#include "bp_names.h"

/* "momentum" is sgd with its momentum option, as the package always had. */
static const bp_name names[] = {
  { "sgd", BP_OPT_SGD }, { "nesterov", BP_OPT_NESTEROV },
  { "rmsprop", BP_OPT_RMSPROP }, { "adam", BP_OPT_ADAM }, { "cg", BP_OPT_CG },
  { "bfgs", BP_OPT_BFGS }, { "momentum", BP_OPT_SGD }
};

BP_NAME_PARSE (bp_optimizer, bp_optimizer_kind, names)
BP_NAME_OF (bp_optimizer, names)

int
bp_optimizer_moments (const bp_optimizer *o)
{
  switch (o->kind)
    {
    case BP_OPT_SGD:
      return o->momentum != 0.0;
    case BP_OPT_NESTEROV:
    case BP_OPT_RMSPROP:
      return 1;
    case BP_OPT_ADAM:
      return 2;
    default:
      return 0;
    }
}

int
bp_optimizer_full_batch (bp_optimizer_kind k)
{
  return k == BP_OPT_CG || k == BP_OPT_BFGS;
}

int
bp_sgd_layer (bp_net *net, size_t i, const gsl_matrix *In,
              const gsl_matrix *D, double eta, double lambda)
{
  const double m = (double) D->size1;
  if (In->size2 != net->n[i] || D->size2 != net->n[i + 1])
    return BP_EBADLEN;
  /* w <- w - eta ((1/m) a^T delta + (lambda/m) w) */
  const int s = bp_gemm (CblasTrans, CblasNoTrans, -eta / m, In, D,
                         1.0 - eta * lambda / m, &net->W[i]);
  if (s == BP_OK)
    bp_sum_rows (-eta / m, D, 1.0, &net->b[i]);  /* b <- b - eta dC/db */
  return s;
}

double
bp_sgd_update (size_t n, const double *w, const double *g, double eta,
               double *out)
{
  double sq = 0.0;
  for (size_t i = 0; i < n; i++)
    {
      out[i] = w[i] - eta * g[i];
      sq += g[i] * g[i];
    }
  return sq;
}

/* The update is one pass over every parameter a mini-batch; Adam's and
   RMSprop's divisions and square roots are its cost.  Built for x86-64,
   the compiler may only use 2-wide SSE2; on Linux with GCC a second copy
   for AVX2 (4-wide) is chosen when the processor has it, which halves
   Adam's update (W3, doc/benchmarks.md).  AVX2 alone has no fused
   multiply-add, so both copies round every operation alike: the results
   are the same to the bit (a hash of every weight and moment after 20
   steps of each rule matched between the two builds; tests/c/test_train.c
   checks the copy the machine runs against the written-out rules). */
#if defined (__GNUC__) && !defined (__clang__) && defined (__x86_64__) \
    && defined (__linux__)
__attribute__ ((target_clones ("avx2", "default")))
#endif
double
bp_optimizer_update (const bp_optimizer *o, double eta, uint64_t t,
                     size_t n, double *w, const double *g, double *m1,
                     double *m2)
{
  double sq = 0.0;
  const double mu = o->momentum, eps = o->epsilon;
  switch (o->kind)
    {
    case BP_OPT_SGD:
      if (mu == 0.0)
        sq = bp_sgd_update (n, w, g, eta, w);         /* w <- w - eta dC/dw */
      else
        for (size_t i = 0; i < n; i++)
          {
            m1[i] = mu * m1[i] - eta * g[i];          /* v <- mu v - eta dC/dw */
            w[i] += m1[i];                            /* w <- w + v */
            sq += g[i] * g[i];
          }
      break;
    case BP_OPT_NESTEROV:
      for (size_t i = 0; i < n; i++)
        {
          m1[i] = mu * m1[i] - eta * g[i];
          w[i] += mu * m1[i] - eta * g[i];            /* look ahead along v */
          sq += g[i] * g[i];
        }
      break;
    case BP_OPT_RMSPROP:
      {
        const double rho = o->rho;
        for (size_t i = 0; i < n; i++)
          {
            m1[i] = rho * m1[i] + (1.0 - rho) * (g[i] * g[i]);
            w[i] -= eta * g[i] / (sqrt (m1[i]) + eps);
            sq += g[i] * g[i];
          }
        break;
      }
    case BP_OPT_ADAM:
      {
        /* Kingma and Ba's Algorithm 1: bias-corrected moments, epsilon
           added to the square root of the corrected second moment. */
        const double b1 = o->beta1, b2 = o->beta2;
        const double c1 = 1.0 - pow (b1, (double) t);
        const double c2 = 1.0 - pow (b2, (double) t);
        for (size_t i = 0; i < n; i++)
          {
            m1[i] = b1 * m1[i] + (1.0 - b1) * g[i];
            m2[i] = b2 * m2[i] + (1.0 - b2) * (g[i] * g[i]);
            w[i] -= eta * (m1[i] / c1) / (sqrt (m2[i] / c2) + eps);
            sq += g[i] * g[i];
          }
        break;
      }
    default:
      break;                                          /* full batch: GSL */
    }
  return sq;
}
