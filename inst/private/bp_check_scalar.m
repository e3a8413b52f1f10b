## -*- texinfo -*-
## @deftypefn {} {@var{v} =} bp_check_scalar (@var{fn}, @var{name}, @var{v}, @var{lo}, @var{hi}, @var{integer})
## Check that option or argument @var{name} of function @var{fn} is a real
## finite double scalar in [@var{lo}, @var{hi}], and a whole number when
## @var{integer} is true; raise @code{backprop:@var{fn}:...} errors otherwise.
## Logical true/false are accepted where @var{lo} = 0 and @var{hi} = 1 and
## @var{integer} is true (a flag).
## @end deftypefn

function v = bp_check_scalar (fn, name, v, lo, hi, integer)
  is_flag = integer && lo == 0 && hi == 1;
  if (is_flag && islogical (v) && isscalar (v))
    v = double (v);
  endif
  if (! (isa (v, "double") && isreal (v) && ! issparse (v) && isscalar (v)))
    error (["backprop:" fn ":wrong_type"],
           "%s: %s must be a real double scalar, got %s", fn, name,
           bp_describe (v));
  elseif (! isfinite (v))
    error (["backprop:" fn ":not_finite"], "%s: %s must be finite, got %g",
           fn, name, v);
  elseif (v < lo || v > hi || (integer && v != fix (v)))
    if (integer)
      what = "a whole number";
    else
      what = "a number";
    endif
    if (hi >= realmax)
      range = sprintf (">= %g", lo);
    else
      range = sprintf ("in [%g, %g]", lo, hi);
    endif
    error (["backprop:" fn ":out_of_range"], "%s: %s must be %s %s, got %g",
           fn, name, what, range, v);
  endif
endfunction
