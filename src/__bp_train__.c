/* __bp_train__.c: gateway of bp_train.  The whole run happens in one call
   of the core's bp_train; this file only checks arguments, copies the
   network so the caller's stays untouched, prints progress, and turns
   Ctrl-C into a clean stop.
   [net, hist] = __bp_train__ (fn, net, X, Y, opts)
   opts: struct with epochs, batch, eta, momentum, lambda, shuffle, seed,
   verbose (1, 0, or -1 for "when stdout is a terminal"), has_validation,
   Xv, Yv. */
#define _POSIX_C_SOURCE 200112L   /* isatty */
#include <math.h>
#include <stdio.h>
#include <unistd.h>
#include "__bp_mex__.h"
#if defined (HAVE_OCTAVE)
#include <octave/quit.h>
#endif

/* State of the progress line. */
typedef struct {
  int verbose;
  int tty;                  /* stdout is a terminal: redraw one line */
  size_t total;             /* samples in the whole run */
  double last;              /* when the line was last drawn */
  int drawn;
} progress;

static int
interrupted (void)
{
#if defined (HAVE_OCTAVE)
  return octave_signal_caught != 0;
#else
  return 0;
#endif
}

static void
draw (progress *s, const bp_progress *p)
{
  char acc[32] = "";
  if (p->accuracy >= 0)
    snprintf (acc, sizeof acc, "  accuracy %5.1f%%", 100.0 * p->accuracy);
  const double rate = p->seconds > 0 ? (double) p->samples / p->seconds : 0;
  const double left = rate > 0 ? (double) (s->total - p->samples) / rate : 0;
  mexPrintf ("%sepoch %lu/%lu  loss %.6g%s  %.0f samples/s  %.0f s left%s",
             s->tty ? "\r" : "", (unsigned long) p->epoch,
             (unsigned long) p->epochs, p->loss, acc, rate, left,
             s->tty ? "   " : "\n");
  mexEvalString ("fflush (stdout);");
  s->drawn = 1;
}

/* Called by the core after every mini-batch.  On a terminal the line is
   redrawn in place at most four times a second; in a log (stdout not a
   terminal) a line is written at the end of an epoch, at most one a
   second, so logs stay readable. */
static int
poll (void *ctx, const bp_progress *p)
{
  progress *s = ctx;
  if (interrupted ())
    return 1;
  const int last = p->epoch_done && p->epoch == p->epochs;
  const int due = s->tty ? p->seconds - s->last >= 0.25
                         : p->epoch_done && p->seconds - s->last >= 1.0;
  if (s->verbose && (due || last))
    {
      s->last = p->seconds;
      draw (s, p);
    }
  return 0;
}

static const mxArray *
opt_field (const mxArray *opts, const char *name)
{
  const mxArray *f = mxGetField (opts, 0, name);
  if (!f)
    bpx_error ("invalid_option", "internal option struct has no '%s'", name);
  return f;
}

static double
opt (const mxArray *opts, const char *name, double lo, double hi)
{
  return bpx_scalar (opt_field (opts, name), name, lo, hi);
}

/* A target matrix is one-hot when every column holds a single 1 and zeros. */
static int
is_one_hot (const gsl_matrix *Y)
{
  for (size_t i = 0; i < Y->size1; i++)
    {
      size_t ones = 0;
      for (size_t j = 0; j < Y->size2; j++)
        {
          const double v = Y->data[i * Y->tda + j];
          if (v == 1.0)
            ones++;
          else if (v != 0.0)
            return 0;
        }
      if (ones != 1)
        return 0;
    }
  return 1;
}

static mxArray *
new_row (size_t n, double **data)
{
  mxArray *a = mxCreateDoubleMatrix (1, n, mxREAL);
  *data = mxGetPr (a);
  return a;
}

void
mexFunction (int nlhs, mxArray *plhs[], int nrhs, const mxArray *prhs[])
{
  bpx_begin (nlhs, nrhs, prhs, 4, 2);
  bp_net net;
  bpx_net (prhs[1], &net);
  const size_t L = net.L;
  const gsl_matrix X = bpx_samples (prhs[2], "X", net.n[0],
                                    "n_0 = net.sizes(1)");
  const gsl_matrix Y = bpx_samples (prhs[3], "Y", net.n[L],
                                    "n_L = net.sizes(end)");
  if (Y.size1 != X.size1)
    bpx_error ("wrong_size", "Y must have one column per column of X (%lu), "
               "got %lu", (unsigned long) X.size1, (unsigned long) Y.size1);
  bpx_check_unit_interval (&Y, "Y", net.loss);
  const mxArray *opts = prhs[4];
  if (!mxIsStruct (opts) || mxGetNumberOfElements (opts) != 1)
    bpx_error ("invalid_option", "internal option struct expected");

  bp_train_options o = { 0 };
  o.epochs = (size_t) opt (opts, "epochs", 1, 1e9);
  o.batch = (size_t) opt (opts, "batch", 1, 9007199254740992.0);  /* 2^53 */
  o.eta = opt (opts, "eta", 0, HUGE_VAL);
  o.momentum = opt (opts, "momentum", 0, 1);
  o.lambda = opt (opts, "lambda", 0, HUGE_VAL);
  o.shuffle = opt (opts, "shuffle", 0, 1) != 0;
  o.seed = (unsigned long) opt (opts, "seed", 0, 4294967295.0);
  const double verbose = opt (opts, "verbose", -1, 1);
  o.one_hot = is_one_hot (&Y);

  gsl_matrix Xv, Yv;
  const mxArray *xv = opt_field (opts, "Xv"), *yv = opt_field (opts, "Yv");
  if (opt (opts, "has_validation", 0, 1) != 0)
    {
      Xv = bpx_samples (xv, "validation{1}", net.n[0], "n_0 = net.sizes(1)");
      Yv = bpx_samples (yv, "validation{2}", net.n[L],
                        "n_L = net.sizes(end)");
      if (Yv.size1 != Xv.size1)
        bpx_error ("wrong_size", "validation{2} must have one column per "
                   "column of validation{1} (%lu), got %lu",
                   (unsigned long) Xv.size1, (unsigned long) Yv.size1);
      bpx_check_unit_interval (&Yv, "validation{2}", net.loss);
      o.Xv = &Xv;
      o.Yv = &Yv;
    }

  progress s = { 0 };
  s.tty = isatty (STDOUT_FILENO);
  s.verbose = verbose < 0 ? s.tty : verbose > 0;
  s.total = X.size1 * o.epochs;
  o.poll = poll;
  o.ctx = &s;
  /* The run's scratch comes from mxMalloc: if anything unwinds through the
     core (an interrupt reaching Octave while progress is printed), Octave
     reclaims it with the rest of this call's memory. */
  o.alloc = mxMalloc;
  o.release = mxFree;

  /* Outputs and the network copy are mxArrays: Octave frees them if we
     raise an error.  The core's own allocations are freed inside bp_train
     before it returns. */
  /* The network copy, 5 history rows, and what the core allocates: the
     batch workspace (z, a, delta), the shuffle's order and gathered
     batch, and the momentum velocities. */
  const double B = (double) (o.batch < X.size1 ? o.batch : X.size1);
  const double params = bpx_net_parameters (&net);
  bpx_check_memory (8.0 * (BPX_RETURNED * (params + 5.0 * (double) o.epochs)
                           + 3.0 * B * (double) bpx_net_width (&net)
                           + (o.shuffle ? (double) X.size1 + B
                              * (double) (net.n[0] + net.n[L]) : 0.0)
                           + (o.momentum != 0.0 ? params : 0.0)),
                    "training");
  mxArray *out = bpx_net_copy (prhs[1], &net, 1);
  const char *names[5];
  int nf = 0;
  bp_history h = { 0 };
  mxArray *series[5];
  names[nf] = "loss";
  series[nf++] = new_row (o.epochs, &h.loss);
  if (o.one_hot)
    {
      names[nf] = "accuracy";
      series[nf++] = new_row (o.epochs, &h.accuracy);
    }
  if (o.Xv)
    {
      names[nf] = "val_loss";
      series[nf++] = new_row (o.epochs, &h.val_loss);
      if (o.one_hot)
        {
          names[nf] = "val_accuracy";
          series[nf++] = new_row (o.epochs, &h.val_accuracy);
        }
    }
  names[nf] = "seconds";
  series[nf++] = new_row (o.epochs, &h.seconds);

  size_t bad_epoch = 0;
  const int status = bp_train (&net, &X, &Y, &o, &h, &bad_epoch);
  if (s.drawn && s.tty)
    mexPrintf ("\n");
  switch (status)
    {
    case BP_OK:
      break;
    case BP_ENOMEM:
      bpx_error ("out_of_memory", "not enough memory for a batch of %lu "
                 "samples", (unsigned long) o.batch);
    case BP_EDIVERGED:
      bpx_error ("diverged", "training diverged in epoch %lu: the loss or "
                 "the weights became NaN or Inf (try a smaller eta, now %g)",
                 (unsigned long) bad_epoch, o.eta);
    case BP_EINTR:
    default:
#if defined (HAVE_OCTAVE)
      OCTAVE_QUIT;   /* raises Octave's interrupt: back to the prompt */
#endif
      bpx_error ("interrupted", "interrupted");
    }

  mxArray *hist = mxCreateStructMatrix (1, 1, nf, names);
  for (int f = 0; f < nf; f++)
    mxSetFieldByNumber (hist, 0, f, series[f]);
  plhs[0] = out;
  if (nlhs > 1)
    plhs[1] = hist;
}
