/* bp_workspace.c: the one way the core lays out scratch memory.  An entry
   point plans its block (bp_layout_add for each array), the caller
   allocates it once, and the arrays are views into it: no allocation per
   step, one block to free, and a caller whose allocator reclaims memory
   on an error (Octave's mxMalloc) leaks nothing. */
#include <stdint.h>
#include "bp.h"

size_t
bp_layout_add (bp_layout *p, size_t count, size_t elem)
{
  size_t bytes;
  if (p->overflow || bp_size_mul (count, elem, &bytes)
      || bytes > SIZE_MAX - 16 || p->bytes > SIZE_MAX - 16 - bytes)
    {
      p->overflow = 1;
      return 0;
    }
  const size_t at = p->bytes;
  p->bytes += (bytes + 15) & ~(size_t) 15;
  return at;
}

/* Offsets within the plan: the 3L headers, then the doubles of each part
   that has memory of its own. */
void
bp_workspace_plan (bp_layout *p, size_t L, const size_t *n, size_t m,
                   int parts, size_t *at)
{
  at[0] = bp_layout_add (p, 3 * L, sizeof (gsl_matrix));
  for (int s = 0; s < 3; s++)
    {
      size_t cells = 0;
      if (parts & (1 << s))
        for (size_t i = 0; i < L; i++)
          {
            size_t c;
            if (bp_size_mul (m, n[i + 1], &c) || cells > SIZE_MAX - c)
              p->overflow = 1;
            else
              cells += c;
          }
      at[1 + s] = bp_layout_add (p, cells, sizeof (double));
    }
}

size_t
bp_workspace_bytes (size_t L, const size_t *n, size_t m, int parts)
{
  bp_layout p = { 0, 0 };
  size_t at[4];
  bp_workspace_plan (&p, L, n, m, parts, at);
  return p.overflow || L == 0 ? 0 : p.bytes;
}

void
bp_workspace_init (bp_workspace *ws, size_t L, const size_t *n, size_t m,
                   int parts, char *mem, size_t at)
{
  bp_layout p = { at, 0 };
  size_t off[4];
  bp_workspace_plan (&p, L, n, m, parts, off);
  ws->L = L;
  ws->m = m;
  ws->Z = (gsl_matrix *) (mem + off[0]);
  ws->A = ws->Z + L;
  ws->Delta = ws->Z + 2 * L;
  gsl_matrix *sets[3] = { ws->Z, ws->A, ws->Delta };
  for (int s = 0; s < 3; s++)
    {
      double *d = (parts & (1 << s)) ? (double *) (mem + off[1 + s]) : NULL;
      for (size_t i = 0; i < L; i++)
        {
          gsl_matrix *M = &sets[s][i];
          M->size1 = m;
          M->size2 = n[i + 1];
          M->tda = n[i + 1];
          M->data = d;
          M->block = NULL;
          M->owner = 0;
          if (d)
            d += m * n[i + 1];
        }
    }
}

gsl_matrix
bp_rows (const gsl_matrix *full, size_t m)
{
  gsl_matrix v = *full;
  v.size1 = m;   /* rows are contiguous: the first m rows are a prefix */
  return v;
}
