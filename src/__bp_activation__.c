/* __bp_activation__.c: gateway of bp_activation.
   [a, da_dz] = __bp_activation__ (fn, z, name) */
#include "bpmex.h"

void
mexFunction (int nlhs, mxArray *plhs[], int nrhs, const mxArray *prhs[])
{
  bpx_begin (nlhs, nrhs, prhs, 2, 2);
  const gsl_matrix Z = bpx_matrix (prhs[1], "z");
  const bp_activation g = bpx_activation (prhs[2], "name", 0, NULL);
  bpx_check_memory (BPX_RETURNED * 2.0 * 8.0 * (double) Z.size1
                    * (double) Z.size2, "the result");
  gsl_matrix A, D;
  plhs[0] = bpx_new_samples (Z.size2, Z.size1, &A);
  bp_activate (g, &Z, &A);
  if (nlhs > 1)
    {
      plhs[1] = bpx_new_samples (Z.size2, Z.size1, &D);
      bp_activation_slope (g, &Z, &A, &D);
    }
}
