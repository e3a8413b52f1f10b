## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later

## OK = differences_can_check (g, z, dW)
## True when finite differences can judge a network's gradient: no relu
## or leaky-relu layer has a weighted input z within 1e-4 of its kink
## (a difference quotient across the kink measures neither slope), and
## every layer's gradient dW{l} is clearly nonzero (a relative error of
## numbers near zero says nothing).

function ok = differences_can_check (g, z, dW)
  ok = true;
  for l = 1:numel (g)
    if (any (strcmp (g{l}, {"relu", "leaky-relu"})))
      ok = ok && all (abs (z{l}(:)) > 1e-4);
    endif
    ok = ok && max (abs (dW{l}(:))) > 1e-4;
  endfor
endfunction
