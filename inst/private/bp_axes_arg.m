## -*- texinfo -*-
## @deftypefn {} {[@var{hax}, @var{args}] =} bp_axes_arg (@var{fn}, @var{args})
## Take a leading axes handle off the argument list @var{args} of plot
## function @var{fn}, the Octave convention of @code{plot (hax, @dots{})}:
## @var{hax} is that handle, or @code{[]} when the first argument is not
## one.  Only a real scalar double that is the handle of plot axes counts,
## so that a loss of 1 or a network struct is never taken for one; the
## handle of a legend or a colorbar (axes that Octave lays out itself) is
## refused with @code{backprop:@var{fn}:wrong_type}.
## @end deftypefn

function [hax, args] = bp_axes_arg (fn, args)
  hax = [];
  if (isempty (args))
    return;
  endif
  a = args{1};
  if (! (isa (a, "double") && isreal (a) && ! issparse (a) && isscalar (a) ...
         && isaxes (a)))
    return;
  endif
  tag = get (a, "tag");
  if (any (strcmp (tag, {"legend", "colorbar"})))
    error (["backprop:" fn ":wrong_type"], ...
           "%s: hax must be the handle of plot axes, got the handle of a %s", ...
           fn, tag);
  endif
  hax = a;
  args(1) = [];
endfunction
