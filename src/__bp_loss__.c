/* __bp_loss__.c: gateway of bp_loss.
   [C, dC_da] = __bp_loss__ (fn, aL, y, name) */
#include "bpmex.h"

void
mexFunction (int nlhs, mxArray *plhs[], int nrhs, const mxArray *prhs[])
{
  bpx_begin (nlhs, nrhs, prhs, 3, 2);
  const gsl_matrix A = bpx_matrix (prhs[1], "aL");
  const gsl_matrix Y = bpx_samples (prhs[2], "y", A.size2, "as many as aL");
  if (Y.size1 != A.size1)
    bpx_error ("wrong_size", "y must have as many columns (samples) as aL: "
               "%lu, got %lu", (unsigned long) A.size1,
               (unsigned long) Y.size1);
  const bp_loss c = bpx_loss (prhs[3], "name", NULL);
  bpx_check_unit_interval (&A, "aL", c);
  bpx_check_unit_interval (&Y, "y", c);
  plhs[0] = mxCreateDoubleScalar (bp_loss_mean (c, &A, &Y));
  if (nlhs > 1)
    {
      bpx_check_memory (BPX_RETURNED * 8.0 * (double) A.size1
                        * (double) A.size2, "dC_da");
      gsl_matrix G;
      plhs[1] = bpx_new_samples (A.size2, A.size1, &G);
      bp_loss_gradient (c, &A, &Y, &G);
    }
}
