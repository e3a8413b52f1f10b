## -*- texinfo -*-
## @deftypefn {} {[@dots{}] =} bp_seeded (@var{seed}, @var{draw})
## Call @var{draw} (a function without arguments) with @code{rand} and
## @code{randn} started at @var{seed}, return its outputs, and leave
## Octave's random generators exactly as they were, also when @var{draw}
## fails or is interrupted.  Shared by the functions with a
## @qcode{"seed"} option (@code{bp_init}, @code{bp_dataset}).
##
## Octave has two families of generators: the Mersenne twister
## (@code{rand ("state", @dots{})}, the default) and the legacy ranlib
## generators (@code{rand ("seed", @dots{})}).  Setting either one's state
## makes that family the active one for every distribution, and Octave 7
## has no query for which family is active.  Restoring only the twister's
## states would therefore switch a caller who uses the legacy generators
## to the twister (seeded from the clock unless set), and their script
## would no longer repeat.  So the family is found out first: one
## @code{rand} draw moves the seed of the legacy uniform generator only
## when that family is active; the draw is then undone by putting back
## the state of whichever family moved.  The seeded draw uses the twister,
## which leaves the legacy seeds alone, and at the end the twister's
## states are put back and, for a legacy caller, the legacy uniform seed
## is set again to its own value, which makes that family active again
## (the legacy normal generator has its own seed, which nothing here
## touches).
##
## The seeds are compared as bit patterns: a legacy seed is two 32-bit
## integers stored in a double, which may be a NaN.
## @end deftypefn

function varargout = bp_seeded (seed, draw)
  saved = save_generators ();
  unwind_protect
    rand ("state", seed);
    randn ("state", seed);
    [varargout{1:max (nargout, 1)}] = draw ();
  unwind_protect_cleanup
    rand ("state", saved.uniform);
    randn ("state", saved.normal);
    if (saved.legacy)
      rand ("seed", saved.seed);
    endif
  end_unwind_protect
endfunction

function s = save_generators ()
  s.uniform = rand ("state");
  s.normal = randn ("state");
  s.seed = rand ("seed");
  rand (1);
  s.legacy = ! isequal (typecast (rand ("seed"), "uint64"), ...
                        typecast (s.seed, "uint64"));
  ## Undo the draw, which also keeps the active family active.
  if (s.legacy)
    rand ("seed", s.seed);
  else
    rand ("state", s.uniform);
  endif
endfunction
