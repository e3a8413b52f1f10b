/* __bp_complex__.c: gateway of bp_gradcheck's numerical derivatives.
   [Cr, Ci] = __bp_complex__ (fn, net, Zr, Zi, l, y)
   Each sample's loss C_0 (real and imaginary parts) when the weighted
   input z^(l) of the columns of Zr + i Zi goes through layers l .. L in
   complex arithmetic (bp_complex.c); y holds the targets of each column. */
#include <math.h>
#include "bpmex.h"

void
mexFunction (int nlhs, mxArray *plhs[], int nrhs, const mxArray *prhs[])
{
  bp_net net;
  bpx_begin_net (nlhs, nrhs, prhs, 5, 2, 1, &net);
  const size_t l = (size_t) bpx_scalar (prhs[4], "l", 1, (double) net.L, 1);
  const gsl_matrix Zr = bpx_samples (prhs[2], "Zr", net.n[l], "n_l");
  const gsl_matrix Zi = bpx_samples (prhs[3], "Zi", net.n[l], "n_l");
  const gsl_matrix Y = bpx_samples (prhs[5], "y", net.n[net.L], "n_L");
  const size_t M = Zr.size1;
  if (Zi.size1 != M || Y.size1 != M)
    bpx_error ("internal", "Zr, Zi and y must have as many columns");
  const size_t bytes = bp_complex_bytes (net.L, net.n, M);
  bpx_check_memory ((bytes ? (double) bytes : HUGE_VAL)
                    + BPX_RETURNED * 16.0 * (double) M, "the complex step");
  void *scratch = mxMalloc (bytes);
  plhs[0] = mxCreateUninitNumericMatrix (1, M, mxDOUBLE_CLASS, mxREAL);
  mxArray *ci = mxCreateUninitNumericMatrix (1, M, mxDOUBLE_CLASS, mxREAL);
  if (bp_complex_losses (&net, l - 1, &Zr, &Zi, &Y, mxGetPr (plhs[0]),
                         mxGetPr (ci), scratch) != BP_OK)
    bpx_error ("internal", "the complex step was given arrays of the wrong "
               "shape");
  mxFree (scratch);
  if (nlhs > 1)
    plhs[1] = ci;
}
