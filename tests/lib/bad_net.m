## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later

## NET = bad_net (K)
## N = bad_net ()
## Row K of bad_nets for the 2-3-1 network bp_init ([2 3 1], "seed", 1):
## the fuzz suite writes "bad_net (K)" into the calls it prints, so that
## each reproduces with tests/lib on the path.  Without K: the table's
## rows {network, description, reasons, names}.  Built once a session.

function out = bad_net (k)
  persistent table
  if (isempty (table))
    table = bad_nets (bp_init ([2 3 1], "seed", 1));
  endif
  if (nargin == 0)
    out = table;
  else
    out = table{k,1};
  endif
endfunction
