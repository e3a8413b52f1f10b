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
  if (Y.size1 != X.size1)
    bpx_error ("wrong_size", "y must have one column per column of x (%lu), "
               "got %lu", (unsigned long) X.size1, (unsigned long) Y.size1);
  const double lambda = bpx_scalar (prhs[4], "lambda", 0.0, HUGE_VAL);
  const size_t m = X.size1;

  /* Outputs first (Octave frees them if anything below fails), then the
     z and a scratch, which Octave also frees: nothing to leak. */
  size_t width = 0;
  for (size_t l = 1; l <= L; l++)
    width += net.n[l];
  bpx_check_size (m, width, 3, "the forward and backward pass");
  gsl_matrix *Z = mxMalloc (4 * L * sizeof *Z), *A = Z + L, *D = Z + 2 * L;
  gsl_matrix *dW = Z + 3 * L;
  gsl_vector *db = mxMalloc (L * sizeof *db);
  double *scratch = mxMalloc (2 * m * width * sizeof (double));
  mxArray *dWc = bpx_new_cell (L), *dbc = bpx_new_cell (L);
  mxArray *deltac = bpx_new_cell (L);
  for (size_t i = 0; i < L; i++)
    {
      const size_t n = net.n[i + 1];
      Z[i] = gsl_matrix_view_array (scratch, m, n).matrix;
      A[i] = gsl_matrix_view_array (scratch + m * n, m, n).matrix;
      scratch += 2 * m * n;
      mxSetCell (deltac, i, bpx_new_samples (n, m, &D[i]));
      /* dW{l} has W{l}'s shape, so its view has W[i]'s (transposed) one. */
      mxSetCell (dWc, i, bpx_new_samples (n, net.n[i], &dW[i]));
      mxArray *bl = mxCreateDoubleMatrix (n, 1, mxREAL);
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
