## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later

## BAD = nul_nets (NET)
## NET with a name holding an embedded NUL in net.g{l} or net.loss: no
## known name, even when the part before the NUL is one.

function bad = nul_nets (net)
  bad = cell (0, 4);
  for l = 1:numel (net.g)
    broken = net;
    broken.g{l} = [net.g{l} char(0) "x"];
    F = sprintf ("net.g{%d}", l);
    bad = add_bad (bad, broken, [F " = its name, a NUL and 'x'"], ...
                   {"unknown_activation", "invalid_net"}, {F});
  endfor
  bad = add_bad (bad, setfield (net, "loss", [net.loss char(0) "x"]), ...
                 "net.loss = its name, a NUL and 'x'", ...
                 {"unknown_loss", "invalid_net"}, {"net.loss"});
endfunction
