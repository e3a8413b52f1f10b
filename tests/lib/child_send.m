## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later

## child_send (IN, CMD)
## Send the command line CMD to a child made by child_start.

function child_send (in, cmd)
  fputs (in, [cmd "\n"]);
  fflush (in);
endfunction
