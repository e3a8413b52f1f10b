/* __bp_forward__.c: gateway of bp_forward.
   [aL, a, z] = __bp_forward__ (fn, net, x)
   a{l} and z{l} are written straight into the arrays returned. */
#include <string.h>
#include "bpmex.h"

void
mexFunction (int nlhs, mxArray *plhs[], int nrhs, const mxArray *prhs[])
{
  bp_net net;
  bpx_begin_net (nlhs, nrhs, prhs, 2, 3, 1, &net);
  const gsl_matrix X = bpx_net_inputs (prhs[2], "x", &net);
  const size_t L = net.L, m = X.size1;
  bpx_check_memory (BPX_RETURNED * 8.0 * (double) m
                    * (2.0 * (double) bp_net_width (L, net.n)
                       + (double) net.n[L])
                    + (double) bp_workspace_bytes (L, net.n, m, 0),
                    "the forward pass");
  bp_workspace ws;
  bp_workspace_init (&ws, L, net.n, m, 0,
                     mxMalloc (bp_workspace_bytes (L, net.n, m, 0)), 0);
  mxArray *a = bpx_new_cell (L), *z = bpx_new_cell (L);
  for (size_t i = 0; i < L; i++)
    {
      mxSetCell (z, i, bpx_new_samples (net.n[i + 1], m, &ws.Z[i]));
      mxSetCell (a, i, bpx_new_samples (net.n[i + 1], m, &ws.A[i]));
    }
  if (bp_forward (&net, &X, ws.Z, ws.A) != BP_OK)
    bpx_error ("internal", "the forward pass was given arrays of the wrong "
               "shape");
  gsl_matrix aL;
  plhs[0] = bpx_new_samples (net.n[L], m, &aL);
  gsl_matrix_memcpy (&aL, &ws.A[L - 1]);
  if (nlhs > 1)
    plhs[1] = a;
  if (nlhs > 2)
    plhs[2] = z;
}
