## -*- texinfo -*-
## @deftypefn {} {@var{s} =} bp_describe (@var{v})
## A short description of value @var{v} for error messages, such as
## "a 2-by-3 complex double" or "a 1-by-1 struct": the gateways' own
## wording, so messages read the same from C and from Octave.
## @end deftypefn

function s = bp_describe (v)
  s = __bp_check__ ("backprop", "describe", v);
endfunction
