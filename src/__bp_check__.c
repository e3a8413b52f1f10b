/* __bp_check__.c: the gateway's checks, for the functions written in
   Octave, so that a rule is written once (in C) and every function
   reports it the same way.
   __bp_check__ (fn, "net", net)          a network, or invalid_net
   __bp_check__ (fn, "pairing", loss, g)  loss fits output activation g,
                                          or incompatible_loss
   s = __bp_check__ (fn, "activation", v, name)
   s = __bp_check__ (fn, "loss", v, name) a known name (or alias) given
                                          as argument `name`; returns
                                          the canonical name
   __bp_check__ (fn, "gradient", net, dW, db, dW_name, db_name, any)
                                          dW, db shaped like net.W, net.b
                                          (finite unless any is true)
   v = __bp_check__ (fn, "scalar", name, v, lo, hi, whole)
                                          a real finite scalar in [lo, hi]
   s = __bp_check__ (fn, "describe", v)   "a 2-by-3 double", ... */
#include <string.h>
#include "bpmex.h"

void
mexFunction (int nlhs, mxArray *plhs[], int nrhs, const mxArray *prhs[])
{
  const bpx_command c = bpx_begin_command (nlhs, nrhs, prhs, 1);
  const char *what = c.name;
  const mxArray **in = c.in;
  const int nin = c.nin;
  if (strcmp (what, "net") == 0 && nin == 1)
    {
      bp_net net;
      bpx_net (in[0], &net, NULL);
    }
  else if (strcmp (what, "pairing") == 0 && nin == 2)
    {
      const bp_loss c = bpx_loss (in[0], "loss", NULL);
      const bp_activation g = bpx_activation (in[1], "activation", 0, NULL);
      if (!bp_loss_accepts (c, g))
        bpx_error ("incompatible_loss", "loss '%s' needs a %s output layer, "
                   "got '%s'", bp_loss_name (c),
                   bp_activation_name (bp_loss_output (c)),
                   bp_activation_name (g));
    }
  else if ((strcmp (what, "activation") == 0 || strcmp (what, "loss") == 0)
           && nin == 2)
    {
      char name[64];
      bpx_name (in[1], "name", 0, name, sizeof name, "internal");
      plhs[0] = mxCreateString (
        what[0] == 'a' ? bp_activation_name (bpx_activation (in[0], name, 0,
                                                             NULL))
                       : bp_loss_name (bpx_loss (in[0], name, NULL)));
    }
  else if (strcmp (what, "gradient") == 0 && nin == 6)
    {
      bp_net net;
      bpx_net (in[0], &net, NULL);
      char dW_name[32], db_name[32];
      bpx_name (in[3], "dW_name", 0, dW_name, sizeof dW_name, "internal");
      bpx_name (in[4], "db_name", 0, db_name, sizeof db_name, "internal");
      gsl_matrix *W;
      gsl_vector *b;
      bpx_gradient (&net, in[1], in[2], dW_name, db_name,
                    bpx_scalar (in[5], "any", 0, 1, 1) != 0, &W, &b);
    }
  else if (strcmp (what, "scalar") == 0 && nin == 5)
    {
      char name[64];
      bpx_name (in[0], "name", 0, name, sizeof name, "internal");
      const double lo = mxGetScalar (in[2]), hi = mxGetScalar (in[3]);
      const int whole = mxGetScalar (in[4]) != 0;
      const double v = bpx_scalar (in[1], name, lo, hi, whole);
      plhs[0] = mxCreateDoubleScalar (v);
    }
  else if (strcmp (what, "describe") == 0 && nin == 1)
    plhs[0] = mxCreateString (bpx_describe (in[0]));
  else
    bpx_error ("internal", "unknown check '%s' with %d arguments", what, nin);
}
