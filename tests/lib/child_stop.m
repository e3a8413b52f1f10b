## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later

## child_stop (IN, OUT, PID)
## Kill (SIGKILL) and reap a child made by child_start if it is still
## there, and close its pipes.  For cleanup blocks: safe with the -1 of
## a child that never started.

function child_stop (in, out, pid)
  if (pid > 0 && waitpid (pid, WNOHANG ()) == 0)
    kill (pid, 9);
    waitpid (pid);
  endif
  if (in >= 0)
    fclose (in);
  endif
  if (out >= 0)
    fclose (out);
  endif
endfunction
