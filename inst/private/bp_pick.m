## -*- texinfo -*-
## @deftypefn {} {@var{v} =} bp_pick (@var{cond}, @var{a}, @var{b})
## @var{a} when @var{cond} is true, @var{b} otherwise: a choice inside an
## expression (a legend entry, a title), which Octave's @code{if} cannot
## be.
## @end deftypefn

function v = bp_pick (cond, a, b)
  if (cond)
    v = a;
  else
    v = b;
  endif
endfunction
