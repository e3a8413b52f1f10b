/* __bp_train__.c: gateway of bp_train.  A run lives in this MEX file
   between calls (the core's bp_run, in memory made persistent), and
   bp_train.m advances it in slices of a few milliseconds:

   [id, tty, wants_seed] = __bp_train__ (fn, "start", net, X, Y, opts)
       check everything, lay out the run; tty: stdout is a terminal;
       wants_seed: the shuffle has no seed yet
   __bp_train__ (fn, "seed", id, seed)          seed it (before "run")
   [done, p] = __bp_train__ (fn, "run", id, X, Y, Xv, Yv, seconds, by_epoch)
       train for about `seconds` (at least one mini-batch), or to the end
       of the epoch when by_epoch; p = [epoch epochs batch batches samples
       loss accuracy epoch_done]
   net = __bp_train__ (fn, "net", id, net0)     the network so far
   hist = __bp_train__ (fn, "history", id)      the history so far
   __bp_train__ (fn, "stop", id)                the callback said stop
   [net, hist, state] = __bp_train__ (fn, "finish", id, net0)
   __bp_train__ (fn, "free", id)                release (no-op if gone)
   n = __bp_train__ (fn, "count")               runs alive (for tests)

   Between slices the interpreter runs, so Ctrl-C is Octave's own: it
   stops bp_train.m, whose cleanup frees the run.  No Octave internals
   are used, only the MEX interface. */
#include <math.h>
#include <stdio.h>
#include <string.h>
#if defined (_WIN32)
#include <io.h>
#define stdout_is_tty() _isatty (_fileno (stdout))
#elif defined (__unix__) || defined (__APPLE__)
#include <unistd.h>
#define stdout_is_tty() isatty (STDOUT_FILENO)
#else
#define stdout_is_tty() 0
#endif
#include "bpmex.h"
#include "bp_run.h"
#include "bp_system.h"

/* ---- the live runs */

typedef struct live {
  double id;
  void *block;              /* the run's memory (persistent mxMalloc) */
  bp_run *run;
  size_t Nv;                /* validation samples, 0 without */
  struct live *next;
} live;

static live *runs;
static double last_id;

static void
release (live *l)
{
  bp_run_release (l->run);
  mxFree (l->block);
  mxFree (l);
}

/* When Octave unloads this file (clear, exit), every run goes too. */
static void
release_all (void)
{
  while (runs)
    {
      live *l = runs;
      runs = l->next;
      release (l);
    }
}

static live **
find (const mxArray *id)
{
  const double v = bpx_scalar (id, "id", 0, HUGE_VAL, 1);
  for (live **p = &runs; *p; p = &(*p)->next)
    if ((*p)->id == v)
      return p;
  return NULL;
}

static live *
get (const mxArray *id)
{
  live **p = find (id);
  if (!p)
    bpx_error ("internal", "no training run with this id (it has ended)");
  return *p;
}

static void
drop (const mxArray *id)
{
  live **p = find (id);
  if (p)
    {
      live *l = *p;
      *p = l->next;
      release (l);
    }
}

/* ---- starting: options */

/* Names the gateway takes besides the scalar table, and those bp_train.m
   handles itself (for the list in an unknown-option error). */
static const char *const special[] = {
  "optimizer", "schedule", "validation", "state", "verbose", "callback"
};
#define N_SPECIAL (sizeof special / sizeof special[0])

static int
same_name (const char *a, const char *b)
{
  for (; *a && *b; a++, b++)
    if ((*a | 0x20) != (*b | 0x20))
      return 0;
  return *a == *b;
}

static void
unknown_option (const char *name)
{
  char list[512];
  size_t k = 0;
  for (size_t i = 0; i < bp_option_count () && k < sizeof list - 32; i++)
    k += (size_t) snprintf (list + k, sizeof list - k, "%s, ",
                            bp_option (i)->name);
  for (size_t i = 0; i < N_SPECIAL && k < sizeof list - 32; i++)
    k += (size_t) snprintf (list + k, sizeof list - k, "%s%s", special[i],
                            i + 1 < N_SPECIAL ? ", " : "");
  bpx_error ("unknown_option", "unknown option '%s'; the options are: %s",
             name, list);
}

static void
read_schedule (const mxArray *v, bp_schedule *s)
{
  const mxArray *name = mxIsCell (v) && mxGetNumberOfElements (v) >= 1
                        ? mxGetCell (v, 0) : v;
  char buf[32];
  if (!name || !mxIsChar (name))
    bpx_error ("wrong_type", "schedule must be a name or a cell {name, "
               "parameters...}, got %s", bpx_describe (v));
  bpx_name (name, "schedule", 0, buf, sizeof buf, NULL);
  bp_schedule_kind k;
  if (bp_schedule_parse (buf, &k) != BP_OK)
    bpx_error ("unknown_schedule", "schedule must be one of %s, got '%s'",
               bpx_name_list (bp_schedule_name), buf);
  const size_t arity = bp_schedule_arity (k);
  const size_t given = mxIsCell (v) ? mxGetNumberOfElements (v) - 1 : 0;
  if (given != arity)
    {
      char shape[160] = "";
      size_t n = (size_t) snprintf (shape, sizeof shape, "{\"%s\"", buf);
      for (size_t j = 0; j < arity; j++)
        n += (size_t) snprintf (shape + n, sizeof shape - n, ", %s",
                                bp_schedule_param (k, j));
      snprintf (shape + n, sizeof shape - n, "}");
      bpx_error ("wrong_size", "schedule '%s' takes %s, got %lu parameters",
                 buf, shape, (unsigned long) given);
    }
  s->kind = k;
  double p[3] = { 0, 0, 0 };
  for (size_t j = 0; j < arity; j++)
    {
      char what[64];
      snprintf (what, sizeof what, "schedule parameter %s",
                bp_schedule_param (k, j));
      p[j] = bpx_scalar (mxGetCell (v, j + 1), what, -HUGE_VAL, HUGE_VAL, 0);
    }
  if (k == BP_SCHED_STEP)
    s->every = p[0], s->factor = p[1];
  else if (k == BP_SCHED_EXPONENTIAL)
    s->gamma = p[0];
  else if (k == BP_SCHED_PLATEAU)
    s->patience = p[0], s->factor = p[1], s->min_eta = p[2];
  size_t bad;
  if (bp_schedule_check (s, &bad) != BP_OK)
    bpx_error ("out_of_range", "schedule '%s': %s must be %s, got %g", buf,
               bp_schedule_param (k, bad), bp_schedule_range (k, bad), p[bad]);
}

typedef struct {
  bp_train_options o;
  const mxArray *validation, *state;
  int seed_given;
} start_args;

static void
read_options (const mxArray *opts, start_args *a)
{
  if (!mxIsStruct (opts) || mxGetNumberOfElements (opts) != 1)
    bpx_error ("internal", "options must come as a scalar struct");
  bp_options_default (&a->o);
  int given[64] = { 0 }, schedule_given = 0;
  const int nf = mxGetNumberOfFields (opts);
  for (int f = 0; f < nf; f++)
    {
      const char *name = mxGetFieldNameByNumber (opts, f);
      const mxArray *v = mxGetFieldByNumber (opts, 0, f);
      size_t i = 0;
      while (i < bp_option_count () && !same_name (name, bp_option (i)->name))
        i++;
      if (i < bp_option_count ())
        {
          const bp_option_spec *s = bp_option (i);
          bp_option_set (&a->o, i, bpx_option (v, s));
          given[i] = 1;
          a->seed_given |= strcmp (s->name, "seed") == 0;
        }
      else if (same_name (name, "optimizer"))
        {
          char buf[32];
          bpx_name (v, "optimizer", 0, buf, sizeof buf, NULL);
          if (bp_optimizer_parse (buf, &a->o.opt.kind) != BP_OK)
            bpx_error ("unknown_optimizer", "optimizer must be one of %s (or "
                       "'momentum', sgd with a momentum), got '%s'",
                       bpx_name_list (bp_optimizer_name), buf);
        }
      else if (same_name (name, "schedule"))
        {
          read_schedule (v, &a->o.schedule);
          schedule_given = a->o.schedule.kind != BP_SCHED_CONSTANT;
        }
      else if (same_name (name, "validation"))
        a->validation = v;
      else if (same_name (name, "state"))
        a->state = v;
      else
        unknown_option (name);
    }
  const char *why = bp_options_conflict (&a->o, given, schedule_given);
  if (why)
    bpx_error ("invalid_option", "%s", why);
}

/* ---- starting: data */

static void
read_validation (const mxArray *v, const bp_net *net, gsl_matrix *Xv,
                 gsl_matrix *Yv)
{
  if (!mxIsCell (v) || mxGetNumberOfElements (v) != 2)
    bpx_error ("wrong_type", "validation must be a cell {Xv, Yv}, got %s",
               bpx_describe (v));
  *Xv = bpx_net_inputs (mxGetCell (v, 0), "validation{1}", net);
  *Yv = bpx_net_targets (mxGetCell (v, 1), "validation{2}", net, Xv,
                         "validation{1}");
}

static void
start (int nlhs, mxArray *plhs[], int nin, const mxArray *in[])
{
  if (nin != 4)
    bpx_error ("internal", "start takes net, X, Y, opts");
  bp_net net;
  bpx_net (in[0], &net, NULL);
  const gsl_matrix X = bpx_net_inputs (in[1], "X", &net);
  const gsl_matrix Y = bpx_net_targets (in[2], "Y", &net, &X, "X");
  start_args a = { 0 };
  read_options (in[3], &a);
  gsl_matrix Xv, Yv;
  size_t Nv = 0;
  if (a.validation && !mxIsEmpty (a.validation))
    {
      read_validation (a.validation, &net, &Xv, &Yv);
      Nv = Xv.size1;
    }
  bp_state from;
  const bp_state *resume = NULL;
  if (a.state && !mxIsEmpty (a.state))
    resume = bpx_read_state (a.state, &net, &a.o, &from);

  size_t P;
  bp_net_params (net.L, net.n, &P);
  const size_t bytes = bp_run_bytes (net.L, net.n, X.size1, &a.o);
  const double gsl = (double) bp_run_extra_bytes (P, &a.o);
  /* The run, and what finish returns: the network, the history and the
     state (moments and best weights), each copied once by Octave. */
  const double out = (double) P * (1.0 + bp_optimizer_moments (&a.o.opt)
                                   + (a.o.patience > 0))
    + (double) (a.o.epochs > a.o.max_iter ? a.o.epochs : a.o.max_iter)
      * (8.0 + (double) net.L);
  bpx_check_memory ((bytes ? (double) bytes : HUGE_VAL) + gsl
                    + BPX_RETURNED * 8.0 * out, "training");
  /* Room to start the run on a huge page (bp_pages.c): a long run of a
     small network otherwise spends its time in page faults. */
  void *block = mxMalloc (bytes + bp_pages_slack (bytes));
  bp_run *run;
  const int s = bp_run_init (bp_pages_place (block, bytes), &net, X.size1,
                             Nv, bp_target_kind (&Y), &a.o, resume, &run);
  if (s != BP_OK)
    bpx_error ("invalid_state", "state does not fit this network and "
               "optimizer");
  live *l = mxMalloc (sizeof *l);
  /* Nothing below can fail: the run now outlives this call. */
  mexMakeMemoryPersistent (block);
  mexMakeMemoryPersistent (l);
  if (!runs && last_id == 0)
    mexAtExit (release_all);
  l->id = ++last_id;
  l->block = block;
  l->run = run;
  l->Nv = Nv;
  l->next = runs;
  runs = l;
  plhs[0] = mxCreateDoubleScalar (l->id);
  if (nlhs > 1)
    plhs[1] = mxCreateLogicalScalar (stdout_is_tty () != 0);
  /* A shuffle with neither a seed nor a state to continue: bp_train.m
     draws one from Octave's generator and gives it with "seed". */
  if (nlhs > 2)
    plhs[2] = mxCreateLogicalScalar (a.o.shuffle && !a.seed_given && !resume
                                     && !bp_optimizer_full_batch (a.o.opt.kind));
}

/* ---- running a slice */

typedef struct {
  double deadline;
  int by_epoch;
  bp_progress last;
} slice;

static int
pause_here (void *ctx, const bp_progress *p)
{
  slice *s = ctx;
  s->last = *p;
  return (s->by_epoch && p->epoch_done) || bp_clock () >= s->deadline;
}

static void
run_slice (int nlhs, mxArray *plhs[], int nin, const mxArray *in[])
{
  if (nin != 7)
    bpx_error ("internal", "run takes id, X, Y, Xv, Yv, seconds, by_epoch");
  live *l = get (in[0]);
  const bp_net *net = bp_run_look (l->run).net;
  /* The arrays of "start", given again; only their shapes are checked
     again (their values were, and bp_train.m passes the same ones): a
     scan of every value would cost a slice its time. */
  const gsl_matrix X = bpx_samples_again (in[1], "X", net->n[0]);
  const gsl_matrix Y = bpx_samples_again (in[2], "Y", net->n[net->L]);
  gsl_matrix Xv, Yv;
  const int has_v = l->Nv > 0;
  if (has_v)
    {
      Xv = bpx_samples_again (in[3], "validation{1}", net->n[0]);
      Yv = bpx_samples_again (in[4], "validation{2}", net->n[net->L]);
    }
  slice s = { 0 };
  s.deadline = bp_clock () + bpx_scalar (in[5], "seconds", 0, 3600, 0);
  s.by_epoch = bpx_scalar (in[6], "by_epoch", 0, 1, 1) != 0;
  const int status = bp_run_advance (l->run, &X, &Y, has_v ? &Xv : NULL,
                                     has_v ? &Yv : NULL, pause_here, &s);
  if (status != BP_OK && status != BP_CONTINUE)
    {
      const bp_run_info info = bp_run_look (l->run);
      const size_t bad = info.bad_epoch;
      const double eta = info.state->eta, step = info.options->step;
      const int full_batch = bp_optimizer_full_batch (info.options->opt.kind);
      drop (in[0]);
      switch (status)
        {
        case BP_EDIVERGE:
          if (full_batch)
            bpx_error ("diverged", "training diverged in iteration %lu: the "
                       "loss or the weights became NaN or Inf (try a smaller "
                       "first \"step\", now %g)", (unsigned long) bad, step);
          bpx_error ("diverged", "training diverged in epoch %lu: the loss or "
                     "the weights became NaN or Inf (try a smaller eta, now "
                     "%g)", (unsigned long) bad, eta);
        case BP_ENOPROG:
          bpx_error ("no_progress", "the line search could not lower the "
                     "loss from the starting network, even along the "
                     "steepest descent (iteration %lu): try another first "
                     "\"step\" or \"line_tol\"", (unsigned long) bad);
        case BP_EBADLEN:
          bpx_error ("internal", "the data changed shape between slices");
        default:
          bpx_error ("out_of_memory", "not enough memory for the "
                     "minimiser's vectors");
        }
    }
  plhs[0] = mxCreateLogicalScalar (status == BP_OK);
  if (nlhs > 1)
    {
      const bp_progress *p = &s.last;
      const double v[8] = {
        (double) p->epoch, (double) p->epochs, (double) p->batch,
        (double) p->batches, (double) p->samples, p->loss, p->accuracy,
        (double) p->epoch_done
      };
      plhs[1] = bpx_new_row (8, v);
    }
}

/* ---- results */

static mxArray *
history (const bp_run *run)
{
  const bp_history *h = bp_run_look (run).history;
  const bp_state *st = bp_run_look (run).state;
  const bp_net *net = bp_run_look (run).net;
  const size_t E = h->epochs, L = net->L;
  const int classes = !isnan (E ? h->accuracy[0] : NAN);
  const int validation = E && !isnan (h->val_loss[0]);
  const char *names[13];
  mxArray *values[13];
  int nf = 0;
  double *epoch = mxMalloc ((E ? E : 1) * sizeof *epoch);
  for (size_t e = 0; e < E; e++)
    epoch[e] = (double) (st->epoch - E + e + 1);
#define ROW(n, p) (names[nf] = (n), values[nf++] = bpx_new_row (E, (p)))
  ROW ("epoch", epoch);
  ROW ("loss", h->loss);
  if (classes)
    ROW ("accuracy", h->accuracy);
  if (validation)
    {
      ROW ("val_loss", h->val_loss);
      if (classes)
        ROW ("val_accuracy", h->val_accuracy);
    }
  ROW ("seconds", h->seconds);
  ROW ("eta", h->eta);
  ROW ("evaluations", h->evaluations);
#undef ROW
  /* grad_rms: one row per epoch, one column per layer. */
  mxArray *g = mxCreateDoubleMatrix (E, L, mxREAL);
  for (size_t e = 0; e < E; e++)
    for (size_t i = 0; i < L; i++)
      mxGetPr (g)[i * E + e] = h->grad_rms[e * L + i];
  names[nf] = "grad_rms";
  values[nf++] = g;
  names[nf] = "best_epoch";
  values[nf++] = mxCreateDoubleScalar ((double) h->best_epoch);
  names[nf] = "stopped";
  values[nf++] = mxCreateString (h->stopped ? bp_stop_name (h->stopped)
                                            : "running");
  mxArray *s = mxCreateStructMatrix (1, 1, nf, names);
  for (int f = 0; f < nf; f++)
    mxSetFieldByNumber (s, 0, f, values[f]);
  return s;
}

/* The run's network as a struct like net0; with latest, the weights the
   run reached last (a callback's view of the epoch that just ended, even
   when early stopping then handed back an earlier epoch's). */
static mxArray *
network (const mxArray *net0, const bp_run *run, int latest)
{
  bp_net check;
  bpx_net (net0, &check, NULL);
  bp_net net = *bp_run_look (run).net;
  if (latest)
    bp_net_view (&net, mxMalloc (net.L * sizeof *net.W),
                 mxMalloc (net.L * sizeof *net.b),
                 (double *) bp_run_look (run).latest);
  return bpx_net_copy (net0, &net, 1, 0);
}

void
mexFunction (int nlhs, mxArray *plhs[], int nrhs, const mxArray *prhs[])
{
  const bpx_command c = bpx_begin_command (nlhs, nrhs, prhs, 3);
  const char *cmd = c.name;
  const int nin = c.nin;
  const mxArray **in = c.in;
  if (strcmp (cmd, "start") == 0)
    start (nlhs, plhs, nin, in);
  else if (strcmp (cmd, "run") == 0)
    run_slice (nlhs, plhs, nin, in);
  else if (strcmp (cmd, "net") == 0 && nin == 2)
    plhs[0] = network (in[1], get (in[0])->run, 1);
  else if (strcmp (cmd, "history") == 0 && nin == 1)
    plhs[0] = history (get (in[0])->run);
  else if (strcmp (cmd, "seed") == 0 && nin == 2)
    bp_run_seed (get (in[0])->run,
                 (uint64_t) bpx_scalar (in[1], "seed", 0, 4294967295.0, 1));
  else if (strcmp (cmd, "stop") == 0 && nin == 1)
    bp_run_stop (get (in[0])->run, BP_STOP_CALLBACK);
  else if (strcmp (cmd, "finish") == 0 && nin == 2)
    {
      live *l = get (in[0]);
      plhs[0] = network (in[1], l->run, 0);
      if (nlhs > 1)
        plhs[1] = history (l->run);
      if (nlhs > 2)
        plhs[2] = bpx_write_state (l->run, bp_run_look (l->run).net);
      drop (in[0]);
    }
  else if (strcmp (cmd, "free") == 0 && nin == 1)
    drop (in[0]);
  else if (strcmp (cmd, "count") == 0 && nin == 0)
    {
      size_t n = 0;
      for (const live *l = runs; l; l = l->next)
        n++;
      plhs[0] = mxCreateDoubleScalar ((double) n);
    }
  else
    bpx_error ("internal", "unknown command '%s' with %d arguments", cmd,
               nin);
}
