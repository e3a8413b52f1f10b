## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later

## [EVENTS, OUT, STATUS] = count_calls (CODE, COUNTED, MARKS, SECONDS)
## Run CODE (a cellstr of Octave lines) as a script in a child octave-cli
## started under gdb, and count the calls of the C functions named in
## cellstr COUNTED (symbols of the package's MEX files or of the
## libraries they use, such as the static f_only of src/bp_multimin.c):
## a breakpoint on each adds one to a single running count and continues.
## Whenever one of the functions named in cellstr MARKS is entered, the
## running count is recorded.  Nothing of the package is changed or
## rebuilt: the breakpoints are set on the installed MEX files.
##
## EVENTS is an N-by-1 struct array, in the order of the calls, with
## fields `name' (the mark entered, or "end" once the child has exited)
## and `count' (the running count at that moment, the calls of the mark
## itself not included).  OUT is everything the child printed (gdb's
## own lines included), STATUS gdb's exit status.  The child gets at
## most SECONDS seconds (coreutils' timeout, when present).
##
## Fails with an error when gdb is missing: the tests that count need
## it (`make test` installs it).

function [events, out, status] = count_calls (code, counted, marks, seconds)
  if (system ("command -v gdb > /dev/null 2>&1") != 0)
    error ("count_calls: gdb is not installed (make test installs it: tools/install-deps gdb)");
  endif
  cmds = [tempname() ".gdb"];
  f = fopen (cmds, "w");
  unwind_protect
    fprintf (f, "set breakpoint pending on\nset pagination off\nset confirm off\n");
    fprintf (f, "set $bp_calls = 0\n");
    for i = 1:numel (counted)
      fprintf (f, "break %s\ncommands\nsilent\nset $bp_calls = $bp_calls + 1\ncontinue\nend\n",
               counted{i});
    endfor
    for i = 1:numel (marks)
      fprintf (f, "break %s\ncommands\nsilent\nprintf \"BP_MARK %s %%d\\n\", $bp_calls\ncontinue\nend\n",
               marks{i}, marks{i});
    endfor
    fprintf (f, "run\nprintf \"BP_MARK end %%d\\n\", $bp_calls\n");
    fclose (f);
    ## No debuginfod: gdb would try the network for every library.
    [status, out] = run_octave_child (code, seconds, 0, "",
                                      sprintf ("env -u DEBUGINFOD_URLS gdb -batch -nx -x '%s' --args", cmds));
  unwind_protect_cleanup
    [~] = unlink (cmds);
  end_unwind_protect
  t = regexp (out, '^BP_MARK (\S+) (\d+)$', "tokens", "lineanchors");
  events = struct ("name", cellfun (@(c) c{1}, t, "uniformoutput", false)',
                   "count", cellfun (@(c) str2double (c{2}), t, "uniformoutput", false)');
endfunction
