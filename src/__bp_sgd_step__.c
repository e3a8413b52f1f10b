/* __bp_sgd_step__.c: gateway of bp_sgd_step.
   net = __bp_sgd_step__ (fn, net, dW, db, eta) */
#include <math.h>
#include "bpmex.h"
#include "bp_run.h"

void
mexFunction (int nlhs, mxArray *plhs[], int nrhs, const mxArray *prhs[])
{
  bp_net net;
  bpx_begin_net (nlhs, nrhs, prhs, 4, 1, 1, &net);
  gsl_matrix *dW;
  gsl_vector *db;
  bpx_gradient (&net, prhs[2], prhs[3], "dW", "db", 0, &dW, &db);
  const double eta = bpx_scalar (prhs[4], "eta", 0.0, HUGE_VAL, 0);
  size_t params;
  bp_net_params (net.L, net.n, &params);
  bpx_check_memory (BPX_RETURNED * 8.0 * (double) params, "the new network");
  /* The new network's arrays are written by the step itself, straight
     from the caller's (read-only) ones: one pass, no copy first. */
  bp_net out = net;
  out.W = mxMalloc (net.L * sizeof *out.W);
  out.b = mxMalloc (net.L * sizeof *out.b);
  plhs[0] = bpx_net_copy (prhs[1], &out, 0, 1);
  for (size_t i = 0; i < net.L; i++)
    {
      /* Views of whole Octave arrays are contiguous. */
      bp_sgd_update (net.W[i].size1 * net.W[i].size2, net.W[i].data,
                     dW[i].data, eta, out.W[i].data);
      bp_sgd_update (net.b[i].size, net.b[i].data, db[i].data, eta,
                     out.b[i].data);
    }
}
