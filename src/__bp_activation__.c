/* __bp_activation__.c: gateway of bp_activation.
   [a, da_dz] = __bp_activation__ (fn, z, name) */
#include "__bp_mex__.h"

void
mexFunction (int nlhs, mxArray *plhs[], int nrhs, const mxArray *prhs[])
{
  bpx_begin (nlhs, nrhs, prhs, 2, 2);
  const gsl_matrix Z = bpx_matrix (prhs[1], "z");
  char buf[32];
  const bp_activation g = bpx_activation (bpx_name (prhs[2], "name", 0, buf,
                                                    sizeof buf, NULL),
                                          "name", 0, NULL);
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
