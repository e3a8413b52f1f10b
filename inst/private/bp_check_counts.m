## -*- texinfo -*-
## @deftypefn {} {} bp_check_counts (@var{fn}, @var{nin}, @var{nout}, @var{n_in}, @var{max_out}, @var{usage})
## Raise @code{backprop:@var{fn}:nargin} unless public function @var{fn}
## was called with @var{n_in} inputs (or, for @var{n_in} = [lo hi], with
## lo to hi of them), and @code{backprop:@var{fn}:nargout}
## when it was asked for more than @var{max_out} outputs, showing
## @var{usage}.
## @end deftypefn

function bp_check_counts (fn, nin, nout, n_in, max_out, usage)
  if (nin < n_in(1) || nin > n_in(end) || nout > max_out)
    bp_count_error (fn, nin, nout, max_out, usage);
  endif
endfunction
