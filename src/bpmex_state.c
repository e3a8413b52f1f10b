/* bpmex_state.c: the state a training run leaves for the next call of
   bp_train, as an Octave struct: every field a double, a uint64 (the
   shuffle generator) or a column, so that save and load (text, binary or
   MAT) give it back bit for bit. */
#include <math.h>
#include <string.h>
#include "bpmex.h"
#include "bp_run.h"

#define BAD(...) bpx_error ("invalid_state", __VA_ARGS__)

static const mxArray *
field (const mxArray *s, const char *name)
{
  const mxArray *f = mxGetField (s, 0, name);
  if (!f)
    BAD ("state has no field '%s' (pass the third output of an earlier "
         "bp_train)", name);
  return f;
}

/* A real double scalar field; may be +Inf where inf_ok. */
static double
number (const mxArray *s, const char *name, int whole, int inf_ok)
{
  const mxArray *f = field (s, name);
  if (!mxIsDouble (f) || mxIsComplex (f) || mxIsSparse (f)
      || mxGetNumberOfElements (f) != 1)
    BAD ("state.%s must be a real double scalar, got %s", name,
         bpx_describe (f));
  const double v = mxGetScalar (f);
  if (!(v >= 0) || (isinf (v) && !inf_ok) || (whole && v != floor (v))
      || (whole && v > 9007199254740992.0))
    BAD ("state.%s must be a %snumber >= 0, got %g", name,
         whole ? "whole " : "", v);
  return v;
}

/* A finite real double column of P values, viewed in place. */
static double *
column (const mxArray *f, const char *name, size_t P)
{
  if (!f || !mxIsDouble (f) || mxIsComplex (f) || mxIsSparse (f)
      || mxGetNumberOfDimensions (f) != 2 || mxGetM (f) != P
      || mxGetN (f) != 1)
    BAD ("%s must be a real double %lu-by-1 column, got %s", name,
         (unsigned long) P, bpx_describe (f));
  const double *p = mxGetPr (f);
  for (size_t i = 0; i < P; i++)
    if (!isfinite (p[i]))
      BAD ("%s must be finite, but element %lu is %g", name,
           (unsigned long) (i + 1), p[i]);
  return (double *) p;
}

const bp_state *
bpx_read_state (const mxArray *s, const bp_net *net,
                const bp_train_options *o, bp_state *st)
{
  if (!mxIsStruct (s) || mxGetNumberOfElements (s) != 1)
    BAD ("state must be the struct an earlier bp_train returned, got %s",
         bpx_describe (s));
  char name[32];
  bpx_name (field (s, "optimizer"), "state.optimizer", 0, name, sizeof name,
            "invalid_state");
  bp_optimizer_kind k;
  if (bp_optimizer_parse (name, &k) != BP_OK || k != o->opt.kind)
    BAD ("state.optimizer is '%s', but this run uses '%s'", name,
         bp_optimizer_name (o->opt.kind));
  const mxArray *sz = field (s, "sizes");
  int same = mxIsDouble (sz) && !mxIsComplex (sz)
             && mxGetNumberOfElements (sz) == net->L + 1;
  for (size_t l = 0; same && l <= net->L; l++)
    same = mxGetPr (sz)[l] == (double) net->n[l];
  if (!same)
    BAD ("state.sizes must be net.sizes: the state belongs to another "
         "network");

  *st = (bp_state) { 0 };
  st->epoch = (size_t) number (s, "epoch", 1, 0);
  st->step = (uint64_t) number (s, "step", 1, 0);
  const mxArray *rng = field (s, "rng");
  if (!mxIsUint64 (rng) || mxGetNumberOfElements (rng) != 1)
    BAD ("state.rng must be a uint64 scalar, got %s", bpx_describe (rng));
  st->rng = *(const uint64_t *) mxGetData (rng);
  st->eta = number (s, "eta", 0, 0);
  st->plateau_best = number (s, "plateau_best", 0, 1);
  st->plateau_wait = (size_t) number (s, "plateau_wait", 1, 0);
  st->best_loss = number (s, "best_loss", 0, 1);
  st->best_epoch = (size_t) number (s, "best_epoch", 1, 0);
  st->wait = (size_t) number (s, "wait", 1, 0);

  size_t P;
  bp_net_params (net->L, net->n, &P);
  const mxArray *m = field (s, "moments");
  st->moments = bp_optimizer_moments (&o->opt);
  if (!mxIsCell (m) || mxGetNumberOfElements (m) != (size_t) st->moments)
    BAD ("state.moments must be a cell of %d columns for this optimizer "
         "(%s%s), got %s", st->moments, bp_optimizer_name (o->opt.kind),
         o->opt.kind == BP_OPT_SGD ? (st->moments ? " with momentum"
                                                   : " without momentum")
                                   : "", bpx_describe (m));
  if (st->moments >= 1)
    st->m1 = column (mxGetCell (m, 0), "state.moments{1}", P);
  if (st->moments >= 2)
    st->m2 = column (mxGetCell (m, 1), "state.moments{2}", P);
  const mxArray *best = field (s, "best");
  if (!mxIsEmpty (best))
    {
      st->best = column (best, "state.best", P);
      st->has_best = 1;
    }
  else if (o->patience && st->best_epoch)
    BAD ("state.best is empty, but early stopping needs the weights of "
         "state.best_epoch (%lu)", (unsigned long) st->best_epoch);
  const mxArray *last = field (s, "last");
  if (!mxIsEmpty (last))
    {
      st->last = column (last, "state.last", P);
      st->has_last = 1;
    }
  return st;
}

mxArray *
bpx_write_state (const bp_run *run, const bp_net *net)
{
  const bp_state *st = bp_run_look (run).state;
  const size_t P = bp_run_look (run).params;
  static const char *names[] = {
    "optimizer", "sizes", "epoch", "step", "rng", "eta", "plateau_best",
    "plateau_wait", "best_loss", "best_epoch", "wait", "moments", "best", "last"
  };
  const int nf = sizeof names / sizeof names[0];
  mxArray *s = mxCreateStructMatrix (1, 1, nf, names);
  mxSetField (s, 0, "optimizer",
              mxCreateString (bp_optimizer_name (
                                bp_run_look (run).options->opt.kind)));
  mxArray *sz = mxCreateDoubleMatrix (1, net->L + 1, mxREAL);
  for (size_t l = 0; l <= net->L; l++)
    mxGetPr (sz)[l] = (double) net->n[l];
  mxSetField (s, 0, "sizes", sz);
  mxSetField (s, 0, "epoch", mxCreateDoubleScalar ((double) st->epoch));
  mxSetField (s, 0, "step", mxCreateDoubleScalar ((double) st->step));
  mxArray *rng = mxCreateNumericMatrix (1, 1, mxUINT64_CLASS, mxREAL);
  *(uint64_t *) mxGetData (rng) = st->rng;
  mxSetField (s, 0, "rng", rng);
  mxSetField (s, 0, "eta", mxCreateDoubleScalar (st->eta));
  mxSetField (s, 0, "plateau_best", mxCreateDoubleScalar (st->plateau_best));
  mxSetField (s, 0, "plateau_wait",
              mxCreateDoubleScalar ((double) st->plateau_wait));
  mxSetField (s, 0, "best_loss", mxCreateDoubleScalar (st->best_loss));
  mxSetField (s, 0, "best_epoch",
              mxCreateDoubleScalar ((double) st->best_epoch));
  mxSetField (s, 0, "wait", mxCreateDoubleScalar ((double) st->wait));
  mxArray *m = mxCreateCellMatrix (1, (size_t) st->moments);
  const double *v[2] = { st->m1, st->m2 };
  for (int k = 0; k < st->moments; k++)
    {
      mxArray *c = mxCreateUninitNumericMatrix (P, 1, mxDOUBLE_CLASS, mxREAL);
      memcpy (mxGetPr (c), v[k], P * sizeof (double));
      mxSetCell (m, (size_t) k, c);
    }
  mxSetField (s, 0, "moments", m);
  mxArray *best = mxCreateDoubleMatrix (st->has_best ? P : 0, 1, mxREAL);
  if (st->has_best)
    memcpy (mxGetPr (best), st->best, P * sizeof (double));
  mxSetField (s, 0, "best", best);
  mxArray *last = mxCreateDoubleMatrix (st->has_last ? P : 0, 1, mxREAL);
  if (st->has_last)
    memcpy (mxGetPr (last), st->last, P * sizeof (double));
  mxSetField (s, 0, "last", last);
  return s;
}
