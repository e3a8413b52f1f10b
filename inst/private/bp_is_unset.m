## -*- texinfo -*-
## @deftypefn {} {@var{tf} =} bp_is_unset (@var{v})
## True when option value @var{v} is the double @code{[]} that stands for
## "not given" in the defaults passed to @code{bp_parse_options}, so that
## the caller fills in a default that depends on other arguments.  Any
## other empty value (@qcode{""}, @code{@{@}}, @code{zeros (0, 1, "single")})
## was given by the caller and is checked like any other value.
## @end deftypefn

function tf = bp_is_unset (v)
  tf = isa (v, "double") && isempty (v);
endfunction
