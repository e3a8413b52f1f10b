/* bp_names.h: what parsing and naming a value of one of the core's kinds
   (activations, losses, optimisers, schedules, why a run stopped) means,
   written once.  A kind keeps a table of {name, value} with the canonical
   name of each value first and any aliases after it. */
#ifndef BP_NAMES_H
#define BP_NAMES_H

#include <string.h>
#include "bp.h"

typedef struct {
  const char *name;
  int value;
} bp_name;

/* int P_parse (const char *name, T *value): BP_OK, or BP_EINVAL when the
   name is not in TABLE (value untouched). */
#define BP_NAME_PARSE(P, T, TABLE)                                         \
  int P##_parse (const char *name, T *value)                               \
  {                                                                        \
    for (size_t i = 0; i < sizeof TABLE / sizeof TABLE[0]; i++)            \
      if (strcmp (name, TABLE[i].name) == 0)                               \
        {                                                                  \
          *value = (T) TABLE[i].value;                                     \
          return BP_OK;                                                    \
        }                                                                  \
    return BP_EINVAL;                                                      \
  }

/* const char *P_name (int value): the first name TABLE gives value, or
   NULL, so that a loop over 0, 1, ... lists the canonical names. */
#define BP_NAME_OF(P, TABLE)                                               \
  const char *P##_name (int value)                                         \
  {                                                                        \
    for (size_t i = 0; i < sizeof TABLE / sizeof TABLE[0]; i++)            \
      if (TABLE[i].value == value)                                         \
        return TABLE[i].name;                                              \
    return NULL;                                                           \
  }

#endif /* BP_NAMES_H */
