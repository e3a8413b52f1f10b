## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later
##
## "seed" options leave the caller's random generators where they were
## (doc/design-decisions.md): the numbers the caller draws next are the
## ones they would have drawn without the call, whichever of Octave's two
## generator families they use: the Mersenne twister (rand ("state"),
## the default) or the legacy generators (rand ("seed")).  Setting the
## state of either family makes it the active one, so a function that
## saved and restored only the twister's states used to switch a legacy
## caller to the twister for good.
##
## Each case draws a reference stream from a freshly set generator, sets
## it again, makes the call, and draws again: the two streams must be
## equal, number for number.  rand and randn are compared separately
## (each legacy distribution has its own seed).  Every test ends by
## putting the twister back, which is what the other tests expect.

%!function s = stream ()
%!  s = [rand(1, 5), randn(1, 5)];

%!function check_continues (setup, call)
%!  ## SETUP () sets the generators; CALL () must not move them.
%!  setup ();
%!  expected = stream ();
%!  setup ();
%!  call ();
%!  got = stream ();
%!  rand ("state", 1);  randn ("state", 1);
%!  assert (got, expected);

%!function legacy ()
%!  rand ("seed", 42);  randn ("seed", 7);

%!function twister ()
%!  rand ("state", 42);  randn ("state", 7);

%!test
%! ## bp_init with a seed, legacy and twister callers.
%! check_continues (@legacy, @() bp_init ([4 5 3], "seed", 7));
%! check_continues (@twister, @() bp_init ([4 5 3], "seed", 7));

%!test
%! ## bp_dataset with a seed.
%! check_continues (@legacy, @() bp_dataset ("moons", "n", 5, "seed", 3));
%! check_continues (@twister, @() bp_dataset ("spirals", "n", 5, "seed", 3));

%!function try_call (f)
%!  try
%!    f ();
%!  catch
%!  end_try_catch

%!test
%! ## Another init, and a call refused for its seed, move nothing either.
%! check_continues (@legacy, @() bp_init ([4 5 3], "seed", 7, "init", "he"));
%! check_continues (@legacy, @() try_call (@() bp_init ([4 5 3], "seed", -1)));

%!test
%! ## bp_train with a seed never touches Octave's generators.
%! net = bp_init ([2 3 1], "seed", 1);
%! X = [0 0 1 1; 0 1 0 1];  Y = [0 1 1 0];
%! check_continues (@legacy, @() bp_train (net, X, Y, "epochs", 2, "batch", 2, "seed", 4, "verbose", false));

%!test
%! ## The seeded result does not depend on the caller's family.
%! legacy ();
%! a = bp_init ([3 4 2], "seed", 5);
%! A = bp_dataset ("circles", "n", 4, "seed", 5);
%! twister ();
%! b = bp_init ([3 4 2], "seed", 5);
%! B = bp_dataset ("circles", "n", 4, "seed", 5);
%! rand ("state", 1);  randn ("state", 1);
%! assert (a, b);
%! assert (A, B);

%!test
%! ## Many legacy states in a row (a legacy seed is two 32-bit integers in
%! ## a double, sometimes a NaN pattern): the caller's stream always goes on.
%! rand ("seed", 1);
%! for i = 1:200
%!   s = rand ("seed");
%!   expected = rand (1, 2);
%!   rand ("seed", s);
%!   bp_init ([2 2], "seed", i);
%!   assert (rand (1, 2), expected);
%! endfor
%! rand ("state", 1);  randn ("state", 1);
