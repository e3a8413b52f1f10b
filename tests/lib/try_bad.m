## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later

## PROBLEMS = try_bad (FN, BASE, POS, BAD, NOUTS)
## Put each bad value of catalogue BAD at argument POS of the valid
## argument list BASE and check the call with each output count NOUTS
## (see check_error); returns the problems found, for report.
##
## A catalogue (what bad_matrix, bad_scalar, bad_name, bad_elements,
## bad_row_counts, bad_col_counts, bad_nets and nul_nets return, and what
## add_bad grows) is a cell array with one row
## {value, description, reasons, names} per bad call: the value put at
## argument POS, a description for the failure report, the acceptable
## <reason>s of the identifier backprop:<function>:<reason> ({} = any
## reason), and the argument names one of which the message must contain
## ({} = no check).  Failures are collected over a whole catalogue and
## reported together, so one misbehaving case does not hide the others.

function problems = try_bad (fn, base, pos, bad, nouts)
  problems = {};
  for i = 1:rows (bad)
    args = base;
    args{pos} = bad{i,1};
    for nout = nouts
      p = check_error (fn, args, nout, bad{i,3}, bad{i,4}, ...
                       sprintf ("argument %d = %s", pos, bad{i,2}));
      if (! isempty (p))
        problems{end+1} = p;
      endif
    endfor
  endfor
endfunction
