/* __bp_cost__.c: gateway of bp_cost, the network as one parameter vector.
   [J, grad] = __bp_cost__ (fn, theta, net, X, Y, lambda)
   theta holds every weight and bias in bp_unroll's order; the core views
   it as a network without a copy (bp_net_view), and writes the gradient
   straight into the returned column in the same order: one forward and
   one backward pass, no other copy. */
#include <math.h>
#include "bpmex.h"

void
mexFunction (int nlhs, mxArray *plhs[], int nrhs, const mxArray *prhs[])
{
  bp_net net;
  bpx_begin_net (nlhs, nrhs, prhs, 5, 2, 2, &net);
  const size_t L = net.L;
  size_t P;
  bp_net_params (L, net.n, &P);
  const mxArray *t = prhs[1];
  if (!mxIsDouble (t) || mxIsComplex (t) || mxIsSparse (t)
      || mxGetNumberOfDimensions (t) != 2 || mxGetN (t) != 1
      || mxGetM (t) != P)
    bpx_error (mxIsDouble (t) && !mxIsComplex (t) && !mxIsSparse (t)
               ? "wrong_size" : "wrong_type",
               "theta must be a real double column of %lu values (every "
               "weight and bias of net, in the order of bp_unroll), got %s",
               (unsigned long) P, bpx_describe (t));
  const gsl_matrix theta = bpx_matrix (t, "theta");   /* finite */
  const gsl_matrix X = bpx_net_inputs (prhs[3], "X", &net);
  const gsl_matrix Y = bpx_net_targets (prhs[4], "Y", &net, &X, "X");
  const double lambda = bpx_scalar (prhs[5], "lambda", 0.0, HUGE_VAL, 0);

  const size_t m = X.size1;
  const int parts = BP_WS_Z | BP_WS_A | BP_WS_DELTA;
  const size_t bytes = bp_workspace_bytes (L, net.n, m, parts);
  bpx_check_memory ((bytes ? (double) bytes : HUGE_VAL)
                    + BPX_RETURNED * 8.0 * (double) P, "the cost and gradient");
  bp_workspace ws;
  bp_workspace_init (&ws, L, net.n, m, parts, mxMalloc (bytes), 0);
  /* The network and its gradient as views of the two columns. */
  bp_net_view (&net, mxMalloc (L * sizeof *net.W),
               mxMalloc (L * sizeof *net.b), theta.data);
  double J;
  int s;
  if (nlhs > 1)
    {
      mxArray *g = mxCreateUninitNumericMatrix (P, 1, mxDOUBLE_CLASS, mxREAL);
      bp_net grad = net;
      bp_net_view (&grad, mxMalloc (L * sizeof *grad.W),
                   mxMalloc (L * sizeof *grad.b), mxGetPr (g));
      s = bp_loss_and_gradient (&net, &X, &Y, lambda, &ws, grad.W, grad.b,
                                &J);
      plhs[1] = g;
    }
  else
    {
      /* The loss alone (all fminsearch asks for) needs no backward pass. */
      s = bp_forward_loss (&net, &X, &Y, ws.Z, ws.A, &ws.Delta[L - 1], &J);
      J += bp_decay_cost (&net, lambda, X.size1);
    }
  if (s != BP_OK)
    bpx_error ("internal", "the cost was given arrays of the wrong shape");
  plhs[0] = mxCreateDoubleScalar (J);
}
