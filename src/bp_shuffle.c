/* bp_shuffle.c: the order in which an epoch visits the samples. */
#include "bp_run.h"

/* SplitMix64: a small generator whose whole state is one 64-bit integer
   (no allocation, easy to save and resume), statistically good enough to
   order samples, and the same on every platform. */
uint64_t
bp_random_next (uint64_t *state)
{
  uint64_t z = (*state += UINT64_C (0x9e3779b97f4a7c15));
  z = (z ^ (z >> 30)) * UINT64_C (0xbf58476d1ce4e5b9);
  z = (z ^ (z >> 27)) * UINT64_C (0x94d049bb133111eb);
  return z ^ (z >> 31);
}

/* Uniform on 0 .. bound-1 without modulo bias: draws below 2^64 mod bound
   are rejected, so the accepted range is a multiple of bound. */
static size_t
random_below (uint64_t *state, size_t bound)
{
  const uint64_t b = (uint64_t) bound;
  const uint64_t threshold = (UINT64_MAX - b + 1) % b;
  uint64_t x;
  do
    x = bp_random_next (state);
  while (x < threshold);
  return (size_t) (x % b);
}

/* Fisher-Yates from the identity: every order equally likely, and a
   function of the generator's state alone, so a resumed run needs no
   more than that state to draw the same orders. */
void
bp_shuffle (size_t *perm, size_t N, uint64_t *state)
{
  for (size_t i = 0; i < N; i++)
    perm[i] = i;
  for (size_t i = N - 1; i > 0 && N > 0; i--)
    {
      const size_t j = random_below (state, i + 1);
      const size_t t = perm[i];
      perm[i] = perm[j];
      perm[j] = t;
    }
}
