## -*- texinfo -*-
## @deftypefn {} {} bp_check_net (@var{fn}, @var{net})
## Check that @var{net} is a network struct as @code{bp_init} makes it, by
## letting the C gateway run one forward pass of a zero column: the
## gateway checks the fields, shapes and names, so the
## @code{backprop:@var{fn}:...} errors match every other function's.  A
## width that cannot be a column height lets the gateway report the bad
## @code{sizes} field instead.  For the functions written in Octave that
## take a network but do not otherwise run one through the gateway first.
## @end deftypefn

function bp_check_net (fn, net)
  n0 = 1;
  if (isstruct (net) && isscalar (net) && isfield (net, "sizes"))
    s = net.sizes;
    if (isa (s, "double") && isreal (s) && ! isempty (s) && s(1) >= 1
        && s(1) <= 1e8 && s(1) == fix (s(1)))
      n0 = s(1);
    endif
  endif
  __bp_forward__ (fn, net, zeros (n0, 1));
endfunction
