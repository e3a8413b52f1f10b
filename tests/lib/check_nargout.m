## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later

## PROBLEM = check_nargout (FN, ARGS, NOUT, WHAT)
## check_error for a call FN (ARGS{:}) asking for a wrong number NOUT of
## outputs: it must fail as backprop:FN:nargout with a message that
## speaks of "output argument" (or arguments).

function problem = check_nargout (fn, args, nout, what)
  problem = check_error (fn, args, nout, {"nargout"}, {"output argument", "output arguments"}, what);
endfunction
