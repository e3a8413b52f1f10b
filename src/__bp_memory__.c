/* __bp_memory__.c: the memory check of the gateways, for the .m layer.
   __bp_memory__ (fn, bytes, what) raises backprop:<fn>:out_of_memory when
   'bytes' more would not fit in the memory this process may still take.
   bp_init asks before drawing weights: letting Octave itself fail to
   allocate absurd sizes again and again is not safe (Octave 7.3 aborts
   after about a hundred failed randn (1e12, 1) calls). */
#include <math.h>
#include "bpmex.h"

void
mexFunction (int nlhs, mxArray *plhs[], int nrhs, const mxArray *prhs[])
{
  (void) plhs;
  bpx_begin (nlhs, nrhs, prhs, 2, 0);
  const double bytes = bpx_scalar (prhs[1], "bytes", 0, HUGE_VAL, 0);
  char what[64];
  bpx_name (prhs[2], "what", 0, what, sizeof what, NULL);
  bpx_check_memory (bytes, what);
}
