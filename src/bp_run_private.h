/* bp_run_private.h: the inside of a training run, shared by the files
   that advance one (bp_train.c: mini-batches; bp_multimin.c: full-batch
   minimisers).  Nothing outside the core includes it. */
#ifndef BP_RUN_PRIVATE_H
#define BP_RUN_PRIVATE_H

#include "bp_run.h"

typedef struct bp_multimin bp_multimin;

struct bp_run {
  bp_net net;               /* views into theta */
  size_t P;                 /* parameters */
  bp_train_options o;
  bp_targets targets;
  size_t N, Nv, B, batches;
  bp_state st;
  bp_history h;

  double *theta;            /* the parameters, bp_net_view's order */
  double *grad;             /* dC/dw of a batch, the same order */
  gsl_matrix *GW;           /* views of grad, one per layer */
  gsl_vector *Gb;
  bp_workspace ws;          /* z, a, delta for B rows */
  gsl_matrix *views;        /* 3L: the first m rows of ws (Z, A, Delta) */
  size_t views_m;           /* the m they show now (0: not set) */
  size_t *perm;             /* this epoch's order, when shuffling */
  double *Xb, *Yb;          /* the gathered batch, when shuffling */
  double *gsq;              /* per layer: sum of (dC/dW)^2 on the epoch's
                               last mini-batch */

  /* Where the run stands, so that the next call goes on from there. */
  size_t e;                 /* epochs finished in this run */
  size_t k;                 /* batches finished in the current epoch */
  size_t samples;
  double loss_sum, t_epoch;
  size_t correct, seen;
  size_t evaluations;       /* full-data gradients so far in this run */
  size_t bad_epoch;
  bp_multimin *mm;          /* full batch: GSL's minimiser, or NULL */
  gsl_matrix *TW;           /* headers for a view of a trial point */
  gsl_vector *Tb;
};

/* Epochs (full batch: iterations) the options ask for. */
size_t bp_run_epochs (const bp_train_options *o);

/* Point the 3L views at the first m rows of the workspace. */
void bp_run_views (bp_run *r, size_t m);

/* Mean data loss and fraction correct on X, Y, through the workspace. */
void bp_run_evaluate (bp_run *r, const gsl_matrix *X, const gsl_matrix *Y,
                      double *loss, double *acc);

/* Record the epoch that just ended (its mean loss and the correct count
   of its seen samples), evaluate the validation data, apply early
   stopping and the schedule; BP_EDIVERGE when a weight is not finite. */
int bp_run_end_epoch (bp_run *r, const gsl_matrix *Xv, const gsl_matrix *Yv,
                      double loss, size_t correct, size_t seen);

/* End the run (restoring the best weights under early stopping). */
void bp_run_finish (bp_run *r, bp_stop why);

/* ---- full-batch minimisers (bp_multimin.c) */

/* Bytes GSL's minimiser allocates for P parameters (an upper bound). */
size_t bp_multimin_bytes (size_t P);
int bp_multimin_advance (bp_run *r, const gsl_matrix *X, const gsl_matrix *Y,
                         const gsl_matrix *Xv, const gsl_matrix *Yv,
                         int (*pause) (void *, const bp_progress *),
                         void *ctx);
void bp_multimin_free (bp_multimin *mm);

#endif /* BP_RUN_PRIVATE_H */
