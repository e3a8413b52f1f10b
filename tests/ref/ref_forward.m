## -*- texinfo -*-
## @deftypefn {} {[@var{aL}, @var{a}, @var{z}] =} ref_forward (@var{net}, @var{x})
## Test oracle for @code{bp_forward}: forward propagation in plain Octave.
##
## For l = 1..L, z^(l) = W@{l@} a^(l-1) + b@{l@} and a^(l) = g^(l)(z^(l)),
## with a^(0) = @var{x} (n0-by-m, one sample a column).  @var{a} and @var{z}
## are 1-by-L cells; @var{aL} is a@{L@}.  Only the fields W, b and g of
## @var{net} are used.
## @end deftypefn

function [aL, a, z] = ref_forward (net, x)
  L = numel (net.W);
  a = cell (1, L);
  z = cell (1, L);
  previous = x;
  for l = 1:L
    z{l} = net.W{l} * previous + net.b{l};
    a{l} = ref_activation (z{l}, net.g{l});
    previous = a{l};
  endfor
  aL = a{L};
endfunction
