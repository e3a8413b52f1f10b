/* bp_schedule.c: the learning rate of each epoch. */
#include <math.h>
#include <string.h>
#include "bp_run.h"

/* Each schedule's name and parameters, in the order of the cell
   {name, p1, p2, ...} that selects it, with their ranges. */
static const struct {
  const char *name;
  size_t arity;
  const char *param[3];
  const char *range[3];
} table[BP_N_SCHEDULES] = {
  { "constant", 0, { NULL }, { NULL } },
  { "step", 2, { "every", "factor" },
    { "a whole number >= 1", "a number in (0, 1]" } },
  { "exponential", 1, { "gamma" }, { "a number in (0, 1]" } },
  { "plateau", 3, { "patience", "factor", "min_eta" },
    { "a whole number >= 1", "a number in (0, 1)", "a number >= 0" } }
};

int
bp_schedule_parse (const char *name, bp_schedule_kind *k)
{
  for (int i = 0; i < BP_N_SCHEDULES; i++)
    if (strcmp (name, table[i].name) == 0)
      {
        *k = (bp_schedule_kind) i;
        return BP_OK;
      }
  return BP_EINVAL;
}

const char *
bp_schedule_name (int k)
{
  return k >= 0 && k < BP_N_SCHEDULES ? table[k].name : NULL;
}

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
