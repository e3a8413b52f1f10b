/* bpmex_error.c: gateway entry and errors.  Every error a gateway raises
   has the identifier backprop:<public function>:<reason> and a message
   that starts with the public function's name. */
#include <stdarg.h>
#include <stdio.h>
#include <gsl/gsl_errno.h>
#include "bpmex.h"

static char fn_name[64] = "backprop";

const char *
bpx_fn (void)
{
  return fn_name;
}

void
bpx_error (const char *reason, const char *fmt, ...)
{
  char id[128], msg[1024];
  int k = snprintf (msg, sizeof msg, "%s: ", fn_name);
  va_list ap;
  va_start (ap, fmt);
  vsnprintf (msg + k, sizeof msg - (size_t) k, fmt, ap);
  va_end (ap);
  snprintf (id, sizeof id, "backprop:%s:%s", fn_name, reason);
  /* Octave's mexErrMsgIdAndTxt would prefix the gateway's own name; raise
     the error through error (struct) so the message starts with the
     public function's name, as the .m layer's errors do. */
  const char *fields[2] = { "message", "identifier" };
  mxArray *err = mxCreateStructMatrix (1, 1, 2, fields);
  mxSetField (err, 0, "message", mxCreateString (msg));
  mxSetField (err, 0, "identifier", mxCreateString (id));
  mexCallMATLAB (0, NULL, 1, &err, "error");
  mexErrMsgIdAndTxt (id, "%s", msg);   /* not reached: error unwinds */
#if defined (__GNUC__)
  __builtin_unreachable ();
#endif
}

void
bpx_begin (int nlhs, int nrhs, const mxArray *prhs[], int nin, int nout)
{
  gsl_set_error_handler_off ();
  /* Called without the name (directly from the prompt): use our own. */
  if (nrhs < 1 || !mxIsChar (prhs[0])
      || mxGetString (prhs[0], fn_name, sizeof fn_name) != 0)
    {
      snprintf (fn_name, sizeof fn_name, "%s", mexFunctionName ());
      bpx_error ("nargin", "internal function: call the public function "
                 "instead");
    }
  if (nin >= 0 ? nrhs - 1 != nin : nrhs - 1 < -nin)
    bpx_error ("nargin", "expected %s%d input arguments, got %d",
               nin >= 0 ? "" : "at least ", nin >= 0 ? nin : -nin, nrhs - 1);
  if (nlhs > nout)
    bpx_error ("nargout", "at most %d output argument%s, got %d", nout,
               nout == 1 ? "" : "s", nlhs);
}

bpx_command
bpx_begin_command (int nlhs, int nrhs, const mxArray *prhs[], int nout)
{
  bpx_command c;
  bpx_begin (nlhs, nrhs, prhs, -1, nout);
  bpx_name (prhs[1], "command", 0, c.name, sizeof c.name, "internal");
  c.nin = nrhs - 2;
  c.in = prhs + 2;
  return c;
}

void
bpx_begin_net (int nlhs, int nrhs, const mxArray *prhs[], int nin, int nout,
               int at, bp_net *net)
{
  bpx_begin (nlhs, nrhs, prhs, nin, nout);
  bpx_net (prhs[at], net, NULL);
}

const char *
bpx_describe (const mxArray *a)
{
  static char buf[160];
  if (!a)
    return "nothing";
  char dims[64] = "";
  const mwSize nd = mxGetNumberOfDimensions (a);
  const mwSize *d = mxGetDimensions (a);
  int k = 0;
  for (mwSize i = 0; i < nd && k < (int) sizeof dims - 24; i++)
    k += snprintf (dims + k, sizeof dims - (size_t) k, i ? "-by-%lu" : "%lu",
                   (unsigned long) d[i]);
  snprintf (buf, sizeof buf, "a %s %s%s%s", dims,
            mxIsSparse (a) ? "sparse " : "",
            mxIsComplex (a) ? "complex " : "", mxGetClassName (a));
  return buf;
}

const char *
bpx_arg (const char *name, size_t l)
{
  static char buf[64];
  if (l == 0)
    return name;
  snprintf (buf, sizeof buf, "%s{%lu}", name, (unsigned long) l);
  return buf;
}
