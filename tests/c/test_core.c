/* test_core.c: unit tests of the backprop C core (src/bp.h, src/bp_run.h,
   src/bp_system.h), on its own, without Octave.  This file holds main ()
   and the tests of bp.h; test_train.c tests the training runs, test_system.c
   the operating-system queries, test_util.c holds the harness and the
   naive references they share.

   Every expected value is either a closed form worked out by hand (the
   arithmetic is in the comment next to it) or the result of a plain,
   deliberately naive computation written in these files (one sample at a
   time, explicit loops, the textbook formula: for example the full softmax
   Jacobian as a matrix).  No expected value was copied from a run of the
   code under test.

   Output: one line per failed check ("file:line: what differed"), one
   summary line per test group (starting with '#'), and as the very last
   line "N passed, M failed", counting individual checks.  Exit status 0
   when nothing failed, 1 otherwise.

   Tolerances.  DBL_EPSILON (eps) is 2.2e-16.  A closed form evaluated with
   a few roundings of O(1) numbers is checked to 1e-15 (several times the
   half-ulp of one rounding); a result that both sides reach through
   longer chains (a dozen roundings: sums of logarithms, matrix products
   in a different summation order, exp versus tanh) to 1e-14.  Looser
   tolerances are explained where they are used; "the same bits" is
   asked for where the contract promises it (or where both sides provably
   do the same arithmetic in the same order).

   Shape checks.  The core's functions that take matrices return
   BP_EBADLEN for shapes that do not fit instead of reading or writing
   outside them, and never call GSL's error handler (the harness counts
   its calls as failures).  Where a test hands the core a wrongly shaped
   argument, the arrays behind it are padded with sentinels, so that a
   missing check shows as a changed sentinel (a failed check) rather than
   as a write into memory the test does not own. */

#include <float.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <gsl/gsl_matrix.h>
#include <gsl/gsl_vector.h>
#include "bp.h"
#include "test_util.h"

/* ========================================================= names */

static const char *const activation_names[] = {
  "sigmoid", "tanh", "relu", "leaky-relu", "linear", "softmax"
};
static const char *const loss_names[] = {
  "sse", "quadratic", "mse", "cross-entropy", "log-likelihood"
};

static void
test_activation_names (void)
{
  CHECK_SIZE ((size_t) BP_N_ACTIVATIONS, 6);
  for (int i = 0; i < BP_N_ACTIVATIONS; i++)
    {
      bp_activation g = BP_N_ACTIVATIONS;
      CHECK_STR (bp_activation_name (i), activation_names[i]);
      CHECK (bp_activation_parse (activation_names[i], &g) == BP_OK);
      CHECK (g == (bp_activation) i);
    }
  /* A loop over 0, 1, ... until NULL lists every name exactly once. */
  int k = 0;
  while (bp_activation_name (k) != NULL && k < 100)
    k++;
  CHECK_INT (k, BP_N_ACTIVATIONS);
  CHECK_STR (bp_activation_name (-1), NULL);
  CHECK_STR (bp_activation_name (BP_N_ACTIVATIONS), NULL);
  CHECK_STR (bp_activation_name (INT_MAX), NULL);
  CHECK_STR (bp_activation_name (INT_MIN), NULL);
  /* The articles' alias: "logistic" is the sigmoid, and the name that
     comes back is the canonical one. */
  {
    bp_activation g = BP_N_ACTIVATIONS;
    CHECK (bp_activation_parse ("logistic", &g) == BP_OK);
    CHECK (g == BP_SIGMOID);
    CHECK_STR (bp_activation_name (g), "sigmoid");
  }
  /* Names are exact: no case folding, no trimming. */
  const char *unknown[] = { "Sigmoid", "", "leaky_relu", "relu ", "soft-max",
                            "sigmoidx", "Logistic", "logistic ", "sig" };
  for (size_t i = 0; i < sizeof unknown / sizeof *unknown; i++)
    {
      bp_activation g;
      CHECK (bp_activation_parse (unknown[i], &g) == BP_EINVAL);
    }
}

static void
test_loss_names (void)
{
  CHECK_SIZE ((size_t) BP_N_LOSSES, 5);
  for (int i = 0; i < BP_N_LOSSES; i++)
    {
      bp_loss c = BP_N_LOSSES;
      CHECK_STR (bp_loss_name (i), loss_names[i]);
      CHECK (bp_loss_parse (loss_names[i], &c) == BP_OK);
      CHECK (c == (bp_loss) i);
    }
  int k = 0;
  while (bp_loss_name (k) != NULL && k < 100)
    k++;
  CHECK_INT (k, BP_N_LOSSES);
  CHECK_STR (bp_loss_name (-1), NULL);
  CHECK_STR (bp_loss_name (BP_N_LOSSES), NULL);
  CHECK_STR (bp_loss_name (INT_MAX), NULL);
  /* The 2-3-2 article's "L2-norm" loss is 1/2 sum (a - y)^2. */
  {
    bp_loss c = BP_N_LOSSES;
    CHECK (bp_loss_parse ("l2-norm", &c) == BP_OK);
    CHECK (c == BP_QUADRATIC);
    CHECK_STR (bp_loss_name (c), "quadratic");
  }
  const char *unknown[] = { "cross_entropy", "MSE", "", "crossentropy",
                            "log-likelihood ", "nll", "l2", "L2-norm",
                            "l2norm" };
  for (size_t i = 0; i < sizeof unknown / sizeof *unknown; i++)
    {
      bp_loss c;
      CHECK (bp_loss_parse (unknown[i], &c) == BP_EINVAL);
    }

  /* The output each loss needs: cross-entropy sigmoid, log-likelihood
     softmax, the quadratic family none (-1). */
  CHECK_INT (bp_loss_output (BP_CROSS_ENTROPY), BP_SIGMOID);
  CHECK_INT (bp_loss_output (BP_LOG_LIKELIHOOD), BP_SOFTMAX);
  CHECK_INT (bp_loss_output (BP_SSE), -1);
  CHECK_INT (bp_loss_output (BP_QUADRATIC), -1);
  CHECK_INT (bp_loss_output (BP_MSE), -1);
  /* ... so cross-entropy only with sigmoid, log-likelihood only with
     softmax, the quadratic family with anything. */
  for (int c = 0; c < BP_N_LOSSES; c++)
    for (int g = 0; g < BP_N_ACTIVATIONS; g++)
      {
        int want = 1;
        if (c == BP_CROSS_ENTROPY)
          want = g == BP_SIGMOID;
        else if (c == BP_LOG_LIKELIHOOD)
          want = g == BP_SOFTMAX;
        CHECK (!bp_loss_accepts ((bp_loss) c, (bp_activation) g) == !want);
      }
  /* The log losses take logarithms of a and 1 - a: [0, 1] only. */
  CHECK (bp_loss_needs_unit_interval (BP_CROSS_ENTROPY));
  CHECK (bp_loss_needs_unit_interval (BP_LOG_LIKELIHOOD));
  CHECK (!bp_loss_needs_unit_interval (BP_SSE));
  CHECK (!bp_loss_needs_unit_interval (BP_QUADRATIC));
  CHECK (!bp_loss_needs_unit_interval (BP_MSE));
}

/* Status codes are GSL's own. */
static void
test_status (void)
{
  CHECK_INT (BP_OK, GSL_SUCCESS);
  CHECK_INT (BP_CONTINUE, GSL_CONTINUE);
  CHECK_INT (BP_EINVAL, GSL_EINVAL);
  CHECK_INT (BP_ENOMEM, GSL_ENOMEM);
  CHECK_INT (BP_EBADLEN, GSL_EBADLEN);
  CHECK_INT (BP_EDIVERGE, GSL_EDIVERGE);
  CHECK_INT (BP_ENOPROG, GSL_ENOPROG);
  /* all different */
  const int s[] = { BP_OK, BP_CONTINUE, BP_EINVAL, BP_ENOMEM, BP_EBADLEN,
                    BP_EDIVERGE, BP_ENOPROG };
  int distinct = 1;
  for (size_t i = 0; i < 7; i++)
    for (size_t j = i + 1; j < 7; j++)
      distinct &= s[i] != s[j];
  CHECK (distinct);
}

/* ===================================================== activation tests */

static void
test_activate (void)
{
  const double ln2 = log (2.0), ln3 = log (3.0), e = exp (1.0);
  double a[4];
  gsl_matrix Z, A;

  /* sigmoid(ln 3) = 1/(1 + 1/3) = 3/4, sigmoid(-ln 3) = 1/(1 + 3) = 1/4,
     sigmoid(0) = 1/2, sigmoid(2) = 1/(1 + e^-2). */
  {
    double zs[] = { 0.0, ln3, -ln3, 2.0 };
    const double want[] = { 0.5, 0.75, 0.25, 1.0 / (1.0 + exp (-2.0)) };
    Z = mview (zs, 1, 4);
    A = mview (a, 1, 4);
    bp_activate (BP_SIGMOID, &Z, &A);
    CHECK_MAT_ARR (&A, want, 1e-15);
  }
  /* Overflow-safe extremes.  e^-800 underflows to 0, so sigmoid(-800) is
     exactly 0/(1+0) = 0 (a naive e^800 would give 1/inf = 0 too, but
     e^z/(1+e^z) forms give inf/inf = NaN); sigmoid(-700) = e^-700/(1 +
     e^-700) = e^-700 (1 - 1e-304), i.e. e^-700 to the last bit;
     sigmoid(700) and sigmoid(800) are 1 - e^-700 and 1 - e^-800, which
     round to 1. */
  {
    double zs[] = { -800.0, -700.0, 700.0, 800.0 };
    Z = mview (zs, 1, 4);
    A = mview (a, 1, 4);
    bp_activate (BP_SIGMOID, &Z, &A);
    CHECK (!isnan (a[0]) && a[0] == 0.0);
    CHECK_REL (a[1], exp (-700.0), 1e-15);
    CHECK (a[2] == 1.0);
    CHECK (a[3] == 1.0);
    /* and for the largest finite inputs */
    double zb[] = { -DBL_MAX, DBL_MAX };
    Z = mview (zb, 1, 2);
    A = mview (a, 1, 2);
    bp_activate (BP_SIGMOID, &Z, &A);
    CHECK (a[0] == 0.0 && a[1] == 1.0);
  }
  /* tanh(ln 2) = (2 - 1/2)/(2 + 1/2) = 0.6; odd; tanh(+-800) = +-1. */
  {
    double zs[] = { 0.0, ln2, -ln2, 800.0, -800.0 };
    const double want[] = { 0.0, 0.6, -0.6, 1.0, -1.0 };
    double as[5];
    Z = mview (zs, 1, 5);
    A = mview (as, 1, 5);
    bp_activate (BP_TANH, &Z, &A);
    CHECK_MAT_ARR (&A, want, 1e-15);
  }
  /* relu: max(z, 0); exact. */
  {
    double zs[] = { -2.0, -0.0, 0.0, 0.5, 3.0, -800.0 };
    const double want[] = { 0.0, 0.0, 0.0, 0.5, 3.0, 0.0 };
    double as[6];
    Z = mview (zs, 1, 6);
    A = mview (as, 1, 6);
    bp_activate (BP_RELU, &Z, &A);
    CHECK_MAT_ARR (&A, want, 0.0);
  }
  /* leaky-relu with slope 0.01: -2 -> -0.02, -300 -> -3, positive as is.
     -0.02 is exact (doubling 0.01 is exact), -300*0.01 is one rounding. */
  {
    double zs[] = { -2.0, 0.0, 0.5, -300.0, 7.0 };
    const double want[] = { -0.02, 0.0, 0.5, -3.0, 7.0 };
    double as[5];
    Z = mview (zs, 1, 5);
    A = mview (as, 1, 5);
    bp_activate (BP_LEAKY_RELU, &Z, &A);
    CHECK_MAT_ARR (&A, want, 1e-15);
    CHECK (BP_LEAKY_SLOPE == 0.01);
  }
  /* linear: identity, bit for bit. */
  {
    double zs[] = { -800.0, 0.1, 1e300 };
    const double want[] = { -800.0, 0.1, 1e300 };
    double as[3];
    Z = mview (zs, 1, 3);
    A = mview (as, 1, 3);
    bp_activate (BP_LINEAR, &Z, &A);
    CHECK_MAT_ARR (&A, want, 0.0);
  }
  /* softmax, per row:
     (0, ln 2, ln 3): e^z = (1, 2, 3), sum 6 -> (1/6, 1/3, 1/2);
     (1000, 1001, 1000): shift by 1001 -> (1/e, 1, 1/e)/(1 + 2/e)
                       = (1, e, 1)/(e + 2), finite although e^1000 = inf;
     (-1000, -1001, -1000): shift by -1000 -> (1, 1/e, 1)/(2 + 1/e)
                       = (e, 1, e)/(2e + 1), though e^-1000 = 0;
     (5, 5, 5): 1/3 each. */
  {
    double zs[] = { 0.0, ln2, ln3,
                    1000.0, 1001.0, 1000.0,
                    -1000.0, -1001.0, -1000.0,
                    5.0, 5.0, 5.0 };
    const double want[] = {
      1.0 / 6, 1.0 / 3, 0.5,
      1 / (e + 2), e / (e + 2), 1 / (e + 2),
      e / (2 * e + 1), 1 / (2 * e + 1), e / (2 * e + 1),
      1.0 / 3, 1.0 / 3, 1.0 / 3 };
    double as[12];
    Z = mview (zs, 4, 3);
    A = mview (as, 4, 3);
    bp_activate (BP_SOFTMAX, &Z, &A);
    CHECK_MAT_ARR (&A, want, 1e-15);
    for (size_t i = 0; i < 4; i++)
      CHECK_NEAR (as[3 * i] + as[3 * i + 1] + as[3 * i + 2], 1.0, 1e-15);
  }
  /* In place (A may be Z itself). */
  {
    double zs[] = { 0.0, ln3, -ln3 };
    const double want[] = { 0.5, 0.75, 0.25 };
    Z = mview (zs, 1, 3);
    bp_activate (BP_SIGMOID, &Z, &Z);
    CHECK_MAT_ARR (&Z, want, 1e-15);
    double zt[] = { 0.0, ln2, ln3 };
    const double wt[] = { 1.0 / 6, 1.0 / 3, 0.5 };
    Z = mview (zt, 1, 3);
    bp_activate (BP_SOFTMAX, &Z, &Z);
    CHECK_MAT_ARR (&Z, wt, 1e-15);
  }
  /* Views with a row stride (tda) larger than the width: only the view
     is read and written, the padding column keeps its sentinel. */
  {
    double zb[] = { 0.0, ln2, ln3, -99.0,
                    5.0, 5.0, 5.0, -99.0 };
    double ab[] = { 7, 7, 7, 7, 7, 7, 7, 7 };
    gsl_matrix_view zv = gsl_matrix_view_array_with_tda (zb, 2, 3, 4);
    gsl_matrix_view av = gsl_matrix_view_array_with_tda (ab, 2, 3, 4);
    bp_activate (BP_SOFTMAX, &zv.matrix, &av.matrix);
    const double want[] = { 1.0 / 6, 1.0 / 3, 0.5, 1.0 / 3, 1.0 / 3, 1.0 / 3 };
    CHECK_MAT_ARR (&av.matrix, want, 1e-15);
    CHECK (ab[3] == 7 && ab[7] == 7);
  }
}

/* g'(z) from Z and A = g(Z), the A values written by hand. */
static void
test_activation_slope (void)
{
  const double ln2 = log (2.0), ln3 = log (3.0);
  double d[4];
  gsl_matrix Z, A, D;
  /* sigmoid: a(1-a) = 3/4*1/4 = 3/16, 1/2*1/2 = 1/4, 1/4*3/4 = 3/16. */
  {
    double zs[] = { ln3, 0.0, -ln3 }, as[] = { 0.75, 0.5, 0.25 };
    const double want[] = { 0.1875, 0.25, 0.1875 };
    Z = mview (zs, 1, 3); A = mview (as, 1, 3); D = mview (d, 1, 3);
    bp_activation_slope (BP_SIGMOID, &Z, &A, &D);
    CHECK_MAT_ARR (&D, want, 0.0);
  }
  /* tanh: 1 - a^2 = 1 - 0.36 = 0.64 at z = +-ln 2, 1 at 0. */
  {
    double zs[] = { ln2, 0.0, -ln2 }, as[] = { 0.6, 0.0, -0.6 };
    const double want[] = { 0.64, 1.0, 0.64 };
    Z = mview (zs, 1, 3); A = mview (as, 1, 3); D = mview (d, 1, 3);
    bp_activation_slope (BP_TANH, &Z, &A, &D);
    CHECK_MAT_ARR (&D, want, 1e-15);
  }
  /* relu / leaky-relu: 1 for z > 0; the kink at 0 takes the left slope
     (0, or 0.01), as bp_activation.c documents. */
  {
    double zs[] = { 2.0, 0.0, -1.0, -0.0 }, as[] = { 2.0, 0.0, 0.0, 0.0 };
    const double want[] = { 1.0, 0.0, 0.0, 0.0 };
    Z = mview (zs, 1, 4); A = mview (as, 1, 4); D = mview (d, 1, 4);
    bp_activation_slope (BP_RELU, &Z, &A, &D);
    CHECK_MAT_ARR (&D, want, 0.0);
    double al[] = { 2.0, 0.0, -0.01, 0.0 };
    const double wl[] = { 1.0, 0.01, 0.01, 0.01 };
    A = mview (al, 1, 4);
    bp_activation_slope (BP_LEAKY_RELU, &Z, &A, &D);
    CHECK_MAT_ARR (&D, wl, 0.0);
    const double ones[] = { 1.0, 1.0, 1.0, 1.0 };
    bp_activation_slope (BP_LINEAR, &Z, &Z, &D);
    CHECK_MAT_ARR (&D, ones, 0.0);
  }
  /* softmax: the diagonal of the Jacobian, a(1-a):
     1/6*5/6 = 5/36, 1/3*2/3 = 2/9, 1/2*1/2 = 1/4. */
  {
    double zs[] = { 0.0, ln2, ln3 }, as[] = { 1.0 / 6, 1.0 / 3, 0.5 };
    const double want[] = { 5.0 / 36, 2.0 / 9, 0.25 };
    Z = mview (zs, 1, 3); A = mview (as, 1, 3); D = mview (d, 1, 3);
    bp_activation_slope (BP_SOFTMAX, &Z, &A, &D);
    CHECK_MAT_ARR (&D, want, 1e-15);
  }
}

static void
test_activation_backprop (void)
{
  const double ln2 = log (2.0), ln3 = log (3.0);
  gsl_matrix Z, A, G;
  /* Elementwise: G .* g'(z). sigmoid at (ln3, 0, -ln3) with slopes
     (3/16, 1/4, 3/16), G = (1, -2, 3) -> (3/16, -1/2, 9/16). */
  {
    double zs[] = { ln3, 0.0, -ln3 }, as[] = { 0.75, 0.5, 0.25 };
    double gs[] = { 1.0, -2.0, 3.0 };
    const double want[] = { 0.1875, -0.5, 0.5625 };
    Z = mview (zs, 1, 3); A = mview (as, 1, 3); G = mview (gs, 1, 3);
    bp_activation_backprop (BP_SIGMOID, &Z, &A, &G);
    CHECK_MAT_ARR (&G, want, 0.0);
  }
  /* tanh (0.64, 1, 0.64) x (1, -2, 3) = (0.64, -2, 1.92) */
  {
    double zs[] = { ln2, 0.0, -ln2 }, as[] = { 0.6, 0.0, -0.6 };
    double gs[] = { 1.0, -2.0, 3.0 };
    const double want[] = { 0.64, -2.0, 1.92 };
    Z = mview (zs, 1, 3); A = mview (as, 1, 3); G = mview (gs, 1, 3);
    bp_activation_backprop (BP_TANH, &Z, &A, &G);
    CHECK_MAT_ARR (&G, want, 1e-15);
  }
  /* relu / leaky / linear at z = (2, 0, -1), G = (1, -2, 3):
     relu (1, 0, 0) -> (1, 0, 0); leaky (1, .01, .01) -> (1, -0.02, 0.03);
     linear -> unchanged. */
  {
    double zs[] = { 2.0, 0.0, -1.0 }, ar[] = { 2.0, 0.0, 0.0 };
    double al[] = { 2.0, 0.0, -0.01 };
    double g1[] = { 1.0, -2.0, 3.0 }, g2[] = { 1.0, -2.0, 3.0 };
    double g3[] = { 1.0, -2.0, 3.0 };
    const double w1[] = { 1.0, 0.0, 0.0 }, w2[] = { 1.0, -0.02, 0.03 };
    const double w3[] = { 1.0, -2.0, 3.0 };
    Z = mview (zs, 1, 3);
    A = mview (ar, 1, 3); G = mview (g1, 1, 3);
    bp_activation_backprop (BP_RELU, &Z, &A, &G);
    CHECK_MAT_ARR (&G, w1, 0.0);
    A = mview (al, 1, 3); G = mview (g2, 1, 3);
    bp_activation_backprop (BP_LEAKY_RELU, &Z, &A, &G);
    CHECK_MAT_ARR (&G, w2, 1e-17);
    G = mview (g3, 1, 3);
    bp_activation_backprop (BP_LINEAR, &Z, &Z, &G);
    CHECK_MAT_ARR (&G, w3, 0.0);
  }
  /* Softmax: the full Jacobian.  By hand for a = (1/6, 1/3, 1/2),
     g = (1, -2, 3): sum_k a_k g_k = 1/6 - 2/3 + 3/2 = 1, so
     d = a .* (g - 1) = (0, 1/3 * -3, 1/2 * 2) = (0, -1, 1).  The diagonal
     alone would give (5/36, -4/9, 3/4). */
  {
    double zs[] = { 0.0, ln2, ln3 }, as[] = { 1.0 / 6, 1.0 / 3, 0.5 };
    double gs[] = { 1.0, -2.0, 3.0 };
    const double want[] = { 0.0, -1.0, 1.0 };
    Z = mview (zs, 1, 3); A = mview (as, 1, 3); G = mview (gs, 1, 3);
    bp_activation_backprop (BP_SOFTMAX, &Z, &A, &G);
    CHECK_MAT_ARR (&G, want, 1e-15);
  }
  /* ... and against the explicit Jacobian product d_i = sum_k J_ki g_k,
     J_ki = a_k (1[k=i] - a_i), on rows of random z (3 samples, 4 wide).
     Each d_i sums four O(1) products on both sides: 1e-15. */
  {
    lcg_seed (11);
    gsl_matrix *Zr = random_matrix (3, 4, -2, 2);
    gsl_matrix *Gr = random_matrix (3, 4, -1, 1);
    gsl_matrix *Ar = gsl_matrix_alloc (3, 4), *Wt = gsl_matrix_alloc (3, 4);
    double J[16];
    for (size_t i = 0; i < 3; i++)
      {
        double *zr = Zr->data + 4 * i, *ar = Ar->data + 4 * i;
        ref_act (BP_SOFTMAX, zr, ar, 4);
        ref_jacobian (BP_SOFTMAX, zr, ar, 4, J);
        for (size_t c = 0; c < 4; c++)
          {
            double s = 0.0;
            for (size_t k = 0; k < 4; k++)
              s += J[k * 4 + c] * gsl_matrix_get (Gr, i, k);
            gsl_matrix_set (Wt, i, c, s);
          }
      }
    bp_activation_backprop (BP_SOFTMAX, Zr, Ar, Gr);
    CHECK_MAT (Gr, Wt, 1e-15);
    /* The rows of a softmax delta sum to zero (sum_i a_i (g_i - s) = 0). */
    for (size_t i = 0; i < 3; i++)
      {
        double s = 0.0;
        for (size_t c = 0; c < 4; c++)
          s += gsl_matrix_get (Gr, i, c);
        CHECK_NEAR (s, 0.0, 1e-15);
      }
    gsl_matrix_free (Zr);
    gsl_matrix_free (Gr);
    gsl_matrix_free (Ar);
    gsl_matrix_free (Wt);
  }
}


/* ========================================================== loss tests */

/* A = [1/2 1/4 1/4; 1/8 3/4 1/8], Y = [1 0 0; 0 1 0] (exact in binary).
   a - y = [-1/2 1/4 1/4; 1/8 -1/4 1/8]. */
static double loss_A[] = { 0.5, 0.25, 0.25, 0.125, 0.75, 0.125 };
static double loss_Y[] = { 1, 0, 0, 0, 1, 0 };

static void
test_loss_mean (void)
{
  gsl_matrix A = mview (loss_A, 2, 3), Y = mview (loss_Y, 2, 3);
  /* sse: row 1 1/4 + 1/16 + 1/16 = 3/8, row 2 1/64 + 1/16 + 1/64 = 3/32;
     mean (3/8 + 3/32)/2 = 15/64 = 0.234375 (all exact). */
  CHECK_NEAR (bp_loss_mean (BP_SSE, &A, &Y), 0.234375, 0.0);
  /* quadratic = sse/2 = 15/128; mse = sse/3 = 5/64 (one rounding at most). */
  CHECK_NEAR (bp_loss_mean (BP_QUADRATIC, &A, &Y), 0.1171875, 0.0);
  CHECK_REL (bp_loss_mean (BP_MSE, &A, &Y), 0.078125, 1e-15);
  /* cross-entropy: row 1 -ln(1/2) - ln(3/4) - ln(3/4) = ln 2 + 2 ln(4/3);
     row 2 -ln(7/8) - ln(3/4) - ln(7/8) = 2 ln(8/7) + ln(4/3);
     mean (ln 2 + 3 ln(4/3) + 2 ln(8/7))/2.  Six logs summed: 1e-14. */
  CHECK_REL (bp_loss_mean (BP_CROSS_ENTROPY, &A, &Y),
             (log (2.0) + 3 * log (4.0 / 3) + 2 * log (8.0 / 7)) / 2, 1e-14);
  /* log-likelihood: row 1 -ln(1/2) = ln 2, row 2 -ln(3/4) = ln(4/3);
     mean ln(8/3)/2. */
  CHECK_REL (bp_loss_mean (BP_LOG_LIKELIHOOD, &A, &Y),
             log (8.0 / 3) / 2, 1e-15);

  /* One sample: the mean over one row is C_0 itself.
     sse of a = (0.5), y = (0) is 0.25. */
  {
    double a1[] = { 0.5 }, y1[] = { 0.0 };
    gsl_matrix A1 = mview (a1, 1, 1), Y1 = mview (y1, 1, 1);
    CHECK_NEAR (bp_loss_mean (BP_SSE, &A1, &Y1), 0.25, 0.0);
  }

  /* Saturated outputs with matching targets: every term is either
     -1 ln 1 = 0 or a 0 ln 0 taken as 0, so the loss is exactly 0. */
  {
    double a[] = { 1.0, 0.0 }, y[] = { 1.0, 0.0 };
    gsl_matrix As = mview (a, 1, 2), Ys = mview (y, 1, 2);
    double C = bp_loss_mean (BP_CROSS_ENTROPY, &As, &Ys);
    CHECK (!isnan (C) && C == 0.0);
    double a3[] = { 1.0, 0.0, 0.0 }, y3[] = { 1.0, 0.0, 0.0 };
    gsl_matrix A3 = mview (a3, 1, 3), Y3 = mview (y3, 1, 3);
    C = bp_loss_mean (BP_LOG_LIKELIHOOD, &A3, &Y3);
    CHECK (!isnan (C) && C == 0.0);
    /* Partly saturated: a = (1/2, 0), y = (1, 0): cross-entropy
       -ln(1/2) - 1 ln(1 - 0) = ln 2; log-likelihood a = (1/2, 1/2, 0),
       y = (1, 0, 0): ln 2 with 0 ln 0 = 0. */
    double ap[] = { 0.5, 0.0 };
    gsl_matrix Ap = mview (ap, 1, 2);
    CHECK_REL (bp_loss_mean (BP_CROSS_ENTROPY, &Ap, &Ys), log (2.0), 1e-15);
    double aq[] = { 0.5, 0.5, 0.0 };
    gsl_matrix Aq = mview (aq, 1, 3);
    CHECK_REL (bp_loss_mean (BP_LOG_LIKELIHOOD, &Aq, &Y3), log (2.0), 1e-15);
    /* A wrong saturated output has an infinite loss, not a NaN. */
    double aw[] = { 0.0 }, yw[] = { 1.0 };
    gsl_matrix Aw = mview (aw, 1, 1), Yw = mview (yw, 1, 1);
    C = bp_loss_mean (BP_CROSS_ENTROPY, &Aw, &Yw);
    CHECK (isinf (C) && C > 0);
  }
}

static void
test_loss_gradient (void)
{
  gsl_matrix A = mview (loss_A, 2, 3), Y = mview (loss_Y, 2, 3);
  double g[6];
  gsl_matrix G = mview (g, 2, 3);
  /* sse: 2(a - y) */
  const double w_sse[] = { -1.0, 0.5, 0.5, 0.25, -0.5, 0.25 };
  bp_loss_gradient (BP_SSE, &A, &Y, &G);
  CHECK_MAT_ARR (&G, w_sse, 0.0);
  /* quadratic: a - y */
  const double w_quad[] = { -0.5, 0.25, 0.25, 0.125, -0.25, 0.125 };
  bp_loss_gradient (BP_QUADRATIC, &A, &Y, &G);
  CHECK_MAT_ARR (&G, w_quad, 0.0);
  /* mse: 2(a - y)/3 */
  const double w_mse[] = { -1.0 / 3, 1.0 / 6, 1.0 / 6,
                           1.0 / 12, -1.0 / 6, 1.0 / 12 };
  bp_loss_gradient (BP_MSE, &A, &Y, &G);
  CHECK_MAT_ARR (&G, w_mse, 1e-16);
  /* cross-entropy: -y/a + (1-y)/(1-a):
     row 1 (-1/(1/2), 1/(3/4), 1/(3/4)) = (-2, 4/3, 4/3);
     row 2 (1/(7/8), -1/(3/4), 1/(7/8)) = (8/7, -4/3, 8/7). */
  const double w_ce[] = { -2.0, 4.0 / 3, 4.0 / 3, 8.0 / 7, -4.0 / 3, 8.0 / 7 };
  bp_loss_gradient (BP_CROSS_ENTROPY, &A, &Y, &G);
  CHECK_MAT_ARR (&G, w_ce, 1e-15);
  /* log-likelihood: -y/a: (-2, 0, 0; 0, -4/3, 0). */
  const double w_ll[] = { -2.0, 0.0, 0.0, 0.0, -4.0 / 3, 0.0 };
  bp_loss_gradient (BP_LOG_LIKELIHOOD, &A, &Y, &G);
  CHECK_MAT_ARR (&G, w_ll, 1e-15);

  /* Saturated and matching: finite.  cross-entropy a = (1, 0), y = (1, 0):
     -1/1 + 0 = -1 and 0 + 1/(1-0) = 1; log-likelihood a = (1, 0, 0),
     y = (1, 0, 0): (-1, 0, 0). */
  {
    double a[] = { 1.0, 0.0 }, y[] = { 1.0, 0.0 }, gs[2];
    gsl_matrix As = mview (a, 1, 2), Ys = mview (y, 1, 2);
    gsl_matrix Gs = mview (gs, 1, 2);
    const double want[] = { -1.0, 1.0 };
    bp_loss_gradient (BP_CROSS_ENTROPY, &As, &Ys, &Gs);
    CHECK_MAT_ARR (&Gs, want, 0.0);
    double a3[] = { 1.0, 0.0, 0.0 }, y3[] = { 1.0, 0.0, 0.0 }, g3[3];
    gsl_matrix A3 = mview (a3, 1, 3), Y3 = mview (y3, 1, 3);
    gsl_matrix G3 = mview (g3, 1, 3);
    const double w3[] = { -1.0, 0.0, 0.0 };
    bp_loss_gradient (BP_LOG_LIKELIHOOD, &A3, &Y3, &G3);
    CHECK_MAT_ARR (&G3, w3, 0.0);
  }
}

static void
test_output_delta (void)
{
  const double ln2 = log (2.0), ln3 = log (3.0), e = exp (1.0);

  /* Sigmoid + cross-entropy, fused.  C_0 = sum_j softplus(z_j) - y_j z_j,
     delta = a - y.  Rows:
       z = (800, -800),  y = (1, 0): (800 - 800) + (0 - 0) = 0
       z = (800, -800),  y = (0, 1): 800 + (0 + 800) = 1600
       z = (0, ln 3),    y = (1, 0): (ln 2 - 0) + ln(1 + 3) = 3 ln 2
     where softplus(800) = 800 + ln(1 + e^-800) = 800 and softplus(-800)
     = ln(1 + e^-800) = 0 in double precision.  a = sigmoid(z) =
     (1, 0), (1, 0), (1/2, 3/4).  Mean (1600 + 3 ln 2)/3, finite though
     ln a = ln 0 = -inf for the wrong saturated outputs. */
  {
    double z[] = { 800, -800, 800, -800, 0, ln3 };
    double a[] = { 1, 0, 1, 0, 0.5, 0.75 };
    double y[] = { 1, 0, 0, 1, 1, 0 };
    double d[6];
    gsl_matrix Z = mview (z, 3, 2), A = mview (a, 3, 2), Y = mview (y, 3, 2);
    gsl_matrix D = mview (d, 3, 2);
    const double want[] = { 0, 0, 1, -1, -0.5, 0.75 };
    double C = bp_output_delta (BP_CROSS_ENTROPY, BP_SIGMOID, &Z, &A, &Y, &D);
    CHECK_REL (C, (1600 + 3 * ln2) / 3, 1e-15);
    CHECK_MAT_ARR (&D, want, 1e-15);
  }
  /* The fused loss equals the log form where the log form is accurate:
     z = (0.3, -1.2), y = (1, 0.25). */
  {
    double z[] = { 0.3, -1.2 }, a[2], y[] = { 1.0, 0.25 }, d[2];
    ref_act (BP_SIGMOID, z, a, 2);
    gsl_matrix Z = mview (z, 1, 2), A = mview (a, 1, 2), Y = mview (y, 1, 2);
    gsl_matrix D = mview (d, 1, 2);
    double C = bp_output_delta (BP_CROSS_ENTROPY, BP_SIGMOID, &Z, &A, &Y, &D);
    CHECK_REL (C, ref_loss (BP_CROSS_ENTROPY, a, y, 2), 1e-14);
  }
  /* Softmax + log-likelihood, fused: C_0 = sum_j y_j (lse(z) - z_j),
     delta = a sum(y) - y.
       z = (1000, 1001, 1000), y = (0, 1, 0): lse = 1001 + ln(1 + 2/e),
         C_0 = ln(1 + 2/e); a = (1, e, 1)/(e + 2),
         delta = a - y = (1, -2, 1)/(e + 2).
       z = (0, ln 2, ln 3), y = (1, 1, 0) (sum 2): lse = ln 6,
         C_0 = (ln 6 - 0) + (ln 6 - ln 2) = ln 18; a = (1/6, 1/3, 1/2),
         delta = 2a - y = (-2/3, -1/3, 1).
     lse of the first row is formed next to 1001, whose ulp is 1.1e-13,
     so the loss carries an absolute error of that size: 1e-12. */
  {
    double z[] = { 1000, 1001, 1000, 0, ln2, ln3 };
    double a[] = { 1 / (e + 2), e / (e + 2), 1 / (e + 2),
                   1.0 / 6, 1.0 / 3, 0.5 };
    double y[] = { 0, 1, 0, 1, 1, 0 };
    double d[6];
    gsl_matrix Z = mview (z, 2, 3), A = mview (a, 2, 3), Y = mview (y, 2, 3);
    gsl_matrix D = mview (d, 2, 3);
    const double want[] = { 1 / (e + 2), -2 / (e + 2), 1 / (e + 2),
                            -2.0 / 3, -1.0 / 3, 1.0 };
    double C = bp_output_delta (BP_LOG_LIKELIHOOD, BP_SOFTMAX, &Z, &A, &Y,
                                &D);
    CHECK_NEAR (C, (log (1 + 2 / e) + log (18.0)) / 2, 1e-12);
    CHECK_MAT_ARR (&D, want, 1e-15);
  }
  /* Every accepted (loss, activation) pair, fused or not, against the
     naive chain rule delta = J^T dC_0/da with the explicit Jacobian, and
     the loss against the naive mean (3 samples, 3 outputs). */
  {
    lcg_seed (21);
    gsl_matrix *Z = random_matrix (3, 3, -1.5, 1.5);
    double y[] = { 1, 0, 0, 0, 0, 1, 0, 1, 0 };
    gsl_matrix Y = mview (y, 3, 3);
    gsl_matrix *A = gsl_matrix_alloc (3, 3), *D = gsl_matrix_alloc (3, 3);
    gsl_matrix *Want = gsl_matrix_alloc (3, 3);
    for (int c = 0; c < BP_N_LOSSES; c++)
      for (int g = 0; g < BP_N_ACTIVATIONS; g++)
        {
          if (!bp_loss_accepts ((bp_loss) c, (bp_activation) g))
            continue;
          double Csum = 0.0, J[9], dcda[3];
          for (size_t i = 0; i < 3; i++)
            {
              double *z = Z->data + 3 * i, *a = A->data + 3 * i;
              ref_act ((bp_activation) g, z, a, 3);
              Csum += ref_loss ((bp_loss) c, a, y + 3 * i, 3);
              ref_dloss ((bp_loss) c, a, y + 3 * i, 3, dcda);
              ref_jacobian ((bp_activation) g, z, a, 3, J);
              for (size_t k = 0; k < 3; k++)
                {
                  double s = 0.0;
                  for (size_t q = 0; q < 3; q++)
                    s += J[q * 3 + k] * dcda[q];
                  gsl_matrix_set (Want, i, k, s);
                }
            }
          const unsigned long f0 = n_failed;
          double C = bp_output_delta ((bp_loss) c, (bp_activation) g, Z, A,
                                      &Y, D);
          CHECK_NEAR (C, Csum / 3, 1e-14);
          CHECK_MAT (D, Want, 1e-14);
          if (n_failed != f0)
            printf ("  (pair %s + %s)\n", loss_names[c], activation_names[g]);
        }
    gsl_matrix_free (Z);
    gsl_matrix_free (A);
    gsl_matrix_free (D);
    gsl_matrix_free (Want);
  }
}

/* ======================================================= network tests */


static void
test_size_mul (void)
{
  size_t r = 0;
  CHECK (bp_size_mul (3, 4, &r) == BP_OK && r == 12);
  CHECK (bp_size_mul (0, SIZE_MAX, &r) == BP_OK && r == 0);
  CHECK (bp_size_mul (SIZE_MAX, 0, &r) == BP_OK && r == 0);
  CHECK (bp_size_mul (SIZE_MAX, 1, &r) == BP_OK && r == SIZE_MAX);
  /* (SIZE_MAX/2) * 2 = SIZE_MAX - 1 fits; one more does not. */
  CHECK (bp_size_mul (SIZE_MAX / 2, 2, &r) == BP_OK && r == SIZE_MAX - 1);
  CHECK (bp_size_mul (SIZE_MAX / 2 + 1, 2, &r) == BP_ENOMEM);
  CHECK (bp_size_mul (2, SIZE_MAX / 2 + 1, &r) == BP_ENOMEM);
  CHECK (bp_size_mul (SIZE_MAX, SIZE_MAX, &r) == BP_ENOMEM);
  /* 2^(w/2) squared is 2^w, one past SIZE_MAX, for w the bits of size_t. */
  const size_t half = (size_t) 1 << (sizeof (size_t) * 4);
  CHECK (bp_size_mul (half, half, &r) == BP_ENOMEM);
  CHECK (bp_size_mul (half, half - 1, &r) == BP_OK && r == half * (half - 1));
}


/* ======================================================= network tests */

static void
test_net_params (void)
{
  size_t P = 0;
  /* (n0 + 1) n1 + (n1 + 1) n2: 2-3-2 has (2+1)3 + (3+1)2 = 9 + 8 = 17,
     3-4-3-2 has 4*4 + 5*3 + 4*2 = 16 + 15 + 8 = 39, 1-1 has 2. */
  const size_t n232[] = { 2, 3, 2 }, n3432[] = { 3, 4, 3, 2 }, n11[] = { 1, 1 };
  CHECK (bp_net_params (2, n232, &P) == BP_OK);
  CHECK_SIZE (P, 17);
  CHECK (bp_net_params (3, n3432, &P) == BP_OK);
  CHECK_SIZE (P, 39);
  CHECK (bp_net_params (1, n11, &P) == BP_OK);
  CHECK_SIZE (P, 2);
  /* A width of 0 anywhere is refused. */
  const size_t z0[] = { 0, 3 }, z1[] = { 2, 0, 2 }, z2[] = { 2, 3, 0 };
  CHECK (bp_net_params (1, z0, &P) == BP_ENOMEM);
  CHECK (bp_net_params (2, z1, &P) == BP_ENOMEM);
  CHECK (bp_net_params (2, z2, &P) == BP_ENOMEM);
  /* Counts that do not fit size_t: n0 + 1 itself overflows; (n0 + 1) n1
     is 2^w (w the bits of size_t); a layer that fits, SIZE_MAX - 1 =
     (SIZE_MAX/2) 2, plus a second layer of 3 does not. */
  const size_t o1[] = { SIZE_MAX, 1 }, o2[] = { SIZE_MAX / 2, 2 };
  const size_t fit[] = { SIZE_MAX / 2 - 1, 2 }, o3[] = { SIZE_MAX / 2 - 1, 2, 1 };
  CHECK (bp_net_params (1, o1, &P) == BP_ENOMEM);
  CHECK (bp_net_params (1, o2, &P) == BP_ENOMEM);
  CHECK (bp_net_params (1, fit, &P) == BP_OK);
  CHECK_SIZE (P, SIZE_MAX - 1);
  CHECK (bp_net_params (2, o3, &P) == BP_ENOMEM);

  /* bp_net_width: n1 + ... + nL, 0 on overflow. */
  CHECK_SIZE (bp_net_width (2, n232), 5);
  CHECK_SIZE (bp_net_width (3, n3432), 9);
  const size_t w1[] = { 1, SIZE_MAX }, w2[] = { 1, SIZE_MAX - 1, 1 };
  const size_t w3[] = { 1, SIZE_MAX, 1 };
  CHECK_SIZE (bp_net_width (1, w1), SIZE_MAX);
  CHECK_SIZE (bp_net_width (2, w2), SIZE_MAX);
  CHECK_SIZE (bp_net_width (2, w3), 0);
}

/* bp_net_view: theta = [W{1}(:); b{1}; W{2}(:); b{2}] with Octave's
   W{l} n_l-by-n_(l-1) stored column-major.  Octave's W{l}(j,k) (0-based
   j, k here) sits at theta[offset + j + n_l k]; the core's W[l-1](k, j) is
   the same number.  For 2-3-2 with theta[q] = q:
     W{1} at 0..5:  W[0](k, j) = j + 3k
     b{1} at 6..8:  b[0](j) = 6 + j
     W{2} at 9..14: W[1](k, j) = 9 + j + 2k
     b{2} at 15..16. */
static void
test_net_view (void)
{
  const size_t n[] = { 2, 3, 2 };
  const bp_activation g[] = { BP_SIGMOID, BP_LINEAR };
  double theta[17];
  for (size_t q = 0; q < 17; q++)
    theta[q] = (double) q;
  bp_net net = { 2, n, NULL, NULL, g, BP_QUADRATIC };
  gsl_matrix W[2];
  gsl_vector b[2];
  bp_net_view (&net, W, b, theta);
  CHECK (net.W == W && net.b == b);
  CHECK_SIZE (W[0].size1, 2);
  CHECK_SIZE (W[0].size2, 3);
  CHECK_SIZE (W[1].size1, 3);
  CHECK_SIZE (W[1].size2, 2);
  CHECK_SIZE (b[0].size, 3);
  CHECK_SIZE (b[1].size, 2);
  int ok = 1;
  for (size_t k = 0; k < 2; k++)
    for (size_t j = 0; j < 3; j++)
      ok &= gsl_matrix_get (&W[0], k, j) == (double) (j + 3 * k);
  for (size_t j = 0; j < 3; j++)
    ok &= gsl_vector_get (&b[0], j) == (double) (6 + j);
  for (size_t k = 0; k < 3; k++)
    for (size_t j = 0; j < 2; j++)
      ok &= gsl_matrix_get (&W[1], k, j) == (double) (9 + j + 2 * k);
  for (size_t j = 0; j < 2; j++)
    ok &= gsl_vector_get (&b[1], j) == (double) (15 + j);
  CHECK (ok);
  /* Views, not copies: W{2}(2,3) (1-based) is theta[9 + 1 + 2*2] = 14. */
  gsl_matrix_set (&W[1], 2, 1, -1.0);
  CHECK (theta[14] == -1.0);
  gsl_vector_set (&b[1], 1, -2.0);
  CHECK (theta[16] == -2.0);
  /* Offsets of each layer's weights, and the total at i = L. */
  CHECK_SIZE (bp_net_offset (&net, 0), 0);
  CHECK_SIZE (bp_net_offset (&net, 1), 9);
  CHECK_SIZE (bp_net_offset (&net, 2), 17);
  /* 3-4-3-2: 0, 16, 31, 39 (the layers hold 16, 15 and 8 parameters). */
  const size_t n4[] = { 3, 4, 3, 2 };
  const bp_activation g4[] = { BP_TANH, BP_TANH, BP_LINEAR };
  bp_net net4 = { 3, n4, NULL, NULL, g4, BP_SSE };
  CHECK_SIZE (bp_net_offset (&net4, 0), 0);
  CHECK_SIZE (bp_net_offset (&net4, 1), 16);
  CHECK_SIZE (bp_net_offset (&net4, 2), 31);
  CHECK_SIZE (bp_net_offset (&net4, 3), 39);
  /* A tnet keeps its parameters in the same order: net_flat of its views
     is its store. */
  tnet *t = tnet_new (3, n4, g4, BP_SSE);
  lcg_seed (3);
  tnet_randomize (t, -1, 1);
  double flat[39];
  net_flat (&t->net, flat);
  CHECK_SAME (flat, t->store, 39);
  tnet_free (t);
}

static void
test_net_copy_finite (void)
{
  const size_t n[] = { 2, 3, 2 };
  const bp_activation g[] = { BP_SIGMOID, BP_SIGMOID };
  tnet *src = tnet_new (2, n, g, BP_QUADRATIC);
  lcg_seed (5);
  tnet_randomize (src, -1, 1);
  /* Into a network viewing one column ... */
  {
    double theta[17];
    for (size_t q = 0; q < 17; q++)
      theta[q] = NAN;
    bp_net dst = { 2, n, NULL, NULL, g, BP_QUADRATIC };
    gsl_matrix W[2];
    gsl_vector b[2];
    bp_net_view (&dst, W, b, theta);
    bp_net_copy_params (&src->net, &dst);
    CHECK_SAME (theta, src->store, 17);
  }
  /* ... and into one whose matrices have a row stride and whose vectors
     a stride of 2: only the views' entries change, the gaps keep their
     sentinel 99. */
  {
    double wa[2 * 4], wb[3 * 3], ba[3 * 2], bb[2 * 2];
    for (size_t q = 0; q < 8; q++)
      wa[q] = 99;
    for (size_t q = 0; q < 9; q++)
      wb[q] = 99;
    for (size_t q = 0; q < 6; q++)
      ba[q] = 99;
    for (size_t q = 0; q < 4; q++)
      bb[q] = 99;
    gsl_matrix W[2] = {
      gsl_matrix_view_array_with_tda (wa, 2, 3, 4).matrix,
      gsl_matrix_view_array_with_tda (wb, 3, 2, 3).matrix };
    gsl_vector b[2] = {
      gsl_vector_view_array_with_stride (ba, 2, 3).vector,
      gsl_vector_view_array_with_stride (bb, 2, 2).vector };
    bp_net dst = { 2, n, W, b, g, BP_QUADRATIC };
    bp_net_copy_params (&src->net, &dst);
    double flat[17];
    net_flat (&dst, flat);
    CHECK_SAME (flat, src->store, 17);
    CHECK (wa[3] == 99 && wa[7] == 99);
    CHECK (wb[2] == 99 && wb[5] == 99 && wb[8] == 99);
    CHECK (ba[1] == 99 && ba[3] == 99 && ba[5] == 99);
    CHECK (bb[1] == 99 && bb[3] == 99);
    /* bp_net_finite reads the views only: NaN in the gaps is not seen. */
    wa[3] = wb[2] = ba[1] = bb[3] = NAN;
    CHECK (bp_net_finite (&dst));
  }
  /* bp_net_finite: any NaN or infinity in a weight or a bias. */
  CHECK (bp_net_finite (&src->net));
  const double bad[] = { NAN, INFINITY, -INFINITY };
  const size_t where[] = { 0, 7, 10, 16 };   /* W[0], b[0], W[1], b[1] */
  for (size_t i = 0; i < 3; i++)
    for (size_t k = 0; k < 4; k++)
      {
        const double keep = src->store[where[k]];
        src->store[where[k]] = bad[i];
        CHECK (!bp_net_finite (&src->net));
        src->store[where[k]] = keep;
      }
  CHECK (bp_net_finite (&src->net));
  /* DBL_MAX is finite. */
  src->store[3] = DBL_MAX;
  CHECK (bp_net_finite (&src->net));
  tnet_free (src);
}

static void
test_axpy_sumsq (void)
{
  /* Y += alpha X on a 2-by-2 view with row stride 3: Y's third column
     must stay untouched. */
  double x[] = { 1, 2, 3, 4 };
  double y[] = { 10, 20, -1, 30, 40, -1 };
  gsl_matrix X = mview (x, 2, 2);
  gsl_matrix_view Yv = gsl_matrix_view_array_with_tda (y, 2, 2, 3);
  bp_axpy (-0.5, &X, &Yv.matrix);
  /* 10 - 0.5, 20 - 1, 30 - 1.5, 40 - 2 */
  const double want[] = { 9.5, 19, 28.5, 38 };
  CHECK_MAT_ARR (&Yv.matrix, want, 0.0);
  CHECK (y[2] == -1 && y[5] == -1);

  /* sum of squared weights of a 2-3-2 network with weights 1..6 in each
     layer: 2 * (1 + 4 + 9 + 16 + 25 + 36) = 182; biases (set to 100)
     excluded. */
  const size_t n[] = { 2, 3, 2 };
  const bp_activation g[] = { BP_SIGMOID, BP_SIGMOID };
  tnet *t = tnet_new (2, n, g, BP_QUADRATIC);
  for (size_t l = 0; l < 2; l++)
    {
      for (size_t q = 0; q < 6; q++)
        t->W[l].data[q] = (double) (q + 1);
      gsl_vector_set_all (&t->b[l], 100.0);
    }
  CHECK_NEAR (bp_weight_sumsq (&t->net), 182.0, 0.0);
  /* The decay cost lambda/(2m) sum w^2: 0.5/8 * 182 = 11.375 (exact). */
  CHECK_NEAR (bp_decay_cost (&t->net, 0.5, 4), 11.375, 0.0);
  CHECK_NEAR (bp_decay_cost (&t->net, 3.0, 1), 273.0, 0.0);
  /* lambda = 0 costs nothing, even for infinite weights (no 0 * inf). */
  t->W[1].data[2] = INFINITY;
  CHECK (bp_decay_cost (&t->net, 0.0, 4) == 0.0);
  CHECK (isinf (bp_decay_cost (&t->net, 0.5, 4)));
  tnet_free (t);
}

/* v = beta v + alpha (sum over the rows of D), on a D with a row stride
   and a v with a stride of 2; the gaps keep their sentinels.
   D = [1 2 3; 4 5 6]: column sums (5, 7, 9). */
static void
test_sum_rows (void)
{
  double d[] = { 1, 2, 3, 1000, 4, 5, 6, 1000 };
  gsl_matrix D = gsl_matrix_view_array_with_tda (d, 2, 3, 4).matrix;
  double vb[6];
  gsl_vector v = gsl_vector_view_array_with_stride (vb, 2, 3).vector;
  /* beta = 0 ignores v's old contents, NaN included: 0.5 (5, 7, 9). */
  for (size_t q = 0; q < 6; q++)
    vb[q] = q % 2 ? -7.0 : NAN;
  bp_sum_rows (0.5, &D, 0.0, &v);
  const double w1[] = { 2.5, 3.5, 4.5 };
  CHECK (vb[0] == w1[0] && vb[2] == w1[1] && vb[4] == w1[2]);
  CHECK (vb[1] == -7.0 && vb[3] == -7.0 && vb[5] == -7.0);
  /* beta = 1 adds: (1, 1, 1) + (5, 7, 9) = (6, 8, 10). */
  vb[0] = vb[2] = vb[4] = 1.0;
  bp_sum_rows (1.0, &D, 1.0, &v);
  CHECK (vb[0] == 6.0 && vb[2] == 8.0 && vb[4] == 10.0);
  /* beta = 2, alpha = -1 from (1, 2, 3): (2 - 5, 4 - 7, 6 - 9) = -3 each. */
  vb[0] = 1.0, vb[2] = 2.0, vb[4] = 3.0;
  bp_sum_rows (-1.0, &D, 2.0, &v);
  CHECK (vb[0] == -3.0 && vb[2] == -3.0 && vb[4] == -3.0);
  CHECK (vb[1] == -7.0 && vb[3] == -7.0 && vb[5] == -7.0);
  CHECK (d[3] == 1000 && d[7] == 1000);
}

/* ===================================================== scratch memory */

static size_t
round16 (size_t b)
{
  return (b + 15) / 16 * 16;
}

static void
test_layout (void)
{
  /* Offsets in order, each reservation rounded up to 16 bytes. */
  bp_layout p = { 0, 0 };
  CHECK_SIZE (bp_layout_add (&p, 3, 8), 0);     /* 24 bytes -> 32 */
  CHECK_SIZE (p.bytes, 32);
  CHECK_SIZE (bp_layout_add (&p, 1, 1), 32);    /* 1 byte -> 16 */
  CHECK_SIZE (p.bytes, 48);
  CHECK_SIZE (bp_layout_add (&p, 0, 8), 48);    /* nothing */
  CHECK_SIZE (p.bytes, 48);
  CHECK_SIZE (bp_layout_add (&p, 2, 8), 48);    /* 16 exactly */
  CHECK_SIZE (p.bytes, 64);
  CHECK_SIZE (bp_layout_add (&p, 5, 3), 64);    /* 15 -> 16 */
  CHECK_SIZE (p.bytes, 80);
  CHECK (!p.overflow);
  /* Overflow: count * elem does not fit; sticky once set. */
  bp_layout q = { 0, 0 };
  CHECK_SIZE (bp_layout_add (&q, SIZE_MAX, 2), 0);
  CHECK (q.overflow);
  CHECK_SIZE (bp_layout_add (&q, 1, 8), 0);
  CHECK (q.overflow);
  /* The product fits but rounding it up to 16 does not. */
  bp_layout r = { 0, 0 };
  bp_layout_add (&r, SIZE_MAX - 3, 1);
  CHECK (r.overflow);
  /* Two reservations that fit on their own: 2^63 - 65 bytes (rounded to
     2^63 - 64) and 2^63 + 64 would end at 2^64 (64-bit size_t). */
  if (sizeof (size_t) == 8)
    {
      bp_layout s = { 0, 0 };
      bp_layout_add (&s, SIZE_MAX / 2 - 64, 1);
      CHECK (!s.overflow);
      CHECK_SIZE (s.bytes, SIZE_MAX / 2 - 63);
      bp_layout_add (&s, SIZE_MAX / 2 + 65, 1);
      CHECK (s.overflow);
    }
}

/* bp_workspace_bytes as laid out by hand: the 3L headers, then for each
   part that has memory m (n_1 + ... + n_L) doubles, each rounded up to
   16 bytes. */
static size_t
ws_bytes_by_hand (size_t L, const size_t *n, size_t m, int parts)
{
  size_t cells = 0;
  for (size_t i = 1; i <= L; i++)
    cells += m * n[i];
  size_t b = round16 (3 * L * sizeof (gsl_matrix));
  for (int s = 0; s < 3; s++)
    if (parts & (1 << s))
      b += round16 (cells * sizeof (double));
  return b;
}

static void
test_workspace (void)
{
  const size_t n[] = { 2, 3, 4 };
  const int all = BP_WS_Z | BP_WS_A | BP_WS_DELTA;
  CHECK_INT (BP_WS_Z, 1);
  CHECK_INT (BP_WS_A, 2);
  CHECK_INT (BP_WS_DELTA, 4);
  for (int parts = 0; parts <= all; parts++)
    CHECK_SIZE (bp_workspace_bytes (2, n, 5, parts),
                ws_bytes_by_hand (2, n, 5, parts));

  /* Every combination of parts, laid out inside a larger block after 40
     bytes of something else and before 24 more: the workspace stays in
     its own bytes, aligned, without overlaps. */
  for (int parts = 0; parts <= all; parts++)
    {
      const unsigned long f0 = n_failed;
      bp_layout p = { 0, 0 };
      const size_t before = bp_layout_add (&p, 5, 8);
      const size_t at = p.bytes;
      size_t off[4];
      bp_workspace_plan (&p, 2, n, 5, parts, off);
      const size_t ws_end = p.bytes;
      const size_t after = bp_layout_add (&p, 3, 8);
      CHECK (!p.overflow);
      CHECK_SIZE (before, 0);
      CHECK_SIZE (at, 48);
      CHECK_SIZE (ws_end - at, bp_workspace_bytes (2, n, 5, parts));
      CHECK_SIZE (after, ws_end);
      const size_t total = p.bytes;
      unsigned char *mem = xmalloc (total);
      memset (mem, 0xAB, total);
      bp_workspace ws;
      bp_workspace_init (&ws, 2, n, 5, parts, (char *) mem, at);
      CHECK_SIZE (ws.L, 2);
      CHECK_SIZE (ws.m, 5);
      CHECK ((unsigned char *) ws.Z == mem + off[0]);
      CHECK ((size_t) ((unsigned char *) ws.Z - mem) % 16 == 0);
      CHECK (ws.A == ws.Z + 2 && ws.Delta == ws.Z + 4);
      gsl_matrix *sets[3] = { ws.Z, ws.A, ws.Delta };
      int shapes = 1, inside = 1, nulls = 1;
      for (int s = 0; s < 3; s++)
        for (size_t l = 0; l < 2; l++)
          {
            const gsl_matrix *M = &sets[s][l];
            shapes &= M->size1 == 5 && M->size2 == n[l + 1]
                      && M->tda == n[l + 1] && M->block == NULL
                      && M->owner == 0;
            if (!(parts & (1 << s)))
              {
                nulls &= M->data == NULL;
                continue;
              }
            const unsigned char *first = (const unsigned char *) M->data;
            const unsigned char *last =
              (const unsigned char *) (M->data + 5 * n[l + 1]);
            inside &= first >= mem + at && last <= mem + ws_end
                      && (size_t) (first - mem) % sizeof (double) == 0;
            /* each part's first matrix starts 16-byte aligned */
            if (l == 0)
              inside &= (size_t) (first - mem) % 16 == 0;
          }
      CHECK (shapes);
      CHECK (inside);
      CHECK (nulls);
      /* No overlap: a distinct value in every cell of every matrix that
         has memory, then read back.  (A write outside the block would be
         caught by valgrind.) */
      double v = 1.0;
      for (int s = 0; s < 3; s++)
        if (parts & (1 << s))
          for (size_t l = 0; l < 2; l++)
            for (size_t i = 0; i < 5; i++)
              for (size_t j = 0; j < n[l + 1]; j++)
                gsl_matrix_set (&sets[s][l], i, j, v++);
      v = 1.0;
      int intact = 1;
      for (int s = 0; s < 3; s++)
        if (parts & (1 << s))
          for (size_t l = 0; l < 2; l++)
            for (size_t i = 0; i < 5; i++)
              for (size_t j = 0; j < n[l + 1]; j++)
                intact &= gsl_matrix_get (&sets[s][l], i, j) == v++;
      CHECK (intact);
      /* The bytes before and after the workspace are untouched. */
      int outside = 1;
      for (size_t q = 0; q < at; q++)
        outside &= mem[q] == 0xAB;
      for (size_t q = ws_end; q < total; q++)
        outside &= mem[q] == 0xAB;
      CHECK (outside);
      free (mem);
      if (n_failed != f0)
        printf ("  (workspace parts %d)\n", parts);
    }

  /* A part without memory is a header for the caller to point at its
     own array. */
  {
    tws *w = tws_new (2, n, 5, BP_WS_A);
    double z0[15], z1[20];
    w->ws.Z[0].data = z0;
    w->ws.Z[1].data = z1;
    gsl_matrix_set (&w->ws.Z[1], 4, 3, 42.0);
    CHECK (z1[19] == 42.0);
    tws_free (w);
  }

  /* Sizes that overflow size_t give 0, never a short block: m = SIZE_MAX/2
     with widths 3, 4; one huge width; widths whose cells each fit but
     whose sum does not; a cell count that fits but whose bytes do not
     (SIZE_MAX/8 doubles round past SIZE_MAX); and L = 0. */
  CHECK_SIZE (bp_workspace_bytes (2, n, SIZE_MAX / 2, all), 0);
  CHECK_SIZE (bp_workspace_bytes (2, n, SIZE_MAX / 2, BP_WS_DELTA), 0);
  const size_t huge1[] = { 2, SIZE_MAX / 2 };
  CHECK_SIZE (bp_workspace_bytes (1, huge1, 3, all), 0);
  const size_t huge2[] = { 1, SIZE_MAX / 2 + 1, SIZE_MAX / 2 + 1 };
  CHECK_SIZE (bp_workspace_bytes (2, huge2, 1, all), 0);
  const size_t one[] = { 1, 1 };
  CHECK_SIZE (bp_workspace_bytes (1, one, SIZE_MAX / 8, BP_WS_Z), 0);
  /* SIZE_MAX/16 doubles fit once, not three times. */
  CHECK (bp_workspace_bytes (1, one, SIZE_MAX / 16, BP_WS_Z) > 0);
  CHECK_SIZE (bp_workspace_bytes (1, one, SIZE_MAX / 16, all), 0);
  CHECK_SIZE (bp_workspace_bytes (0, one, 5, all), 0);
  /* Headers only need no room for the cells, however many rows. */
  CHECK_SIZE (bp_workspace_bytes (2, n, SIZE_MAX / 2, 0),
              round16 (6 * sizeof (gsl_matrix)));

  /* bp_rows: the first m rows, same storage. */
  {
    tws *w = tws_new (2, n, 5, all);
    gsl_matrix r = bp_rows (&w->ws.A[1], 2);
    CHECK_SIZE (r.size1, 2);
    CHECK_SIZE (r.size2, 4);
    CHECK_SIZE (r.tda, w->ws.A[1].tda);
    CHECK (r.data == w->ws.A[1].data);
    gsl_matrix_set (&w->ws.A[1], 1, 3, 5.0);
    CHECK (gsl_matrix_get (&r, 1, 3) == 5.0);
    tws_free (w);
  }
}

/* bp_gemm against a triple loop, every transpose combination, a small
   size (plain loop) and a large one (BLAS), padded and unpadded storage. */
static void
gemm_case (CBLAS_TRANSPOSE_t ta, CBLAS_TRANSPOSE_t tb, size_t M, size_t N,
           size_t K, double alpha, double beta, size_t pad)
{
  const size_t ar = ta == CblasNoTrans ? M : K, ac = ta == CblasNoTrans ? K : M;
  const size_t br = tb == CblasNoTrans ? K : N, bc = tb == CblasNoTrans ? N : K;
  double *ab = xcalloc (ar * (ac + pad), sizeof (double));
  double *bb = xcalloc (br * (bc + pad), sizeof (double));
  double *cb = xcalloc (M * (N + pad), sizeof (double));
  double *want = xcalloc (M * N, sizeof (double));
  gsl_matrix A = gsl_matrix_view_array_with_tda (ab, ar, ac, ac + pad).matrix;
  gsl_matrix B = gsl_matrix_view_array_with_tda (bb, br, bc, bc + pad).matrix;
  gsl_matrix C = gsl_matrix_view_array_with_tda (cb, M, N, N + pad).matrix;
  for (size_t i = 0; i < ar * (ac + pad); i++)
    ab[i] = lcg_uniform (-1, 1);
  for (size_t i = 0; i < br * (bc + pad); i++)
    bb[i] = lcg_uniform (-1, 1);
  for (size_t i = 0; i < M * (N + pad); i++)
    /* With beta = 0 the old contents of C must be ignored (BLAS
       semantics): the core multiplies into uninitialised workspace. */
    cb[i] = beta == 0.0 ? NAN : lcg_uniform (-1, 1);
  for (size_t i = 0; i < M; i++)
    for (size_t j = 0; j < N; j++)
      {
        double s = 0.0;
        for (size_t p = 0; p < K; p++)
          {
            double a = ta == CblasNoTrans ? gsl_matrix_get (&A, i, p)
                                          : gsl_matrix_get (&A, p, i);
            double b = tb == CblasNoTrans ? gsl_matrix_get (&B, p, j)
                                          : gsl_matrix_get (&B, j, p);
            s += a * b;
          }
        want[i * N + j] = alpha * s
          + (beta == 0.0 ? 0.0 : beta * gsl_matrix_get (&C, i, j));
      }
  /* The padding of C is remembered to check that it is left alone. */
  double pad_sum = 0.0;
  int pad_nan = 0;
  for (size_t i = 0; i < M; i++)
    for (size_t j = N; j < N + pad; j++)
      {
        pad_sum += cb[i * (N + pad) + j];
        pad_nan |= isnan (cb[i * (N + pad) + j]);
      }
  CHECK (bp_gemm (ta, tb, alpha, &A, &B, beta, &C) == BP_OK);
  /* Sums of K <= 60 products of numbers in [-1, 1], accumulated in a
     different order by BLAS: error well below 60 eps ~ 1.3e-14. */
  CHECK_MAT_ARR (&C, want, 1e-13);
  double pad_after = 0.0;
  int pad_nan_after = 0;
  for (size_t i = 0; i < M; i++)
    for (size_t j = N; j < N + pad; j++)
      {
        pad_after += cb[i * (N + pad) + j];
        pad_nan_after |= isnan (cb[i * (N + pad) + j]);
      }
  CHECK (pad_nan ? pad_nan_after : pad_after == pad_sum);
  free (ab);
  free (bb);
  free (cb);
  free (want);
}

static void
test_gemm (void)
{
  lcg_seed (31);
  const CBLAS_TRANSPOSE_t T[] = { CblasNoTrans, CblasTrans };
  for (int i = 0; i < 2; i++)
    for (int j = 0; j < 2; j++)
      {
        gemm_case (T[i], T[j], 2, 3, 4, 1.0, 0.0, 0);     /* small */
        gemm_case (T[i], T[j], 3, 2, 5, -0.5, 2.0, 1);    /* small, padded */
        gemm_case (T[i], T[j], 40, 30, 60, 0.25, 0.0, 0); /* BLAS */
        gemm_case (T[i], T[j], 33, 41, 20, 1.5, -1.0, 2); /* BLAS, padded */
      }

  /* Shapes that do not fit: BP_EBADLEN, C untouched, and (checked by the
     harness) no call of GSL's error handler, although gsl_blas_dgemm
     would call it.  Small sizes take the plain loop, large ones would go
     to BLAS: both are checked first. */
  for (int big = 0; big < 2; big++)
    {
      const size_t s = big ? 20 : 2;     /* 20^3 = 8000 products: BLAS */
      double *ab = xcalloc (4 * s * s, sizeof (double));
      double *bb = xcalloc (4 * s * s, sizeof (double));
      double *cb = xcalloc (4 * s * s, sizeof (double));
      for (size_t q = 0; q < 4 * s * s; q++)
        cb[q] = 7.0;
      /* A: s-by-(s+1), B: (s+1)-by-s fit into C: s-by-s. */
      gsl_matrix A = mview (ab, s, s + 1), B = mview (bb, s + 1, s);
      gsl_matrix C = mview (cb, s, s);
      gsl_matrix Cwide = mview (cb, s, s + 1), Ctall = mview (cb, s + 1, s);
      gsl_matrix Bshort = mview (bb, s, s);
      CHECK (bp_gemm (CblasNoTrans, CblasNoTrans, 1, &A, &B, 0, &C) == BP_OK);
      for (size_t q = 0; q < 4 * s * s; q++)
        cb[q] = 7.0;
      /* inner dimensions differ: A s-by-(s+1) times B s-by-s */
      CHECK (bp_gemm (CblasNoTrans, CblasNoTrans, 1, &A, &Bshort, 0, &C)
             == BP_EBADLEN);
      /* C too wide, too tall */
      CHECK (bp_gemm (CblasNoTrans, CblasNoTrans, 1, &A, &B, 0, &Cwide)
             == BP_EBADLEN);
      CHECK (bp_gemm (CblasNoTrans, CblasNoTrans, 1, &A, &B, 0, &Ctall)
             == BP_EBADLEN);
      /* transposes: A^T is (s+1)-by-s, which B (s+1 rows) does not fit */
      CHECK (bp_gemm (CblasTrans, CblasNoTrans, 1, &A, &B, 0, &C)
             == BP_EBADLEN);
      CHECK (bp_gemm (CblasNoTrans, CblasTrans, 1, &A, &B, 0, &C)
             == BP_EBADLEN);
      /* A^T B^T: (s+1)-by-s times s-by-(s+1) is (s+1)-by-(s+1) */
      CHECK (bp_gemm (CblasTrans, CblasTrans, 1, &A, &B, 0, &C)
             == BP_EBADLEN);
      int untouched = 1;
      for (size_t q = 0; q < 4 * s * s; q++)
        untouched &= cb[q] == 7.0;
      CHECK (untouched);
      /* ... while a transpose that fits is accepted: A (s-by-(s+1))
         times A^T ((s+1)-by-s) is s-by-s. */
      CHECK (bp_gemm (CblasNoTrans, CblasTrans, 1, &A, &A, 0, &C) == BP_OK);
      free (ab);
      free (bb);
      free (cb);
    }
}

/* ================================================ forward and backward */

/* The transpose convention by hand, all values exact.  Layer 1, linear:
   x = (1, 2), W[0] = [1 2 3; 4 5 6] (row k = input k, column j = node j,
   i.e. w^(1) transposed), b = (0.5, -1, 0):
     z1 = (1*1 + 2*4, 1*2 + 2*5, 1*3 + 2*6) + b = (9.5, 11, 15).
   Layer 2, linear: W[1] = [1 0; 0 1; 1 -1], b = (0, 1):
     z2 = (9.5 + 15, 11 - 15 + 1) = (24.5, -3).
   Second sample x = (0, -1): z1 = (-4, -5, -6) + b = (-3.5, -6, -6),
     z2 = (-3.5 - 6, -6 + 6 + 1) = (-9.5, 1). */
static void
test_forward_by_hand (void)
{
  const size_t n[] = { 2, 3, 2 };
  const bp_activation g[] = { BP_LINEAR, BP_LINEAR };
  tnet *t = tnet_new (2, n, g, BP_QUADRATIC);
  const double w0[] = { 1, 2, 3, 4, 5, 6 }, b0[] = { 0.5, -1, 0 };
  const double w1[] = { 1, 0, 0, 1, 1, -1 }, b1[] = { 0, 1 };
  memcpy (t->W[0].data, w0, sizeof w0);
  memcpy (t->b[0].data, b0, sizeof b0);
  memcpy (t->W[1].data, w1, sizeof w1);
  memcpy (t->b[1].data, b1, sizeof b1);
  double x[] = { 1, 2, 0, -1 };
  gsl_matrix X = mview (x, 2, 2);
  tws *w = tws_new (2, n, 2, BP_WS_Z | BP_WS_A | BP_WS_DELTA);
  batch_views v;
  views_of (&w->ws, 2, &v);
  CHECK (bp_forward (&t->net, &X, v.Z, v.A) == BP_OK);
  const double z1[] = { 9.5, 11, 15, -3.5, -6, -6 };
  const double z2[] = { 24.5, -3, -9.5, 1 };
  CHECK_MAT_ARR (&v.Z[0], z1, 0.0);
  CHECK_MAT_ARR (&v.A[0], z1, 0.0);
  CHECK_MAT_ARR (&v.Z[1], z2, 0.0);
  CHECK_MAT_ARR (&v.A[1], z2, 0.0);

  /* The same net with relu hidden, sigmoid out: a1 = relu(z1) =
     (9.5, 11, 15), (0, 0, 0); z2 = (24.5, -3), (0, 1);
     a2 = sigmoid: (1/(1+e^-24.5), 1/(1+e^3)), (1/2, 1/(1+e^-1)). */
  t->g[0] = BP_RELU;
  t->g[1] = BP_SIGMOID;
  CHECK (bp_forward (&t->net, &X, v.Z, v.A) == BP_OK);
  const double a1[] = { 9.5, 11, 15, 0, 0, 0 };
  const double z2b[] = { 24.5, -3, 0, 1 };
  const double a2[] = { 1 / (1 + exp (-24.5)), 1 / (1 + exp (3.0)),
                        0.5, 1 / (1 + exp (-1.0)) };
  CHECK_MAT_ARR (&v.A[0], a1, 0.0);
  CHECK_MAT_ARR (&v.Z[1], z2b, 0.0);
  CHECK_MAT_ARR (&v.A[1], a2, 1e-15);

  /* Quadratic loss with y = (1, 0) for both samples; by hand:
     output delta = (a - y) a (1 - a); hidden delta of sample 2 is 0
     (relu'(z) = 0 for z <= 0), so dW[0] has only sample 1's share. */
  double y[] = { 1, 0, 1, 0 };
  gsl_matrix Y = mview (y, 2, 2);
  double C = NAN;
  CHECK (bp_backward (&t->net, &Y, v.Z, v.A, v.D, &C) == BP_OK);
  double want_C = 0.0, d2[4];
  for (size_t i = 0; i < 4; i++)
    {
      want_C += 0.5 * (a2[i] - y[i]) * (a2[i] - y[i]) / 2;   /* mean of 2 */
      d2[i] = (a2[i] - y[i]) * a2[i] * (1 - a2[i]);
    }
  CHECK_REL (C, want_C, 1e-14);
  CHECK_MAT_ARR (&v.D[1], d2, 1e-15);
  /* hidden: delta1_k = relu'(z1_k) sum_j W[1](k,j) d2_j:
     sample 1 (d2_0, d2_1, d2_0 - d2_1), sample 2 zeros. */
  const double d1[] = { d2[0], d2[1], d2[0] - d2[1], 0, 0, 0 };
  CHECK_MAT_ARR (&v.D[0], d1, 1e-16);
  tws_free (w);
  tnet_free (t);
}

typedef struct {
  const char *what;
  size_t L;
  size_t n[MAXL + 1];
  bp_activation g[MAXL];
  bp_loss loss;
} net_case;

static const net_case net_cases[] = {
  { "2-3-2 sigmoid/sigmoid quadratic", 2, { 2, 3, 2 },
    { BP_SIGMOID, BP_SIGMOID }, BP_QUADRATIC },
  { "2-3-2 softmax hidden, sigmoid quadratic", 2, { 2, 3, 2 },
    { BP_SOFTMAX, BP_SIGMOID }, BP_QUADRATIC },
  { "2-3-3 tanh/softmax log-likelihood", 2, { 2, 3, 3 },
    { BP_TANH, BP_SOFTMAX }, BP_LOG_LIKELIHOOD },
  { "2-4-2 relu/sigmoid cross-entropy", 2, { 2, 4, 2 },
    { BP_RELU, BP_SIGMOID }, BP_CROSS_ENTROPY },
  { "2-3-2 leaky-relu/linear mse", 2, { 2, 3, 2 },
    { BP_LEAKY_RELU, BP_LINEAR }, BP_MSE },
  { "2-3-3 linear/softmax sse", 2, { 2, 3, 3 },
    { BP_LINEAR, BP_SOFTMAX }, BP_SSE },
  { "3-4-3-2 sigmoid/tanh/sigmoid sse", 3, { 3, 4, 3, 2 },
    { BP_SIGMOID, BP_TANH, BP_SIGMOID }, BP_SSE },
  { "1-2 softmax quadratic (L = 1)", 1, { 1, 2 },
    { BP_SOFTMAX }, BP_QUADRATIC },
};

/* Targets for a case: one-hot for log-likelihood, in [0, 1] otherwise. */
static gsl_matrix *
case_targets (const net_case *c, const gsl_matrix *X)
{
  if (c->loss == BP_LOG_LIKELIHOOD)
    return one_hot_targets (X, c->n[c->L]);
  return random_matrix (X->size1, c->n[c->L], 0, 1);
}

static void
forward_backward_case (const net_case *c)
{
  const size_t m = 5, L = c->L;
  const unsigned long f0 = n_failed;
  tnet *t = tnet_new (L, c->n, c->g, c->loss);
  tnet *grad = tnet_like (t);
  tnet_randomize (t, -1, 1);
  gsl_matrix *X = random_matrix (m, c->n[0], -1, 1);
  gsl_matrix *Y = case_targets (c, X);
  tws *w = tws_new (L, c->n, m, BP_WS_Z | BP_WS_A | BP_WS_DELTA);
  batch_views v;
  views_of (&w->ws, m, &v);

  /* Naive per-sample pass: z, a, delta of every layer, mean loss, and the
     gradient dW[l](k,j) = mean_s a^(l)_k delta^(l+1)_j, db = mean delta. */
  gsl_matrix *Zr[MAXL], *Ar[MAXL], *Dr[MAXL];
  for (size_t l = 0; l < L; l++)
    {
      Zr[l] = gsl_matrix_alloc (m, c->n[l + 1]);
      Ar[l] = gsl_matrix_alloc (m, c->n[l + 1]);
      Dr[l] = gsl_matrix_alloc (m, c->n[l + 1]);
    }
  double Cref = 0.0;
  for (size_t s = 0; s < m; s++)
    {
      ref_pass p;
      Cref += ref_sample (t, X->data + s * X->tda, Y->data + s * Y->tda, &p);
      for (size_t l = 0; l < L; l++)
        for (size_t j = 0; j < c->n[l + 1]; j++)
          {
            gsl_matrix_set (Zr[l], s, j, p.z[l][j]);
            gsl_matrix_set (Ar[l], s, j, p.a[l][j]);
            gsl_matrix_set (Dr[l], s, j, p.d[l][j]);
          }
    }
  Cref /= (double) m;
  tnet *gref = tnet_like (t);
  for (size_t l = 0; l < L; l++)
    {
      const gsl_matrix *in = l == 0 ? X : Ar[l - 1];
      for (size_t j = 0; j < c->n[l + 1]; j++)
        {
          double sb = 0.0;
          for (size_t s = 0; s < m; s++)
            sb += gsl_matrix_get (Dr[l], s, j);
          gsl_vector_set (&gref->b[l], j, sb / (double) m);
          for (size_t k = 0; k < c->n[l]; k++)
            {
              double sw = 0.0;
              for (size_t s = 0; s < m; s++)
                sw += gsl_matrix_get (in, s, k) * gsl_matrix_get (Dr[l], s, j);
              gsl_matrix_set (&gref->W[l], k, j, sw / (double) m);
            }
        }
    }

  /* Forward and backward against the naive pass.  Values are O(1); the
     two sides differ in summation order and in exp-based versus library
     tanh/sigmoid: a few ulp, hence 1e-14. */
  CHECK (bp_forward (&t->net, X, v.Z, v.A) == BP_OK);
  for (size_t l = 0; l < L; l++)
    {
      CHECK_MAT (&v.Z[l], Zr[l], 1e-14);
      CHECK_MAT (&v.A[l], Ar[l], 1e-14);
    }
  double C = NAN;
  CHECK (bp_backward (&t->net, Y, v.Z, v.A, v.D, &C) == BP_OK);
  CHECK_REL (C, Cref, 1e-14);
  for (size_t l = 0; l < L; l++)
    CHECK_MAT (&v.D[l], Dr[l], 1e-14);

  /* Weight gradient without weight decay. */
  double R = NAN;
  CHECK (bp_weight_gradient (&t->net, X, v.A, v.D, 0.0, grad->W, grad->b, &R)
         == BP_OK);
  CHECK (R == 0.0);
  CHECK_ARR (grad->store, gref->store, t->nstore, 1e-14);

  /* bp_gradient_sums adds chunk after chunk: rows 0-1 with beta = 0 (the
     old contents, NaN here, ignored), then rows 2-4 with beta = 1, each
     scaled by 1/m, give the mean over all m rows. */
  {
    tnet *acc = tnet_like (t);
    for (size_t q = 0; q < acc->nstore; q++)
      acc->store[q] = NAN;
    for (size_t l = 0; l < L; l++)
      {
        const gsl_matrix *in = l == 0 ? X : &v.A[l - 1];
        const size_t r0[] = { 0, 2 }, rows[] = { 2, 3 };
        for (int k = 0; k < 2; k++)
          {
            gsl_matrix_const_view ic =
              gsl_matrix_const_submatrix (in, r0[k], 0, rows[k], in->size2);
            gsl_matrix_const_view dc =
              gsl_matrix_const_submatrix (&v.D[l], r0[k], 0, rows[k],
                                          v.D[l].size2);
            CHECK (bp_gradient_sums (&ic.matrix, &dc.matrix, 1.0 / (double) m,
                                     k == 0 ? 0.0 : 1.0, &acc->W[l],
                                     &acc->b[l]) == BP_OK);
          }
      }
    CHECK_ARR (acc->store, gref->store, t->nstore, 1e-14);
    tnet_free (acc);
  }

  /* With weight decay: dW += (lambda/m) W (biases not decayed), and the
     cost lambda/(2m) sum w^2 through the out pointer. */
  const double lambda = 0.3;
  double w2 = 0.0;
  for (size_t l = 0; l < L; l++)
    for (size_t k = 0; k < c->n[l]; k++)
      for (size_t j = 0; j < c->n[l + 1]; j++)
        {
          const double wt = gsl_matrix_get (&t->W[l], k, j);
          w2 += wt * wt;
          gsl_matrix_set (&gref->W[l], k, j, gsl_matrix_get (&gref->W[l], k, j)
                          + lambda / (double) m * wt);
        }
  CHECK (bp_weight_gradient (&t->net, X, v.A, v.D, lambda, grad->W, grad->b,
                             &R) == BP_OK);
  CHECK_REL (R, lambda / (2.0 * (double) m) * w2, 1e-14);
  CHECK_ARR (grad->store, gref->store, t->nstore, 1e-14);

  /* One layer at a time, in a fresh network of NaNs (fully overwritten). */
  {
    tnet *lg = tnet_like (t);
    for (size_t q = 0; q < lg->nstore; q++)
      lg->store[q] = NAN;
    for (size_t l = 0; l < L; l++)
      CHECK (bp_layer_gradient (&t->net, l, l == 0 ? X : &v.A[l - 1], &v.D[l],
                                lambda, &lg->W[l], &lg->b[l]) == BP_OK);
    CHECK_ARR (lg->store, gref->store, t->nstore, 1e-14);
    tnet_free (lg);
  }

  /* Everything at once in a workspace of exactly m rows: the loss with
     the decay term and the same gradient. */
  {
    tws *w2s = tws_new (L, c->n, m, BP_WS_Z | BP_WS_A | BP_WS_DELTA);
    tnet *lg = tnet_like (t);
    double Call = NAN;
    CHECK (bp_loss_and_gradient (&t->net, X, Y, lambda, &w2s->ws, lg->W,
                                 lg->b, &Call) == BP_OK);
    CHECK_REL (Call, Cref + lambda / (2.0 * (double) m) * w2, 1e-14);
    CHECK_ARR (lg->store, gref->store, t->nstore, 1e-14);
    CHECK_REL (Call, ref_cost (t, X, Y, lambda), 1e-14);
    tws_free (w2s);
    tnet_free (lg);
  }

  /* Central differences of the naive regularised cost,
     (C(p + h) - C(p - h)) / 2h with h = 1e-6.  Truncation error is
     h^2/6 |C'''| ~ 2e-13 for these O(1) smooth functions; rounding error
     is about eps |C| / h ~ 2e-16 * 2 / 1e-6 = 4e-10.  1e-8 leaves a margin
     of 25 over both while any real mistake in a gradient is O(0.01). */
  {
    const double h = 1e-6;
    double *fd = xcalloc (t->nstore, sizeof (double));
    for (size_t q = 0; q < t->nstore; q++)
      {
        const double p0 = t->store[q];
        t->store[q] = p0 + h;
        const double Cp = ref_cost (t, X, Y, lambda);
        t->store[q] = p0 - h;
        const double Cm = ref_cost (t, X, Y, lambda);
        t->store[q] = p0;
        fd[q] = (Cp - Cm) / (2 * h);
      }
    CHECK_ARR (grad->store, fd, t->nstore, 1e-8);
    free (fd);
  }
  /* ref_gradient (used by the training tests) agrees with this case's
     own reference. */
  {
    tnet *rg = tnet_like (t);
    ref_gradient (t, X, Y, lambda, rg);
    CHECK_ARR (rg->store, gref->store, t->nstore, 1e-15);
    tnet_free (rg);
  }
  if (n_failed != f0)
    printf ("  (in case %s)\n", c->what);

  for (size_t l = 0; l < L; l++)
    {
      gsl_matrix_free (Zr[l]);
      gsl_matrix_free (Ar[l]);
      gsl_matrix_free (Dr[l]);
    }
  tws_free (w);
  gsl_matrix_free (X);
  gsl_matrix_free (Y);
  tnet_free (t);
  tnet_free (grad);
  tnet_free (gref);
}

static void
test_forward_backward (void)
{
  lcg_seed (41);
  for (size_t i = 0; i < sizeof net_cases / sizeof *net_cases; i++)
    forward_backward_case (&net_cases[i]);
}


/* ============================================ shape checks (GSL style)

   Each wrongly shaped call must return BP_EBADLEN and leave its outputs
   as they were.  The arrays are padded with sentinels (see the file's
   head): "pad intact" checks that nothing was written past a view. */

#define PAD 16
#define SENT 777.0

/* cells doubles of value fill, then PAD sentinels. */
static double *
padded (size_t cells, double fill)
{
  double *b = xmalloc ((cells + PAD) * sizeof (double));
  for (size_t q = 0; q < cells; q++)
    b[q] = fill;
  for (size_t q = cells; q < cells + PAD; q++)
    b[q] = SENT;
  return b;
}

/* 1 when the first cells doubles all equal fill and the pad is intact. */
static int
untouched (const double *b, size_t cells, double fill)
{
  int ok = 1;
  for (size_t q = 0; q < cells; q++)
    ok &= b[q] == fill;
  for (size_t q = cells; q < cells + PAD; q++)
    ok &= b[q] == SENT;
  return ok;
}

static tnet *
shape_net (bp_activation out, bp_loss loss)
{
  const size_t n[] = { 2, 3, 2 };
  const bp_activation g[] = { BP_SIGMOID, out };
  tnet *t = tnet_new (2, n, g, loss);
  lcg_seed (13);
  tnet_randomize (t, -1, 1);
  return t;
}

static void
test_shapes_forward (void)
{
  tnet *t = shape_net (BP_SIGMOID, BP_QUADRATIC);
  const size_t m = 2;
  double *xb = padded (m * 3, 0.25);
  double *zb[2] = { padded (m * 3, 7.0), padded (m * 3, 7.0) };
  double *ab[2] = { padded (m * 3, 7.0), padded (m * 3, 7.0) };
  gsl_matrix Z[2], A[2];
  gsl_matrix X = mview (xb, m, 2);
  /* The right shapes first (the premise of the cases below). */
  Z[0] = mview (zb[0], m, 3), A[0] = mview (ab[0], m, 3);
  Z[1] = mview (zb[1], m, 2), A[1] = mview (ab[1], m, 2);
  CHECK (bp_forward (&t->net, &X, Z, A) == BP_OK);
  for (int s = 0; s < 2; s++)
    {
      for (size_t q = 0; q < m * 3; q++)
        zb[s][q] = ab[s][q] = 7.0;
    }
  /* Z[0] with 3 rows for 2 samples; A[1] 2-by-1 for Z[1] 2-by-2. */
  Z[0] = mview (zb[0], m + 1, 3);
  CHECK (bp_forward (&t->net, &X, Z, A) == BP_EBADLEN);
  Z[0] = mview (zb[0], m, 3);
  A[1] = mview (ab[1], m, 1);
  CHECK (bp_forward (&t->net, &X, Z, A) == BP_EBADLEN);
  A[1] = mview (ab[1], m, 2);
  CHECK (untouched (zb[1], m * 3, 7.0) && untouched (ab[1], m * 3, 7.0));
  /* X of width 3 for a network of 2 inputs: refused before anything is
     written.  (bp_forward.c's layer () writes the biases into Z[0]
     before bp_gemm finds that X does not fit W[0].) */
  {
    const unsigned long f0 = n_failed;
    gsl_matrix X3 = mview (xb, m, 3);
    CHECK (bp_forward (&t->net, &X3, Z, A) == BP_EBADLEN);
    CHECK (untouched (zb[0], m * 3, 7.0) && untouched (ab[0], m * 3, 7.0));
    if (n_failed != f0)
      printf ("  (bp_forward wrote Z[0] before refusing X)\n");
  }
  /* Z[1] 2-by-3 for an output layer of 2: refused, and nothing written,
     layer 1's results included (the shapes can all be checked before the
     first layer is computed). */
  {
    const unsigned long f0 = n_failed;
    for (size_t q = 0; q < m * 3; q++)
      zb[0][q] = ab[0][q] = 7.0;
    Z[1] = mview (zb[1], m, 3);
    A[1] = mview (ab[1], m, 3);
    CHECK (bp_forward (&t->net, &X, Z, A) == BP_EBADLEN);
    CHECK (untouched (zb[0], m * 3, 7.0) && untouched (ab[0], m * 3, 7.0));
    CHECK (untouched (zb[1], m * 3, 7.0) && untouched (ab[1], m * 3, 7.0));
    if (n_failed != f0)
      printf ("  (bp_forward computed layer 1 before refusing layer 2's "
              "shape)\n");
  }
  free (xb);
  for (int s = 0; s < 2; s++)
    {
      free (zb[s]);
      free (ab[s]);
    }
  tnet_free (t);
}

static void
test_shapes_backward (void)
{
  const size_t m = 2;
  /* 2-3-2 sigmoid/sigmoid quadratic, consistent forward results. */
  {
    tnet *t = shape_net (BP_SIGMOID, BP_QUADRATIC);
    double xb[] = { 0.1, -0.2, 0.3, 0.4 };
    gsl_matrix X = mview (xb, m, 2);
    tws *w = tws_new (2, t->n, m, BP_WS_Z | BP_WS_A);
    CHECK (bp_forward (&t->net, &X, w->ws.Z, w->ws.A) == BP_OK);
    double *yb = padded (3 * 3, 0.5);
    double *db[2] = { padded (3 * 3, 7.0), padded (3 * 3, 7.0) };
    gsl_matrix Y = mview (yb, m, 2);
    gsl_matrix D[2] = { mview (db[0], m, 3), mview (db[1], m, 2) };
    double C = 7.0;
    CHECK (bp_backward (&t->net, &Y, w->ws.Z, w->ws.A, D, &C) == BP_OK);
    for (int s = 0; s < 2; s++)
      for (size_t q = 0; q < 9; q++)
        db[s][q] = 7.0;
    C = 7.0;
    /* Y with 3 rows for 2 samples; Y 2-by-3 for 2 outputs; Delta[0]
       2-by-2 for 3 nodes; Delta[1] with 3 rows. */
    gsl_matrix Y3 = mview (yb, m + 1, 2), Yw = mview (yb, m, 3);
    CHECK (bp_backward (&t->net, &Y3, w->ws.Z, w->ws.A, D, &C) == BP_EBADLEN);
    CHECK (bp_backward (&t->net, &Yw, w->ws.Z, w->ws.A, D, &C) == BP_EBADLEN);
    D[0] = mview (db[0], m, 2);
    CHECK (bp_backward (&t->net, &Y, w->ws.Z, w->ws.A, D, &C) == BP_EBADLEN);
    D[0] = mview (db[0], m, 3);
    D[1] = mview (db[1], m + 1, 2);
    CHECK (bp_backward (&t->net, &Y, w->ws.Z, w->ws.A, D, &C) == BP_EBADLEN);
    D[1] = mview (db[1], m, 2);
    CHECK (C == 7.0);
    CHECK (untouched (db[0], 9, 7.0) && untouched (db[1], 9, 7.0));

    /* A[0] 2-by-2 for a hidden layer of 3 nodes.  bp_backward checks the
       rows of Z and A but not their widths: it goes on and reads A[0]
       row by row with its own stride, past the view (into the pad here),
       and writes Delta. */
    {
      const unsigned long f0 = n_failed;
      double *a0 = padded (m * 2, 0.5);
      gsl_matrix Ab[2] = { mview (a0, m, 2), w->ws.A[1] };
      CHECK (bp_backward (&t->net, &Y, w->ws.Z, Ab, D, &C) == BP_EBADLEN);
      CHECK (untouched (db[0], 9, 7.0) && untouched (db[1], 9, 7.0));
      if (n_failed != f0)
        printf ("  (bp_backward does not check the widths of A)\n");
      free (a0);
    }
    tws_free (w);
    free (yb);
    free (db[0]);
    free (db[1]);
    tnet_free (t);
  }
  /* One sigmoid layer with cross-entropy, whose fused delta loops over
     the columns of Z: Z 2-by-3 for 2 outputs must be refused.  Without
     the check the loop writes a third column into Delta, which on the
     last row is past its end (into the pad here). */
  {
    const unsigned long f0 = n_failed;
    const size_t n[] = { 2, 2 };
    const bp_activation g[] = { BP_SIGMOID };
    tnet *t = tnet_new (1, n, g, BP_CROSS_ENTROPY);
    double zb[] = { 0.1, 0.2, 0.3, 0.4, 0.5, 0.6 };
    double *ab = padded (m * 2, 0.5), *yb = padded (m * 2, 1.0);
    double *db = padded (m * 2, 7.0);
    gsl_matrix Z = mview (zb, m, 3), A = mview (ab, m, 2);
    gsl_matrix Y = mview (yb, m, 2), D = mview (db, m, 2);
    double C = 7.0;
    CHECK (bp_backward (&t->net, &Y, &Z, &A, &D, &C) == BP_EBADLEN);
    CHECK (untouched (db, m * 2, 7.0));
    CHECK (C == 7.0);
    if (n_failed != f0)
      printf ("  (bp_backward does not check the width of Z: the fused "
              "cross-entropy delta wrote past Delta)\n");
    free (ab);
    free (yb);
    free (db);
    tnet_free (t);
  }
}

static void
test_shapes_gradient (void)
{
  tnet *t = shape_net (BP_SIGMOID, BP_QUADRATIC);
  const size_t m = 4;
  lcg_seed (17);
  gsl_matrix *In = random_matrix (m, 3, -1, 1);   /* a^(1): m-by-3 */
  gsl_matrix *D = random_matrix (m, 2, -1, 1);    /* delta^(2): m-by-2 */
  double *wb = padded (9, 7.0), *bb = padded (3, 7.0);
  gsl_matrix dW = mview (wb, 3, 2);
  gsl_vector db = gsl_vector_view_array (bb, 2).vector;
  /* The premise: layer 2 (i = 1) of 2-3-2 takes these shapes. */
  CHECK (bp_layer_gradient (&t->net, 1, In, D, 0.5, &dW, &db) == BP_OK);
  CHECK (bp_gradient_sums (In, D, 0.25, 0.0, &dW, &db) == BP_OK);
  for (size_t q = 0; q < 9; q++)
    wb[q] = 7.0;
  for (size_t q = 0; q < 3; q++)
    bb[q] = 7.0;
  /* db of 3 for 2 nodes; dW 3-by-3; In with 3 rows and D with 4. */
  gsl_vector db3 = gsl_vector_view_array (bb, 3).vector;
  gsl_matrix dW33 = mview (wb, 3, 3);
  gsl_matrix_view In3 = gsl_matrix_submatrix (In, 0, 0, 3, 3);
  CHECK (bp_gradient_sums (In, D, 0.25, 0.0, &dW, &db3) == BP_EBADLEN);
  CHECK (bp_gradient_sums (In, D, 0.25, 0.0, &dW33, &db) == BP_EBADLEN);
  CHECK (bp_gradient_sums (&In3.matrix, D, 0.25, 0.0, &dW, &db)
         == BP_EBADLEN);
  CHECK (bp_layer_gradient (&t->net, 1, In, D, 0.5, &dW, &db3) == BP_EBADLEN);
  CHECK (bp_layer_gradient (&t->net, 1, In, D, 0.5, &dW33, &db)
         == BP_EBADLEN);
  CHECK (bp_layer_gradient (&t->net, 1, &In3.matrix, D, 0.5, &dW, &db)
         == BP_EBADLEN);
  CHECK (untouched (wb, 9, 7.0) && untouched (bb, 3, 7.0));

  /* Shapes that fit each other but not the layer: In m-by-2 and dW
     2-by-2 for layer 2, whose W[1] is 3-by-2.  bp_gradient_sums alone
     has nothing to compare them with, but bp_layer_gradient knows the
     layer; without a check, its decay term (lambda/m) W[1] is added over
     W[1]'s 3 rows into the 2-row dW, past its end (into the pad here). */
  {
    const unsigned long f0 = n_failed;
    gsl_matrix_view In2 = gsl_matrix_submatrix (In, 0, 0, m, 2);
    double *w4 = padded (4, 7.0), *b2 = padded (2, 7.0);
    gsl_matrix dW22 = mview (w4, 2, 2);
    gsl_vector db2 = gsl_vector_view_array (b2, 2).vector;
    CHECK (bp_layer_gradient (&t->net, 1, &In2.matrix, D, 0.5, &dW22, &db2)
           == BP_EBADLEN);
    CHECK (untouched (w4, 4, 7.0) && untouched (b2, 2, 7.0));
    free (w4);
    free (b2);
    if (n_failed != f0)
      printf ("  (bp_layer_gradient does not check dW against W[i]: the "
              "decay term wrote past dW)\n");
  }
  /* ... and a delta wider than the layer (m-by-3 for 2 nodes) with dW
     3-by-3 and db of 3: a gradient of the wrong shape, refused. */
  {
    const unsigned long f0 = n_failed;
    for (size_t q = 0; q < 9; q++)
      wb[q] = 7.0;
    for (size_t q = 0; q < 3; q++)
      bb[q] = 7.0;
    CHECK (bp_layer_gradient (&t->net, 1, In, In, 0.0, &dW33, &db3)
           == BP_EBADLEN);
    CHECK (untouched (wb, 9, 7.0) && untouched (bb, 3, 7.0));
    if (n_failed != f0)
      printf ("  (bp_layer_gradient does not check D against n[i+1])\n");
  }

  /* bp_weight_gradient and bp_loss_and_gradient: a dW of the wrong shape;
     a workspace of m + 1 rows (they need exactly m), or of another L.
     The cost is not written. */
  {
    gsl_matrix *X = random_matrix (m, 2, -1, 1);
    gsl_matrix *Y = random_matrix (m, 2, 0, 1);
    tnet *g = tnet_like (t);
    tws *w = tws_new (2, t->n, m, BP_WS_Z | BP_WS_A | BP_WS_DELTA);
    tws *w1 = tws_new (2, t->n, m + 1, BP_WS_Z | BP_WS_A | BP_WS_DELTA);
    const size_t n1[] = { 2, 2 };
    tws *wL = tws_new (1, n1, m, BP_WS_Z | BP_WS_A | BP_WS_DELTA);
    double C = 7.0;
    CHECK (bp_loss_and_gradient (&t->net, X, Y, 0.1, &w->ws, g->W, g->b, &C)
           == BP_OK);
    C = 7.0;
    CHECK (bp_loss_and_gradient (&t->net, X, Y, 0.1, &w1->ws, g->W, g->b, &C)
           == BP_EBADLEN);
    CHECK (bp_loss_and_gradient (&t->net, X, Y, 0.1, &wL->ws, g->W, g->b, &C)
           == BP_EBADLEN);
    gsl_matrix dWb[2] = { g->W[0], dW33 };
    CHECK (bp_weight_gradient (&t->net, X, w->ws.A, w->ws.Delta, 0.1, dWb,
                               g->b, &C) == BP_EBADLEN);
    CHECK (bp_loss_and_gradient (&t->net, X, Y, 0.1, &w->ws, dWb, g->b, &C)
           == BP_EBADLEN);
    CHECK (C == 7.0);
    gsl_matrix_free (X);
    gsl_matrix_free (Y);
    tnet_free (g);
    tws_free (w);
    tws_free (w1);
    tws_free (wL);
  }
  free (wb);
  free (bb);
  gsl_matrix_free (In);
  gsl_matrix_free (D);
  tnet_free (t);
}


/* ========================================================== prediction */

static size_t
widest_layer (size_t L, const size_t *n)
{
  size_t w = 0;
  for (size_t i = 1; i <= L; i++)
    w = n[i] > w ? n[i] : w;
  return w;
}

/* bp_predict in chunks of 1, 2, 3, m and more than m rows against the
   last layer of bp_forward over all m rows, into an Out with a row stride
   whose extra column must keep its sentinel; the scratch is a block of
   exactly bp_predict_bytes (valgrind sees any overrun). */
static void
predict_case (const tnet *t, const gsl_matrix *X, double tol,
              const char *what)
{
  const unsigned long f0 = n_failed;
  const size_t m = X->size1, L = t->net.L, nL = t->n[L];
  tws *w = tws_new (L, t->n, m, BP_WS_Z | BP_WS_A);
  CHECK (bp_forward (&t->net, X, w->ws.Z, w->ws.A) == BP_OK);
  const size_t chunks[] = { 1, 2, 3, m, m + 5 };
  for (size_t c = 0; c < sizeof chunks / sizeof *chunks; c++)
    {
      const size_t chunk = chunks[c];
      /* Two buffers of chunk rows of the widest layer, each rounded up
         to 16 bytes. */
      const size_t bytes = bp_predict_bytes (L, t->n, chunk);
      CHECK_SIZE (bytes, 2 * ((chunk * widest_layer (L, t->n) * 8 + 15)
                              / 16 * 16));
      void *scratch = xmalloc (bytes);
      double *ob = xmalloc (m * (nL + 1) * sizeof (double));
      for (size_t q = 0; q < m * (nL + 1); q++)
        ob[q] = SENT;
      gsl_matrix Out = gsl_matrix_view_array_with_tda (ob, m, nL,
                                                       nL + 1).matrix;
      CHECK (bp_predict (&t->net, X, &Out, scratch, chunk) == BP_OK);
      CHECK_MAT (&Out, &w->ws.A[L - 1], tol);
      int pad = 1;
      for (size_t i = 0; i < m; i++)
        pad &= ob[i * (nL + 1) + nL] == SENT;
      CHECK (pad);
      free (scratch);
      free (ob);
    }
  if (n_failed != f0)
    printf ("  (bp_predict case %s)\n", what);
  tws_free (w);
}

static void
test_predict (void)
{
  /* Small networks: every product of bp_forward and of bp_predict is
     below bp_gemm's BLAS threshold, so both take its plain loop, and a
     sample's outputs are computed with the same operations in the same
     order whatever rows it shares a chunk with: the same bits. */
  lcg_seed (81);
  for (size_t i = 0; i < sizeof net_cases / sizeof *net_cases; i++)
    {
      const net_case *c = &net_cases[i];
      tnet *t = tnet_new (c->L, c->n, c->g, c->loss);
      tnet_randomize (t, -1, 1);
      gsl_matrix *X = random_matrix (7, c->n[0], -2, 2);
      predict_case (t, X, 0.0, c->what);
      gsl_matrix_free (X);
      tnet_free (t);
    }
  /* A larger network, 10-40-30-5 on 50 samples: bp_forward's products
     (50*40*10 multiply-adds and more) go to BLAS, a chunk of 1-3 rows to
     the plain loop, and BLAS may sum in another order (blocking, FMA).
     Each z is a sum of at most 40 products of numbers below 1 in size
     (tanh outputs, weights in [-1, 1], inputs in [-1, 1]), so the orders
     differ by at most about 40 eps * 40 = 2e-13 before the output's
     sigmoid, whose slope is at most 1/4: 1e-12. */
  {
    const size_t n[] = { 10, 40, 30, 5 };
    const bp_activation g[] = { BP_TANH, BP_TANH, BP_SIGMOID };
    tnet *t = tnet_new (3, n, g, BP_QUADRATIC);
    tnet_randomize (t, -1, 1);
    gsl_matrix *X = random_matrix (50, 10, -1, 1);
    predict_case (t, X, 1e-12, "10-40-30-5, BLAS");
    gsl_matrix_free (X);
    tnet_free (t);
  }
  /* Sizes that overflow: 0 bytes. */
  const size_t big1[] = { 1, SIZE_MAX / 8 }, big2[] = { 1, SIZE_MAX / 2 };
  CHECK_SIZE (bp_predict_bytes (1, big1, 2), 0);
  CHECK_SIZE (bp_predict_bytes (1, big2, 4), 0);

  /* Shapes: X of the wrong width, Out of the wrong rows or columns, and
     chunk 0: BP_EBADLEN and Out untouched. */
  {
    const size_t n[] = { 2, 3, 2 };
    const bp_activation g[] = { BP_TANH, BP_SIGMOID };
    tnet *t = tnet_new (2, n, g, BP_QUADRATIC);
    tnet_randomize (t, -1, 1);
    const size_t m = 4;
    gsl_matrix *X = random_matrix (m, 3, -1, 1);
    gsl_matrix_view X2 = gsl_matrix_submatrix (X, 0, 0, m, 2);
    double *ob = padded (m * 3, 7.0);
    void *scratch = xmalloc (bp_predict_bytes (2, n, m + 1));
    gsl_matrix Out = mview (ob, m, 2), Out3 = mview (ob, m, 3);
    gsl_matrix Outr = mview (ob, m - 1, 2);
    CHECK (bp_predict (&t->net, X, &Out, scratch, 2) == BP_EBADLEN);
    CHECK (bp_predict (&t->net, &X2.matrix, &Out3, scratch, 2) == BP_EBADLEN);
    CHECK (bp_predict (&t->net, &X2.matrix, &Outr, scratch, 2) == BP_EBADLEN);
    CHECK (bp_predict (&t->net, &X2.matrix, &Out, scratch, 0) == BP_EBADLEN);
    CHECK (untouched (ob, m * 3, 7.0));
    CHECK (bp_predict (&t->net, &X2.matrix, &Out, scratch, 2) == BP_OK);
    free (ob);
    free (scratch);
    gsl_matrix_free (X);
    tnet_free (t);
  }
}

/* ============================================================ classes */

static void
test_target_kind (void)
{
  CHECK (BP_THRESHOLD == 0.5);
  /* One output with 0/1 targets is binary; so is an all-ones column (a
     single output has two classes, it is not "one-hot"), and an
     all-zeros one. */
  double b1[] = { 0, 1, 1, 0 }, b2[] = { 1, 1, 1 }, b3[] = { 0, 0 };
  gsl_matrix B1 = mview (b1, 4, 1), B2 = mview (b2, 3, 1);
  gsl_matrix B3 = mview (b3, 2, 1);
  CHECK_INT (bp_target_kind (&B1), BP_BINARY);
  CHECK_INT (bp_target_kind (&B2), BP_BINARY);
  CHECK_INT (bp_target_kind (&B3), BP_BINARY);
  /* One output with anything else has no classes. */
  double n1[] = { 0, 0.5 }, n2[] = { 1, 2 }, n3[] = { -1, 0 };
  double n4[] = { 0, NAN };
  gsl_matrix N1 = mview (n1, 2, 1), N2 = mview (n2, 2, 1);
  gsl_matrix N3 = mview (n3, 2, 1), N4 = mview (n4, 2, 1);
  CHECK_INT (bp_target_kind (&N1), BP_NO_CLASSES);
  CHECK_INT (bp_target_kind (&N2), BP_NO_CLASSES);
  CHECK_INT (bp_target_kind (&N3), BP_NO_CLASSES);
  CHECK_INT (bp_target_kind (&N4), BP_NO_CLASSES);
  /* Several outputs: exactly one 1 per row, the rest 0. */
  double h1[] = { 0, 1, 0, 1, 0, 0, 0, 0, 1 };
  double h2[] = { 0, 1, 0, 1, 1, 0 };           /* two ones in row 2 */
  double h3[] = { 0, 1, 0, 0, 0, 0 };           /* none in row 2 */
  double h4[] = { 0.2, 0.8, 0 };                /* probabilities */
  double h5[] = { 1, 0, 0, 1 };                 /* 2 classes */
  gsl_matrix H1 = mview (h1, 3, 3), H2 = mview (h2, 2, 3);
  gsl_matrix H3 = mview (h3, 2, 3), H4 = mview (h4, 1, 3);
  gsl_matrix H5 = mview (h5, 2, 2);
  CHECK_INT (bp_target_kind (&H1), BP_ONE_HOT);
  CHECK_INT (bp_target_kind (&H2), BP_NO_CLASSES);
  CHECK_INT (bp_target_kind (&H3), BP_NO_CLASSES);
  CHECK_INT (bp_target_kind (&H4), BP_NO_CLASSES);
  CHECK_INT (bp_target_kind (&H5), BP_ONE_HOT);
  /* A view with a row stride: the padding (5) is not seen. */
  double p[] = { 0, 1, 5, 1, 0, 5 };
  gsl_matrix P = gsl_matrix_view_array_with_tda (p, 2, 2, 3).matrix;
  CHECK_INT (bp_target_kind (&P), BP_ONE_HOT);
  gsl_matrix P1 = gsl_matrix_view_array_with_tda (p, 2, 1, 3).matrix;
  CHECK_INT (bp_target_kind (&P1), BP_BINARY);      /* (0, 1) */
}

static void
test_classes (void)
{
  /* Several outputs: argmax per row, first index on ties:
     (0.1, 0.7, 0.2) -> 1; (0.5, 0.5, 0) -> 0 (tie); (0.3, 0.3, 0.3) -> 0;
     (-1, -2, -0.5) -> 2. */
  double a[] = { 0.1, 0.7, 0.2,
                 0.5, 0.5, 0.0,
                 0.3, 0.3, 0.3,
                 -1, -2, -0.5 };
  double y[] = { 0, 1, 0,
                 0, 1, 0,
                 1, 0, 0,
                 0, 0, 1 };
  gsl_matrix A = mview (a, 4, 3), Y = mview (y, 4, 3);
  CHECK_SIZE (bp_row_class (&A, 0), 1);
  CHECK_SIZE (bp_row_class (&A, 1), 0);
  CHECK_SIZE (bp_row_class (&A, 2), 0);
  CHECK_SIZE (bp_row_class (&A, 3), 2);
  /* rows 0, 2, 3 correct; row 1 guesses 0, target 1 */
  CHECK_SIZE (bp_count_correct (&A, &Y), 3);
  /* A view with a row stride: the padding (a large value) is not seen. */
  double p[] = { 0.1, 0.2, 99.0,
                 0.9, 0.2, 99.0 };
  gsl_matrix_view pv = gsl_matrix_view_array_with_tda (p, 2, 2, 3);
  CHECK_SIZE (bp_row_class (&pv.matrix, 0), 1);
  CHECK_SIZE (bp_row_class (&pv.matrix, 1), 0);

  /* One output: class 1 when a >= 0.5.  0.5 itself is 1, the double just
     below it 0; NaN is not >= 0.5, so 0. */
  double o[] = { 0.5, 0.49999999999999994, 0.9, -3.0, 1.0, NAN, 0.0 };
  gsl_matrix O = mview (o, 7, 1);
  const size_t want[] = { 1, 0, 1, 0, 1, 0, 0 };
  CHECK (o[1] == nextafter (0.5, 0.0));
  for (size_t i = 0; i < 7; i++)
    CHECK_SIZE (bp_row_class (&O, i), want[i]);
  /* Binary counting: outputs (0.7, 0.2, 0.5, 0.4999) against targets
     (1, 0, 0, 1): classes (1, 0, 1, 0) vs (1, 0, 0, 1): 2 correct. */
  double ob[] = { 0.7, 0.2, 0.5, 0.4999 }, yb[] = { 1, 0, 0, 1 };
  gsl_matrix OB = mview (ob, 4, 1), YB = mview (yb, 4, 1);
  CHECK_SIZE (bp_count_correct (&OB, &YB), 2);
  /* Zero rows: nothing to count. */
  gsl_matrix A0 = mview (a, 1, 3);
  A0.size1 = 0;
  CHECK_SIZE (bp_count_correct (&A0, &A0), 0);
}

/* ================================================================ main */

int
main (void)
{
  harness_init ();
  /* bp.h */
  run_group ("status codes", test_status);
  run_group ("activation names", test_activation_names);
  run_group ("bp_activate", test_activate);
  run_group ("bp_activation_slope", test_activation_slope);
  run_group ("bp_activation_backprop", test_activation_backprop);
  run_group ("loss names, outputs", test_loss_names);
  run_group ("bp_loss_mean", test_loss_mean);
  run_group ("bp_loss_gradient", test_loss_gradient);
  run_group ("bp_output_delta", test_output_delta);
  run_group ("bp_size_mul", test_size_mul);
  run_group ("bp_net_params, _width", test_net_params);
  run_group ("bp_net_view, _offset", test_net_view);
  run_group ("bp_net_copy_params, _finite", test_net_copy_finite);
  run_group ("bp_axpy, _weight_sumsq, decay", test_axpy_sumsq);
  run_group ("bp_sum_rows", test_sum_rows);
  run_group ("bp_layout_add", test_layout);
  run_group ("workspace, bp_rows", test_workspace);
  run_group ("bp_gemm", test_gemm);
  run_group ("forward/backward by hand", test_forward_by_hand);
  run_group ("forward/backward/gradient", test_forward_backward);
  run_group ("shapes: bp_forward", test_shapes_forward);
  run_group ("shapes: bp_backward", test_shapes_backward);
  run_group ("shapes: gradients", test_shapes_gradient);
  run_group ("bp_predict", test_predict);
  run_group ("bp_target_kind", test_target_kind);
  run_group ("bp_row_class, _count_correct", test_classes);
  /* bp_run.h (test_train.c) */
  run_group ("optimizer names, moments", test_optimizer_names);
  run_group ("bp_sgd_update", test_sgd_update);
  run_group ("bp_optimizer_update", test_optimizer_update);
  run_group ("options", test_options);
  run_group ("schedules", test_schedule);
  run_group ("shuffle", test_shuffle);
  run_group ("runs against a hand loop", test_runs_loop);
  run_group ("runs: progress, seed, shuffle", test_runs_progress);
  run_group ("runs: refusals, divergence", test_runs_refusals);
  run_group ("runs: early stopping, plateau", test_runs_stopping);
  run_group ("runs: pause, resume", test_run_resume);
  run_group ("runs: cg, bfgs", test_run_full_batch);
  /* bp_system.h (test_system.c) */
  run_group ("bp_clock", test_clock);
  run_group ("bp_memory", test_memory);
  run_group ("bp_pages", test_pages);
  printf ("%lu passed, %lu failed\n", n_passed, n_failed);
  return n_failed == 0 ? 0 : 1;
}
