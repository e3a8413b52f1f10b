## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later

## R = pick (C, A, B)
## A when C is true, else B: the fuzz specifications and reports choose
## between two strings in one expression.

function r = pick (c, a, b)
  if (c)
    r = a;
  else
    r = b;
  endif
endfunction
