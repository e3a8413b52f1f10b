## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later

## T = child_cpu_seconds (PID)
## User plus system CPU time of process PID (all its threads), from
## /proc/PID/stat, whose fields 14 and 15 count clock ticks of 1/100 s
## (USER_HZ, 100 on Linux).  The command name (field 2) may hold spaces,
## so the fields are counted after its closing parenthesis.

function t = child_cpu_seconds (pid)
  s = fileread (sprintf ("/proc/%d/stat", pid));
  f = strsplit (strtrim (s(find (s == ")", 1, "last") + 2:end)), " ");
  t = (str2double (f{12}) + str2double (f{13})) / 100;
endfunction
