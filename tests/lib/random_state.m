## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later

## S = random_state ()
## What a caller can see of Octave's random generators: which family is
## active (S.legacy: the legacy generators of rand ("seed", ...), or the
## Mersenne twister of rand ("state", ...)), the twister's states of rand
## and randn, and the legacy seeds of rand and randn (as bit patterns: a
## legacy seed is two 32-bit integers in a double, sometimes a NaN).
## Two calls give equal structs exactly when the generators are where
## they were.  Octave 7 has no query for the active family: one rand draw
## moves the legacy uniform seed only when that family is active, and the
## draw is then undone by setting back the state of the family that
## moved, which keeps that family active.

function s = random_state ()
  s.uniform = rand ("state");
  s.normal = randn ("state");
  seed = rand ("seed");
  s.normal_seed = typecast (randn ("seed"), "uint64");
  rand (1);
  s.legacy = ! isequal (typecast (rand ("seed"), "uint64"), ...
                        typecast (seed, "uint64"));
  if (s.legacy)
    rand ("seed", seed);
  else
    rand ("state", s.uniform);
  endif
  s.seed = typecast (seed, "uint64");
endfunction
