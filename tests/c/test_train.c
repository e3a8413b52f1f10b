/* test_train.c: unit tests of the training side of the core
   (src/bp_run.h): optimisers, the option table, learning-rate schedules,
   the shuffle, and training runs (mini-batch and full-batch), against
   closed forms and hand-written loops.  See test_core.c for the
   principles (no expected value copied from a run of the code under
   test) and test_util.h for the shared helpers. */

#include <float.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "bp.h"
#include "bp_run.h"
#include "test_util.h"

/* ====================================================== optimizer names */

void
test_optimizer_names (void)
{
  static const char *const names[] = {
    "sgd", "nesterov", "rmsprop", "adam", "cg", "bfgs"
  };
  CHECK_SIZE ((size_t) BP_N_OPTIMIZERS, 6);
  for (int i = 0; i < BP_N_OPTIMIZERS; i++)
    {
      bp_optimizer_kind k = BP_N_OPTIMIZERS;
      CHECK_STR (bp_optimizer_name (i), names[i]);
      CHECK (bp_optimizer_parse (names[i], &k) == BP_OK);
      CHECK (k == (bp_optimizer_kind) i);
    }
  CHECK_STR (bp_optimizer_name (-1), NULL);
  CHECK_STR (bp_optimizer_name (BP_N_OPTIMIZERS), NULL);
  CHECK_STR (bp_optimizer_name (INT_MAX), NULL);
  /* "momentum" is sgd (with its momentum option). */
  {
    bp_optimizer_kind k = BP_N_OPTIMIZERS;
    CHECK (bp_optimizer_parse ("momentum", &k) == BP_OK);
    CHECK (k == BP_OPT_SGD);
  }
  const char *unknown[] = { "Adam", "", "sgd ", "lbfgs", "conjugate" };
  for (size_t i = 0; i < sizeof unknown / sizeof *unknown; i++)
    {
      bp_optimizer_kind k;
      CHECK (bp_optimizer_parse (unknown[i], &k) == BP_EINVAL);
    }

  /* Moment vectors: none for plain sgd, the velocity with momentum and
     for nesterov, rmsprop's mean square, adam's m and v; the full-batch
     minimisers keep theirs in GSL. */
  bp_optimizer o = { BP_OPT_SGD, 0.0, 0.9, 0.9, 0.999, 1e-8 };
  CHECK_INT (bp_optimizer_moments (&o), 0);
  o.momentum = 0.9;
  CHECK_INT (bp_optimizer_moments (&o), 1);
  const bp_optimizer_kind kinds[] = { BP_OPT_NESTEROV, BP_OPT_RMSPROP,
                                      BP_OPT_ADAM, BP_OPT_CG, BP_OPT_BFGS };
  const int moments[] = { 1, 1, 2, 0, 0 };
  for (size_t i = 0; i < 5; i++)
    {
      o.kind = kinds[i];
      CHECK_INT (bp_optimizer_moments (&o), moments[i]);
    }
  for (int k = 0; k < BP_N_OPTIMIZERS; k++)
    CHECK_INT (bp_optimizer_full_batch ((bp_optimizer_kind) k),
               k == BP_OPT_CG || k == BP_OPT_BFGS);

  /* Why a run ended: the words of bp_train's help for hist.stopped. */
  static const char *const stops[] = {
    NULL, "epochs", "patience", "callback", "min_eta", "gradient",
    "no_progress"
  };
  CHECK_SIZE ((size_t) BP_N_STOPS, 7);
  CHECK (bp_stop_name (BP_STOP_NONE) != NULL);
  for (int s = 1; s < BP_N_STOPS; s++)
    CHECK_STR (bp_stop_name (s), stops[s]);
  CHECK_STR (bp_stop_name (-1), NULL);
  CHECK_STR (bp_stop_name (BP_N_STOPS), NULL);
}

/* ======================================================= bp_sgd_update */

void
test_sgd_update (void)
{
  /* out = w - eta g, eta = 0.5, values exact in binary (the parameters of
     a 2-3-2 network in bp_unroll's order):
     W{1} (1, 2, 3, 4, 5, 6) - 0.5 (0.5, -1, 2, 0, 0.25, -4)
          = (0.75, 2.5, 2, 4, 4.875, 8);
     b{1} (1, 1, 1) - 0.5 (1, 0, -1) = (0.5, 1, 1.5);
     W{2} 0 - 0.5 (1..6) = (-0.5, -1, -1.5, -2, -2.5, -3);
     b{2} (-1, 2) - 0.5 (2, 2) = (-2, 1). */
  const double w0[17] = { 1, 2, 3, 4, 5, 6, 1, 1, 1,
                          0, 0, 0, 0, 0, 0, -1, 2 };
  const double g[17] = { 0.5, -1, 2, 0, 0.25, -4, 1, 0, -1,
                         1, 2, 3, 4, 5, 6, 2, 2 };
  const double want[17] = { 0.75, 2.5, 2, 4, 4.875, 8, 0.5, 1, 1.5,
                            -0.5, -1, -1.5, -2, -2.5, -3, -2, 1 };
  double w[17], out[17];
  memcpy (w, w0, sizeof w);
  /* Out of place: out's old contents (NaN) are never read, w is left. */
  for (size_t q = 0; q < 17; q++)
    out[q] = NAN;
  bp_sgd_update (17, w, g, 0.5, out);
  CHECK_SAME (out, want, 17);
  CHECK_SAME (w, w0, 17);
  /* In place. */
  bp_sgd_update (17, w, g, 0.5, w);
  CHECK_SAME (w, want, 17);
  /* n = 0 touches nothing. */
  bp_sgd_update (0, w0, g, 0.5, out);
  CHECK_SAME (out, want, 17);
}

/* ================================================== bp_optimizer_update

   Each rule against a naive per-element implementation of the formula
   documented in bp_run.h (and bp_train's help), over several steps with a
   new gradient each step; for sgd with momentum and nesterov also
   against PyTorch's form of the same rule (buffer b = -v/eta:
   b <- mu b + g; w <- w - eta b, resp. w <- w - eta (g + mu b)). */

#define NPAR 7
#define NSTEP 6

static void
naive_update (const bp_optimizer *o, double eta, size_t n, double *w,
              const double *g, double *m1, double *m2, double *b1t,
              double *b2t)
{
  /* b1t, b2t: beta1^t and beta2^t kept as running products, not pow. */
  *b1t *= o->beta1;
  *b2t *= o->beta2;
  for (size_t i = 0; i < n; i++)
    switch (o->kind)
      {
      case BP_OPT_SGD:
        if (o->momentum == 0.0)
          w[i] = w[i] - eta * g[i];
        else
          {
            m1[i] = o->momentum * m1[i] - eta * g[i];
            w[i] = w[i] + m1[i];
          }
        break;
      case BP_OPT_NESTEROV:
        m1[i] = o->momentum * m1[i] - eta * g[i];
        w[i] = w[i] + o->momentum * m1[i] - eta * g[i];
        break;
      case BP_OPT_RMSPROP:
        m1[i] = o->rho * m1[i] + (1 - o->rho) * g[i] * g[i];
        w[i] = w[i] - eta * g[i] / (sqrt (m1[i]) + o->epsilon);
        break;
      case BP_OPT_ADAM:
        {
          m1[i] = o->beta1 * m1[i] + (1 - o->beta1) * g[i];
          m2[i] = o->beta2 * m2[i] + (1 - o->beta2) * g[i] * g[i];
          const double mh = m1[i] / (1 - *b1t), vh = m2[i] / (1 - *b2t);
          w[i] = w[i] - eta * mh / (sqrt (vh) + o->epsilon);
          break;
        }
      default:
        break;
      }
}

static void
optimizer_case (const bp_optimizer *o, const char *what)
{
  const unsigned long f0 = n_failed;
  double w[NPAR], wr[NPAR], m1[NPAR], m2[NPAR], r1[NPAR], r2[NPAR];
  double b1t = 1.0, b2t = 1.0;
  lcg_seed (101);
  for (size_t i = 0; i < NPAR; i++)
    {
      w[i] = wr[i] = lcg_uniform (-1, 1);
      m1[i] = m2[i] = r1[i] = r2[i] = 0.0;
    }
  const int moments = bp_optimizer_moments (o);
  for (uint64_t t = 1; t <= NSTEP; t++)
    {
      /* A new gradient each step, with an exact 0 and a tiny entry (where
         epsilon matters) among them; eta changes as under a schedule. */
      double g[NPAR], sq = 0.0;
      for (size_t i = 0; i < NPAR; i++)
        g[i] = lcg_uniform (-2, 2);
      g[2] = 0.0;
      g[5] = 1e-9 * (double) t;
      for (size_t i = 0; i < NPAR; i++)
        sq += g[i] * g[i];
      const double eta = 0.1 / (double) t;
      const double got_sq =
        bp_optimizer_update (o, eta, t, NPAR, w, g, moments >= 1 ? m1 : NULL,
                             moments >= 2 ? m2 : NULL);
      naive_update (o, eta, NPAR, wr, g, r1, r2, &b1t, &b2t);
      /* The same formula, operations in the documented order; the bias
         corrections differ (pow against a running product) by a few
         ulp: 1e-14 on O(1) weights and moments. */
      CHECK_ARR (w, wr, NPAR, 1e-14);
      if (moments >= 1)
        CHECK_ARR (m1, r1, NPAR, 1e-14);
      if (moments >= 2)
        CHECK_ARR (m2, r2, NPAR, 1e-14);
      /* The sum of g^2 of this call: the same sum in the same order. */
      CHECK_REL (got_sq, sq, 1e-15);
    }
  if (n_failed != f0)
    printf ("  (optimizer %s)\n", what);
}

/* The momentum rules at a constant eta against PyTorch's buffer form. */
static void
momentum_vs_torch (bp_optimizer_kind kind)
{
  bp_optimizer o = { kind, 0.9, 0, 0, 0, 0 };
  double w[NPAR], m1[NPAR], wt[NPAR], buf[NPAR];
  lcg_seed (103);
  for (size_t i = 0; i < NPAR; i++)
    {
      w[i] = wt[i] = lcg_uniform (-1, 1);
      m1[i] = buf[i] = 0.0;
    }
  const double eta = 0.05;
  for (uint64_t t = 1; t <= NSTEP; t++)
    {
      double g[NPAR];
      for (size_t i = 0; i < NPAR; i++)
        g[i] = lcg_uniform (-2, 2);
      bp_optimizer_update (&o, eta, t, NPAR, w, g, m1, NULL);
      for (size_t i = 0; i < NPAR; i++)
        {
          buf[i] = 0.9 * buf[i] + g[i];
          wt[i] -= eta * (kind == BP_OPT_NESTEROV ? g[i] + 0.9 * buf[i]
                                                 : buf[i]);
        }
    }
  /* Two algebraically equal forms, rounded differently: 1e-14. */
  CHECK_ARR (w, wt, NPAR, 1e-14);
}

void
test_optimizer_update (void)
{
  const bp_optimizer cases[] = {
    { BP_OPT_SGD, 0.0, 0, 0, 0, 0 },
    { BP_OPT_SGD, 0.9, 0, 0, 0, 0 },
    { BP_OPT_NESTEROV, 0.8, 0, 0, 0, 0 },
    { BP_OPT_RMSPROP, 0, 0.9, 0, 0, 1e-8 },
    { BP_OPT_RMSPROP, 0, 0.99, 0, 0, 1e-3 },
    { BP_OPT_ADAM, 0, 0, 0.9, 0.999, 1e-8 },
    { BP_OPT_ADAM, 0, 0, 0.5, 0.75, 1e-2 },
  };
  const char *what[] = { "sgd", "sgd, momentum 0.9", "nesterov 0.8",
                         "rmsprop 0.9", "rmsprop 0.99, eps 1e-3", "adam",
                         "adam 0.5/0.75, eps 1e-2" };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
    optimizer_case (&cases[i], what[i]);
  momentum_vs_torch (BP_OPT_SGD);
  momentum_vs_torch (BP_OPT_NESTEROV);

  /* Adam's bias correction at t = 1: m = (1-b1) g, v = (1-b2) g^2, so
     m^ = g, v^ = g^2 and the first step is eta g / (|g| + eps), about
     eta sign(g) for |g| >> eps, whatever b1 and b2.  Without the
     correction it would be eta (1-b1)/sqrt(1-b2) sign(g) = 3.16 eta. */
  {
    bp_optimizer o = { BP_OPT_ADAM, 0, 0, 0.9, 0.999, 1e-8 };
    const double g[4] = { 0.5, -2.0, 1e-3, -0.25 };
    /* From w = 0, so that w is the step itself, rounded relative to
       its own size. */
    double w[4] = { 0, 0, 0, 0 }, m1[4] = { 0 }, m2[4] = { 0 };
    const double eta = 0.01;
    bp_optimizer_update (&o, eta, 1, 4, w, g, m1, m2);
    for (size_t i = 0; i < 4; i++)
      {
        /* eta g/(|g| + eps) to a few roundings: 1e-15 relative */
        CHECK_REL (w[i], -eta * g[i] / (fabs (g[i]) + 1e-8), 1e-15);
        /* and eta sign(g) to eta eps/|g| (1e-5 eta for g = 1e-3) */
        CHECK_NEAR (w[i], g[i] > 0 ? -eta : eta,
                    eta * (1e-8 / fabs (g[i]) + 1e-15));
      }
  }
  /* The full-batch kinds update nothing here (GSL does) and report 0. */
  {
    const bp_optimizer_kind fk[] = { BP_OPT_CG, BP_OPT_BFGS };
    for (size_t k = 0; k < 2; k++)
      {
        bp_optimizer o = { fk[k], 0, 0, 0, 0, 0 };
        double w[3] = { 1, 2, 3 };
        const double g[3] = { 1, 1, 1 }, w0[3] = { 1, 2, 3 };
        CHECK (bp_optimizer_update (&o, 0.5, 1, 3, w, g, NULL, NULL) == 0.0);
        CHECK_SAME (w, w0, 3);
      }
  }
}

/* ============================================================= options */

static const char *const option_names[] = {
  "epochs", "batch", "eta", "momentum", "lambda", "shuffle", "seed", "rho",
  "beta1", "beta2", "epsilon", "patience", "min_delta", "max_iter", "tol",
  "step", "line_tol"
};
#define N_OPTION_NAMES (sizeof option_names / sizeof *option_names)

/* The field of bp_train_options an option names, read by hand from
   bp_run.h (NaN for an unknown name). */
static double
field (const bp_train_options *o, const char *name)
{
  if (!strcmp (name, "epochs")) return (double) o->epochs;
  if (!strcmp (name, "batch")) return (double) o->batch;
  if (!strcmp (name, "eta")) return o->eta;
  if (!strcmp (name, "momentum")) return o->opt.momentum;
  if (!strcmp (name, "lambda")) return o->lambda;
  if (!strcmp (name, "shuffle")) return (double) o->shuffle;
  if (!strcmp (name, "seed")) return (double) o->seed;
  if (!strcmp (name, "rho")) return o->opt.rho;
  if (!strcmp (name, "beta1")) return o->opt.beta1;
  if (!strcmp (name, "beta2")) return o->opt.beta2;
  if (!strcmp (name, "epsilon")) return o->opt.epsilon;
  if (!strcmp (name, "patience")) return (double) o->patience;
  if (!strcmp (name, "min_delta")) return o->min_delta;
  if (!strcmp (name, "max_iter")) return (double) o->max_iter;
  if (!strcmp (name, "tol")) return o->tol;
  if (!strcmp (name, "step")) return o->step;
  if (!strcmp (name, "line_tol")) return o->line_tol;
  return NAN;
}

static size_t
option_index (const char *name)
{
  for (size_t i = 0; i < bp_option_count (); i++)
    if (strcmp (bp_option (i)->name, name) == 0)
      return i;
  return SIZE_MAX;
}

static const char *
conflict_with (bp_optimizer_kind k, double momentum, const char *given_name,
               int schedule_given)
{
  static int given[64];
  bp_train_options o;
  bp_options_default (&o);
  o.opt.kind = k;
  o.opt.momentum = momentum;
  memset (given, 0, sizeof given);
  if (given_name)
    {
      const size_t i = option_index (given_name);
      if (i < 64)
        given[i] = 1;
    }
  return bp_options_conflict (&o, given, schedule_given);
}

void
test_options (void)
{
  /* The table: one entry per scalar option of bp_train_options, each
     name once, sane bounds and defaults; NULL past the end. */
  const size_t count = bp_option_count ();
  CHECK_SIZE (count, N_OPTION_NAMES);
  for (size_t k = 0; k < N_OPTION_NAMES; k++)
    CHECK (option_index (option_names[k]) < count);
  CHECK (bp_option (count) == NULL);
  CHECK (bp_option (SIZE_MAX) == NULL);
  bp_train_options d;
  bp_options_default (&d);
  CHECK (d.opt.kind == BP_OPT_SGD);
  CHECK (d.schedule.kind == BP_SCHED_CONSTANT);
  for (size_t i = 0; i < count && i < 64; i++)
    {
      const bp_option_spec *s = bp_option (i);
      CHECK (s != NULL);
      if (!s)
        continue;
      const unsigned long f0 = n_failed;
      CHECK (s->lo <= s->hi);
      CHECK (s->fallback >= s->lo && s->fallback <= s->hi);
      CHECK (!s->whole || s->fallback == floor (s->fallback));
      /* the default is what bp_options_default stores */
      CHECK (field (&d, s->name) == s->fallback);
      /* bp_option_set stores a value into that field and no other */
      double v;
      if (s->whole)
        v = s->lo + 1 <= s->hi ? s->lo + 1 : s->lo;
      else
        v = s->lo + 0.375 * ((isinf (s->hi) ? s->lo + 1 : s->hi) - s->lo);
      if (v == s->fallback)
        v = s->lo;
      bp_train_options o = d;
      bp_option_set (&o, i, v);
      CHECK (field (&o, s->name) == v);
      int others = o.opt.kind == d.opt.kind
                   && o.schedule.kind == d.schedule.kind;
      for (size_t k = 0; k < N_OPTION_NAMES; k++)
        if (strcmp (option_names[k], s->name) != 0)
          others &= field (&o, option_names[k]) == field (&d, option_names[k]);
      CHECK (others);
      if (n_failed != f0)
        printf ("  (option %s)\n", s->name);
    }
  /* The defaults bp_train's help documents in brackets. */
  CHECK (d.epochs == 10);
  CHECK (d.batch == 10);
  CHECK (d.eta == 0.5);
  CHECK (d.opt.momentum == 0.0);
  CHECK (d.opt.rho == 0.99);
  CHECK (d.opt.beta1 == 0.9);
  CHECK (d.opt.beta2 == 0.999);
  CHECK (d.opt.epsilon == 1e-8);
  CHECK (d.lambda == 0.0);
  CHECK (d.shuffle == 1);
  CHECK (d.patience == 0);
  CHECK (d.min_delta == 0.0);
  CHECK (d.max_iter == 100);
  CHECK (d.tol == 1e-6);
  CHECK (d.step == 0.01);
  CHECK (d.line_tol == 0.1);
  /* "seed": a whole number from 0 to 2^32 - 1, stored exactly. */
  {
    const size_t i = option_index ("seed");
    CHECK (i < count);
    if (i < count)
      {
        CHECK (bp_option (i)->whole);
        CHECK (bp_option (i)->lo == 0.0);
        CHECK (bp_option (i)->hi == 4294967295.0);
        bp_train_options o = d;
        bp_option_set (&o, i, 4294967295.0);
        CHECK (o.seed == UINT64_C (4294967295));
      }
    /* "shuffle" is a flag */
    const size_t j = option_index ("shuffle");
    if (j < count)
      {
        bp_train_options o = d;
        bp_option_set (&o, j, 0.0);
        CHECK (o.shuffle == 0);
        bp_option_set (&o, j, 1.0);
        CHECK (o.shuffle == 1);
      }
  }

  /* Conflicts: options an optimiser does not use, and values ruled out. */
  CHECK (conflict_with (BP_OPT_SGD, 0, NULL, 0) == NULL);
  CHECK (conflict_with (BP_OPT_SGD, 0.9, "momentum", 0) == NULL);
  CHECK (conflict_with (BP_OPT_NESTEROV, 0.9, "momentum", 0) == NULL);
  CHECK (conflict_with (BP_OPT_RMSPROP, 0, "rho", 0) == NULL);
  CHECK (conflict_with (BP_OPT_RMSPROP, 0, "epsilon", 0) == NULL);
  CHECK (conflict_with (BP_OPT_ADAM, 0, "beta1", 0) == NULL);
  CHECK (conflict_with (BP_OPT_ADAM, 0, "beta2", 0) == NULL);
  CHECK (conflict_with (BP_OPT_ADAM, 0, "epsilon", 0) == NULL);
  CHECK (conflict_with (BP_OPT_SGD, 0, NULL, 1) == NULL);
  CHECK (conflict_with (BP_OPT_ADAM, 0, NULL, 1) == NULL);
  const char *everyone[] = { "lambda", "patience", "min_delta" };
  for (int k = 0; k < BP_N_OPTIMIZERS; k++)
    for (size_t i = 0; i < 3; i++)
      CHECK (conflict_with ((bp_optimizer_kind) k,
                            k == BP_OPT_NESTEROV ? 0.9 : 0, everyone[i], 0)
             == NULL);
  const char *full[] = { "max_iter", "tol", "step", "line_tol" };
  for (size_t i = 0; i < 4; i++)
    {
      CHECK (conflict_with (BP_OPT_CG, 0, full[i], 0) == NULL);
      CHECK (conflict_with (BP_OPT_BFGS, 0, full[i], 0) == NULL);
      const char *m = conflict_with (BP_OPT_SGD, 0, full[i], 0);
      CHECK (m != NULL && strstr (m, full[i]) && strstr (m, "sgd"));
    }
  const char *mini[] = { "batch", "eta", "shuffle", "seed", "momentum" };
  for (size_t i = 0; i < 5; i++)
    {
      const char *m = conflict_with (BP_OPT_CG, 0, mini[i], 0);
      CHECK (m != NULL && strstr (m, mini[i]) && strstr (m, "cg"));
      CHECK (conflict_with (BP_OPT_BFGS, 0, mini[i], 0) != NULL);
    }
  /* "epochs" to a full-batch optimiser points at "max_iter". */
  {
    const char *m = conflict_with (BP_OPT_CG, 0, "epochs", 0);
    CHECK (m != NULL && strstr (m, "max_iter"));
    m = conflict_with (BP_OPT_BFGS, 0, "epochs", 0);
    CHECK (m != NULL && strstr (m, "max_iter") && strstr (m, "bfgs"));
  }
  {
    const char *m = conflict_with (BP_OPT_ADAM, 0, "momentum", 0);
    CHECK (m != NULL && strstr (m, "momentum") && strstr (m, "adam"));
    CHECK (conflict_with (BP_OPT_ADAM, 0, "rho", 0) != NULL);
    CHECK (conflict_with (BP_OPT_RMSPROP, 0, "beta1", 0) != NULL);
    CHECK (conflict_with (BP_OPT_RMSPROP, 0, "momentum", 0) != NULL);
    CHECK (conflict_with (BP_OPT_SGD, 0, "rho", 0) != NULL);
    CHECK (conflict_with (BP_OPT_SGD, 0, "epsilon", 0) != NULL);
    CHECK (conflict_with (BP_OPT_NESTEROV, 0.9, "beta2", 0) != NULL);
  }
  /* A schedule with a line search; nesterov without momentum. */
  {
    const char *m = conflict_with (BP_OPT_CG, 0, NULL, 1);
    CHECK (m != NULL && strstr (m, "schedule"));
    CHECK (conflict_with (BP_OPT_BFGS, 0, NULL, 1) != NULL);
    m = conflict_with (BP_OPT_NESTEROV, 0, NULL, 0);
    CHECK (m != NULL && strstr (m, "momentum"));
  }
}

/* ============================================================ schedules */

void
test_schedule (void)
{
  static const char *const names[] = {
    "constant", "step", "exponential", "plateau"
  };
  CHECK_SIZE ((size_t) BP_N_SCHEDULES, 4);
  for (int i = 0; i < BP_N_SCHEDULES; i++)
    {
      bp_schedule_kind k = BP_N_SCHEDULES;
      CHECK_STR (bp_schedule_name (i), names[i]);
      CHECK (bp_schedule_parse (names[i], &k) == BP_OK);
      CHECK (k == (bp_schedule_kind) i);
    }
  CHECK_STR (bp_schedule_name (-1), NULL);
  CHECK_STR (bp_schedule_name (BP_N_SCHEDULES), NULL);
  {
    bp_schedule_kind k;
    CHECK (bp_schedule_parse ("Step", &k) == BP_EINVAL);
    CHECK (bp_schedule_parse ("", &k) == BP_EINVAL);
    CHECK (bp_schedule_parse ("cosine", &k) == BP_EINVAL);
  }
  /* Parameters after the name in {name, p1, ...}, as bp_train's help
     lists them. */
  CHECK_SIZE (bp_schedule_arity (BP_SCHED_CONSTANT), 0);
  CHECK_SIZE (bp_schedule_arity (BP_SCHED_STEP), 2);
  CHECK_SIZE (bp_schedule_arity (BP_SCHED_EXPONENTIAL), 1);
  CHECK_SIZE (bp_schedule_arity (BP_SCHED_PLATEAU), 3);
  CHECK_STR (bp_schedule_param (BP_SCHED_STEP, 0), "every");
  CHECK_STR (bp_schedule_param (BP_SCHED_STEP, 1), "factor");
  CHECK_STR (bp_schedule_param (BP_SCHED_STEP, 2), NULL);
  CHECK_STR (bp_schedule_param (BP_SCHED_EXPONENTIAL, 0), "gamma");
  CHECK_STR (bp_schedule_param (BP_SCHED_EXPONENTIAL, 1), NULL);
  CHECK_STR (bp_schedule_param (BP_SCHED_PLATEAU, 0), "patience");
  CHECK_STR (bp_schedule_param (BP_SCHED_PLATEAU, 1), "factor");
  CHECK_STR (bp_schedule_param (BP_SCHED_PLATEAU, 2), "min_eta");
  CHECK_STR (bp_schedule_param (BP_SCHED_PLATEAU, 3), NULL);
  CHECK_STR (bp_schedule_param (BP_SCHED_CONSTANT, 0), NULL);
  for (int k = 0; k < BP_N_SCHEDULES; k++)
    {
      const size_t a = bp_schedule_arity ((bp_schedule_kind) k);
      for (size_t j = 0; j < a; j++)
        CHECK (bp_schedule_range ((bp_schedule_kind) k, j) != NULL);
      CHECK (bp_schedule_range ((bp_schedule_kind) k, a) == NULL);
    }

  /* bp_schedule_check: BP_OK, or BP_EINVAL and the first bad index. */
  {
    struct { bp_schedule s; int ok; size_t bad; } c[] = {
      { { BP_SCHED_CONSTANT, 0, 0, 0, 0, 0 }, 1, 0 },
      { { BP_SCHED_STEP, 2, 0.5, 0, 0, 0 }, 1, 0 },
      { { BP_SCHED_STEP, 1, 1.0, 0, 0, 0 }, 1, 0 },        /* factor 1 ok */
      { { BP_SCHED_STEP, 0, 0.5, 0, 0, 0 }, 0, 0 },        /* every >= 1 */
      { { BP_SCHED_STEP, 1.5, 0.5, 0, 0, 0 }, 0, 0 },      /* whole */
      { { BP_SCHED_STEP, 2, 0.0, 0, 0, 0 }, 0, 1 },        /* (0, 1] */
      { { BP_SCHED_STEP, 2, 1.5, 0, 0, 0 }, 0, 1 },
      { { BP_SCHED_STEP, 2, NAN, 0, 0, 0 }, 0, 1 },
      { { BP_SCHED_STEP, 0, 0.0, 0, 0, 0 }, 0, 0 },        /* first bad */
      { { BP_SCHED_EXPONENTIAL, 0, 0, 0.9, 0, 0 }, 1, 0 },
      { { BP_SCHED_EXPONENTIAL, 0, 0, 1.0, 0, 0 }, 1, 0 },
      { { BP_SCHED_EXPONENTIAL, 0, 0, 0.0, 0, 0 }, 0, 0 },
      { { BP_SCHED_EXPONENTIAL, 0, 0, 1.01, 0, 0 }, 0, 0 },
      { { BP_SCHED_PLATEAU, 0, 0.5, 0, 3, 1e-4 }, 1, 0 },
      { { BP_SCHED_PLATEAU, 0, 0.5, 0, 3, 0 }, 1, 0 },     /* min_eta 0 ok */
      { { BP_SCHED_PLATEAU, 0, 0.5, 0, 0, 1e-4 }, 0, 0 },  /* patience >= 1 */
      { { BP_SCHED_PLATEAU, 0, 0.5, 0, 2.5, 1e-4 }, 0, 0 },
      { { BP_SCHED_PLATEAU, 0, 1.0, 0, 3, 1e-4 }, 0, 1 },  /* (0, 1) */
      { { BP_SCHED_PLATEAU, 0, 0.0, 0, 3, 1e-4 }, 0, 1 },
      { { BP_SCHED_PLATEAU, 0, 0.5, 0, 3, -1 }, 0, 2 },    /* >= 0 */
      { { BP_SCHED_PLATEAU, 0, 0.5, 0, 3, INFINITY }, 0, 2 },
      { { BP_SCHED_PLATEAU, 0, 0.5, 0, 3, NAN }, 0, 2 },
    };
    for (size_t i = 0; i < sizeof c / sizeof *c; i++)
      {
        size_t bad = 99;
        const int s = bp_schedule_check (&c[i].s, &bad);
        CHECK_INT (s, c[i].ok ? BP_OK : BP_EINVAL);
        if (!c[i].ok)
          CHECK_SIZE (bad, c[i].bad);
        if ((s == BP_OK) != c[i].ok || (!c[i].ok && bad != c[i].bad))
          printf ("  (schedule check case %zu)\n", i);
      }
  }

  /* Rates, closed forms.  step {2, 0.5}, eta0 0.8: epochs 1-2 0.8, 3-4
     0.4, 5 0.2 (powers of 2: exact).  exponential 0.5: 0.8, 0.4, 0.2,
     0.1; exponential 0.9 at epoch 3: 0.81 * 0.8 = 0.648 (a rounding or
     two).  constant and plateau return the current rate. */
  {
    bp_schedule s = { BP_SCHED_STEP, 2, 0.5, 0, 0, 0 };
    const double want[] = { 0.8, 0.8, 0.4, 0.4, 0.2 };
    for (size_t e = 1; e <= 5; e++)
      CHECK (bp_schedule_rate (&s, 0.8, e, 123.0) == want[e - 1]);
    bp_schedule x = { BP_SCHED_EXPONENTIAL, 0, 0, 0.5, 0, 0 };
    const double wx[] = { 0.8, 0.4, 0.2, 0.1 };
    for (size_t e = 1; e <= 4; e++)
      CHECK (bp_schedule_rate (&x, 0.8, e, 123.0) == wx[e - 1]);
    x.gamma = 0.9;
    CHECK_REL (bp_schedule_rate (&x, 0.8, 3, 123.0), 0.648, 1e-15);
    bp_schedule c = { BP_SCHED_CONSTANT, 0, 0, 0, 0, 0 };
    CHECK (bp_schedule_rate (&c, 0.8, 7, 0.3) == 0.3);
    bp_schedule p = { BP_SCHED_PLATEAU, 0, 0.5, 0, 2, 0.01 };
    CHECK (bp_schedule_rate (&p, 0.8, 7, 0.3) == 0.3);
  }

  /* The plateau's bookkeeping: patience 2, factor 0.5, min_eta 0.1,
     min_delta 0.05, from eta 1.  Monitored losses and what follows:
       1.0   first epoch sets the mark (best +Inf)      best 1.0, wait 0
       0.9   improves by 0.1 > 0.05                    best 0.9, wait 0
       0.86  improves by 0.04 only                      wait 1
       0.87                                             wait 2: eta 0.5, wait 0
       0.8   improves by 0.1                           best 0.8
       0.8 , 0.8                                        wait 1, 2: eta 0.25
       0.8 , 0.8                                        eta 0.125
       0.8 , 0.8                                        0.0625 < 0.1: stop (1),
                                                        eta stays 0.125 */
  {
    bp_schedule s = { BP_SCHED_PLATEAU, 0, 0.5, 0, 2, 0.1 };
    bp_state st;
    memset (&st, 0, sizeof st);
    st.eta = 1.0;
    st.plateau_best = HUGE_VAL;
    const double mon[] = { 1.0, 0.9, 0.86, 0.87, 0.8, 0.8, 0.8, 0.8, 0.8,
                           0.8, 0.8 };
    const double eta_after[] = { 1, 1, 1, 0.5, 0.5, 0.5, 0.25, 0.25, 0.125,
                                 0.125, 0.125 };
    const size_t wait_after[] = { 0, 0, 1, 0, 0, 1, 0, 1, 0, 1, 0 };
    const int stop[] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1 };
    const double best_after[] = { 1.0, 0.9, 0.9, 0.9, 0.8, 0.8, 0.8, 0.8, 0.8,
                                  0.8, 0.8 };
    for (size_t e = 0; e < sizeof mon / sizeof *mon; e++)
      {
        const int r = bp_schedule_after_epoch (&s, mon[e], 0.05, &st);
        CHECK_INT (r, stop[e]);
        CHECK (st.eta == eta_after[e]);
        if (!stop[e])             /* the count after a stop is moot */
          CHECK_SIZE (st.plateau_wait, wait_after[e]);
        CHECK (st.plateau_best == best_after[e]);
      }
    /* Other schedules keep no books: nothing changes, never a stop. */
    bp_schedule k = { BP_SCHED_STEP, 1, 0.5, 0, 0, 0 };
    bp_state before = st;
    CHECK (bp_schedule_after_epoch (&k, 100.0, 0.0, &st) == 0);
    CHECK (st.eta == before.eta && st.plateau_wait == before.plateau_wait
           && st.plateau_best == before.plateau_best);
  }
}

/* ============================================================== shuffle */

static int
is_permutation (const size_t *p, size_t N)
{
  char *seen = xcalloc (N ? N : 1, 1);
  int ok = 1;
  for (size_t i = 0; i < N; i++)
    {
      if (p[i] >= N || seen[p[i]])
        ok = 0;
      else
        seen[p[i]] = 1;
    }
  free (seen);
  return ok;
}

void
test_shuffle (void)
{
  /* SplitMix64 from state 0: the first outputs of the published
     reference implementation (Vigna's splitmix64.c). */
  {
    uint64_t s = 0;
    CHECK (bp_random_next (&s) == UINT64_C (0xe220a8397b1dcdaf));
    /* the state advances by the golden-ratio increment */
    CHECK (s == UINT64_C (0x9e3779b97f4a7c15));
    CHECK (bp_random_next (&s) == UINT64_C (0x6e789e6aa1b965f4));
    CHECK (bp_random_next (&s) == UINT64_C (0x06c45d188009454f));
    CHECK (s == UINT64_C (0x9e3779b97f4a7c15) * 3);
  }
  /* A permutation, for several sizes; N = 0 and 1 draw nothing. */
  {
    const size_t sizes[] = { 0, 1, 2, 3, 10, 257 };
    size_t p[257];
    for (size_t k = 0; k < sizeof sizes / sizeof *sizes; k++)
      {
        uint64_t s = 5;
        bp_shuffle (p, sizes[k], &s);
        CHECK (is_permutation (p, sizes[k]));
        if (sizes[k] <= 1)
          CHECK (s == 5);
        else
          CHECK (s != 5);
      }
  }
  /* The order is a function of the state: the same state gives the same
     order and leaves the same state; another seed another order (two
     equal orders of 10 by chance: 1/10!). */
  {
    size_t a[10], b[10], c[10];
    uint64_t sa = 42, sb = 42, sc = 43;
    bp_shuffle (a, 10, &sa);
    bp_shuffle (b, 10, &sb);
    bp_shuffle (c, 10, &sc);
    CHECK (memcmp (a, b, sizeof a) == 0);
    CHECK (sa == sb);
    CHECK (memcmp (a, c, sizeof a) != 0);
    /* The next epoch's order from the advanced state differs too. */
    bp_shuffle (b, 10, &sb);
    CHECK (memcmp (a, b, sizeof a) != 0);
    /* Not the identity. */
    int identity = 1;
    for (size_t i = 0; i < 10; i++)
      identity &= a[i] == i;
    CHECK (!identity);
  }
  /* Rough uniformity for N = 3: 60000 shuffles from one running state,
     each of the 6 orders expected 10000 times with standard deviation
     sqrt(60000 (1/6)(5/6)) = 91.3.  Every count within 600 (6.6 sd) of
     10000, and Pearson's chi-square with 5 degrees of freedom below 30
     (p = 1.5e-5 for a fair shuffle).  Deterministic: the seed is fixed.
     A biased rule (say j uniform over all N each step) gives counts
     8889/11111 apart, far outside both. */
  {
    size_t count[6] = { 0 };
    uint64_t s = 2024;
    size_t p[3];
    for (size_t k = 0; k < 60000; k++)
      {
        bp_shuffle (p, 3, &s);
        /* index of the order: first element * 2 + (second > third) */
        count[p[0] * 2 + (p[1] > p[2])]++;
      }
    double chi2 = 0.0;
    for (size_t i = 0; i < 6; i++)
      {
        CHECK (count[i] > 9400 && count[i] < 10600);
        chi2 += ((double) count[i] - 10000.0) * ((double) count[i] - 10000.0)
                / 10000.0;
      }
    CHECK (chi2 < 30.0);
  }
}

/* ====================================================== training runs */

#define MAXE 64                 /* epochs a test may run */
#define MAXB 256                /* batches a test may record */

/* Why 1e-12 when a run is compared with a hand-written loop.  The loop
   forms each batch's gradient with the core functions the run uses
   (bp_forward, bp_backward, bp_weight_gradient, each checked above
   against naive references) and applies the documented update entry by
   entry.  The run may associate some operations differently (Adam's
   bias correction by pow, against the loop's running product), so a
   step can differ in the last bits of O(1) numbers; over a few dozen
   steps of a smooth map that stays far below 1e-12, while a wrong batch,
   order, rate or formula moves the weights by 1e-4 or more. */
#define TRAIN_TOL 1e-12

static gsl_matrix *train_X, *train_Y, *train_Y1h, *train_Yb, *val_X,
                  *val_Y, *val_Y1h;

static void
train_data_alloc (void)
{
  lcg_seed (51);
  train_X = random_matrix (10, 2, -1, 1);
  train_Y = random_matrix (10, 2, 0, 1);
  train_Y1h = one_hot_targets (train_X, 3);
  val_X = random_matrix (7, 2, -1, 1);
  val_Y1h = one_hot_targets (val_X, 3);
  val_Y = random_matrix (7, 2, 0, 1);
  /* binary targets: 1 when x1 x2 > 0 */
  train_Yb = gsl_matrix_alloc (10, 1);
  for (size_t i = 0; i < 10; i++)
    gsl_matrix_set (train_Yb, i, 0,
                    gsl_matrix_get (train_X, i, 0)
                    * gsl_matrix_get (train_X, i, 1) > 0);
}

static void
train_data_free (void)
{
  gsl_matrix_free (train_X);
  gsl_matrix_free (train_Y);
  gsl_matrix_free (train_Y1h);
  gsl_matrix_free (train_Yb);
  gsl_matrix_free (val_X);
  gsl_matrix_free (val_Y);
  gsl_matrix_free (val_Y1h);
}

static tnet *
sigmoid_232 (void)
{
  const size_t n[] = { 2, 3, 2 };
  const bp_activation g[] = { BP_SIGMOID, BP_SIGMOID };
  tnet *t = tnet_new (2, n, g, BP_QUADRATIC);
  lcg_seed (61);
  tnet_randomize (t, -1, 1);
  return t;
}

static tnet *
softmax_233 (void)
{
  const size_t n[] = { 2, 3, 3 };
  const bp_activation g[] = { BP_TANH, BP_SOFTMAX };
  tnet *t = tnet_new (2, n, g, BP_LOG_LIKELIHOOD);
  lcg_seed (62);
  tnet_randomize (t, -1, 1);
  return t;
}

static tnet *
binary_231 (void)
{
  const size_t n[] = { 2, 3, 1 };
  const bp_activation g[] = { BP_TANH, BP_SIGMOID };
  tnet *t = tnet_new (2, n, g, BP_CROSS_ENTROPY);
  lcg_seed (63);
  tnet_randomize (t, -1, 1);
  return t;
}

/* Options: bp_train's defaults, then these; no shuffle. */
static bp_train_options
options (size_t epochs, size_t batch, double eta)
{
  bp_train_options o;
  bp_options_default (&o);
  o.epochs = epochs;
  o.batch = batch;
  o.eta = eta;
  o.shuffle = 0;
  return o;
}

/* A run in a block of exactly bp_run_bytes (valgrind sees overruns). */
static bp_run *
run_new (const bp_net *net, size_t N, size_t Nv, bp_targets t,
         const bp_train_options *o, const bp_state *st, void **mem)
{
  const size_t bytes = bp_run_bytes (net->L, net->n, N, o);
  CHECK (bytes > 0);
  *mem = xmalloc (bytes);
  bp_run *r = NULL;
  const int s = bp_run_init (*mem, net, N, Nv, t, o, st, &r);
  CHECK_INT (s, BP_OK);
  if (s != BP_OK)
    {
      free (*mem);
      *mem = NULL;
      return NULL;
    }
  return r;
}

static void
run_free (bp_run *r, void *mem)
{
  if (r)
    bp_run_release (r);
  free (mem);
}

/* ---- the hand-written loop */

typedef struct {
  double loss[MAXE], acc[MAXE], vloss[MAXE], vacc[MAXE], rms[MAXE][MAXL];
  double batch_loss[MAXB];      /* every batch's loss, in order */
  size_t nbatch;
  uint64_t steps;
} hand_result;

/* The training loop of the contract, written out: batches of o->batch
   rows in row order (the last one smaller), each batch bp_forward,
   bp_backward, bp_weight_gradient, then the documented update of
   o->opt entry by entry over all parameters, t counting the updates.
   Epoch e uses rate etas[e] (etas NULL: o->eta).  The epoch loss is the
   mean of the batch losses (loss plus the weight-decay cost of the
   batch), the accuracy the fraction of samples whose output class hits
   the target's in the same forward pass (classes: one output read with
   0.5, else the argmax), grad_rms the root mean square of every weight
   gradient entry of the epoch's last batch; the validation numbers come from
   a naive forward pass after the epoch (data loss, no decay). */
static void
hand_train (tnet *t, const gsl_matrix *X, const gsl_matrix *Y,
            const bp_train_options *o, const double *etas,
            const gsl_matrix *Xv, const gsl_matrix *Yv, hand_result *r)
{
  const size_t N = X->size1, L = t->net.L;
  const size_t B = o->batch < N ? o->batch : N;
  tws *w = tws_new (L, t->n, B, BP_WS_Z | BP_WS_A | BP_WS_DELTA);
  tnet *grad = tnet_like (t), *m1 = tnet_like (t), *m2 = tnet_like (t);
  const bp_optimizer *op = &o->opt;
  double b1t = 1.0, b2t = 1.0;
  batch_views v;
  memset (r, 0, sizeof *r);
  for (size_t e = 0; e < o->epochs && e < MAXE; e++)
    {
      const double eta = etas ? etas[e] : o->eta;
      double sum = 0.0, gsq[MAXL] = { 0 };
      size_t nb = 0, correct = 0;
      for (size_t r0 = 0; r0 < N; r0 += B)
        {
          const size_t m = N - r0 < B ? N - r0 : B;
          gsl_matrix_const_view x = gsl_matrix_const_submatrix (X, r0, 0, m,
                                                                X->size2);
          gsl_matrix_const_view y = gsl_matrix_const_submatrix (Y, r0, 0, m,
                                                                Y->size2);
          views_of (&w->ws, m, &v);
          double C = NAN, R = NAN;
          bp_forward (&t->net, &x.matrix, v.Z, v.A);
          bp_backward (&t->net, &y.matrix, v.Z, v.A, v.D, &C);
          bp_weight_gradient (&t->net, &x.matrix, v.A, v.D, o->lambda,
                              grad->W, grad->b, &R);
          C += R;
          sum += C;
          nb++;
          if (r->nbatch < MAXB)
            r->batch_loss[r->nbatch++] = C;
          for (size_t i = 0; i < m; i++)
            correct += naive_class (&v.A[L - 1], i)
                       == naive_class (&y.matrix, i);
          for (size_t l = 0; l < L; l++)
            {
              gsq[l] = 0.0;          /* the last batch's is what counts */
              for (size_t q = 0; q < t->n[l] * t->n[l + 1]; q++)
                gsq[l] += grad->W[l].data[q] * grad->W[l].data[q];
            }
          r->steps++;
          b1t *= op->beta1;
          b2t *= op->beta2;
          for (size_t q = 0; q < t->nstore; q++)
            {
              const double g = grad->store[q];
              double *wq = &t->store[q], *v1 = &m1->store[q];
              double *v2 = &m2->store[q];
              switch (op->kind)
                {
                case BP_OPT_SGD:
                  if (op->momentum == 0.0)
                    *wq -= eta * g;
                  else
                    {
                      *v1 = op->momentum * *v1 - eta * g;
                      *wq += *v1;
                    }
                  break;
                case BP_OPT_NESTEROV:
                  *v1 = op->momentum * *v1 - eta * g;
                  *wq += op->momentum * *v1 - eta * g;
                  break;
                case BP_OPT_RMSPROP:
                  *v1 = op->rho * *v1 + (1 - op->rho) * g * g;
                  *wq -= eta * g / (sqrt (*v1) + op->epsilon);
                  break;
                case BP_OPT_ADAM:
                  *v1 = op->beta1 * *v1 + (1 - op->beta1) * g;
                  *v2 = op->beta2 * *v2 + (1 - op->beta2) * g * g;
                  *wq -= eta * (*v1 / (1 - b1t))
                         / (sqrt (*v2 / (1 - b2t)) + op->epsilon);
                  break;
                default:
                  break;
                }
            }
        }
      r->loss[e] = sum / (double) nb;
      r->acc[e] = (double) correct / (double) N;
      for (size_t l = 0; l < L; l++)
        r->rms[e][l] = sqrt (gsq[l] / (double) (t->n[l] * t->n[l + 1]));
      if (Xv)
        {
          size_t vc = 0;
          double vs = 0.0;
          ref_pass p;
          gsl_matrix_view av = gsl_matrix_view_array (p.a[L - 1], 1, t->n[L]);
          for (size_t i = 0; i < Xv->size1; i++)
            {
              gsl_matrix_const_view yi =
                gsl_matrix_const_submatrix (Yv, i, 0, 1, Yv->size2);
              vs += ref_sample (t, Xv->data + i * Xv->tda,
                                Yv->data + i * Yv->tda, &p);
              vc += naive_class (&av.matrix, 0) == naive_class (&yi.matrix, 0);
            }
          r->vloss[e] = vs / (double) Xv->size1;
          r->vacc[e] = (double) vc / (double) Xv->size1;
        }
    }
  tws_free (w);
  tnet_free (grad);
  tnet_free (m1);
  tnet_free (m2);
}

/* ---- a pause callback that records what it sees */

typedef struct {
  size_t calls;
  size_t stop_at;               /* return 1 at this call (1-based); 0: */
  int ret;                      /*   return ret, */
  int at_epoch_end;             /*   or (when set) 1 at the end of epochs */
  bp_progress seen[MAXB];
  /* the parameters at the end of every epoch, when params is set */
  const bp_run *run;
  double *params;               /* MAXE rows of P */
  size_t P, recorded;
} pause_log;

static int
log_pause (void *ctx, const bp_progress *p)
{
  pause_log *pl = ctx;
  if (pl->calls < MAXB)
    pl->seen[pl->calls] = *p;
  pl->calls++;
  if (pl->params && p->epoch_done && p->epoch >= 1 && p->epoch <= MAXE)
    {
      net_flat (bp_run_look (pl->run).net, pl->params + (p->epoch - 1) * pl->P);
      pl->recorded = p->epoch;
    }
  if (pl->stop_at)
    return pl->calls == pl->stop_at;
  if (pl->at_epoch_end)
    return p->epoch_done;
  return pl->ret;
}

/* Advance to the end, pausing whenever pause_log says; returns the final
   status and counts the BP_CONTINUEs. */
static int
advance_all (bp_run *r, const gsl_matrix *X, const gsl_matrix *Y,
             const gsl_matrix *Xv, const gsl_matrix *Yv, pause_log *pl,
             size_t *continues)
{
  int s;
  size_t k = 0;
  while ((s = bp_run_advance (r, X, Y, Xv, Yv, pl ? log_pause : NULL, pl))
         == BP_CONTINUE && k < 100000)
    k++;
  if (continues)
    *continues = k;
  return s;
}

/* ---- run against hand loop */

static void
run_vs_hand (tnet *(*make) (void), const gsl_matrix *Y, bp_targets kind,
             const bp_train_options *o, const double *etas,
             const gsl_matrix *Xv, const gsl_matrix *Yv, const char *what)
{
  const unsigned long f0 = n_failed;
  tnet *a = make (), *b = tnet_clone (a), *a0 = tnet_clone (a);
  hand_result hr;
  void *mem;
  const size_t E = o->epochs, L = a->net.L;
  bp_run *r = run_new (&a->net, train_X->size1, Xv ? Xv->size1 : 0, kind, o,
                       NULL, &mem);
  if (!r)
    goto out;
  CHECK_SIZE (bp_run_look (r).params, a->nstore);
  CHECK (bp_run_look (r).options->epochs == E && bp_run_look (r).options->eta == o->eta);
  CHECK_INT (advance_all (r, train_X, Y, Xv, Yv, NULL, NULL), BP_OK);
  hand_train (b, train_X, Y, o, etas, Xv, Yv, &hr);
  const bp_history *h = bp_run_look (r).history;
  const bp_state *st = bp_run_look (r).state;
  double *got = xcalloc (a->nstore, sizeof (double));
  net_flat (bp_run_look (r).net, got);
  CHECK_ARR (got, b->store, a->nstore, TRAIN_TOL);
  /* The network given to bp_run_init is copied, not trained in place. */
  CHECK_SAME (a->store, a0->store, a->nstore);
  CHECK_SIZE (h->epochs, E);
  CHECK_INT (h->stopped, BP_STOP_EPOCHS);
  CHECK_SIZE (h->best_epoch, 0);
  CHECK_SIZE (bp_run_look (r).bad_epoch, 0);
  CHECK_ARR (h->loss, hr.loss, E, TRAIN_TOL);
  int secs = 1, nan_acc = 1, nan_val = 1;
  for (size_t e = 0; e < E; e++)
    {
      secs &= h->seconds[e] >= 0.0 && isfinite (h->seconds[e]);
      nan_acc &= isnan (h->accuracy[e]);
      nan_val &= isnan (h->val_loss[e]) && isnan (h->val_accuracy[e]);
    }
  CHECK (secs);
  if (kind != BP_NO_CLASSES)
    CHECK_ARR (h->accuracy, hr.acc, E, 0.0);
  else
    CHECK (nan_acc);
  if (Xv)
    {
      CHECK_ARR (h->val_loss, hr.vloss, E, TRAIN_TOL);
      if (kind != BP_NO_CLASSES)
        CHECK_ARR (h->val_accuracy, hr.vacc, E, 0.0);
    }
  else
    CHECK (nan_val);
  /* The rate of each epoch, exactly. */
  for (size_t e = 0; e < E; e++)
    CHECK (h->eta[e] == (etas ? etas[e] : o->eta));
  /* grad_rms: epochs-by-L, epoch-major. */
  {
    double want[MAXE * MAXL];
    for (size_t e = 0; e < E; e++)
      for (size_t l = 0; l < L; l++)
        want[e * L + l] = hr.rms[e][l];
    CHECK_ARR (h->grad_rms, want, E * L, TRAIN_TOL);
  }
  /* The state to go on from. */
  CHECK_SIZE (st->epoch, E);
  CHECK (st->step == hr.steps);
  CHECK_INT (st->moments, bp_optimizer_moments (&o->opt));
  free (got);
  run_free (r, mem);
out:
  if (n_failed != f0)
    printf ("  (in run case: %s)\n", what);
  tnet_free (a);
  tnet_free (b);
  tnet_free (a0);
}

static void
test_runs_vs_loop (void)
{
  /* N = 10, batch 4: batches of rows 0-3, 4-7 and 8-9. */
  bp_train_options o = options (3, 4, 0.5);
  run_vs_hand (sigmoid_232, train_Y, BP_NO_CLASSES, &o, NULL, NULL, NULL,
               "plain SGD, batch 4 of 10");
  o.opt.momentum = 0.9;
  run_vs_hand (sigmoid_232, train_Y, BP_NO_CLASSES, &o, NULL, NULL, NULL,
               "momentum 0.9");
  o.opt.momentum = 0.0;
  o.lambda = 0.1;
  run_vs_hand (sigmoid_232, train_Y, BP_NO_CLASSES, &o, NULL, NULL, NULL,
               "lambda 0.1");
  o.opt.momentum = 0.5;
  o.lambda = 0.05;
  o.epochs = 4;
  run_vs_hand (sigmoid_232, train_Y, BP_NO_CLASSES, &o, NULL, NULL, NULL,
               "momentum 0.5 and lambda 0.05");
  /* batch larger than N: one batch of all 10 rows */
  o = options (3, 100, 0.5);
  run_vs_hand (sigmoid_232, train_Y, BP_NO_CLASSES, &o, NULL, NULL, NULL,
               "batch 100 > N = 10");
  /* batch 1: pure online SGD */
  o = options (2, 1, 0.2);
  run_vs_hand (sigmoid_232, train_Y, BP_NO_CLASSES, &o, NULL, NULL, NULL,
               "batch 1");
  /* The other optimisers, with lambda. */
  o = options (3, 4, 0.3);
  o.lambda = 0.02;
  o.opt.kind = BP_OPT_NESTEROV;
  o.opt.momentum = 0.8;
  run_vs_hand (sigmoid_232, train_Y, BP_NO_CLASSES, &o, NULL, NULL, NULL,
               "nesterov 0.8");
  o.opt.kind = BP_OPT_RMSPROP;
  o.opt.momentum = 0.0;
  o.opt.rho = 0.9;
  o.eta = 0.01;
  run_vs_hand (sigmoid_232, train_Y, BP_NO_CLASSES, &o, NULL, NULL, NULL,
               "rmsprop 0.9");
  o.opt.kind = BP_OPT_ADAM;
  o.eta = 0.05;
  o.epochs = 4;
  run_vs_hand (sigmoid_232, train_Y, BP_NO_CLASSES, &o, NULL, NULL, NULL,
               "adam");
  /* Softmax + log-likelihood, one-hot: accuracy, and validation data of
     7 rows, more than one batch, so the evaluation runs in pieces. */
  o = options (3, 4, 0.7);
  o.opt.momentum = 0.3;
  o.lambda = 0.02;
  run_vs_hand (softmax_233, train_Y1h, BP_ONE_HOT, &o, NULL, val_X, val_Y1h,
               "softmax, one-hot, momentum, lambda, validation");
  o = options (2, 3, 1.0);
  run_vs_hand (softmax_233, train_Y1h, BP_ONE_HOT, &o, NULL, val_X, val_Y1h,
               "softmax, batch 3");
  /* One sigmoid output, cross-entropy, 0/1 targets: binary accuracy. */
  o = options (3, 4, 0.5);
  run_vs_hand (binary_231, train_Yb, BP_BINARY, &o, NULL, NULL, NULL,
               "binary, cross-entropy");
  /* Validation without classes. */
  o = options (2, 4, 0.5);
  run_vs_hand (sigmoid_232, train_Y, BP_NO_CLASSES, &o, NULL, val_X, val_Y,
               "validation, no classes");
  /* Schedules: the rate of epoch e by hand.  step {2, 0.5} from 0.8:
     0.8, 0.8, 0.4, 0.4, 0.2; exponential 0.5: 0.8, 0.4, 0.2, 0.1. */
  {
    const double step[] = { 0.8, 0.8, 0.4, 0.4, 0.2 };
    o = options (5, 4, 0.8);
    o.schedule = (bp_schedule) { BP_SCHED_STEP, 2, 0.5, 0, 0, 0 };
    run_vs_hand (sigmoid_232, train_Y, BP_NO_CLASSES, &o, step, NULL, NULL,
                 "step schedule");
    const double expo[] = { 0.8, 0.4, 0.2, 0.1 };
    o = options (4, 4, 0.8);
    o.opt.momentum = 0.5;
    o.schedule = (bp_schedule) { BP_SCHED_EXPONENTIAL, 0, 0, 0.5, 0, 0 };
    run_vs_hand (sigmoid_232, train_Y, BP_NO_CLASSES, &o, expo, NULL, NULL,
                 "exponential schedule, momentum");
  }
}

/* grad_rms against a fully naive loop: a 2-2-1 network on XOR's four
   samples, one batch per epoch, so each epoch's grad_rms is the RMS of
   one gradient, here formed one sample at a time by ref_gradient.  The
   gradients agree to a few ulp (summation order, library versus
   exp-based sigmoid); 3 steps of eta 2 keep the weights within 1e-13,
   and each RMS (about 1e-2 .. 1e-1) within 1e-12 relative. */
static void
test_run_grad_rms (void)
{
  const size_t n[] = { 2, 2, 1 };
  const bp_activation g[] = { BP_SIGMOID, BP_SIGMOID };
  tnet *t = tnet_new (2, n, g, BP_QUADRATIC);
  lcg_seed (71);
  tnet_randomize (t, -1, 1);
  tnet *ref = tnet_clone (t), *grad = tnet_like (t);
  double x[] = { 0, 0, 0, 1, 1, 0, 1, 1 }, y[] = { 0, 1, 1, 0 };
  gsl_matrix X = mview (x, 4, 2), Y = mview (y, 4, 1);
  bp_train_options o = options (3, 4, 2.0);
  o.lambda = 0.1;
  void *mem;
  bp_run *r = run_new (&t->net, 4, 0, BP_BINARY, &o, NULL, &mem);
  if (r)
    {
      CHECK_INT (advance_all (r, &X, &Y, NULL, NULL, NULL, NULL), BP_OK);
      const bp_history *h = bp_run_look (r).history;
      for (size_t e = 0; e < 3; e++)
        {
          ref_gradient (ref, &X, &Y, o.lambda, grad);
          for (size_t l = 0; l < 2; l++)
            {
              double s = 0.0;
              for (size_t k = 0; k < n[l]; k++)
                for (size_t j = 0; j < n[l + 1]; j++)
                  s += gsl_matrix_get (&grad->W[l], k, j)
                       * gsl_matrix_get (&grad->W[l], k, j);
              CHECK_REL (h->grad_rms[e * 2 + l],
                         sqrt (s / (double) (n[l] * n[l + 1])), 1e-12);
            }
          for (size_t q = 0; q < ref->nstore; q++)
            ref->store[q] -= o.eta * grad->store[q];
        }
      double got[9];
      net_flat (bp_run_look (r).net, got);
      CHECK_ARR (got, ref->store, 9, 1e-13);
      run_free (r, mem);
    }
  tnet_free (t);
  tnet_free (ref);
  tnet_free (grad);
}

/* What the pause callback sees: 2 epochs of batches of 4, 4, 2 rows. */
static void
test_run_progress (void)
{
  {
    tnet *a = sigmoid_232 (), *b = sigmoid_232 ();
    bp_train_options o = options (2, 4, 0.5);
    pause_log pl;
    memset (&pl, 0, sizeof pl);
    hand_result hr;
    void *mem;
    bp_run *r = run_new (&a->net, 10, 0, BP_NO_CLASSES, &o, NULL, &mem);
    if (r)
      {
        CHECK_INT (advance_all (r, train_X, train_Y, NULL, NULL, &pl, NULL),
                   BP_OK);
        hand_train (b, train_X, train_Y, &o, NULL, NULL, NULL, &hr);
        const bp_history *h = bp_run_look (r).history;
        const size_t samples[] = { 4, 8, 10, 14, 18, 20 };
        for (size_t k = 0; k < 6 && k < pl.calls; k++)
          {
            const bp_progress *p = &pl.seen[k];
            CHECK_SIZE (p->epoch, k / 3 + 1);
            CHECK_SIZE (p->epochs, 2);
            CHECK_SIZE (p->batch, k % 3 + 1);
            CHECK_SIZE (p->batches, 3);
            CHECK_SIZE (p->samples, samples[k]);
            CHECK (p->epoch_done == (k % 3 == 2));
            CHECK (p->accuracy == -1.0);       /* no classes */
            /* running mean of this epoch's batch losses */
            double s = 0.0;
            for (size_t q = k - k % 3; q <= k; q++)
              s += hr.batch_loss[q];
            CHECK_NEAR (p->loss, s / (double) (k % 3 + 1), TRAIN_TOL);
          }
        CHECK (pl.calls >= 3 && pl.seen[2].loss == h->loss[0]);
        /* "After every mini-batch, pause sees the progress": the last
           batch too, whose call is the only one to see epoch 2 done
           (its return value no longer matters: the run has ended). */
        {
          const unsigned long f0 = n_failed;
          CHECK_SIZE (pl.calls, 6);
          CHECK (pl.calls >= 6 && pl.seen[5].epoch == 2
                 && pl.seen[5].epoch_done && pl.seen[5].loss == h->loss[1]);
          if (n_failed != f0)
            printf ("  (the pause callback does not see the batch that "
                    "ends the run)\n");
        }
        run_free (r, mem);
      }
    tnet_free (a);
    tnet_free (b);
  }
  /* One-hot: the running accuracy at the end of an epoch is the epoch's. */
  {
    tnet *a = softmax_233 ();
    bp_train_options o = options (3, 4, 0.5);
    pause_log pl;
    memset (&pl, 0, sizeof pl);
    void *mem;
    bp_run *r = run_new (&a->net, 10, 0, BP_ONE_HOT, &o, NULL, &mem);
    if (r)
      {
        CHECK_INT (advance_all (r, train_X, train_Y1h, NULL, NULL, &pl, NULL),
                   BP_OK);
        const bp_history *h = bp_run_look (r).history;
        CHECK (pl.calls >= 6);
        CHECK (pl.seen[2].accuracy == h->accuracy[0]);
        CHECK (pl.seen[5].accuracy == h->accuracy[1]);
        CHECK (pl.seen[0].accuracy >= 0.0 && pl.seen[0].accuracy <= 1.0);
        run_free (r, mem);
      }
    tnet_free (a);
  }
  /* A nonzero return pauses the run right after that batch: pausing at
     the 2nd call leaves the net as after the first 2 batches, i.e. as
     one epoch of the hand loop over rows 0-7; the run then goes on. */
  {
    tnet *a = sigmoid_232 (), *b = sigmoid_232 ();
    bp_train_options o = options (5, 4, 0.5);
    pause_log pl;
    memset (&pl, 0, sizeof pl);
    pl.stop_at = 2;
    void *mem;
    bp_run *r = run_new (&a->net, 10, 0, BP_NO_CLASSES, &o, NULL, &mem);
    if (r)
      {
        CHECK_INT (bp_run_advance (r, train_X, train_Y, NULL, NULL, log_pause,
                                   &pl), BP_CONTINUE);
        CHECK_SIZE (pl.calls, 2);
        CHECK_SIZE (bp_run_look (r).history->epochs, 0);
        CHECK_INT (bp_run_look (r).history->stopped, BP_STOP_NONE);
        gsl_matrix_const_view x8 =
          gsl_matrix_const_submatrix (train_X, 0, 0, 8, 2);
        gsl_matrix_const_view y8 =
          gsl_matrix_const_submatrix (train_Y, 0, 0, 8, 2);
        bp_train_options o8 = options (1, 4, 0.5);
        hand_result hr;
        hand_train (b, &x8.matrix, &y8.matrix, &o8, NULL, NULL, NULL, &hr);
        double got[17];
        net_flat (bp_run_look (r).net, got);
        CHECK_ARR (got, b->store, 17, TRAIN_TOL);
        /* the rest without pausing */
        CHECK_INT (bp_run_advance (r, train_X, train_Y, NULL, NULL, NULL,
                                   NULL), BP_OK);
        CHECK_SIZE (bp_run_look (r).history->epochs, 5);
        /* a finished run stays finished */
        CHECK_INT (bp_run_advance (r, train_X, train_Y, NULL, NULL, NULL,
                                   NULL), BP_OK);
        CHECK_SIZE (bp_run_look (r).history->epochs, 5);
        run_free (r, mem);
      }
    tnet_free (a);
    tnet_free (b);
  }
}

/* bp_run_bytes, _init and _advance refuse what does not fit. */
static void
test_run_refusals (void)
{
  tnet *t = sigmoid_232 ();
  const size_t *n = t->n;
  bp_train_options o = options (3, 4, 0.5);
  CHECK (bp_run_bytes (2, n, 10, &o) > 0);
  /* No samples, no layers, parameters or a permutation that cannot be
     counted: 0 bytes. */
  CHECK_SIZE (bp_run_bytes (2, n, 0, &o), 0);
  CHECK_SIZE (bp_run_bytes (0, n, 10, &o), 0);
  const size_t huge[] = { SIZE_MAX / 2, 2 };
  CHECK_SIZE (bp_run_bytes (1, huge, 10, &o), 0);
  {
    bp_train_options s = o;
    s.shuffle = 1;
    CHECK_SIZE (bp_run_bytes (2, n, SIZE_MAX / 4, &s), 0);
  }
  /* More state, more bytes: momentum adds a velocity, adam two moments,
     early stopping the best parameters (17 doubles each, at least). */
  {
    const size_t base = bp_run_bytes (2, n, 10, &o);
    bp_train_options m = o;
    m.opt.momentum = 0.9;
    CHECK (bp_run_bytes (2, n, 10, &m) >= base + 17 * sizeof (double));
    m.opt.kind = BP_OPT_ADAM;
    CHECK (bp_run_bytes (2, n, 10, &m) >= base + 34 * sizeof (double));
    m = o;
    m.patience = 2;
    CHECK (bp_run_bytes (2, n, 10, &m) >= base + 17 * sizeof (double));
  }
  /* Memory besides the block: GSL's minimiser for cg and bfgs (at least
     its point, gradient and step: 3 vectors of P), nothing otherwise. */
  {
    CHECK_SIZE (bp_run_extra_bytes (17, &o), 0);
    bp_train_options c = o;
    c.opt.kind = BP_OPT_CG;
    CHECK (bp_run_extra_bytes (17, &c) >= 3 * 17 * sizeof (double));
    c.opt.kind = BP_OPT_BFGS;
    CHECK (bp_run_extra_bytes (17, &c) >= 3 * 17 * sizeof (double));
  }
  /* Options out of their domain: batch 0, epochs 0, max_iter 0. */
  {
    bp_train_options b = o;
    b.batch = 0;
    void *mem = xmalloc (bp_run_bytes (2, n, 10, &o) + 4096);
    bp_run *r = NULL;
    CHECK_INT (bp_run_init (mem, &t->net, 10, 0, BP_NO_CLASSES, &b, NULL, &r),
               BP_EINVAL);
    b = o;
    b.epochs = 0;
    CHECK_INT (bp_run_init (mem, &t->net, 10, 0, BP_NO_CLASSES, &b, NULL, &r),
               BP_EINVAL);
    b = o;
    b.opt.kind = BP_OPT_CG;
    b.max_iter = 0;
    CHECK_INT (bp_run_init (mem, &t->net, 10, 0, BP_NO_CLASSES, &b, NULL, &r),
               BP_EINVAL);
    free (mem);
  }
  /* A state whose moments do not match the optimiser: adam's two given
     to sgd, sgd-with-momentum's one given to adam; an early-stopping
     record that claims a best epoch without its parameters. */
  {
    double m1[17] = { 0 }, m2[17] = { 0 }, best[17] = { 0 };
    bp_state st;
    memset (&st, 0, sizeof st);
    st.eta = 0.5;
    st.plateau_best = st.best_loss = HUGE_VAL;
    st.m1 = m1;
    st.m2 = m2;
    st.best = best;
    st.moments = 2;
    void *mem = xmalloc (bp_run_bytes (2, n, 10, &o) + 4096);
    bp_run *r = NULL;
    CHECK_INT (bp_run_init (mem, &t->net, 10, 0, BP_NO_CLASSES, &o, &st, &r),
               BP_EINVAL);
    free (mem);
    bp_train_options a = o;
    a.opt.kind = BP_OPT_ADAM;
    st.moments = 1;
    mem = xmalloc (bp_run_bytes (2, n, 10, &a));
    CHECK_INT (bp_run_init (mem, &t->net, 10, 0, BP_NO_CLASSES, &a, &st, &r),
               BP_EINVAL);
    st.moments = 2;
    CHECK_INT (bp_run_init (mem, &t->net, 10, 0, BP_NO_CLASSES, &a, &st, &r),
               BP_OK);
    free (mem);
    bp_train_options p = o;
    p.patience = 2;
    st.moments = 0;
    st.best_epoch = 3;
    st.best_loss = 0.1;
    st.has_best = 0;
    mem = xmalloc (bp_run_bytes (2, n, 10, &p));
    CHECK_INT (bp_run_init (mem, &t->net, 10, 0, BP_NO_CLASSES, &p, &st, &r),
               BP_EINVAL);
    st.has_best = 1;
    CHECK_INT (bp_run_init (mem, &t->net, 10, 0, BP_NO_CLASSES, &p, &st, &r),
               BP_OK);
    free (mem);
  }
  /* Data of the wrong shape: BP_EBADLEN, and nothing trained. */
  {
    void *mem;
    bp_run *r = run_new (&t->net, 10, 7, BP_NO_CLASSES, &o, NULL, &mem);
    if (r)
      {
        gsl_matrix *X11 = random_matrix (11, 2, -1, 1);
        gsl_matrix *Y11 = random_matrix (11, 2, 0, 1);
        gsl_matrix *X3 = random_matrix (10, 3, -1, 1);
        gsl_matrix *Y3 = random_matrix (10, 3, 0, 1);
        gsl_matrix_view X10 = gsl_matrix_submatrix (X11, 0, 0, 10, 2);
        gsl_matrix_view Xv6 = gsl_matrix_submatrix (X11, 0, 0, 6, 2);
        gsl_matrix_view Xv3 = gsl_matrix_submatrix (X3, 0, 0, 7, 3);
        gsl_matrix_view Yv3 = gsl_matrix_submatrix (Y3, 0, 0, 7, 3);
        CHECK_INT (bp_run_advance (r, X11, train_Y, val_X, val_Y, NULL, NULL),
                   BP_EBADLEN);
        CHECK_INT (bp_run_advance (r, train_X, Y11, val_X, val_Y, NULL, NULL),
                   BP_EBADLEN);
        CHECK_INT (bp_run_advance (r, X3, train_Y, val_X, val_Y, NULL, NULL),
                   BP_EBADLEN);
        CHECK_INT (bp_run_advance (r, &X10.matrix, Y3, val_X, val_Y, NULL,
                                   NULL), BP_EBADLEN);
        CHECK_INT (bp_run_advance (r, train_X, train_Y, val_X, NULL, NULL,
                                   NULL), BP_EBADLEN);
        CHECK_INT (bp_run_advance (r, train_X, train_Y, &Xv6.matrix, val_Y,
                                   NULL, NULL), BP_EBADLEN);
        CHECK_INT (bp_run_advance (r, train_X, train_Y, &Xv3.matrix, val_Y,
                                   NULL, NULL), BP_EBADLEN);
        CHECK_INT (bp_run_advance (r, train_X, train_Y, val_X, &Yv3.matrix,
                                   NULL, NULL), BP_EBADLEN);
        double got[17];
        net_flat (bp_run_look (r).net, got);
        CHECK_SAME (got, t->store, 17);
        CHECK_SIZE (bp_run_look (r).history->epochs, 0);
        CHECK (bp_run_look (r).state->step == 0);
        /* ... and the right data then trains as a fresh run does. */
        CHECK_INT (bp_run_advance (r, train_X, train_Y, val_X, val_Y, NULL,
                                   NULL), BP_OK);
        tnet *b = sigmoid_232 ();
        hand_result hr;
        hand_train (b, train_X, train_Y, &o, NULL, val_X, val_Y, &hr);
        net_flat (bp_run_look (r).net, got);
        CHECK_ARR (got, b->store, 17, TRAIN_TOL);
        tnet_free (b);
        gsl_matrix_free (X11);
        gsl_matrix_free (Y11);
        gsl_matrix_free (X3);
        gsl_matrix_free (Y3);
        run_free (r, mem);
      }
  }
  tnet_free (t);
}

/* Divergence.  The epoch a run names is the one whose update produced
   the weights that give a non-finite loss (a loss on the first batch of
   an epoch comes from the previous epoch's last step), or in whose
   updates a weight became infinite.

   A 1-1 linear net, w = 1, b = 0, quadratic loss, x = 1, y = 0, and
   eta = 1e300.  Epoch 1: a = 1, C = 1/2, delta = 1, dW = db = 1, so
   w = 1 - 1e300 = -1e300, b = -1e300 (finite).  Epoch 2: a = -2e300,
   C = (4e600)/2 = inf, caused by epoch 1's update: BP_EDIVERGE, epoch 1,
   and epoch 1's history (loss 1/2) is kept. */
static void
test_run_diverge (void)
{
  const size_t n[] = { 1, 1 };
  const bp_activation g[] = { BP_LINEAR };
  double x[] = { 1, 1 }, y[] = { 0, 0 };
  {
    tnet *t = tnet_new (1, n, g, BP_QUADRATIC);
    t->W[0].data[0] = 1.0;
    gsl_matrix X = mview (x, 1, 1), Y = mview (y, 1, 1);
    bp_train_options o = options (5, 1, 1e300);
    void *mem;
    bp_run *r = run_new (&t->net, 1, 0, BP_NO_CLASSES, &o, NULL, &mem);
    if (r)
      {
        CHECK_INT (bp_run_advance (r, &X, &Y, NULL, NULL, NULL, NULL),
                   BP_EDIVERGE);
        CHECK_SIZE (bp_run_look (r).bad_epoch, 1);
        CHECK_SIZE (bp_run_look (r).history->epochs, 1);
        CHECK_NEAR (bp_run_look (r).history->loss[0], 0.5, 0.0);
        run_free (r, mem);
      }
    tnet_free (t);
  }
  /* The same with two samples and batch 1: the second batch of epoch 1
     already sees the -1e300 weights and its loss is inf: epoch 1. */
  {
    tnet *t = tnet_new (1, n, g, BP_QUADRATIC);
    t->W[0].data[0] = 1.0;
    gsl_matrix X = mview (x, 2, 1), Y = mview (y, 2, 1);
    bp_train_options o = options (5, 1, 1e300);
    void *mem;
    bp_run *r = run_new (&t->net, 2, 0, BP_NO_CLASSES, &o, NULL, &mem);
    if (r)
      {
        CHECK_INT (bp_run_advance (r, &X, &Y, NULL, NULL, NULL, NULL),
                   BP_EDIVERGE);
        CHECK_SIZE (bp_run_look (r).bad_epoch, 1);
        CHECK_SIZE (bp_run_look (r).history->epochs, 0);
        run_free (r, mem);
      }
    tnet_free (t);
  }
  /* A 2-3-2 sigmoid/linear network (unbounded output, so the quadratic
     loss can blow up) with eta = 1e300: the first step makes the output
     weights O(1e299), the second batch's loss overflows.  Epoch 1. */
  {
    const size_t n3[] = { 2, 3, 2 };
    const bp_activation g3[] = { BP_SIGMOID, BP_LINEAR };
    tnet *t = tnet_new (2, n3, g3, BP_QUADRATIC);
    lcg_seed (71);
    tnet_randomize (t, -1, 1);
    bp_train_options o = options (4, 4, 1e300);
    void *mem;
    bp_run *r = run_new (&t->net, 10, 0, BP_NO_CLASSES, &o, NULL, &mem);
    if (r)
      {
        CHECK_INT (bp_run_advance (r, train_X, train_Y, NULL, NULL, NULL,
                                   NULL), BP_EDIVERGE);
        CHECK_SIZE (bp_run_look (r).bad_epoch, 1);
        run_free (r, mem);
      }
    tnet_free (t);
  }
  /* Infinite weights with a finite loss: a saturating output hides them.
     1-1 sigmoid net, w = 0.01, b = 0, quadratic loss, x = 100, y = 0,
     eta = 1e308.  Epoch 1: z = 1, a = s = 1/(1 + e^-1) = 0.731,
     delta = (a - 0) a (1 - a) = 0.1438, dW = x delta = 14.38, so
     w = 0.01 - 1e308 * 14.38 = -inf, b = -1.438e307.  From then on
     z = -inf, a = 0 = y: the loss is exactly 0.  The weights became
     infinite in epoch 1, so that is the epoch to name, found when the
     epoch ends (its history is not recorded). */
  {
    tnet *t = tnet_new (1, n, g, BP_QUADRATIC);
    t->g[0] = BP_SIGMOID;
    t->W[0].data[0] = 0.01;
    double x100[] = { 100.0 }, y0[] = { 0.0 };
    gsl_matrix X = mview (x100, 1, 1), Y = mview (y0, 1, 1);
    bp_train_options o = options (5, 1, 1e308);
    void *mem;
    bp_run *r = run_new (&t->net, 1, 0, BP_NO_CLASSES, &o, NULL, &mem);
    if (r)
      {
        CHECK_INT (bp_run_advance (r, &X, &Y, NULL, NULL, NULL, NULL),
                   BP_EDIVERGE);
        CHECK_SIZE (bp_run_look (r).bad_epoch, 1);
        CHECK_SIZE (bp_run_look (r).history->epochs, 0);
        /* the premise: the weight is -inf, the bias finite */
        const bp_net *rn = bp_run_look (r).net;
        CHECK (isinf (rn->W[0].data[0]) && isfinite (rn->b[0].data[0]));
        run_free (r, mem);
      }
    tnet_free (t);
  }
}

/* Early stopping returns exactly the parameters of the best epoch,
   recorded here by a pause callback at the end of every epoch.  The best
   epoch and where the run stops are worked out from the run's own
   history with the rule of bp_train's help, written out: the watched
   loss of epoch e improves when it is below the best so far minus
   min_delta; the run stops after `patience` epochs without one. */
static void
early_stopping_case (const gsl_matrix *Xv, const gsl_matrix *Yv,
                     double min_delta, size_t patience, size_t epochs,
                     bp_stop want, const char *what)
{
  const unsigned long f0 = n_failed;
  tnet *t = sigmoid_232 ();
  bp_train_options o = options (epochs, 4, 2.0);
  o.patience = patience;
  o.min_delta = min_delta;
  o.opt.momentum = 0.9;
  void *mem;
  bp_run *r = run_new (&t->net, 10, Xv ? Xv->size1 : 0, BP_NO_CLASSES, &o,
                       NULL, &mem);
  if (!r)
    {
      tnet_free (t);
      return;
    }
  /* The callback records the network and pauses at the end of every
     epoch. */
  pause_log pl;
  memset (&pl, 0, sizeof pl);
  pl.run = r;
  pl.P = 17;
  pl.params = xcalloc (MAXE * 17, sizeof (double));
  pl.at_epoch_end = 1;
  size_t pauses = 0;
  CHECK_INT (advance_all (r, train_X, train_Y, Xv, Yv, &pl, &pauses), BP_OK);
  const bp_history *h = bp_run_look (r).history;
  CHECK_SIZE (pauses + 1, h->epochs);
  const double *watched = Xv ? h->val_loss : h->loss;
  size_t best = 1, wait = 0, stop = 0;
  for (size_t e = 2; e <= h->epochs && !stop; e++)
    {
      if (watched[e - 1] < watched[best - 1] - min_delta)
        best = e, wait = 0;
      else if (++wait >= patience)
        stop = e;
    }
  /* The premise of the case: the run stops by patience (or runs all its
     epochs), after a best epoch that is not the last (nor, by patience,
     the first). */
  CHECK_INT (h->stopped, want);
  if (want == BP_STOP_PATIENCE)
    {
      CHECK (stop == h->epochs);
      CHECK (best > 1 && best < h->epochs);
    }
  else
    {
      CHECK (stop == 0);
      CHECK_SIZE (h->epochs, epochs);
      CHECK (best < h->epochs);
    }
  CHECK_SIZE (h->best_epoch, best);
  CHECK_SIZE (bp_run_look (r).state->best_epoch, best);
  CHECK (bp_run_look (r).state->best_loss == watched[best - 1]);
  CHECK (pl.recorded >= best);
  double got[17];
  net_flat (bp_run_look (r).net, got);
  if (best >= 1 && best <= MAXE)
    CHECK_SAME (got, pl.params + (best - 1) * 17, 17);
  if (n_failed != f0)
    printf ("  (early stopping: %s; best %zu, stopped after %zu)\n", what,
            best, h->epochs);
  free (pl.params);
  run_free (r, mem);
  tnet_free (t);
}

static void
test_run_early_stopping (void)
{
  /* Training loss watched, min_delta large enough that the slowing
     improvements stop counting while the loss still falls. */
  early_stopping_case (NULL, NULL, 2e-3, 3, 60, BP_STOP_PATIENCE,
                       "training loss, min_delta");
  /* Validation loss watched: targets unrelated to the training ones, so
     it turns up once the network fits the training set. */
  early_stopping_case (val_X, val_Y, 0.0, 2, 60, BP_STOP_PATIENCE,
                       "validation loss");
  /* Patience that never runs out: the run ends with its epochs, and
     still returns the best epoch's weights. */
  early_stopping_case (val_X, val_Y, 0.0, 50, 8, BP_STOP_EPOCHS,
                       "validation loss, all epochs run");

  /* bp_run_stop ends a paused run: history and the best parameters as
     at that point; advancing again trains no more. */
  {
    tnet *t = sigmoid_232 ();
    bp_train_options o = options (20, 4, 2.0);
    o.patience = 50;
    void *mem;
    bp_run *r = run_new (&t->net, 10, 0, BP_NO_CLASSES, &o, NULL, &mem);
    if (r)
      {
        pause_log pl;
        memset (&pl, 0, sizeof pl);
        pl.run = r;
        pl.P = 17;
        pl.params = xcalloc (MAXE * 17, sizeof (double));
        pl.stop_at = 7;          /* batch 1 of epoch 3 */
        CHECK_INT (bp_run_advance (r, train_X, train_Y, NULL, NULL, log_pause,
                                   &pl), BP_CONTINUE);
        bp_run_stop (r, BP_STOP_CALLBACK);
        const bp_history *h = bp_run_look (r).history;
        CHECK_INT (h->stopped, BP_STOP_CALLBACK);
        CHECK_SIZE (h->epochs, 2);
        /* the better of epochs 1 and 2 (patience 50 never ran out) */
        const size_t best = h->loss[1] < h->loss[0] ? 2 : 1;
        CHECK_SIZE (h->best_epoch, best);
        double got[17];
        net_flat (bp_run_look (r).net, got);
        CHECK_SAME (got, pl.params + (best - 1) * 17, 17);
        CHECK_INT (bp_run_advance (r, train_X, train_Y, NULL, NULL, NULL,
                                   NULL), BP_OK);
        double again[17];
        net_flat (bp_run_look (r).net, again);
        CHECK_SAME (again, got, 17);
        CHECK_SIZE (h->epochs, 2);
        /* a second stop changes nothing */
        bp_run_stop (r, BP_STOP_EPOCHS);
        CHECK_INT (h->stopped, BP_STOP_CALLBACK);
        free (pl.params);
        run_free (r, mem);
      }
    tnet_free (t);
  }
}

/* The plateau schedule: patience 1, factor 0.5, min_eta = eta0/5, and a
   min_delta so large that no epoch after the first counts as an
   improvement.  Epoch 1 sets the mark; each later epoch waits 1 >= 1
   and halves the rate for the next: the epochs run at eta0, eta0,
   eta0/2, eta0/4, and after epoch 4 the next rate eta0/8 < eta0/5 stops
   the run (BP_STOP_MIN_ETA).  The network is that of the hand loop with
   those four rates. */
static void
test_run_plateau (void)
{
  const double eta0 = 0.8;
  const double etas[] = { eta0, eta0, eta0 / 2, eta0 / 4 };
  tnet *t = sigmoid_232 (), *b = sigmoid_232 ();
  bp_train_options o = options (10, 4, eta0);
  o.schedule = (bp_schedule) { BP_SCHED_PLATEAU, 0, 0.5, 0, 1, eta0 / 5 };
  o.min_delta = 1e9;
  void *mem;
  bp_run *r = run_new (&t->net, 10, 0, BP_NO_CLASSES, &o, NULL, &mem);
  if (r)
    {
      CHECK_INT (advance_all (r, train_X, train_Y, NULL, NULL, NULL, NULL),
                 BP_OK);
      const bp_history *h = bp_run_look (r).history;
      CHECK_INT (h->stopped, BP_STOP_MIN_ETA);
      CHECK_SIZE (h->epochs, 4);
      for (size_t e = 0; e < 4 && e < h->epochs; e++)
        CHECK (h->eta[e] == etas[e]);
      bp_train_options o4 = options (4, 4, eta0);
      hand_result hr;
      hand_train (b, train_X, train_Y, &o4, etas, NULL, NULL, &hr);
      double got[17];
      net_flat (bp_run_look (r).net, got);
      CHECK_ARR (got, b->store, 17, TRAIN_TOL);
      CHECK_ARR (h->loss, hr.loss, 4, TRAIN_TOL);
      run_free (r, mem);
    }
  tnet_free (t);
  tnet_free (b);
}

/* bp_run_seed seeds a run that has not started; later it is ignored. */
static void
test_run_seed (void)
{
  tnet *t = sigmoid_232 ();
  bp_train_options o = options (3, 3, 0.5);
  o.shuffle = 1;
  o.seed = 5;
  void *m1, *m2, *m3;
  bp_run *a = run_new (&t->net, 10, 0, BP_NO_CLASSES, &o, NULL, &m1);
  o.seed = 1;
  bp_run *b = run_new (&t->net, 10, 0, BP_NO_CLASSES, &o, NULL, &m2);
  bp_run *c = run_new (&t->net, 10, 0, BP_NO_CLASSES, &o, NULL, &m3);
  if (a && b && c)
    {
      bp_run_seed (b, 5);
      CHECK_INT (advance_all (a, train_X, train_Y, NULL, NULL, NULL, NULL),
                 BP_OK);
      CHECK_INT (advance_all (b, train_X, train_Y, NULL, NULL, NULL, NULL),
                 BP_OK);
      double pa[17], pb[17], pc[17];
      net_flat (bp_run_look (a).net, pa);
      net_flat (bp_run_look (b).net, pb);
      CHECK_SAME (pb, pa, 17);
      /* c, seeded 1, is seeded 5 after its first batch: ignored. */
      pause_log pl;
      memset (&pl, 0, sizeof pl);
      pl.stop_at = 1;
      CHECK_INT (bp_run_advance (c, train_X, train_Y, NULL, NULL, log_pause,
                                 &pl), BP_CONTINUE);
      bp_run_seed (c, 5);
      CHECK_INT (advance_all (c, train_X, train_Y, NULL, NULL, NULL, NULL),
                 BP_OK);
      net_flat (bp_run_look (c).net, pc);
      double diff = 0.0;
      for (size_t q = 0; q < 17; q++)
        diff = fmax (diff, fabs (pc[q] - pa[q]));
      CHECK (diff > 1e-6);
      /* and c equals an unseeded-again seed-1 run */
      void *m4;
      bp_run *d = run_new (&t->net, 10, 0, BP_NO_CLASSES, &o, NULL, &m4);
      if (d)
        {
          CHECK_INT (advance_all (d, train_X, train_Y, NULL, NULL, NULL,
                                  NULL), BP_OK);
          double pd[17];
          net_flat (bp_run_look (d).net, pd);
          CHECK_SAME (pc, pd, 17);
          run_free (d, m4);
        }
    }
  run_free (a, m1);
  run_free (b, m2);
  run_free (c, m3);
  tnet_free (t);
}

/* Shuffled runs: reproducible, different per seed, X and Y untouched,
   and each x kept with its own y (one batch of all rows: the gradient
   does not depend on the order, so the run equals the hand loop up to
   the rounding of the sums). */
static void
test_run_shuffle (void)
{
  gsl_matrix *X0 = gsl_matrix_alloc (10, 2), *Y0 = gsl_matrix_alloc (10, 2);
  gsl_matrix_memcpy (X0, train_X);
  gsl_matrix_memcpy (Y0, train_Y);
  tnet *t = sigmoid_232 ();
  bp_train_options o = options (3, 4, 0.5);
  o.shuffle = 1;
  double p[4][17];
  const uint64_t seeds[] = { 42, 42, 43 };
  for (int k = 0; k < 4; k++)
    {
      bp_train_options ok = o;
      if (k < 3)
        ok.seed = seeds[k];
      else
        ok.shuffle = 0;
      void *mem;
      bp_run *r = run_new (&t->net, 10, 0, BP_NO_CLASSES, &ok, NULL, &mem);
      if (r)
        {
          CHECK_INT (advance_all (r, train_X, train_Y, NULL, NULL, NULL, NULL),
                     BP_OK);
          net_flat (bp_run_look (r).net, p[k]);
          run_free (r, mem);
        }
    }
  CHECK_SAME (p[0], p[1], 17);
  double d2 = 0.0, d3 = 0.0;
  for (size_t q = 0; q < 17; q++)
    {
      d2 = fmax (d2, fabs (p[0][q] - p[2][q]));
      d3 = fmax (d3, fabs (p[0][q] - p[3][q]));
    }
  CHECK (d2 > 1e-6);
  CHECK (d3 > 1e-6);
  CHECK (gsl_matrix_equal (X0, train_X) && gsl_matrix_equal (Y0, train_Y));
  /* Sums over the rows in another order: a few ulp per step, 1e-12. */
  {
    bp_train_options f = options (3, 10, 0.5);
    f.shuffle = 1;
    f.seed = 7;
    tnet *b = sigmoid_232 ();
    hand_result hr;
    void *mem;
    bp_run *r = run_new (&t->net, 10, 0, BP_NO_CLASSES, &f, NULL, &mem);
    if (r)
      {
        CHECK_INT (advance_all (r, train_X, train_Y, NULL, NULL, NULL, NULL),
                   BP_OK);
        hand_train (b, train_X, train_Y, &f, NULL, NULL, NULL, &hr);
        double got[17];
        net_flat (bp_run_look (r).net, got);
        CHECK_ARR (got, b->store, 17, TRAIN_TOL);
        CHECK_ARR (bp_run_look (r).history->loss, hr.loss, 3, TRAIN_TOL);
        run_free (r, mem);
      }
    tnet_free (b);
  }
  gsl_matrix_free (X0);
  gsl_matrix_free (Y0);
  tnet_free (t);
}

void
test_runs_loop (void)
{
  train_data_alloc ();
  test_runs_vs_loop ();
  test_run_grad_rms ();
  train_data_free ();
}

void
test_runs_progress (void)
{
  train_data_alloc ();
  test_run_progress ();
  test_run_seed ();
  test_run_shuffle ();
  train_data_free ();
}

void
test_runs_refusals (void)
{
  train_data_alloc ();
  test_run_refusals ();
  test_run_diverge ();
  train_data_free ();
}

void
test_runs_stopping (void)
{
  train_data_alloc ();
  test_run_early_stopping ();
  test_run_plateau ();
  train_data_free ();
}

/* ============================================ pausing and resuming */

/* Two runs that must have reached the very same point: parameters,
   history (all but the seconds) and state, bit for bit. */
static void
same_runs (const bp_run *a, const bp_run *b, const char *what)
{
  const unsigned long f0 = n_failed;
  const size_t P = bp_run_look (a).params, L = bp_run_look (a).net->L;
  double *pa = xcalloc (P, sizeof (double)), *pb = xcalloc (P, sizeof (double));
  net_flat (bp_run_look (a).net, pa);
  net_flat (bp_run_look (b).net, pb);
  CHECK_SAME (pb, pa, P);
  const bp_history *ha = bp_run_look (a).history, *hb = bp_run_look (b).history;
  CHECK_SIZE (hb->epochs, ha->epochs);
  const size_t E = ha->epochs < hb->epochs ? ha->epochs : hb->epochs;
  CHECK_SAME (hb->loss, ha->loss, E);
  CHECK_SAME (hb->accuracy, ha->accuracy, E);
  CHECK_SAME (hb->val_loss, ha->val_loss, E);
  CHECK_SAME (hb->val_accuracy, ha->val_accuracy, E);
  CHECK_SAME (hb->eta, ha->eta, E);
  CHECK_SAME (hb->grad_rms, ha->grad_rms, E * L);
  CHECK_SIZE (hb->best_epoch, ha->best_epoch);
  CHECK_INT (hb->stopped, ha->stopped);
  const bp_state *sa = bp_run_look (a).state, *sb = bp_run_look (b).state;
  CHECK_SIZE (sb->epoch, sa->epoch);
  CHECK (sb->step == sa->step);
  CHECK (sb->rng == sa->rng);
  CHECK_SAME (&sb->eta, &sa->eta, 1);
  CHECK_SAME (&sb->plateau_best, &sa->plateau_best, 1);
  CHECK_SIZE (sb->plateau_wait, sa->plateau_wait);
  CHECK_SAME (&sb->best_loss, &sa->best_loss, 1);
  CHECK_SIZE (sb->best_epoch, sa->best_epoch);
  CHECK_SIZE (sb->wait, sa->wait);
  CHECK_INT (sb->moments, sa->moments);
  if (sa->moments >= 1 && sb->moments >= 1)
    CHECK_SAME (sb->m1, sa->m1, P);
  if (sa->moments >= 2 && sb->moments >= 2)
    CHECK_SAME (sb->m2, sa->m2, P);
  if (n_failed != f0)
    printf ("  (runs differ: %s)\n", what);
  free (pa);
  free (pb);
}

/* Pausing after every batch (the callback always returns 1) gives bit
   for bit the network and history of one uninterrupted advance. */
static void
pause_case (tnet *(*make) (void), const gsl_matrix *Y, bp_targets kind,
            const bp_train_options *o, const gsl_matrix *Xv,
            const gsl_matrix *Yv, size_t want_continues, const char *what)
{
  tnet *t = make ();
  void *ma, *mb;
  const size_t Nv = Xv ? Xv->size1 : 0;
  bp_run *a = run_new (&t->net, 10, Nv, kind, o, NULL, &ma);
  bp_run *b = run_new (&t->net, 10, Nv, kind, o, NULL, &mb);
  if (a && b)
    {
      pause_log pl;
      memset (&pl, 0, sizeof pl);
      pl.ret = 1;
      size_t k = 0;
      CHECK_INT (advance_all (a, train_X, Y, Xv, Yv, NULL, NULL), BP_OK);
      CHECK_INT (advance_all (b, train_X, Y, Xv, Yv, &pl, &k), BP_OK);
      /* one BP_CONTINUE per batch (iteration) but the last */
      CHECK_SIZE (k, want_continues);
      same_runs (a, b, what);
    }
  run_free (a, ma);
  run_free (b, mb);
  tnet_free (t);
}

/* A run of E1 + E2 epochs against a run of E1 epochs and a fresh run of
   E2 epochs given its network and a copy of its state (the moments and
   the best parameters copied into arrays of the test's own, and the
   first run's memory freed before the second starts). */
/* best_last: under early stopping, 1 when the first call's best epoch
   must be its last one, 0 when it must be an earlier one (premises of
   the case), -1 without early stopping. */
static void
resume_case (tnet *(*make) (void), const gsl_matrix *Y, bp_targets kind,
             const bp_train_options *o, size_t E1, size_t E2,
             const gsl_matrix *Xv, const gsl_matrix *Yv, int best_last,
             const char *what)
{
  const unsigned long f0 = n_failed;
  tnet *t = make ();
  const size_t P = t->nstore, L = t->net.L, Nv = Xv ? Xv->size1 : 0;
  bp_train_options oa = *o, o1 = *o, o2 = *o;
  oa.epochs = E1 + E2;
  o1.epochs = E1;
  o2.epochs = E2;
  void *ma, *m1, *m2;
  bp_run *a = run_new (&t->net, 10, Nv, kind, &oa, NULL, &ma);
  bp_run *r1 = run_new (&t->net, 10, Nv, kind, &o1, NULL, &m1);
  if (!a || !r1)
    {
      run_free (a, ma);
      run_free (r1, m1);
      tnet_free (t);
      return;
    }
  CHECK_INT (advance_all (a, train_X, Y, Xv, Yv, NULL, NULL), BP_OK);
  CHECK_INT (advance_all (r1, train_X, Y, Xv, Yv, NULL, NULL), BP_OK);
  if (best_last >= 0)
    {
      const size_t b1 = bp_run_look (r1).history->best_epoch;
      CHECK_SIZE (bp_run_look (r1).history->epochs, E1);
      CHECK (best_last ? b1 == E1 : b1 >= 1 && b1 < E1);
    }
  /* The state, into the test's own arrays. */
  bp_state st = *bp_run_look (r1).state;
  double *mom1 = xcalloc (P, sizeof (double));
  double *mom2 = xcalloc (P, sizeof (double));
  double *best = xcalloc (P, sizeof (double));
  double *last = xcalloc (P, sizeof (double));
  if (st.moments >= 1)
    memcpy (mom1, st.m1, P * sizeof (double));
  if (st.moments >= 2)
    memcpy (mom2, st.m2, P * sizeof (double));
  if (st.has_best)
    memcpy (best, st.best, P * sizeof (double));
  if (st.has_last)
    memcpy (last, st.last, P * sizeof (double));
  st.m1 = mom1;
  st.m2 = mom2;
  st.best = best;
  st.last = last;
  tnet *mid = tnet_clone (t);
  net_flat (bp_run_look (r1).net, mid->store);
  double loss1[MAXE];
  const size_t e1 = bp_run_look (r1).history->epochs;
  memcpy (loss1, bp_run_look (r1).history->loss, e1 * sizeof (double));
  run_free (r1, m1);

  bp_run *r2 = run_new (&mid->net, 10, Nv, kind, &o2, &st, &m2);
  if (r2)
    {
      CHECK_INT (advance_all (r2, train_X, Y, Xv, Yv, NULL, NULL), BP_OK);
      double *pa = xcalloc (P, sizeof (double));
      double *p2 = xcalloc (P, sizeof (double));
      net_flat (bp_run_look (a).net, pa);
      net_flat (bp_run_look (r2).net, p2);
      CHECK_SAME (p2, pa, P);
      const bp_history *ha = bp_run_look (a).history, *h2 = bp_run_look (r2).history;
      CHECK_SIZE (e1 + h2->epochs, ha->epochs);
      if (e1 + h2->epochs == ha->epochs)
        {
          CHECK_SAME (loss1, ha->loss, e1);
          CHECK_SAME (h2->loss, ha->loss + e1, h2->epochs);
          CHECK_SAME (h2->accuracy, ha->accuracy + e1, h2->epochs);
          CHECK_SAME (h2->val_loss, ha->val_loss + e1, h2->epochs);
          CHECK_SAME (h2->eta, ha->eta + e1, h2->epochs);
          CHECK_SAME (h2->grad_rms, ha->grad_rms + e1 * L, h2->epochs * L);
        }
      CHECK_INT (h2->stopped, ha->stopped);
      CHECK_SIZE (h2->best_epoch, ha->best_epoch);
      const bp_state *sa = bp_run_look (a).state, *s2 = bp_run_look (r2).state;
      CHECK_SIZE (s2->epoch, sa->epoch);
      CHECK (s2->step == sa->step);
      CHECK (s2->rng == sa->rng);
      CHECK_SAME (&s2->eta, &sa->eta, 1);
      if (sa->moments >= 1)
        CHECK_SAME (s2->m1, sa->m1, P);
      if (sa->moments >= 2)
        CHECK_SAME (s2->m2, sa->m2, P);
      free (pa);
      free (p2);
      run_free (r2, m2);
    }
  if (n_failed != f0)
    printf ("  (resume case: %s)\n", what);
  free (mom1);
  free (mom2);
  free (best);
  free (last);
  tnet_free (mid);
  run_free (a, ma);
  tnet_free (t);
}

void
test_run_resume (void)
{
  train_data_alloc ();
  /* Pausing: shuffle, momentum, one-hot, validation (4 epochs of 3
     batches: 11 continues); adam with a step schedule, lambda and early
     stopping; the plateau schedule. */
  {
    bp_train_options o = options (4, 4, 0.5);
    o.shuffle = 1;
    o.seed = 3;
    o.opt.momentum = 0.9;
    pause_case (softmax_233, train_Y1h, BP_ONE_HOT, &o, val_X, val_Y1h, 11,
                "sgd, momentum, shuffle, validation");
    o = options (5, 3, 0.05);
    o.shuffle = 1;
    o.seed = 8;
    o.opt.kind = BP_OPT_ADAM;
    o.lambda = 0.01;
    o.patience = 10;
    o.schedule = (bp_schedule) { BP_SCHED_STEP, 2, 0.5, 0, 0, 0 };
    pause_case (sigmoid_232, train_Y, BP_NO_CLASSES, &o, NULL, NULL, 19,
                "adam, step schedule, early stopping");
    o = options (6, 5, 0.5);
    o.schedule = (bp_schedule) { BP_SCHED_PLATEAU, 0, 0.5, 0, 1, 1e-3 };
    o.min_delta = 1e-3;
    pause_case (binary_231, train_Yb, BP_BINARY, &o, NULL, NULL, 11,
                "plateau, binary");
  }
  /* Resuming from a state, every mini-batch optimiser, with a shuffle
     and a step schedule that changes the rate between the two calls. */
  {
    const struct { bp_optimizer_kind k; double mu; double eta; const char *w; }
      opt[] = { { BP_OPT_SGD, 0.0, 0.5, "sgd" },
                { BP_OPT_SGD, 0.9, 0.5, "sgd, momentum" },
                { BP_OPT_NESTEROV, 0.9, 0.5, "nesterov" },
                { BP_OPT_RMSPROP, 0.0, 0.02, "rmsprop" },
                { BP_OPT_ADAM, 0.0, 0.05, "adam" } };
    for (size_t i = 0; i < sizeof opt / sizeof *opt; i++)
      {
        bp_train_options o = options (0, 3, opt[i].eta);
        o.shuffle = 1;
        o.seed = 11;
        o.lambda = 0.01;
        o.opt.kind = opt[i].k;
        o.opt.momentum = opt[i].mu;
        o.schedule = (bp_schedule) { BP_SCHED_STEP, 1, 0.5, 0, 0, 0 };
        resume_case (sigmoid_232, train_Y, BP_NO_CLASSES, &o, 1, 1, NULL,
                     NULL, -1, opt[i].w);
      }
  }
  /* Longer pieces, the plateau's counters in the state. */
  {
    bp_train_options o = options (0, 4, 0.8);
    o.opt.momentum = 0.5;
    o.schedule = (bp_schedule) { BP_SCHED_PLATEAU, 0, 0.5, 0, 2, 1e-6 };
    o.min_delta = 5e-3;
    resume_case (sigmoid_232, train_Y, BP_NO_CLASSES, &o, 4, 5, NULL, NULL,
                 -1, "plateau, momentum, 4 + 5");
  }
  /* Early stopping's record in the state, with validation and classes:
     first while the first call's best epoch is its last (its returned
     network is then also its latest) ... */
  {
    bp_train_options o = options (0, 4, 0.05);
    o.shuffle = 1;
    o.seed = 12;
    o.opt.kind = BP_OPT_ADAM;
    o.patience = 3;
    resume_case (softmax_233, train_Y1h, BP_ONE_HOT, &o, 3, 4, NULL, NULL, 1,
                 "adam, early stopping, 3 + 4");
    /* ... then when it is not: the validation loss rises from epoch 1,
       so the first call ends with epoch 1's weights restored (the best
       so far) while the uninterrupted run goes on from epoch 3's.
       bp_run.h promises that a new run given the state "continues as if
       it had never stopped", and bp_train's help that E calls of one
       epoch give bit for bit the network of one call of E epochs, "the
       early stopping record" included. */
    resume_case (softmax_233, train_Y1h, BP_ONE_HOT, &o, 3, 4, val_X, val_Y1h,
                 0, "adam, early stopping, best epoch not the last, 3 + 4");
  }
  train_data_free ();
}

/* ============================================== full batch: cg, bfgs */

static void
full_batch_case (bp_optimizer_kind kind, size_t max_iter, double tol,
                 double lambda, const char *what)
{
  const unsigned long f0 = n_failed;
  /* 2-3-1 sigmoid network, quadratic loss, on 8 samples of a smooth
     target. */
  const size_t n[] = { 2, 3, 1 };
  const bp_activation g[] = { BP_SIGMOID, BP_SIGMOID };
  tnet *t = tnet_new (2, n, g, BP_QUADRATIC);
  lcg_seed (91);
  tnet_randomize (t, -1, 1);
  gsl_matrix *X = random_matrix (8, 2, -2, 2);
  gsl_matrix *Y = gsl_matrix_alloc (8, 1);
  for (size_t i = 0; i < 8; i++)
    gsl_matrix_set (Y, i, 0, 0.5 + 0.4 * sin (gsl_matrix_get (X, i, 0)
                                              * gsl_matrix_get (X, i, 1)));
  const double C0 = ref_cost (t, X, Y, lambda);
  bp_train_options o = options (10, 10, 0.5);
  o.opt.kind = kind;
  o.max_iter = max_iter;
  o.tol = tol;
  o.lambda = lambda;
  void *mem;
  bp_run *r = run_new (&t->net, 8, 0, BP_NO_CLASSES, &o, NULL, &mem);
  if (r)
    {
      pause_log pl;
      memset (&pl, 0, sizeof pl);
      CHECK_INT (advance_all (r, X, Y, NULL, NULL, &pl, NULL), BP_OK);
      const bp_history *h = bp_run_look (r).history;
      CHECK (h->stopped == BP_STOP_GRADIENT || h->stopped == BP_STOP_EPOCHS);
      /* With tol > 0 the design of the case is that this small smooth
         problem converges well within max_iter; with tol = 0 it cannot
         stop by the gradient. */
      CHECK_INT (h->stopped, tol > 0 ? BP_STOP_GRADIENT : BP_STOP_EPOCHS);
      CHECK (h->epochs >= 1 && h->epochs <= max_iter);
      if (h->stopped == BP_STOP_EPOCHS)
        CHECK_SIZE (h->epochs, max_iter);
      /* Each iteration's line search lowers the loss (or keeps it). */
      int down = h->epochs >= 1 && h->loss[0] < C0;
      for (size_t e = 1; e < h->epochs; e++)
        down &= h->loss[e] <= h->loss[e - 1];
      CHECK (down);
      /* The loss recorded is the full-batch loss, decay included, of the
         final network, by the naive reference: sums of 8 O(1) terms, a
         few ulp apart: 1e-14 relative. */
      tnet *fin = tnet_like (t);
      net_flat (bp_run_look (r).net, fin->store);
      const double Cf = ref_cost (fin, X, Y, lambda);
      CHECK (h->epochs >= 1);
      if (h->epochs >= 1)
        CHECK_REL (h->loss[h->epochs - 1], Cf, 1e-14);
      CHECK (Cf < C0);
      /* Stopped by the gradient: its norm at the final point is below
         tol (naive gradient; the run's own differs by rounding only). */
      tnet *gr = tnet_like (t);
      ref_gradient (fin, X, Y, lambda, gr);
      double norm = 0.0;
      for (size_t q = 0; q < gr->nstore; q++)
        norm += gr->store[q] * gr->store[q];
      norm = sqrt (norm);
      if (h->stopped == BP_STOP_GRADIENT)
        CHECK (norm < tol * (1 + 1e-9));
      /* Each iteration is an "epoch" of 1 batch of all samples, as the
         callback sees it (the test of the callback's last call is in
         the "runs" group). */
      CHECK (pl.calls + 1 >= h->epochs);
      for (size_t k = 0; k < pl.calls && k < MAXB; k++)
        CHECK (pl.seen[k].epoch == k + 1 && pl.seen[k].batches == 1
               && pl.seen[k].epoch_done && pl.seen[k].samples == 8 * (k + 1)
               && pl.seen[k].loss == h->loss[k]);
      CHECK (bp_run_look (r).state->step == h->epochs);
      CHECK_INT (bp_run_look (r).state->moments, 0);
      tnet_free (fin);
      tnet_free (gr);
      run_free (r, mem);
    }
  if (n_failed != f0)
    printf ("  (full batch: %s)\n", what);
  gsl_matrix_free (X);
  gsl_matrix_free (Y);
  tnet_free (t);
}

void
test_run_full_batch (void)
{
  full_batch_case (BP_OPT_CG, 200, 1e-3, 0.0, "cg, tol 1e-3");
  full_batch_case (BP_OPT_BFGS, 200, 1e-3, 0.0, "bfgs, tol 1e-3");
  full_batch_case (BP_OPT_CG, 3, 0.0, 0.0, "cg, 3 iterations");
  full_batch_case (BP_OPT_BFGS, 3, 0.0, 0.0, "bfgs, 3 iterations");
  full_batch_case (BP_OPT_BFGS, 50, 1e-4, 0.1, "bfgs, lambda 0.1");

  /* More samples than one chunk of the full-batch evaluation (1024
     rows): the loss and the gradient are sums over chunks.  After the
     last iteration grad_rms is the RMS of the weight gradient at the
     final point (one "update" per iteration); the naive gradient over
     all 1030 samples agrees to the rounding of sums of 1030 terms:
     1e-12 relative. */
  {
    const size_t N = 1030;
    const size_t n[] = { 2, 3, 1 };
    const bp_activation g[] = { BP_TANH, BP_SIGMOID };
    tnet *t = tnet_new (2, n, g, BP_QUADRATIC);
    lcg_seed (93);
    tnet_randomize (t, -1, 1);
    gsl_matrix *X = random_matrix (N, 2, -1, 1);
    gsl_matrix *Y = random_matrix (N, 1, 0, 1);
    bp_train_options o = options (10, 10, 0.5);
    o.opt.kind = BP_OPT_CG;
    o.max_iter = 4;
    o.tol = 0.0;
    o.lambda = 0.5;
    void *mem;
    bp_run *r = run_new (&t->net, N, 0, BP_NO_CLASSES, &o, NULL, &mem);
    if (r)
      {
        CHECK_INT (advance_all (r, X, Y, NULL, NULL, NULL, NULL), BP_OK);
        const bp_history *h = bp_run_look (r).history;
        CHECK_SIZE (h->epochs, 4);
        tnet *fin = tnet_like (t), *gr = tnet_like (t);
        net_flat (bp_run_look (r).net, fin->store);
        ref_gradient (fin, X, Y, o.lambda, gr);
        for (size_t l = 0; l < 2; l++)
          {
            double s = 0.0;
            for (size_t k = 0; k < n[l]; k++)
              for (size_t j = 0; j < n[l + 1]; j++)
                s += gsl_matrix_get (&gr->W[l], k, j)
                     * gsl_matrix_get (&gr->W[l], k, j);
            CHECK_REL (h->grad_rms[3 * 2 + l],
                       sqrt (s / (double) (n[l] * n[l + 1])), 1e-12);
          }
        CHECK_REL (h->loss[3], ref_cost (fin, X, Y, o.lambda), 1e-13);
        tnet_free (fin);
        tnet_free (gr);
        run_free (r, mem);
      }
    gsl_matrix_free (X);
    gsl_matrix_free (Y);
    tnet_free (t);
  }

  /* Pausing after every iteration changes nothing (GSL's minimiser lives
     on in the run between calls). */
  {
    train_data_alloc ();
    for (int k = 0; k < 2; k++)
      {
        bp_train_options o = options (10, 10, 0.5);
        o.opt.kind = k ? BP_OPT_BFGS : BP_OPT_CG;
        o.max_iter = 6;
        o.tol = 0.0;
        pause_case (softmax_233, train_Y1h, BP_ONE_HOT, &o, val_X, val_Y1h, 5,
                    k ? "bfgs, paused" : "cg, paused");
      }
    train_data_free ();
  }

  /* A start whose loss is not finite: BP_EDIVERGE in iteration 1.
     1-1 linear net, w = 1e300, x = 1e10: z = 1e310 = inf. */
  {
    const size_t n[] = { 1, 1 };
    const bp_activation g[] = { BP_LINEAR };
    tnet *t = tnet_new (1, n, g, BP_QUADRATIC);
    t->W[0].data[0] = 1e300;
    double x[] = { 1e10 }, y[] = { 0 };
    gsl_matrix X = mview (x, 1, 1), Y = mview (y, 1, 1);
    bp_train_options o = options (10, 10, 0.5);
    o.opt.kind = BP_OPT_CG;
    void *mem;
    bp_run *r = run_new (&t->net, 1, 0, BP_NO_CLASSES, &o, NULL, &mem);
    if (r)
      {
        CHECK_INT (bp_run_advance (r, &X, &Y, NULL, NULL, NULL, NULL),
                   BP_EDIVERGE);
        CHECK_SIZE (bp_run_look (r).bad_epoch, 1);
        run_free (r, mem);
      }
    /* A start at an exact minimum (w = b = 0, y = 0: loss and gradient
       0): the gradient test ends the run before any line search. */
    t->W[0].data[0] = 0.0;
    x[0] = 1.0;
    o.opt.kind = BP_OPT_BFGS;
    r = run_new (&t->net, 1, 0, BP_NO_CLASSES, &o, NULL, &mem);
    if (r)
      {
        CHECK_INT (bp_run_advance (r, &X, &Y, NULL, NULL, NULL, NULL),
                   BP_OK);
        CHECK_INT (bp_run_look (r).history->stopped, BP_STOP_GRADIENT);
        CHECK_SIZE (bp_run_look (r).history->epochs, 0);
        run_free (r, mem);
      }
    tnet_free (t);
  }
}
