/* bp_options.c: the scalar options of a training run, their bounds,
   defaults and where each is stored, in one table: the gateway checks
   values against it and bp_train's help documents it. */
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include "bp_run.h"

enum { AS_SIZE, AS_DOUBLE, AS_FLAG, AS_U64 };

static const struct {
  bp_option_spec spec;      /* name, lo, hi, whole, default, open ends */
  size_t offset;            /* where in bp_train_options */
  int as;                   /* and as what */
} table[] = {
#define AT(field) offsetof (bp_train_options, field)
  { { "epochs", 1, 1e9, 1, 10, 0, 0 }, AT (epochs), AS_SIZE },
  { { "batch", 1, 9007199254740992.0, 1, 10, 0, 0 }, AT (batch), AS_SIZE },
  { { "eta", 0, HUGE_VAL, 0, 0.5, 0, 0 }, AT (eta), AS_DOUBLE },
  { { "momentum", 0, 1, 0, 0, 0, 0 }, AT (opt.momentum), AS_DOUBLE },
  { { "lambda", 0, HUGE_VAL, 0, 0, 0, 0 }, AT (lambda), AS_DOUBLE },
  { { "shuffle", 0, 1, 1, 1, 0, 0 }, AT (shuffle), AS_FLAG },
  { { "seed", 0, 4294967295.0, 1, 0, 0, 0 }, AT (seed), AS_U64 },
  /* A decay of 1 would never let the moments move from 0 (and divide
     Adam's bias corrections by 0); an epsilon of 0 divides by 0 where a
     gradient is 0. */
  { { "rho", 0, 1, 0, 0.99, 0, 1 }, AT (opt.rho), AS_DOUBLE },
  { { "beta1", 0, 1, 0, 0.9, 0, 1 }, AT (opt.beta1), AS_DOUBLE },
  { { "beta2", 0, 1, 0, 0.999, 0, 1 }, AT (opt.beta2), AS_DOUBLE },
  { { "epsilon", 0, HUGE_VAL, 0, 1e-8, 1, 0 }, AT (opt.epsilon), AS_DOUBLE },
  { { "patience", 0, 1e9, 1, 0, 0, 0 }, AT (patience), AS_SIZE },
  { { "min_delta", 0, HUGE_VAL, 0, 0, 0, 0 }, AT (min_delta), AS_DOUBLE },
  { { "max_iter", 1, 1e9, 1, 100, 0, 0 }, AT (max_iter), AS_SIZE },
  { { "tol", 0, HUGE_VAL, 0, 1e-6, 0, 0 }, AT (tol), AS_DOUBLE },
  /* GSL's line search needs a first step and a tolerance above 0. */
  { { "step", 0, HUGE_VAL, 0, 0.01, 1, 0 }, AT (step), AS_DOUBLE },
  { { "line_tol", 0, 1, 0, 0.1, 1, 0 }, AT (line_tol), AS_DOUBLE }
#undef AT
};

size_t
bp_option_count (void)
{
  return sizeof table / sizeof table[0];
}

const bp_option_spec *
bp_option (size_t i)
{
  return i < bp_option_count () ? &table[i].spec : NULL;
}

void
bp_option_set (bp_train_options *o, size_t i, double v)
{
  char *p = (char *) o + table[i].offset;
  switch (table[i].as)
    {
    case AS_SIZE:
      *(size_t *) p = (size_t) v;
      break;
    case AS_FLAG:
      *(int *) p = v != 0;
      break;
    case AS_U64:
      *(uint64_t *) p = (uint64_t) v;
      break;
    default:
      *(double *) p = v;
      break;
    }
}

void
bp_options_default (bp_train_options *o)
{
  *o = (bp_train_options) { 0 };
  o->opt.kind = BP_OPT_SGD;
  o->schedule.kind = BP_SCHED_CONSTANT;
  for (size_t i = 0; i < bp_option_count (); i++)
    bp_option_set (o, i, table[i].spec.fallback);
}

/* Which optimisers use an option: a bit per bp_optimizer_kind. */
#define MINIBATCH ((1 << BP_OPT_SGD) | (1 << BP_OPT_NESTEROV) \
                   | (1 << BP_OPT_RMSPROP) | (1 << BP_OPT_ADAM))
#define FULLBATCH ((1 << BP_OPT_CG) | (1 << BP_OPT_BFGS))

static int
users (const char *name)
{
  static const struct { const char *name; int users; } use[] = {
    { "epochs", MINIBATCH }, { "batch", MINIBATCH }, { "eta", MINIBATCH },
    { "shuffle", MINIBATCH }, { "seed", MINIBATCH },
    { "momentum", (1 << BP_OPT_SGD) | (1 << BP_OPT_NESTEROV) },
    { "rho", 1 << BP_OPT_RMSPROP },
    { "beta1", 1 << BP_OPT_ADAM }, { "beta2", 1 << BP_OPT_ADAM },
    { "epsilon", (1 << BP_OPT_RMSPROP) | (1 << BP_OPT_ADAM) },
    { "max_iter", FULLBATCH }, { "tol", FULLBATCH }, { "step", FULLBATCH },
    { "line_tol", FULLBATCH }
  };
  for (size_t i = 0; i < sizeof use / sizeof use[0]; i++)
    if (strcmp (use[i].name, name) == 0)
      return use[i].users;
  return MINIBATCH | FULLBATCH;
}

const char *
bp_options_conflict (const bp_train_options *o, const int *given,
                     int schedule_given)
{
  static char msg[256];
  const int me = 1 << o->opt.kind;
  const char *opt = bp_optimizer_name (o->opt.kind);
  for (size_t i = 0; i < bp_option_count (); i++)
    if (given[i] && !(users (table[i].spec.name) & me))
      {
        const char *name = table[i].spec.name;
        if (strcmp (name, "epochs") == 0)
          snprintf (msg, sizeof msg, "the full-batch optimizer '%s' counts "
                    "iterations: give \"max_iter\" instead of \"epochs\"",
                    opt);
        else
          snprintf (msg, sizeof msg, "option \"%s\" does not apply to the "
                    "optimizer '%s'", name, opt);
        return msg;
      }
  if (schedule_given && (FULLBATCH & me))
    {
      snprintf (msg, sizeof msg, "option \"schedule\" does not apply to the "
                "optimizer '%s' (its line search chooses each step)", opt);
      return msg;
    }
  if (o->opt.kind == BP_OPT_NESTEROV && o->opt.momentum == 0.0)
    return "the optimizer 'nesterov' needs a momentum above 0 "
           "(e.g. \"momentum\", 0.9)";
  return NULL;
}
