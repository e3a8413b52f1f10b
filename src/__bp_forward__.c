/* __bp_forward__.c: gateway of bp_forward and bp_predict.
   [aL, a, z] = __bp_forward__ (fn, net, x) */
#include <string.h>
#include "__bp_mex__.h"

void
mexFunction (int nlhs, mxArray *plhs[], int nrhs, const mxArray *prhs[])
{
  bpx_begin (nlhs, nrhs, prhs, 2, 3);
  bp_net net;
  bpx_net (prhs[1], &net);
  /* bp_forward documents its input as x (one sample or a few), bp_predict
     as X (a data set). */
  const char *xname = strcmp (bpx_fn (), "bp_predict") == 0 ? "X" : "x";
  const gsl_matrix X = bpx_samples (prhs[2], xname, net.n[0],
                                    "n_0 = net.sizes(1)");
  const size_t L = net.L, m = X.size1;
  bpx_check_memory (BPX_RETURNED * 8.0 * (double) m
                    * (2.0 * (double) bpx_net_width (&net) + (double) net.n[L]),
                    "the forward pass");

  /* a{l} and z{l} are written straight into the arrays returned. */
  gsl_matrix *Z = mxMalloc (2 * L * sizeof *Z), *A = Z + L;
  mxArray *a = bpx_new_cell (L), *z = bpx_new_cell (L);
  for (size_t i = 0; i < L; i++)
    {
      mxSetCell (z, i, bpx_new_samples (net.n[i + 1], m, &Z[i]));
      mxSetCell (a, i, bpx_new_samples (net.n[i + 1], m, &A[i]));
    }
  bp_forward (&net, &X, Z, A);

  gsl_matrix aL;
  plhs[0] = bpx_new_samples (net.n[L], m, &aL);
  memcpy (aL.data, A[L - 1].data, net.n[L] * m * sizeof (double));
  if (nlhs > 1)
    plhs[1] = a;
  if (nlhs > 2)
    plhs[2] = z;
}
