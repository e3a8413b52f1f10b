/* bp_train.c: a whole run of mini-batch SGD (with optional momentum and L2
   weight decay) in C, every epoch and batch, with no allocation per step. */
#define _POSIX_C_SOURCE 199309L
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <stdint.h>
#include <gsl/gsl_blas.h>
#include "bp.h"

static double
now (void)
{
  struct timespec t;
  clock_gettime (CLOCK_MONOTONIC, &t);
  return (double) t.tv_sec + 1e-9 * (double) t.tv_nsec;
}

/* Everything a run needs besides the network and the data, carved from
   one block: one allocation, one release, and a caller-supplied allocator
   can reclaim all of it if the caller unwinds the stack. */
typedef struct {
  void *block;
  bp_workspace ws;          /* z, a, delta for a batch */
  gsl_matrix *views;        /* 3L per-batch row views: Z, A, Delta */
  size_t *perm;             /* sample order when shuffling */
  double *Xb, *Yb;          /* gathered batch when shuffling */
  double *vel;              /* momentum velocities, weights then biases */
  gsl_matrix *VW;           /* views into vel, one per layer */
  gsl_vector *Vb;
  uint64_t rng;             /* the shuffle's generator state */
} run_memory;

/* Room for count items of elem bytes at the end of a block being planned,
   16-byte aligned; returns the offset, or clears *ok on overflow. */
static size_t
reserve (size_t *total, size_t count, size_t elem, int *ok)
{
  size_t bytes;
  if (bp_size_mul (count, elem, &bytes) || bytes > SIZE_MAX - 16
      || *total > SIZE_MAX - 16 - bytes)
    {
      *ok = 0;
      return 0;
    }
  const size_t at = *total;
  *total += (bytes + 15) & ~(size_t) 15;
  return at;
}

static int
run_alloc (run_memory *r, const bp_net *net, size_t N, size_t B,
           const bp_train_options *opt)
{
  const size_t L = net->L, *n = net->n;
  int ok = 1;
  size_t total = 0, rows_x, rows_y, params = 0;
  memset (r, 0, sizeof *r);
  const size_t ws_bytes = bp_workspace_bytes (L, n, B);
  const size_t o_ws = reserve (&total, ws_bytes, 1, &ok);
  const size_t o_views = reserve (&total, 3 * L, sizeof (gsl_matrix), &ok);
  size_t o_perm = 0, o_xb = 0, o_yb = 0, o_vel = 0, o_vw = 0, o_vb = 0;
  if (opt->shuffle)
    {
      ok &= !bp_size_mul (B, n[0], &rows_x) && !bp_size_mul (B, n[L], &rows_y);
      o_perm = reserve (&total, N, sizeof (size_t), &ok);
      o_xb = reserve (&total, ok ? rows_x : 0, sizeof (double), &ok);
      o_yb = reserve (&total, ok ? rows_y : 0, sizeof (double), &ok);
    }
  if (opt->momentum != 0.0)
    {
      for (size_t l = 1; l <= L; l++)
        params += (n[l - 1] + 1) * n[l];        /* fits: the weights exist */
      o_vel = reserve (&total, params, sizeof (double), &ok);
      o_vw = reserve (&total, L, sizeof (gsl_matrix), &ok);
      o_vb = reserve (&total, L, sizeof (gsl_vector), &ok);
    }
  if (!ok || ws_bytes == 0)
    return BP_ENOMEM;
  char *block = opt->alloc ? opt->alloc (total) : malloc (total);
  if (!block)
    return BP_ENOMEM;
  r->block = block;

  bp_workspace_init (&r->ws, L, n, B, block + o_ws);
  r->views = (gsl_matrix *) (block + o_views);
  if (opt->shuffle)
    {
      r->perm = (size_t *) (block + o_perm);
      r->Xb = (double *) (block + o_xb);
      r->Yb = (double *) (block + o_yb);
      for (size_t i = 0; i < N; i++)
        r->perm[i] = i;
      r->rng = opt->seed;
    }
  if (opt->momentum != 0.0)
    {
      double *p = r->vel = (double *) (block + o_vel);
      memset (p, 0, params * sizeof (double));   /* velocities start at 0 */
      r->VW = (gsl_matrix *) (block + o_vw);
      r->Vb = (gsl_vector *) (block + o_vb);
      for (size_t i = 0; i < L; i++)
        {
          r->VW[i] = gsl_matrix_view_array (p, n[i], n[i + 1]).matrix;
          p += n[i] * n[i + 1];
        }
      for (size_t i = 0; i < L; i++)
        {
          r->Vb[i] = gsl_vector_view_array (p, n[i + 1]).vector;
          p += n[i + 1];
        }
    }
  return BP_OK;
}

static void
run_free (run_memory *r, const bp_train_options *opt)
{
  if (!r->block)
    return;
  if (opt->release)
    opt->release (r->block);
  else
    free (r->block);
  r->block = NULL;
}

/* SplitMix64: a small generator whose whole state is one 64-bit integer
   (no allocation), statistically good enough to order samples. */
static uint64_t
next_random (uint64_t *state)
{
  uint64_t z = (*state += UINT64_C (0x9e3779b97f4a7c15));
  z = (z ^ (z >> 30)) * UINT64_C (0xbf58476d1ce4e5b9);
  z = (z ^ (z >> 27)) * UINT64_C (0x94d049bb133111eb);
  return z ^ (z >> 31);
}

/* Uniform on 0 .. bound-1 without modulo bias: draws below the largest
   multiple of bound are accepted. */
static size_t
random_below (uint64_t *state, size_t bound)
{
  const uint64_t b = (uint64_t) bound;
  const uint64_t threshold = (UINT64_MAX - b + 1) % b;  /* 2^64 mod b */
  uint64_t x;
  do
    x = next_random (state);
  while (x < threshold);
  return (size_t) (x % b);
}

/* Fisher-Yates: every order of the N samples equally likely. */
static void
shuffle (size_t *perm, size_t N, uint64_t *state)
{
  for (size_t i = N - 1; i > 0; i--)
    {
      const size_t j = random_below (state, i + 1);
      const size_t t = perm[i];
      perm[i] = perm[j];
      perm[j] = t;
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

/* One SGD step from this batch's deltas.  The gradient is folded into the
   matrix product, w <- (1 - eta lambda/m) w - (eta/m) a^T delta, so no
   separate gradient array is written; with momentum the product lands in
   the velocity instead. */
static void
update (bp_net *net, const gsl_matrix *X, const gsl_matrix *A,
        const gsl_matrix *Delta, const bp_train_options *opt,
        run_memory *r)
{
  const double m = (double) X->size1;
  const double step = opt->eta / m, decay = opt->eta * opt->lambda / m;
  for (size_t i = 0; i < net->L; i++)
    {
      const gsl_matrix *in = i == 0 ? X : &A[i - 1];
      const gsl_matrix *D = &Delta[i];
      gsl_matrix *W = &net->W[i];
      gsl_vector *b = &net->b[i];
      if (opt->momentum == 0.0)
        {
          bp_gemm (CblasTrans, CblasNoTrans, -step, in, D, 1.0 - decay, W);
          for (size_t s = 0; s < D->size1; s++)
            {
              const double *d = D->data + s * D->tda;
              for (size_t j = 0; j < D->size2; j++)
                b->data[j * b->stride] -= step * d[j];
            }
        }
      else
        {
          gsl_matrix *V = &r->VW[i];
          gsl_vector *Vb = &r->Vb[i];
          bp_gemm (CblasTrans, CblasNoTrans, -step, in, D, opt->momentum, V);
          if (decay != 0.0)
            bp_axpy (-decay, W, V);
          bp_axpy (1.0, V, W);
          gsl_vector_scale (Vb, opt->momentum);
          for (size_t s = 0; s < D->size1; s++)
            {
              const double *d = D->data + s * D->tda;
              for (size_t j = 0; j < D->size2; j++)
                Vb->data[j] -= step * d[j];
            }
          gsl_vector_add (b, Vb);
        }
    }
}

static int
weights_finite (const bp_net *net)
{
  for (size_t i = 0; i < net->L; i++)
    {
      const gsl_matrix *W = &net->W[i];
      for (size_t r = 0; r < W->size1; r++)
        for (size_t c = 0; c < W->size2; c++)
          if (!isfinite (W->data[r * W->tda + c]))
            return 0;
      const gsl_vector *b = &net->b[i];
      for (size_t j = 0; j < b->size; j++)
        if (!isfinite (b->data[j * b->stride]))
          return 0;
    }
  return 1;
}

/* Point Z, A, D (the 3L views of r) at the first m rows of the workspace. */
static void
batch_views (run_memory *r, size_t m)
{
  const size_t L = r->ws.L;
  for (size_t i = 0; i < L; i++)
    {
      r->views[i] = bp_rows (&r->ws.Z[i], m);
      r->views[L + i] = bp_rows (&r->ws.A[i], m);
      r->views[2 * L + i] = bp_rows (&r->ws.Delta[i], m);
    }
}

/* Mean loss and accuracy on validation data, B rows at a time through the
   training workspace. */
static void
evaluate (const bp_net *net, const gsl_matrix *X, const gsl_matrix *Y,
          run_memory *r, int one_hot, double *loss, double *acc)
{
  const size_t N = X->size1, L = net->L, B = r->ws.m;
  gsl_matrix *Z = r->views, *A = r->views + L, *D = r->views + 2 * L;
  double s = 0.0;
  size_t correct = 0;
  for (size_t r0 = 0; r0 < N; r0 += B)
    {
      const size_t m = N - r0 < B ? N - r0 : B;
      gsl_matrix x = gsl_matrix_const_submatrix (X, r0, 0, m, X->size2).matrix;
      gsl_matrix y = gsl_matrix_const_submatrix (Y, r0, 0, m, Y->size2).matrix;
      batch_views (r, m);
      bp_forward (net, &x, Z, A);
      s += (double) m * bp_output_delta (net->loss, net->g[L - 1], &Z[L - 1],
                                         &A[L - 1], &y, &D[L - 1]);
      if (one_hot)
        correct += bp_count_correct (&A[L - 1], &y);
    }
  *loss = s / (double) N;
  *acc = one_hot ? (double) correct / (double) N : -1.0;
}

int
bp_train (bp_net *net, const gsl_matrix *X, const gsl_matrix *Y,
          const bp_train_options *opt, bp_history *hist, size_t *bad_epoch)
{
  const size_t N = X->size1, L = net->L;
  if (N == 0 || opt->batch == 0 || L == 0)
    return BP_EINVAL;
  const size_t B = opt->batch < N ? opt->batch : N;
  const size_t batches = (N + B - 1) / B;
  run_memory r;
  int status = run_alloc (&r, net, N, B, opt);
  if (status != BP_OK)
    return status;
  gsl_matrix *Z = r.views, *A = r.views + L, *D = r.views + 2 * L;
  bp_progress p = { 0 };
  p.epochs = opt->epochs;
  p.batches = batches;
  const double t0 = now ();

  for (size_t e = 0; e < opt->epochs && status == BP_OK; e++)
    {
      const double te = now ();
      double loss_sum = 0.0;
      size_t correct = 0, seen = 0;
      if (opt->shuffle)
        shuffle (r.perm, N, &r.rng);
      for (size_t k = 0; k < batches; k++)
        {
          const size_t r0 = k * B, m = N - r0 < B ? N - r0 : B;
          gsl_matrix x, y;
          if (opt->shuffle)
            {
              x = gather_rows (X, r.perm + r0, m, r.Xb);
              y = gather_rows (Y, r.perm + r0, m, r.Yb);
            }
          else
            {
              x = gsl_matrix_const_submatrix (X, r0, 0, m, X->size2).matrix;
              y = gsl_matrix_const_submatrix (Y, r0, 0, m, Y->size2).matrix;
            }
          batch_views (&r, m);
          bp_forward (net, &x, Z, A);
          double C = bp_backward (net, &y, Z, A, D);
          if (opt->lambda != 0.0)
            C += opt->lambda / (2.0 * (double) m) * bp_weight_sumsq (net);
          if (!isfinite (C))
            {
              /* This loss comes from the weights of the previous step: on
                 an epoch's first batch, that step ended the epoch before. */
              status = BP_EDIVERGED;
              *bad_epoch = (k == 0 && e > 0) ? e : e + 1;
              break;
            }
          loss_sum += C;
          if (opt->one_hot)
            correct += bp_count_correct (&A[L - 1], &y);
          seen += m;
          update (net, &x, A, D, opt, &r);

          if (opt->poll)
            {
              p.epoch = e + 1;
              p.batch = k + 1;
              p.samples += m;
              p.loss = loss_sum / (double) (k + 1);
              p.accuracy = opt->one_hot ? (double) correct / (double) seen : -1.0;
              p.seconds = now () - t0;
              p.epoch_done = k + 1 == batches;
              if (opt->poll (opt->ctx, &p))
                {
                  status = BP_EINTR;
                  break;
                }
            }
        }
      /* A weight can overflow while the loss stays finite (a saturated
         output then matches its target), so look at the weights after
         every epoch; the scan costs far less than the epoch. */
      if (status == BP_OK && !weights_finite (net))
        {
          status = BP_EDIVERGED;
          *bad_epoch = e + 1;
        }
      if (status != BP_OK)
        break;

      if (hist->loss)
        hist->loss[e] = loss_sum / (double) batches;
      if (hist->accuracy && opt->one_hot)
        hist->accuracy[e] = (double) correct / (double) seen;
      if (opt->Xv && (hist->val_loss || hist->val_accuracy))
        {
          double vl, va;
          evaluate (net, opt->Xv, opt->Yv, &r, opt->one_hot, &vl, &va);
          if (hist->val_loss)
            hist->val_loss[e] = vl;
          if (hist->val_accuracy && opt->one_hot)
            hist->val_accuracy[e] = va;
        }
      if (hist->seconds)
        hist->seconds[e] = now () - te;
    }
  run_free (&r, opt);
  return status;
}
