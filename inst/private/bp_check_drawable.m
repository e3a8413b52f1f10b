## -*- texinfo -*-
## @deftypefn {} {} bp_check_drawable (@var{fn}, @var{name}, @var{v}, @var{tiny})
## Check that the finite values @var{v} of argument @var{name} of plot
## function @var{fn} can be drawn: each at most 1e150 in magnitude and,
## when @var{tiny} is true, each 0 or at least 1e-150 in magnitude.
## Raises @code{backprop:@var{fn}:out_of_range} otherwise.
##
## Octave's graphics divide and multiply the axis limits and their spans
## (the data aspect ratio is a ratio of spans, the camera sits at their
## midpoints and products of them), and its automatic limits add 10% to
## the data's extremes.  With magnitudes within 1e-150 .. 1e150 every
## such product or quotient of two of them stays within 1e-300 .. 1e300,
## inside the range of normal doubles (2.2e-308 .. 1.8e308).  Beyond it
## Octave fails with messages such as "dataaspectratio must be finite" or
## runs out of memory computing ticks (e.g. for a single loss of
## @code{realmax} or @code{realmin}).  Values below 1e-150 are harmless
## where the plot sets its own limits around them, which is what
## @var{tiny} = false is for.
## @end deftypefn

function bp_check_drawable (fn, name, v, tiny)
  big = 1e150;
  bad = find (abs (v(:)) > big | (tiny & v(:) != 0 & abs (v(:)) < 1 / big), 1);
  if (isempty (bad))
    return;
  elseif (tiny)
    range = "0 or between 1e-150 and 1e150 in magnitude";
  else
    range = "between -1e150 and 1e150";
  endif
  error (["backprop:" fn ":out_of_range"], ...
         "%s: %s must be %s to be drawn, got %g", fn, name, range, v(bad));
endfunction
