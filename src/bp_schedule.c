/* bp_schedule.c: the learning rate of each epoch. */
#include <math.h>
#include <string.h>
#include "bp_run.h"
#include "bp_names.h"

static const bp_name names[] = {
  { "constant", BP_SCHED_CONSTANT }, { "step", BP_SCHED_STEP },
  { "exponential", BP_SCHED_EXPONENTIAL }, { "plateau", BP_SCHED_PLATEAU }
};

BP_NAME_PARSE (bp_schedule, bp_schedule_kind, names)
BP_NAME_OF (bp_schedule, names)

/* Each schedule's parameters, in the order of the cell {name, p1, p2,
   ...} that selects it, with their ranges. */
static const struct {
  size_t arity;
  const char *param[3];
  const char *range[3];
} table[BP_N_SCHEDULES] = {
  { 0, { NULL }, { NULL } },                          /* constant */
  { 2, { "every", "factor" },                         /* step */
    { "a whole number >= 1", "a number in (0, 1]" } },
  { 1, { "gamma" }, { "a number in (0, 1]" } },       /* exponential */
  { 3, { "patience", "factor", "min_eta" },           /* plateau */
    { "a whole number >= 1", "a number in (0, 1)", "a number >= 0" } }
};

size_t
bp_schedule_arity (bp_schedule_kind k)
{
  return table[k].arity;
}

const char *
bp_schedule_param (bp_schedule_kind k, size_t j)
{
  return j < table[k].arity ? table[k].param[j] : NULL;
}

const char *
bp_schedule_range (bp_schedule_kind k, size_t j)
{
  return j < table[k].arity ? table[k].range[j] : NULL;
}

static int
whole (double v)
{
  return v >= 1 && v <= 1e15 && v == floor (v);
}

int
bp_schedule_check (const bp_schedule *s, size_t *bad)
{
  int ok[3] = { 1, 1, 1 };
  switch (s->kind)
    {
    case BP_SCHED_STEP:
      ok[0] = whole (s->every);
      ok[1] = s->factor > 0 && s->factor <= 1;
      break;
    case BP_SCHED_EXPONENTIAL:
      ok[0] = s->gamma > 0 && s->gamma <= 1;
      break;
    case BP_SCHED_PLATEAU:
      ok[0] = whole (s->patience);
      ok[1] = s->factor > 0 && s->factor < 1;
      ok[2] = s->min_eta >= 0 && isfinite (s->min_eta);
      break;
    default:
      break;
    }
  for (size_t j = 0; j < 3; j++)
    if (!ok[j])
      {
        *bad = j;
        return BP_EINVAL;
      }
  return BP_OK;
}

double
bp_schedule_rate (const bp_schedule *s, double eta0, size_t e, double current)
{
  switch (s->kind)
    {
    case BP_SCHED_STEP:
      return eta0 * pow (s->factor, floor ((double) (e - 1) / s->every));
    case BP_SCHED_EXPONENTIAL:
      return eta0 * pow (s->gamma, (double) (e - 1));
    default:
      return current;                 /* constant, or plateau's own rate */
    }
}

int
bp_schedule_after_epoch (const bp_schedule *s, double monitored,
                         double min_delta, bp_state *st)
{
  if (s->kind != BP_SCHED_PLATEAU)
    return 0;
  /* plateau_best starts at +Inf, so the first epoch sets the mark. */
  if (monitored < st->plateau_best - min_delta)
    {
      st->plateau_best = monitored;
      st->plateau_wait = 0;
    }
  else if ((double) ++st->plateau_wait >= s->patience)
    {
      /* Nielsen's rule: cut eta by the factor after `patience` epochs
         without improvement; stop once it would fall below min_eta. */
      st->plateau_wait = 0;
      if (st->eta * s->factor < s->min_eta)
        return 1;
      st->eta *= s->factor;
    }
  return 0;
}
