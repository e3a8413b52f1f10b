/* __bp_gradient__.c: gateway of bp_gradient.
   [dW, db, delta, C] = __bp_gradient__ (fn, net, x, y, lambda) */
#include <math.h>
#include "__bp_mex__.h"

void
mexFunction (int nlhs, mxArray *plhs[], int nrhs, const mxArray *prhs[])
{
  bpx_begin (nlhs, nrhs, prhs, 4, 4);
  bp_net net;
  bpx_net (prhs[1], &net);
  const size_t L = net.L;
  const gsl_matrix X = bpx_samples (prhs[2], "x", net.n[0],
                                    "n_0 = net.sizes(1)");
  const gsl_matrix Y = bpx_samples (prhs[3], "y", net.n[L],
                                    "n_L = net.sizes(end)");
  bpx_check_unit_interval (&Y, "y", net.loss);
  if (Y.size1 != X.size1)
    bpx_error ("wrong_size", "y must have one column per column of x (%lu), "
               "got %lu", (unsigned long) X.size1, (unsigned long) Y.size1);
  const double lambda = bpx_scalar (prhs[4], "lambda", 0.0, HUGE_VAL);
  const size_t m = X.size1;

  /* Outputs first (Octave frees them if anything below fails), then the
     scratch for z, a (and delta when it is not returned), which Octave
     also frees: nothing to leak. */
  const int want_delta = nlhs > 2;
  const size_t width = bpx_net_width (&net);
  const double delta_cells = (double) m * (double) width;
  bpx_check_memory (8.0 * (BPX_RETURNED * (bpx_net_parameters (&net)
                                           + (want_delta ? delta_cells : 0))
                           + (want_delta ? 2.0 : 3.0) * delta_cells),
                    "the forward and backward pass");
  gsl_matrix *Z = mxMalloc (4 * L * sizeof *Z), *A = Z + L, *D = Z + 2 * L;
  gsl_matrix *dW = Z + 3 * L;
  gsl_vector *db = mxMalloc (L * sizeof *db);
  double *scratch = mxMalloc ((want_delta ? 2 : 3) * m * width
                              * sizeof (double));
  mxArray *dWc = bpx_new_cell (L), *dbc = bpx_new_cell (L);
  mxArray *deltac = want_delta ? bpx_new_cell (L) : NULL;
  for (size_t i = 0; i < L; i++)
    {
      const size_t n = net.n[i + 1];
      Z[i] = gsl_matrix_view_array (scratch, m, n).matrix;
      A[i] = gsl_matrix_view_array (scratch + m * n, m, n).matrix;
      scratch += 2 * m * n;
      if (want_delta)
        mxSetCell (deltac, i, bpx_new_samples (n, m, &D[i]));
      else
        {
          D[i] = gsl_matrix_view_array (scratch, m, n).matrix;
          scratch += m * n;
        }
      /* dW{l} has W{l}'s shape, so its view has W[i]'s (transposed) one. */
      mxSetCell (dWc, i, bpx_new_samples (n, net.n[i], &dW[i]));
      mxArray *bl = mxCreateUninitNumericMatrix (n, 1, mxDOUBLE_CLASS,
                                                 mxREAL);
      mxSetCell (dbc, i, bl);
      db[i] = gsl_vector_view_array (mxGetPr (bl), n).vector;
    }

  bp_forward (&net, &X, Z, A);
  double C = bp_backward (&net, &Y, Z, A, D);
  C += bp_weight_gradient (&net, &X, A, D, lambda, dW, db);

  plhs[0] = dWc;
  if (nlhs > 1)
    plhs[1] = dbc;
  if (nlhs > 2)
    plhs[2] = deltac;
  if (nlhs > 3)
    plhs[3] = mxCreateDoubleScalar (C);
}
