/* __bp_gradient__.c: gateway of bp_gradient.
   [dW, db, delta, C] = __bp_gradient__ (fn, net, x, y, lambda) */
#include <math.h>
#include "bpmex.h"

void
mexFunction (int nlhs, mxArray *plhs[], int nrhs, const mxArray *prhs[])
{
  bp_net net;
  bpx_begin_net (nlhs, nrhs, prhs, 4, 4, 1, &net);
  const size_t L = net.L;
  const gsl_matrix X = bpx_net_inputs (prhs[2], "x", &net);
  const gsl_matrix Y = bpx_net_targets (prhs[3], "y", &net, &X, "x");
  const double lambda = bpx_scalar (prhs[4], "lambda", 0.0, HUGE_VAL, 0);
  const size_t m = X.size1;

  /* z and a are scratch; delta too unless it is returned, then the
     workspace's delta headers point at the returned arrays. */
  const int want_delta = nlhs > 2;
  const int parts = BP_WS_Z | BP_WS_A | (want_delta ? 0 : BP_WS_DELTA);
  const size_t ws_bytes = bp_workspace_bytes (L, net.n, m, parts);
  size_t params;
  bp_net_params (L, net.n, &params);
  const double returned = (double) params
    + (want_delta ? (double) m * (double) bp_net_width (L, net.n) : 0.0);
  bpx_check_memory (BPX_RETURNED * 8.0 * returned
                    + (ws_bytes ? (double) ws_bytes : HUGE_VAL),
                    "the forward and backward pass");
  bp_workspace ws;
  bp_workspace_init (&ws, L, net.n, m, parts, mxMalloc (ws_bytes), 0);
  gsl_matrix *dW = mxMalloc (L * sizeof *dW);
  gsl_vector *db = mxMalloc (L * sizeof *db);
  mxArray *dWc = bpx_new_cell (L), *dbc = bpx_new_cell (L);
  mxArray *deltac = want_delta ? bpx_new_cell (L) : NULL;
  for (size_t i = 0; i < L; i++)
    {
      const size_t n = net.n[i + 1];
      if (want_delta)
        mxSetCell (deltac, i, bpx_new_samples (n, m, &ws.Delta[i]));
      /* dW{l} has W{l}'s shape, so its view has W[i]'s (transposed) one. */
      mxSetCell (dWc, i, bpx_new_samples (n, net.n[i], &dW[i]));
      mxArray *bl = mxCreateUninitNumericMatrix (n, 1, mxDOUBLE_CLASS,
                                                 mxREAL);
      mxSetCell (dbc, i, bl);
      db[i] = gsl_vector_view_array (mxGetPr (bl), n).vector;
    }

  double C;
  if (bp_loss_and_gradient (&net, &X, &Y, lambda, &ws, dW, db, &C) != BP_OK)
    bpx_error ("internal", "the gradient was given arrays of the wrong "
               "shape");
  plhs[0] = dWc;
  if (nlhs > 1)
    plhs[1] = dbc;
  if (nlhs > 2)
    plhs[2] = deltac;
  if (nlhs > 3)
    plhs[3] = mxCreateDoubleScalar (C);
}
