## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later

## S = child_wait_for (OUT, PID, PATTERN, SECONDS, SOFAR)
## Read the output of a child made by child_start (non-blocking pipe OUT)
## until the text read, after SOFAR, matches the regular expression
## PATTERN; return all of it.  Fails after SECONDS, or when the child has
## died, showing what it printed.  fgets may return part of a line (what
## the pipe holds so far), so patterns end in \n to match complete lines
## only.

function s = child_wait_for (out, pid, pattern, seconds, sofar)
  s = sofar;
  t0 = time ();
  while (isempty (regexp (s, pattern, "once", "lineanchors")))
    line = fgets (out);
    if (ischar (line))
      ## The first line may follow the prompt shown before PS1 ('').
      s = [s regexprep(line, '^octave:\d+> ', '')];
      continue;
    endif
    fclear (out);
    [p, status] = waitpid (pid, WNOHANG ());
    if (p == pid)
      error ("the child exited (status %d) before printing /%s/; it printed:\n%s", ...
             status, pattern, s);
    elseif (time () - t0 > seconds)
      error ("no /%s/ from the child within %g s; it printed:\n%s", pattern, ...
             seconds, s);
    endif
    pause (0.01);
  endwhile
endfunction
