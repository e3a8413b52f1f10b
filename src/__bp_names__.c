/* __bp_names__.c: the activation and loss names the core knows, so the
   .m layer checks options against the one list there is.
   [activations, losses] = __bp_names__ (fn) */
#include "__bp_mex__.h"

void
mexFunction (int nlhs, mxArray *plhs[], int nrhs, const mxArray *prhs[])
{
  bpx_begin (nlhs, nrhs, prhs, 0, 2);
  plhs[0] = mxCreateCellMatrix (1, BP_N_ACTIVATIONS);
  for (int i = 0; i < BP_N_ACTIVATIONS; i++)
    mxSetCell (plhs[0], i,
               mxCreateString (bp_activation_name ((bp_activation) i)));
  if (nlhs > 1)
    {
      plhs[1] = mxCreateCellMatrix (1, BP_N_LOSSES);
      for (int i = 0; i < BP_N_LOSSES; i++)
        mxSetCell (plhs[1], i, mxCreateString (bp_loss_name ((bp_loss) i)));
    }
}
