/* __bp_names__.c: the names the core knows, so the .m layer documents
   and checks against the one list there is.
   [activations, losses, optimizers, schedules, stops] = __bp_names__ (fn) */
#include "bpmex.h"
#include "bp_run.h"

static mxArray *
names (const char *(*name) (int))
{
  int n = 0;
  while (name (n))
    n++;
  mxArray *c = mxCreateCellMatrix (1, (size_t) n);
  for (int i = 0; i < n; i++)
    mxSetCell (c, (size_t) i, mxCreateString (name (i)));
  return c;
}

void
mexFunction (int nlhs, mxArray *plhs[], int nrhs, const mxArray *prhs[])
{
  bpx_begin (nlhs, nrhs, prhs, 0, 5);
  const char *(*const lists[5]) (int) = {
    bp_activation_name, bp_loss_name, bp_optimizer_name, bp_schedule_name,
    bp_stop_name
  };
  for (int k = 0; k < 5 && (k == 0 || k < nlhs); k++)
    plhs[k] = names (lists[k]);
}
