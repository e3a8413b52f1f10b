/* __bp_predict__.c: gateway of bp_predict: the outputs a^(L) alone, and
   the class of each sample.
   [Y, class] = __bp_predict__ (fn, net, X, first, last)
   for the columns first..last of X (bp_predict.m asks for a range at a
   time, so that Ctrl-C can stop a long prediction between ranges).
   Only two layers' activations are kept at a time, and when even those
   do not fit for all the columns of the range, they go through in chunks
   (the same outputs, a chunk at a time). */
#include "bpmex.h"
#include "bp_system.h"

void
mexFunction (int nlhs, mxArray *plhs[], int nrhs, const mxArray *prhs[])
{
  bp_net net;
  bpx_begin_net (nlhs, nrhs, prhs, 4, 2, 1, &net);
  const gsl_matrix All = bpx_net_inputs (prhs[2], "X", &net);
  const double N = (double) All.size1;
  const size_t first = (size_t) bpx_scalar (prhs[3], "first", 1, N, 1);
  const size_t last = (size_t) bpx_scalar (prhs[4], "last", first, N, 1);
  const gsl_matrix X = gsl_matrix_const_submatrix (&All, first - 1, 0,
                                                   last - first + 1,
                                                   All.size2).matrix;
  const size_t L = net.L, m = X.size1;
  const double out = BPX_RETURNED * 8.0 * (double) m
                     * ((double) net.n[L] + (nlhs > 1));
  /* The largest chunk of columns whose scratch fits next to the result;
     one column at least, which the check below then judges. */
  const double room = bp_memory_available () - out;
  size_t chunk = m;
  while (chunk > 1 && (bp_predict_bytes (L, net.n, chunk) == 0
                       || (double) bp_predict_bytes (L, net.n, chunk) > room))
    chunk = (chunk + 1) / 2;
  bpx_check_memory (out + (double) bp_predict_bytes (L, net.n, chunk),
                    "the prediction");
  void *scratch = mxMalloc (bp_predict_bytes (L, net.n, chunk));
  gsl_matrix Y;
  plhs[0] = bpx_new_samples (net.n[L], m, &Y);
  if (bp_predict (&net, &X, &Y, scratch, chunk) != BP_OK)
    bpx_error ("internal", "the prediction was given arrays of the wrong "
               "shape");
  mxFree (scratch);
  if (nlhs > 1)
    {
      /* Classes as Octave counts them: 1-based rows, or 0/1 for one
         output. */
      plhs[1] = mxCreateUninitNumericMatrix (1, m, mxDOUBLE_CLASS, mxREAL);
      double *c = mxGetPr (plhs[1]);
      const double base = net.n[L] == 1 ? 0.0 : 1.0;
      for (size_t r = 0; r < m; r++)
        c[r] = (double) bp_row_class (&Y, r) + base;
    }
}
