## -*- texinfo -*-
## @deftypefn {} {} bp_count_error (@var{fn}, @var{nin}, @var{nout}, @var{max_out}, @var{usage})
## Raise @code{backprop:@var{fn}:nargin} or @code{backprop:@var{fn}:nargout}
## for a call with @var{nin} inputs and @var{nout} outputs, showing
## @var{usage}.  Only called once the caller has found a wrong count.
## @end deftypefn

function bp_count_error (fn, nin, nout, max_out, usage)
  if (nout > max_out)
    error (["backprop:" fn ":nargout"], ...
           "%s: at most %d output argument%s, got %d", fn, max_out, ...
           {"s", ""}{(max_out == 1) + 1}, nout);
  endif
  error (["backprop:" fn ":nargin"], ...
         "%s: wrong number of input arguments (%d); usage: %s %s", fn, nin, ...
         fn, usage);
endfunction
