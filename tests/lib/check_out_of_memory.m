## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later

## PROBLEMS = check_out_of_memory (FN, ARGS, NOUTS, WHAT)
## check_error for a call FN (ARGS{:}) whose results or workspace cannot
## fit in memory, with each output count in NOUTS: it must fail as
## backprop:FN:out_of_memory (an error, not an abort).  Returns the
## problems found, for report.

function problems = check_out_of_memory (fn, args, nouts, what)
  problems = {};
  for nout = nouts
    problems{end+1} = check_error (fn, args, nout, {"out_of_memory"}, {}, what);
  endfor
endfunction
