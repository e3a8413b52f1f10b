/* __bp_loss__.c: gateway of bp_loss.
   [C, dC_da] = __bp_loss__ (fn, aL, y, name) */
#include "__bp_mex__.h"

/* The log losses need outputs and targets that are probabilities. */
static void
check_unit_interval (const gsl_matrix *M, const char *what, const char *loss)
{
  for (size_t i = 0; i < M->size1; i++)
    for (size_t j = 0; j < M->size2; j++)
      {
        const double v = M->data[i * M->tda + j];
        if (v < 0.0 || v > 1.0)
          bpx_error ("out_of_range", "%s must lie in [0, 1] for the '%s' "
                     "loss, but %s(%lu,%lu) is %g", what, loss, what,
                     (unsigned long) (j + 1), (unsigned long) (i + 1), v);
      }
}

void
mexFunction (int nlhs, mxArray *plhs[], int nrhs, const mxArray *prhs[])
{
  bpx_begin (nlhs, nrhs, prhs, 3, 2);
  const gsl_matrix A = bpx_matrix (prhs[1], "aL");
  const gsl_matrix Y = bpx_samples (prhs[2], "y", A.size2,
                                    "as many as aL");
  if (Y.size1 != A.size1)
    bpx_error ("wrong_size", "y must have as many columns (samples) as aL: "
               "%lu, got %lu", (unsigned long) A.size1,
               (unsigned long) Y.size1);
  const bp_loss c = bpx_loss (bpx_string (prhs[3], "name"), "name");
  if (c == BP_CROSS_ENTROPY || c == BP_LOG_LIKELIHOOD)
    {
      check_unit_interval (&A, "aL", bp_loss_name (c));
      check_unit_interval (&Y, "y", bp_loss_name (c));
    }
  plhs[0] = mxCreateDoubleScalar (bp_loss_mean (c, &A, &Y));
  if (nlhs > 1)
    {
      gsl_matrix G;
      plhs[1] = bpx_new_samples (A.size2, A.size1, &G);
      bp_loss_gradient (c, &A, &Y, &G);
    }
}
