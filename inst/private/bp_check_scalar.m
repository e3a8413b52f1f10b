## -*- texinfo -*-
## @deftypefn {} {@var{v} =} bp_check_scalar (@var{fn}, @var{name}, @var{v}, @var{lo}, @var{hi}, @var{integer})
## Check that option or argument @var{name} of function @var{fn} is a real
## finite double scalar in [@var{lo}, @var{hi}], and a whole number when
## @var{integer} is true; raise @code{backprop:@var{fn}:...} errors
## otherwise.  Logical true/false are accepted where @var{lo} = 0 and
## @var{hi} = 1 and @var{integer} is true (a flag), and returned as double.
## The rule and its messages are the gateways' (one owner, in C).
## @end deftypefn

function v = bp_check_scalar (fn, name, v, lo, hi, integer)
  v = __bp_check__ (fn, "scalar", name, v, lo, hi, integer);
endfunction
