/* bp_train.c: a training run: every epoch and mini-batch in C, in one
   block of memory laid out before the run starts (no allocation per
   step), resumable after any mini-batch and between calls. */
#include <math.h>
#include <string.h>
#include "bp_system.h"
#include "bp_run_private.h"
#include "bp_names.h"

static const bp_name stop_names[] = {
  { "running", BP_STOP_NONE }, { "epochs", BP_STOP_EPOCHS },
  { "patience", BP_STOP_PATIENCE }, { "callback", BP_STOP_CALLBACK },
  { "min_eta", BP_STOP_MIN_ETA }, { "gradient", BP_STOP_GRADIENT },
  { "no_progress", BP_STOP_NO_PROGRESS }
};

BP_NAME_OF (bp_stop, stop_names)

/* ---- the block */

typedef struct {
  size_t run, n, g, W, b, TW, Tb, theta, grad, GW, Gb, views, ws, perm, Xb, Yb,
         m1, m2, best, last, gsq, hist;
} offsets;

size_t
bp_run_epochs (const bp_train_options *o)
{
  return bp_optimizer_full_batch (o->opt.kind) ? o->max_iter : o->epochs;
}

/* The rows of a batch: all N for the full-batch minimisers (evaluated in
   chunks of up to 1024 rows, to bound the scratch). */
static size_t
batch_rows (size_t N, const bp_train_options *o)
{
  const size_t B = bp_optimizer_full_batch (o->opt.kind) ? 1024 : o->batch;
  return B < N ? B : N;
}

static int
plan (size_t L, const size_t *n, size_t N, const bp_train_options *o,
      offsets *at, bp_layout *p)
{
  size_t P;
  const size_t B = batch_rows (N, o), E = bp_run_epochs (o);
  bp_optimizer opt = o->opt;
  if (L == 0 || N == 0 || bp_net_params (L, n, &P))
    return BP_ENOMEM;
  at->run = bp_layout_add (p, 1, sizeof (bp_run));
  at->n = bp_layout_add (p, L + 1, sizeof (size_t));
  at->g = bp_layout_add (p, L, sizeof (bp_activation));
  at->W = bp_layout_add (p, L, sizeof (gsl_matrix));
  at->b = bp_layout_add (p, L, sizeof (gsl_vector));
  at->TW = bp_layout_add (p, L, sizeof (gsl_matrix));
  at->Tb = bp_layout_add (p, L, sizeof (gsl_vector));
  at->theta = bp_layout_add (p, P, sizeof (double));
  at->grad = bp_layout_add (p, P, sizeof (double));
  at->GW = bp_layout_add (p, L, sizeof (gsl_matrix));
  at->Gb = bp_layout_add (p, L, sizeof (gsl_vector));
  at->views = bp_layout_add (p, 3 * L, sizeof (gsl_matrix));
  at->ws = p->bytes;
  size_t ws_at[4];
  bp_workspace_plan (p, L, n, B, BP_WS_Z | BP_WS_A | BP_WS_DELTA, ws_at);
  size_t rows_x = 0, rows_y = 0;
  const int shuffle = o->shuffle && !bp_optimizer_full_batch (opt.kind);
  if (shuffle && (bp_size_mul (B, n[0], &rows_x)
                  || bp_size_mul (B, n[L], &rows_y)))
    return BP_ENOMEM;
  at->perm = bp_layout_add (p, shuffle ? N : 0, sizeof (size_t));
  at->Xb = bp_layout_add (p, rows_x, sizeof (double));
  at->Yb = bp_layout_add (p, rows_y, sizeof (double));
  const int moments = bp_optimizer_moments (&opt);
  at->m1 = bp_layout_add (p, moments >= 1 ? P : 0, sizeof (double));
  at->m2 = bp_layout_add (p, moments >= 2 ? P : 0, sizeof (double));
  at->best = bp_layout_add (p, o->patience ? P : 0, sizeof (double));
  at->last = bp_layout_add (p, o->patience ? P : 0, sizeof (double));
  at->gsq = bp_layout_add (p, L, sizeof (double));
  /* History: loss, accuracy, val_loss, val_accuracy, seconds, eta,
     evaluations, and grad_rms (L per epoch). */
  size_t cells;
  if (bp_size_mul (E, 7 + L, &cells))
    return BP_ENOMEM;
  at->hist = bp_layout_add (p, cells, sizeof (double));
  return p->overflow ? BP_ENOMEM : BP_OK;
}

size_t
bp_run_bytes (size_t L, const size_t *n, size_t N, const bp_train_options *o)
{
  bp_layout p = { 0, 0 };
  offsets at;
  return plan (L, n, N, o, &at, &p) == BP_OK ? p.bytes : 0;
}

size_t
bp_run_extra_bytes (size_t P, const bp_train_options *o)
{
  return bp_optimizer_full_batch (o->opt.kind) ? bp_multimin_bytes (P) : 0;
}

/* ---- starting */

static void
start_history (bp_run *r, double *cells)
{
  const size_t E = bp_run_epochs (&r->o);
  bp_history *h = &r->h;
  h->epochs = 0;
  h->loss = cells;
  h->accuracy = cells + E;
  h->val_loss = cells + 2 * E;
  h->val_accuracy = cells + 3 * E;
  h->seconds = cells + 4 * E;
  h->eta = cells + 5 * E;
  h->evaluations = cells + 6 * E;
  h->grad_rms = cells + 7 * E;
  h->best_epoch = 0;
  h->stopped = BP_STOP_NONE;
}

/* A fresh state, or the caller's (which must fit the optimiser). */
static int
start_state (bp_run *r, const bp_state *from, double *m1, double *m2,
             double *best, double *last)
{
  bp_state *st = &r->st;
  const int moments = bp_optimizer_moments (&r->o.opt);
  const size_t P = r->P;
  *st = (bp_state) { 0 };
  st->rng = r->o.seed;
  st->eta = r->o.eta;
  st->plateau_best = HUGE_VAL;
  st->best_loss = HUGE_VAL;
  if (from)
    {
      if (from->moments != moments
          || (r->o.patience && from->best_epoch && !from->has_best))
        return BP_EINVAL;
      st->epoch = from->epoch;
      st->step = from->step;
      st->rng = from->rng;
      st->eta = from->eta;
      st->plateau_best = from->plateau_best;
      st->plateau_wait = from->plateau_wait;
      if (r->o.patience)
        {
          st->best_loss = from->best_loss;
          st->best_epoch = from->best_epoch;
          st->wait = from->wait;
        }
    }
  st->moments = moments;
  st->m1 = m1;
  st->m2 = m2;
  st->best = best;
  st->last = last;
  /* Early stopping handed back the best epoch's weights; the run itself
     had gone on from the last epoch's, and so goes on now. */
  if (from && from->has_last)
    memcpy (r->theta, from->last, P * sizeof (double));
  if (m1)
    {
      if (from)
        memcpy (m1, from->m1, P * sizeof (double));
      else
        memset (m1, 0, P * sizeof (double));   /* velocities start at 0 */
    }
  if (m2)
    {
      if (from)
        memcpy (m2, from->m2, P * sizeof (double));
      else
        memset (m2, 0, P * sizeof (double));
    }
  if (best && from && from->has_best && st->best_epoch)
    {
      memcpy (best, from->best, P * sizeof (double));
      st->has_best = 1;
    }
  return BP_OK;
}

int
bp_run_init (void *mem, const bp_net *net, size_t N, size_t Nv,
             bp_targets t, const bp_train_options *o, const bp_state *state,
             bp_run **run)
{
  const size_t L = net->L;
  bp_layout p = { 0, 0 };
  offsets at;
  int s = plan (L, net->n, N, o, &at, &p);
  if (s != BP_OK)
    return s;
  if (o->batch == 0 || bp_run_epochs (o) == 0)
    return BP_EINVAL;
  char *block = mem;
  bp_run *r = (bp_run *) (block + at.run);
  memset (r, 0, sizeof *r);
  r->o = *o;
  r->targets = t;
  r->N = N;
  r->Nv = Nv;
  r->B = batch_rows (N, o);
  r->batches = (N + r->B - 1) / r->B;
  bp_net_params (L, net->n, &r->P);

  /* The network: widths, activations and parameters of its own. */
  size_t *n = (size_t *) (block + at.n);
  bp_activation *g = (bp_activation *) (block + at.g);
  memcpy (n, net->n, (L + 1) * sizeof *n);
  memcpy (g, net->g, L * sizeof *g);
  r->net.L = L;
  r->net.n = n;
  r->net.g = g;
  r->net.loss = net->loss;
  r->theta = (double *) (block + at.theta);
  bp_net_view (&r->net, (gsl_matrix *) (block + at.W),
               (gsl_vector *) (block + at.b), r->theta);
  bp_net_copy_params (net, &r->net);
  r->grad = (double *) (block + at.grad);
  bp_net gnet = r->net;
  bp_net_view (&gnet, (gsl_matrix *) (block + at.GW),
               (gsl_vector *) (block + at.Gb), r->grad);
  r->GW = gnet.W;
  r->Gb = gnet.b;
  r->TW = (gsl_matrix *) (block + at.TW);
  r->Tb = (gsl_vector *) (block + at.Tb);

  r->views = (gsl_matrix *) (block + at.views);
  bp_workspace_init (&r->ws, L, n, r->B, BP_WS_Z | BP_WS_A | BP_WS_DELTA,
                     block, at.ws);
  if (o->shuffle && !bp_optimizer_full_batch (o->opt.kind))
    {
      r->perm = (size_t *) (block + at.perm);
      r->Xb = (double *) (block + at.Xb);
      r->Yb = (double *) (block + at.Yb);
    }
  r->gsq = (double *) (block + at.gsq);
  const int moments = bp_optimizer_moments (&o->opt);
  s = start_state (r, state, moments >= 1 ? (double *) (block + at.m1) : NULL,
                   moments >= 2 ? (double *) (block + at.m2) : NULL,
                   o->patience ? (double *) (block + at.best) : NULL,
                   o->patience ? (double *) (block + at.last) : NULL);
  if (s != BP_OK)
    return s;
  start_history (r, (double *) (block + at.hist));
  *run = r;
  return BP_OK;
}

/* ---- one mini-batch */

/* Point the 3L views at the first m rows of the workspace. */
void
bp_run_views (bp_run *r, size_t m)
{
  const size_t L = r->net.L;
  if (r->views_m == m)
    return;                 /* already there: most batches have one size */
  r->views_m = m;
  for (size_t i = 0; i < L; i++)
    {
      r->views[i] = bp_rows (&r->ws.Z[i], m);
      r->views[L + i] = bp_rows (&r->ws.A[i], m);
      r->views[2 * L + i] = bp_rows (&r->ws.Delta[i], m);
    }
}

/* Copy rows idx[0..m) of S into the contiguous buffer D (m-by-S->size2). */
static gsl_matrix
gather_rows (const gsl_matrix *S, const size_t *idx, size_t m, double *D)
{
  const size_t n = S->size2;
  for (size_t r = 0; r < m; r++)
    memcpy (D + r * n, S->data + idx[r] * S->tda, n * sizeof (double));
  return gsl_matrix_view_array (D, m, n).matrix;
}

/* One step of the optimiser on the batch X, Y: forward, output error,
   backward, and for each layer the update w <- w - eta dC/dw (in the
   optimiser's form).  *C receives the batch's loss with the L2 term, as
   bp_gradient gives it.  With measure set, the sum of the squares of
   each layer's dC/dW goes to r->gsq (the history's gradient sizes). */
static int
train_step (bp_run *r, const gsl_matrix *X, const gsl_matrix *Y, double eta,
            int measure, double *C)
{
  bp_net *net = &r->net;
  const size_t L = net->L, m = X->size1;
  gsl_matrix *Z = r->views, *A = r->views + L, *D = r->views + 2 * L;
  bp_run_views (r, m);
  int s = bp_forward (net, X, Z, A);
  if (s == BP_OK)
    s = bp_backward (net, Y, Z, A, D, C);
  if (s != BP_OK)
    return s;
  *C += bp_decay_cost (net, r->o.lambda, m);
  if (!isfinite (*C))
    return BP_EDIVERGE;
  r->st.step++;
  /* Plain SGD folds the gradient into the update's product unless the
     gradient itself is wanted: a pass over the weights saved. */
  const int folded = r->o.opt.kind == BP_OPT_SGD && r->o.opt.momentum == 0.0
                     && !measure;
  double *w = r->theta, *g = r->grad;
  double *m1 = r->st.m1, *m2 = r->st.m2;
  for (size_t i = 0; i < L; i++)
    {
      /* Every layer's delta was computed with the old weights before any
         of them changes. */
      const gsl_matrix *In = i == 0 ? X : &A[i - 1];
      if (folded)
        {
          s = bp_sgd_layer (net, i, In, &D[i], eta, r->o.lambda);
          if (s != BP_OK)
            return s;
          continue;
        }
      /* dC/dw^(l) of this layer, then its update while it is still in
         the cache. */
      s = bp_layer_gradient (net, i, In, &D[i], r->o.lambda, &r->GW[i],
                             &r->Gb[i]);
      if (s != BP_OK)
        return s;
      const size_t at = bp_net_offset (net, i);
      const size_t nw = net->n[i] * net->n[i + 1], nb = net->n[i + 1];
      double *mw1 = m1 ? m1 + at : NULL, *mw2 = m2 ? m2 + at : NULL;
      const double sq = bp_optimizer_update (&r->o.opt, eta, r->st.step, nw,
                                             w + at, g + at, mw1, mw2);
      bp_optimizer_update (&r->o.opt, eta, r->st.step, nb, w + at + nw,
                           g + at + nw, mw1 ? mw1 + nw : NULL,
                           mw2 ? mw2 + nw : NULL);
      if (measure)
        r->gsq[i] = sq;
    }
  return BP_OK;
}

/* Mean loss and accuracy on data X, Y, B rows at a time through the
   training workspace. */
void
bp_run_evaluate (bp_run *r, const gsl_matrix *X, const gsl_matrix *Y, double *loss,
          double *acc)
{
  const size_t N = X->size1, L = r->net.L, B = r->B;
  gsl_matrix *Z = r->views, *A = r->views + L, *D = r->views + 2 * L;
  double s = 0.0;
  size_t correct = 0;
  for (size_t r0 = 0; r0 < N; r0 += B)
    {
      const size_t m = N - r0 < B ? N - r0 : B;
      gsl_matrix x = gsl_matrix_const_submatrix (X, r0, 0, m, X->size2).matrix;
      gsl_matrix y = gsl_matrix_const_submatrix (Y, r0, 0, m, Y->size2).matrix;
      double C;
      bp_run_views (r, m);
      bp_forward_loss (&r->net, &x, &y, Z, A, &D[L - 1], &C);
      s += (double) m * C;
      if (r->targets != BP_NO_CLASSES)
        correct += bp_count_correct (&A[L - 1], &y);
    }
  *loss = s / (double) N;
  *acc = (double) correct / (double) N;
}

/* ---- the end of an epoch (or of a full-batch iteration) */

/* End the run: the best epoch's weights when early stopping is on. */
void
bp_run_finish (bp_run *r, bp_stop why)
{
  /* The weights now are the best ones only at the end of the best epoch
     (not some batches into the next). */
  if (r->o.patience && r->st.has_best
      && (r->st.best_epoch != r->st.epoch || r->k != 0))
    {
      memcpy (r->st.last, r->theta, r->P * sizeof (double));
      r->st.has_last = 1;
      memcpy (r->theta, r->st.best, r->P * sizeof (double));
    }
  r->h.best_epoch = r->o.patience ? r->st.best_epoch : 0;
  r->h.stopped = why;
}

/* Record epoch e's history from the sums of its batches, evaluate the
   validation data, and apply early stopping and the schedule.  Returns
   BP_OK, or BP_EDIVERGE when a weight is no longer finite. */
int
bp_run_end_epoch (bp_run *r, const gsl_matrix *Xv, const gsl_matrix *Yv,
           double loss, size_t correct, size_t seen)
{
  const size_t e = r->e, L = r->net.L;
  bp_history *h = &r->h;
  /* A weight can overflow while the loss stays finite (a saturated output
     then matches its target), so look at the weights after every epoch;
     the scan costs far less than the epoch. */
  if (!bp_net_finite (&r->net))
    {
      r->bad_epoch = e + 1;
      return BP_EDIVERGE;
    }
  h->loss[e] = loss;
  h->accuracy[e] = r->targets != BP_NO_CLASSES && seen
                   ? (double) correct / (double) seen : NAN;
  h->val_loss[e] = h->val_accuracy[e] = NAN;
  if (Xv)
    bp_run_evaluate (r, Xv, Yv, &h->val_loss[e], &h->val_accuracy[e]);
  h->eta[e] = r->st.eta;
  h->evaluations[e] = (double) r->evaluations;
  for (size_t i = 0; i < L; i++)
    h->grad_rms[e * L + i]
      = sqrt (r->gsq[i] / (double) (r->net.n[i] * r->net.n[i + 1]));
  h->seconds[e] = bp_clock () - r->t_epoch;
  h->epochs = ++r->e;
  r->st.epoch++;

  /* What early stopping and the plateau schedule watch: the validation
     loss, or the training loss without validation data. */
  const double watched = Xv ? h->val_loss[e] : loss;
  bp_stop stop = BP_STOP_NONE;
  if (r->o.patience)
    {
      if (!r->st.best_epoch || watched < r->st.best_loss - r->o.min_delta)
        {
          r->st.best_loss = watched;
          r->st.best_epoch = r->st.epoch;
          r->st.wait = 0;
          memcpy (r->st.best, r->theta, r->P * sizeof (double));
          r->st.has_best = 1;
        }
      else if (++r->st.wait >= r->o.patience)
        stop = BP_STOP_PATIENCE;
    }
  if (!stop && bp_schedule_after_epoch (&r->o.schedule, watched,
                                        r->o.min_delta, &r->st))
    stop = BP_STOP_MIN_ETA;
  if (!stop && r->e == bp_run_epochs (&r->o))
    stop = BP_STOP_EPOCHS;
  if (stop)
    bp_run_finish (r, stop);
  return BP_OK;
}

/* ---- the run */

static void
start_epoch (bp_run *r)
{
  r->t_epoch = bp_clock ();
  r->loss_sum = 0.0;
  r->correct = r->seen = 0;
  if (r->perm)
    bp_shuffle (r->perm, r->N, &r->st.rng);
  r->st.eta = bp_schedule_rate (&r->o.schedule, r->o.eta, r->st.epoch + 1,
                                r->st.eta);
}

static int
advance_minibatch (bp_run *r, const gsl_matrix *X, const gsl_matrix *Y,
                   const gsl_matrix *Xv, const gsl_matrix *Yv,
                   int (*pause) (void *, const bp_progress *), void *ctx)
{
  bp_progress p = { 0 };
  p.epochs = bp_run_epochs (&r->o);
  p.batches = r->batches;
  const size_t L = r->net.L, N = r->N, B = r->B;
  while (r->h.stopped == BP_STOP_NONE)
    {
      if (r->k == 0)
        start_epoch (r);
      const size_t r0 = r->k * B, m = N - r0 < B ? N - r0 : B;
      gsl_matrix x, y;
      if (r->perm)
        {
          x = gather_rows (X, r->perm + r0, m, r->Xb);
          y = gather_rows (Y, r->perm + r0, m, r->Yb);
        }
      else
        {
          x = gsl_matrix_const_submatrix (X, r0, 0, m, X->size2).matrix;
          y = gsl_matrix_const_submatrix (Y, r0, 0, m, Y->size2).matrix;
        }
      double C;
      /* The gradient sizes of the history are those of the epoch's last
         mini-batch. */
      const int s = train_step (r, &x, &y, r->st.eta,
                                r->k + 1 == r->batches, &C);
      if (s == BP_EDIVERGE)
        {
          /* This loss comes from the weights of the previous step: on an
             epoch's first batch, that step ended the epoch before. */
          r->bad_epoch = (r->k == 0 && r->e > 0) ? r->e : r->e + 1;
          return s;
        }
      if (s != BP_OK)
        return s;
      r->loss_sum += C;
      if (r->targets != BP_NO_CLASSES)
        r->correct += bp_count_correct (&r->views[2 * L - 1], &y);
      r->seen += m;
      r->samples += m;
      r->k++;
      if (r->k == r->batches)
        r->evaluations++;     /* an epoch: every sample's gradient once */
      p.epoch = r->e + 1;
      p.batch = r->k;
      p.samples = r->samples;
      p.loss = r->loss_sum / (double) r->k;
      p.accuracy = r->targets != BP_NO_CLASSES
                   ? (double) r->correct / (double) r->seen : -1.0;
      p.epoch_done = r->k == r->batches;
      if (p.epoch_done)
        {
          r->k = 0;
          const int e = bp_run_end_epoch (r, Xv, Yv, p.loss, r->correct, r->seen);
          if (e != BP_OK)
            return e;
        }
      /* The pause callback sees every batch, the last one too (whose
         answer no longer matters). */
      if (pause && pause (ctx, &p) && r->h.stopped == BP_STOP_NONE)
        return BP_CONTINUE;
    }
  return BP_OK;
}

int
bp_run_advance (bp_run *r, const gsl_matrix *X, const gsl_matrix *Y,
                const gsl_matrix *Xv, const gsl_matrix *Yv,
                int (*pause) (void *ctx, const bp_progress *p), void *ctx)
{
  const bp_net *net = &r->net;
  if (X->size1 != r->N || Y->size1 != r->N || X->size2 != net->n[0]
      || Y->size2 != net->n[net->L]
      || (Xv && (!Yv || Xv->size1 != Yv->size1 || Xv->size2 != net->n[0]
                 || Yv->size2 != net->n[net->L])))
    return BP_EBADLEN;
  if (r->h.stopped != BP_STOP_NONE)
    return BP_OK;
  if (bp_optimizer_full_batch (r->o.opt.kind))
    return bp_multimin_advance (r, X, Y, Xv, Yv, pause, ctx);
  return advance_minibatch (r, X, Y, Xv, Yv, pause, ctx);
}

void
bp_run_seed (bp_run *r, uint64_t seed)
{
  if (r->e == 0 && r->k == 0)
    r->st.rng = seed;
}

void
bp_run_stop (bp_run *r, bp_stop why)
{
  if (r->h.stopped == BP_STOP_NONE)
    bp_run_finish (r, why);
}

bp_run_info
bp_run_look (const bp_run *r)
{
  const bp_run_info info = {
    &r->net, r->st.has_last ? r->st.last : r->theta, &r->h, &r->st, &r->o,
    r->P, r->bad_epoch
  };
  return info;
}

void
bp_run_release (bp_run *r)
{
  if (r && r->mm)
    {
      bp_multimin_free (r->mm);
      r->mm = NULL;
    }
}
