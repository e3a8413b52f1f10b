## -*- texinfo -*-
## @deftypefn {} {[@var{hax}, @var{args}] =} bp_plot_args (@var{fn}, @var{args}, @var{nin}, @var{nout}, @var{npos}, @var{usage})
## The arguments of plot function @var{fn}, called with the cell
## @var{args} and @var{nout} outputs: a leading axes handle taken off
## (@code{bp_axes_arg}), then at least @var{npos} arguments and at most
## one output, or @code{backprop:@var{fn}:nargin} and
## @code{backprop:@var{fn}:nargout} errors showing @var{usage}.
## @var{nin} is the caller's nargin, for the message.  One copy of the
## opening every plot function shares.
## @end deftypefn

function [hax, args] = bp_plot_args (fn, args, nin, nout, npos, usage)
  [hax, args] = bp_axes_arg (fn, args);
  if (numel (args) < npos || nout > 1)
    bp_count_error (fn, nin, nout, 1, usage);
  endif
endfunction
