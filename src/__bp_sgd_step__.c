/* __bp_sgd_step__.c: gateway of bp_sgd_step.
   net = __bp_sgd_step__ (fn, net, dW, db, eta) */
#include <math.h>
#include "__bp_mex__.h"

void
mexFunction (int nlhs, mxArray *plhs[], int nrhs, const mxArray *prhs[])
{
  bpx_begin (nlhs, nrhs, prhs, 4, 1);
  bp_net net;
  bpx_net (prhs[1], &net);
  const size_t L = net.L;
  const mxArray *dWc = bpx_cell (prhs[2], "dW", L, NULL);
  const mxArray *dbc = bpx_cell (prhs[3], "db", L, NULL);
  const double eta = bpx_scalar (prhs[4], "eta", 0.0, HUGE_VAL);

  gsl_matrix *dW = mxMalloc (L * sizeof *dW);
  gsl_vector *db = mxMalloc (L * sizeof *db);
  for (size_t l = 1; l <= L; l++)
    {
      const mxArray *g = bpx_layer_array (dWc, "dW", l, net.n[l],
                                          net.n[l - 1],
                                          "the shape of net.W{%lu}",
                                          NULL);
      dW[l - 1] = gsl_matrix_view_array ((double *) mxGetPr (g), net.n[l - 1],
                                         net.n[l]).matrix;
      g = bpx_layer_array (dbc, "db", l, net.n[l], 1,
                           "the shape of net.b{%lu}", NULL);
      db[l - 1] = gsl_vector_view_array ((double *) mxGetPr (g),
                                         net.n[l]).vector;
    }
  /* The new network's arrays are written by the step itself, straight
     from the caller's (read-only) ones: one pass, no copy first. */
  bpx_check_memory (BPX_RETURNED * 8.0 * bpx_net_parameters (&net),
                    "the new network");
  bp_net out = net;
  out.W = mxMalloc (L * sizeof *out.W);
  out.b = mxMalloc (L * sizeof *out.b);
  for (size_t i = 0; i < L; i++)
    {
      out.W[i] = net.W[i];
      out.b[i] = net.b[i];
    }
  plhs[0] = bpx_net_copy (prhs[1], &out, 0);
  bp_sgd_step (&net, dW, db, eta, &out);
}
