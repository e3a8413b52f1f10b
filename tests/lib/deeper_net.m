## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later

## NET = deeper_net ()
## A valid 3-5-4-2 network (tanh, relu and softmax layers, log-likelihood
## loss, seed 2): a second network, deeper than the 2-3-2 one and with
## other activations and loss, to break in every way bad_nets knows.

function net = deeper_net ()
  net = bp_init ([3 5 4 2], "activation", {"tanh", "relu", "softmax"}, ...
                 "loss", "log-likelihood", "seed", 2);
endfunction
