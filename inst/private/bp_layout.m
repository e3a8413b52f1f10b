## -*- texinfo -*-
## @deftypefn {} {@var{layout} =} bp_layout (@var{net})
## Where each W@{l@} and b@{l@} of a checked network lives in the column of
## @code{bp_unroll}: a 2L-by-1 struct array with fields @code{name},
## @code{layer}, @code{first}, @code{last}, @code{size}, in the order
## W@{1@}, b@{1@}, W@{2@}, b@{2@}, @dots{}  The sizes come from the
## arrays themselves, which the caller has checked against
## @code{net.sizes}.
## @end deftypefn

function layout = bp_layout (net)
  L = numel (net.W);
  name = cell (2 * L, 1);
  layer = first = last = cell (2 * L, 1);
  sz = cell (2 * L, 1);
  at = 0;
  for l = 1:L
    arrays = {net.W{l}, net.b{l}};
    letters = "Wb";
    for i = 1:2
      e = 2 * (l - 1) + i;
      name{e} = sprintf ("%s{%d}", letters(i), l);
      layer{e} = l;
      first{e} = at + 1;
      at += numel (arrays{i});
      last{e} = at;
      sz{e} = size (arrays{i});
    endfor
  endfor
  layout = struct ("name", name, "layer", layer, "first", first, ...
                   "last", last, "size", sz);
endfunction
