/* bp_multimin.c: full-batch training with GSL's gradient-based
   minimisers (Polak-Ribiere conjugate gradient, vector_bfgs2).  Each
   iteration is one line search along a direction built from the
   gradients; it is recorded in the history as one "epoch".  GSL keeps a
   handful of vectors as long as the parameters (no n-by-n matrix), so
   memory stays O(parameters). */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <gsl/gsl_blas.h>
#include <gsl/gsl_multimin.h>
#include "bp_run_private.h"
#include "bp_system.h"

struct bp_multimin {
  gsl_multimin_fdfminimizer *s;
  gsl_multimin_function_fdf fdf;
  bp_run *r;
  const gsl_matrix *X, *Y;  /* the data of the current call */
};

size_t
bp_multimin_bytes (size_t P)
{
  /* GSL's conjugate_pr and vector_bfgs2 keep at most about ten vectors of
     P doubles (x, gradient, dx, and the state's own); count twelve. */
  size_t b;
  return bp_size_mul (P, 12 * sizeof (double), &b) ? 0 : b + 4096;
}

/* The mean loss over every sample at parameters x (with the L2 term), and
   its gradient into g unless g is NULL: the samples in chunks of the
   workspace's rows, the gradient sums added chunk after chunk. */
static double
full_batch (bp_multimin *mm, const gsl_vector *x, gsl_vector *g)
{
  bp_run *r = mm->r;
  const size_t L = r->net.L, N = r->N, B = r->B;
  bp_net net = r->net;
  bp_net_view (&net, r->TW, r->Tb, x->data);
  bp_net grad = r->net;
  gsl_matrix *Z = r->views, *A = r->views + L, *D = r->views + 2 * L;
  if (g)
    {
      bp_net_view (&grad, r->GW, r->Gb, g->data);
      r->evaluations++;
    }
  double sum = 0.0;
  for (size_t r0 = 0; r0 < N; r0 += B)
    {
      const size_t m = N - r0 < B ? N - r0 : B;
      gsl_matrix xs = gsl_matrix_const_submatrix (mm->X, r0, 0, m,
                                                  mm->X->size2).matrix;
      gsl_matrix ys = gsl_matrix_const_submatrix (mm->Y, r0, 0, m,
                                                  mm->Y->size2).matrix;
      double C;
      bp_run_views (r, m);
      /* The loss alone needs no backward pass. */
      if ((g ? bp_forward (&net, &xs, Z, A) != BP_OK
               || bp_backward (&net, &ys, Z, A, D, &C) != BP_OK
             : bp_forward_loss (&net, &xs, &ys, Z, A, &D[L - 1], &C) != BP_OK))
        return NAN;
      sum += (double) m * C;
      if (g)
        for (size_t i = 0; i < L; i++)
          bp_gradient_sums (i == 0 ? &xs : &A[i - 1], &D[i],
                            1.0 / (double) N, r0 == 0 ? 0.0 : 1.0,
                            &grad.W[i], &grad.b[i]);
    }
  if (g && r->o.lambda != 0.0)
    for (size_t i = 0; i < L; i++)
      bp_axpy (r->o.lambda / (double) N, &net.W[i], &grad.W[i]);
  return sum / (double) N + bp_decay_cost (&net, r->o.lambda, N);
}

static double
f_only (const gsl_vector *x, void *ctx)
{
  return full_batch (ctx, x, NULL);
}

static void
df_only (const gsl_vector *x, void *ctx, gsl_vector *g)
{
  full_batch (ctx, x, g);
}

static void
fdf (const gsl_vector *x, void *ctx, double *f, gsl_vector *g)
{
  *f = full_batch (ctx, x, g);
}

/* GSL's minimiser for the run, set at the run's parameters. */
static int
start (bp_run *r)
{
  bp_multimin *mm = calloc (1, sizeof *mm);
  if (!mm)
    return BP_ENOMEM;
  const gsl_multimin_fdfminimizer_type *T =
    r->o.opt.kind == BP_OPT_CG ? gsl_multimin_fdfminimizer_conjugate_pr
                               : gsl_multimin_fdfminimizer_vector_bfgs2;
  mm->s = gsl_multimin_fdfminimizer_alloc (T, r->P);
  if (!mm->s)
    {
      free (mm);
      return BP_ENOMEM;
    }
  mm->r = r;
  mm->fdf.n = r->P;
  mm->fdf.f = f_only;
  mm->fdf.df = df_only;
  mm->fdf.fdf = fdf;
  mm->fdf.params = mm;
  r->mm = mm;
  return BP_OK;
}

void
bp_multimin_free (bp_multimin *mm)
{
  if (!mm)
    return;
  gsl_multimin_fdfminimizer_free (mm->s);
  free (mm);
}

int
bp_multimin_advance (bp_run *r, const gsl_matrix *X, const gsl_matrix *Y,
                     const gsl_matrix *Xv, const gsl_matrix *Yv,
                     int (*pause) (void *, const bp_progress *), void *ctx)
{
  int s;
  const int first = r->mm == NULL;
  if (first && (s = start (r)) != BP_OK)
    return s;
  bp_multimin *mm = r->mm;
  mm->X = X;
  mm->Y = Y;
  gsl_vector theta = gsl_vector_view_array (r->theta, r->P).vector;
  if (first)
    {
      s = gsl_multimin_fdfminimizer_set (mm->s, &mm->fdf, &theta,
                                         r->o.step, r->o.line_tol);
      if (s != GSL_SUCCESS)
        return s == GSL_ENOMEM ? BP_ENOMEM : BP_EINVAL;
      if (!isfinite (mm->s->f))
        {
          r->bad_epoch = 1;
          return BP_EDIVERGE;
        }
      /* Already at a minimum: nothing for a line search to improve. */
      if (gsl_multimin_test_gradient (mm->s->gradient, r->o.tol)
          == GSL_SUCCESS)
        {
          bp_run_finish (r, BP_STOP_GRADIENT);
          return BP_OK;
        }
    }
  bp_progress p = { 0 };
  p.epochs = bp_run_epochs (&r->o);
  p.batches = 1;
  while (r->h.stopped == BP_STOP_NONE)
    {
      r->t_epoch = bp_clock ();
      r->st.step++;
      s = gsl_multimin_fdfminimizer_iterate (mm->s);
      /* GSL's line search gives up when the direction, built from old
         gradients, has become nearly orthogonal to the gradient: start
         again from the steepest descent at this point (GSL's own restart
         keeps the old direction for one more step) before calling it a
         stall. */
      if (s == GSL_ENOPROG)
        {
          s = gsl_multimin_fdfminimizer_set (mm->s, &mm->fdf, &theta,
                                             r->o.step, r->o.line_tol);
          if (s == GSL_SUCCESS)
            s = gsl_multimin_fdfminimizer_iterate (mm->s);
        }
      /* The minimiser's point is the run's network from now on. */
      memcpy (r->theta, mm->s->x->data, r->P * sizeof (double));
      if (!isfinite (mm->s->f))
        {
          r->bad_epoch = r->e + 1;
          return BP_EDIVERGE;
        }
      /* A stall after some progress ends the run with what it reached
         (hist.stopped says so); one at the very start is an error. */
      if (s == GSL_ENOPROG && r->e > 0)
        {
          bp_run_finish (r, BP_STOP_NO_PROGRESS);
          return BP_OK;
        }
      if (s == GSL_ENOPROG)
        {
          r->bad_epoch = 1;
          return BP_ENOPROG;
        }
      if (s != GSL_SUCCESS)
        return s == GSL_ENOMEM ? BP_ENOMEM : BP_EINVAL;
      for (size_t i = 0; i < r->net.L; i++)
        {
          const size_t at = bp_net_offset (&r->net, i);
          const size_t nw = r->net.n[i] * r->net.n[i + 1];
          gsl_vector_const_view gw =
            gsl_vector_const_subvector (mm->s->gradient, at, nw);
          const double norm = gsl_blas_dnrm2 (&gw.vector);
          r->gsq[i] = norm * norm;
        }
      size_t correct = 0;
      if (r->targets != BP_NO_CLASSES)
        {
          double loss, acc;
          bp_run_evaluate (r, X, Y, &loss, &acc);
          correct = (size_t) llround (acc * (double) r->N);
        }
      r->samples += r->N;
      s = bp_run_end_epoch (r, Xv, Yv, mm->s->f, correct, r->N);
      if (s != BP_OK)
        return s;
      if (r->h.stopped == BP_STOP_NONE
          && gsl_multimin_test_gradient (mm->s->gradient, r->o.tol)
             == GSL_SUCCESS)
        bp_run_finish (r, BP_STOP_GRADIENT);
      p.epoch = r->e;
      p.batch = 1;
      p.samples = r->samples;
      p.loss = mm->s->f;
      p.accuracy = r->targets != BP_NO_CLASSES
                   ? (double) correct / (double) r->N : -1.0;
      p.epoch_done = 1;
      if (pause && pause (ctx, &p) && r->h.stopped == BP_STOP_NONE)
        return BP_CONTINUE;
    }
  return BP_OK;
}
