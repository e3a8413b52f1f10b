## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later

## PROBLEM = check_nargin (FN, ARGS, NOUT, WHAT)
## check_error for a call FN (ARGS{:}) with NOUT outputs that has a wrong
## number of input arguments: it must fail as backprop:FN:nargin with a
## message that speaks of "input arguments".

function problem = check_nargin (fn, args, nout, what)
  problem = check_error (fn, args, nout, {"nargin"}, {"input arguments"}, what);
endfunction
