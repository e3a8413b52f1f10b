/* bp_run.h: training runs of the core: optimisers (bp_optimizer.c),
   learning-rate schedules (bp_schedule.c), the sample order
   (bp_shuffle.c), full-batch minimisers on GSL's multimin
   (bp_multimin.c) and the run itself (bp_train.c).

   A run lives in one block of memory from its caller, holds its own copy
   of the network as one column of parameters (bp_net_view's order), and
   advances in slices: bp_run_advance trains until the caller's pause
   callback asks it to stop for a while (after any mini-batch), then
   returns BP_CONTINUE; the next call goes on exactly where it stopped.  So
   a caller can hand control back to its interpreter every few
   milliseconds (to honour Ctrl-C, to call a per-epoch callback) and the
   result is bit for bit that of one uninterrupted run.  Between calls of
   bp_train the run's state (bp_run_look) can be saved and given back to
   a new run, which then continues as if it had never stopped. */
#ifndef BP_RUN_H
#define BP_RUN_H

#include <stdint.h>
#include "bp.h"

/* ---- optimisers (bp_optimizer.c).  g is dC/dw with the L2 term
   (lambda/m) w already added to the weights' entries, eta the current
   learning rate, t the number of updates made so far, this one included. */

typedef enum {
  BP_OPT_SGD = 0,   /* w <- w - eta g; with mu > 0: v <- mu v - eta g, w <- w + v */
  BP_OPT_NESTEROV,  /* v <- mu v - eta g, w <- w + mu v - eta g             */
  BP_OPT_RMSPROP,   /* s <- rho s + (1-rho) g^2, w <- w - eta g / (sqrt(s) + eps) */
  BP_OPT_ADAM,      /* m <- b1 m + (1-b1) g, v <- b2 v + (1-b2) g^2,
                       w <- w - eta m^ / (sqrt(v^) + eps),
                       m^ = m / (1 - b1^t), v^ = v / (1 - b2^t)           */
  BP_OPT_CG,        /* full batch: Polak-Ribiere conjugate gradient (GSL) */
  BP_OPT_BFGS,      /* full batch: GSL's vector_bfgs2                     */
  BP_N_OPTIMIZERS
} bp_optimizer_kind;

typedef struct {
  bp_optimizer_kind kind;
  double momentum;          /* mu: sgd and nesterov */
  double rho;               /* rmsprop's decay */
  double beta1, beta2;      /* adam's decays */
  double epsilon;           /* rmsprop and adam */
} bp_optimizer;

int bp_optimizer_parse (const char *name, bp_optimizer_kind *k);
const char *bp_optimizer_name (int k);

/* Moment vectors (each as long as the parameters) the optimiser keeps:
   0, 1 (velocity, or rmsprop's mean square) or 2 (adam's m and v).  Full-
   batch minimisers keep their state inside GSL (0 here). */
int bp_optimizer_moments (const bp_optimizer *o);
/* 1 for the full-batch minimisers, whose every iteration sees all samples. */
int bp_optimizer_full_batch (bp_optimizer_kind k);

/* One update of n parameters w from their gradient g (m1, m2: the
   moments, as bp_optimizer_moments says).  Returns the sum of g^2, for
   the history's gradient sizes. */
double bp_optimizer_update (const bp_optimizer *o, double eta, uint64_t t,
                            size_t n, double *w, const double *g, double *m1,
                            double *m2);

/* Plain gradient descent on layer i of net with the gradient folded into
   the product: w <- w - eta dC/dw for dC/dw = (1/m) a^T delta +
   (lambda/m) w, computed as W <- (1 - eta lambda/m) W - (eta/m) a^T delta
   and b <- b - (eta/m) sum delta, so that no gradient array is written
   and read back (In: a^(l-1), m-by-n[i]; D: delta^(l)). */
int bp_sgd_layer (bp_net *net, size_t i, const gsl_matrix *In,
                  const gsl_matrix *D, double eta, double lambda);

/* Plain gradient descent, out = w - eta g (out may be w), for bp_sgd_step
   and the sgd optimiser; returns the sum of g^2. */
double bp_sgd_update (size_t n, const double *w, const double *g, double eta,
                      double *out);

/* ---- learning-rate schedules (bp_schedule.c), applied between epochs */

typedef enum {
  BP_SCHED_CONSTANT = 0,
  BP_SCHED_STEP,            /* eta0 factor^floor((e-1)/every)        */
  BP_SCHED_EXPONENTIAL,     /* eta0 gamma^(e-1)                       */
  BP_SCHED_PLATEAU,         /* eta * factor after patience epochs
                               without improvement, stop below min_eta */
  BP_N_SCHEDULES
} bp_schedule_kind;

typedef struct {
  bp_schedule_kind kind;
  double every, factor, gamma, patience, min_eta;
} bp_schedule;

int bp_schedule_parse (const char *name, bp_schedule_kind *k);
const char *bp_schedule_name (int k);
/* The number of parameters after the schedule's name in
   {name, p1, p2, ...}, and the name of parameter j (0-based). */
size_t bp_schedule_arity (bp_schedule_kind k);
const char *bp_schedule_param (bp_schedule_kind k, size_t j);
/* Check a schedule's parameters: BP_OK, or BP_EINVAL with *bad the index
   of the first one out of its range (described by bp_schedule_range). */
int bp_schedule_check (const bp_schedule *s, size_t *bad);
const char *bp_schedule_range (bp_schedule_kind k, size_t j);

struct bp_state_s;
/* The rate of epoch e (1-based, counted over every call of bp_train) for
   initial rate eta0; current is the plateau schedule's own rate. */
double bp_schedule_rate (const bp_schedule *s, double eta0, size_t e,
                         double current);
/* After an epoch whose monitored loss was `monitored`: the plateau
   schedule's bookkeeping.  Returns 1 when the run must stop because the
   rate would fall below min_eta. */
int bp_schedule_after_epoch (const bp_schedule *s, double monitored,
                             double min_delta, struct bp_state_s *st);

/* ---- why a run ended */

typedef enum {
  BP_STOP_NONE = 0,         /* still running */
  BP_STOP_EPOCHS,           /* every epoch (iteration) asked for was run */
  BP_STOP_PATIENCE,         /* no improvement for "patience" epochs */
  BP_STOP_CALLBACK,         /* the caller's callback asked to stop */
  BP_STOP_MIN_ETA,          /* the plateau schedule went below min_eta */
  BP_STOP_GRADIENT,         /* full batch: gradient norm below tolerance */
  BP_STOP_NO_PROGRESS,      /* full batch: the line search could not lower
                               the loss, even from the steepest descent */
  BP_N_STOPS
} bp_stop;
const char *bp_stop_name (int s);

/* ---- options of a run.  Every bound is checked by bp_options_check (one
   place), which the gateway reports from. */

typedef struct bp_train_options_s {
  size_t epochs;            /* epochs of the mini-batch optimisers */
  size_t max_iter;          /* iterations of the full-batch ones */
  size_t batch;             /* mini-batch size (>= N: full batch) */
  double eta, lambda;
  bp_optimizer opt;
  bp_schedule schedule;
  size_t patience;          /* early stopping after this many epochs
                               without improvement; 0: none */
  double min_delta;         /* smallest decrease that counts */
  int shuffle;
  uint64_t seed;            /* the shuffle's generator */
  double tol;               /* full batch: stop when |grad| < tol */
  double step, line_tol;    /* full batch: GSL's first step and line-search
                               tolerance */
} bp_train_options;

/* The table of scalar options: name, bounds (included unless open),
   whether a whole number, default.  The gateway checks values against it; the
   help of bp_train documents it. */
typedef struct bp_option_spec_s {
  const char *name;
  double lo, hi;
  int whole;
  double fallback;
  int open_lo, open_hi;     /* the bound itself is excluded */
} bp_option_spec;
size_t bp_option_count (void);
const bp_option_spec *bp_option (size_t i);
/* Store value v of option i into o (v already checked against the spec). */
void bp_option_set (bp_train_options *o, size_t i, double v);
/* Defaults of every option. */
void bp_options_default (bp_train_options *o);
/* NULL when the options fit together, else a sentence saying what does
   not: an option the optimiser does not use (given[i] set for the
   table's options given by the caller; schedule_given for a schedule),
   or a value another option rules out. */
const char *bp_options_conflict (const bp_train_options *o, const int *given,
                                 int schedule_given);

/* ---- the state that carries over from one call of bp_train to the next */

typedef struct bp_state_s {
  size_t epoch;             /* epochs (iterations) done, all calls */
  uint64_t step;            /* updates made, all calls (adam's t) */
  uint64_t rng;             /* shuffle generator for the next epoch */
  double eta;               /* the schedule's current rate */
  double plateau_best;      /* plateau: best monitored loss, and */
  size_t plateau_wait;      /*   epochs since it improved */
  double best_loss;         /* early stopping: best monitored loss, */
  size_t best_epoch;        /*   its epoch (0: none yet), */
  size_t wait;              /*   epochs since */
  int moments;              /* how many of m1, m2 hold values */
  int has_best;             /* best holds the best epoch's parameters */
  int has_last;             /* last holds the last epoch's parameters:
                               early stopping returned the best ones, and
                               a resumed run goes on from these */
  double *m1, *m2, *best, *last; /* in the run's block: params values each */
} bp_state;

/* ---- the run */

/* What the pause callback sees after every mini-batch (or iteration). */
typedef struct {
  size_t epoch, epochs;     /* 1-based current epoch of this run, total */
  size_t batch, batches;    /* 1-based mini-batch within the epoch, total */
  size_t samples;           /* samples processed in this run so far */
  double loss;              /* mean of this epoch's batch losses so far */
  double accuracy;          /* fraction correct so far this epoch, or -1 */
  int epoch_done;           /* 1 on the last batch of an epoch */
} bp_progress;

/* Per-epoch results, in the run's block; the first `epochs` entries are
   filled.  evaluations counts the gradients of the loss over every
   training sample computed so far in this run (an epoch of mini-batches
   is one; a full-batch iteration as many as its line search needed).
   grad_rms is epochs-by-L, epoch-major: the root mean square of
   the entries of dC/dW^(l) on the epoch's last mini-batch (full batch:
   at the iteration's point). */
typedef struct {
  size_t epochs;            /* entries filled */
  double *loss, *accuracy, *val_loss, *val_accuracy, *seconds, *eta,
         *evaluations, *grad_rms;
  size_t best_epoch;        /* 0 when no early stopping */
  bp_stop stopped;
} bp_history;

typedef struct bp_run bp_run;

/* Bytes of a run for a network of widths n[0..L], N training samples,
   the options o (0: the size overflows). */
size_t bp_run_bytes (size_t L, const size_t *n, size_t N,
                     const bp_train_options *o);

/* Memory a run allocates besides its block (GSL's minimiser, for the
   full-batch optimisers; 0 for the others). */
size_t bp_run_extra_bytes (size_t P, const bp_train_options *o);

/* Lay out a run in mem (bp_run_bytes of it, aligned for double), copy
   net's parameters into it, and start from state (NULL: a fresh start).
   N samples, Nv validation samples (0: none), targets of kind t.
   BP_EINVAL when the options or the state do not fit (a state's moments
   must match the optimiser). */
int bp_run_init (void *mem, const bp_net *net, size_t N, size_t Nv,
                 bp_targets t, const bp_train_options *o,
                 const bp_state *state, bp_run **run);

/* Seed the shuffle of a run that has not started yet. */
void bp_run_seed (bp_run *r, uint64_t seed);

/* Train on X, Y (rows are samples; the same arrays on every call) with
   validation data Xv, Yv (NULL: none).  After every mini-batch, pause
   (may be NULL) sees the progress; a nonzero return makes the run stop
   there and return BP_CONTINUE, to be called again.  Returns BP_OK when
   the run has ended (its history's stopped says why), BP_EDIVERGE
   (bp_run_look's bad_epoch names the epoch), BP_ENOPROG (a full-batch line
   search could not improve on the starting point), BP_EBADLEN (data of the wrong shape), or
   BP_ENOMEM (GSL's minimiser could not allocate). */
int bp_run_advance (bp_run *r, const gsl_matrix *X, const gsl_matrix *Y,
                    const gsl_matrix *Xv, const gsl_matrix *Yv,
                    int (*pause) (void *ctx, const bp_progress *p),
                    void *ctx);

/* End the run now, as if its last epoch had been the final one (the
   caller's callback asked to stop): the best weights are restored when
   early stopping is on. */
void bp_run_stop (bp_run *r, bp_stop why);

/* What a run shows its caller. */
typedef struct {
  const bp_net *net;        /* its network: the parameters change as it
                               trains */
  const double *latest;     /* the parameters it reached last (bp_net_view's
                               order): net's, except after early stopping
                               restored the best epoch's, when these are
                               the last epoch's */
  const bp_history *history;
  const bp_state *state;    /* to continue from */
  const bp_train_options *options;
  size_t params;            /* number of parameters */
  size_t bad_epoch;         /* after BP_EDIVERGE or BP_ENOPROG */
} bp_run_info;
bp_run_info bp_run_look (const bp_run *r);

/* Release what GSL allocated for a full-batch minimiser (nothing for the
   others); the block itself is the caller's. */
void bp_run_release (bp_run *r);

/* ---- the shuffle (bp_shuffle.c): SplitMix64, a generator whose whole
   state is one 64-bit integer, and Fisher-Yates from the identity, so an
   epoch's order is a function of the state at its start. */
uint64_t bp_random_next (uint64_t *state);
void bp_shuffle (size_t *perm, size_t N, uint64_t *state);

#endif /* BP_RUN_H */
