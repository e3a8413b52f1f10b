## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later

## [STATUS, OUT] = run_octave_child (CODE, SECONDS, KBYTES, LIMITS)
## Run CODE (a cellstr of Octave lines) as a script in a new octave-cli
## with the package's folders on its path, for at most SECONDS (coreutils'
## timeout, when present), its address space capped at KBYTES when
## KBYTES > 0 (bash's ulimit -v), and under the other bash ulimit options
## LIMITS (such as "-f 10240", a cap on the size of files it writes),
## when given.  Returns the child's exit status and everything it
## printed.  A child sees a crash, an abort or a hang that would end the
## test run itself.  Its standard input is /dev/null: nothing it runs can
## wait for the terminal.

function [status, out] = run_octave_child (code, seconds, kbytes, limits = "")
  dirs = unique ({fileparts(which ("bp_train")), fileparts(which ("__bp_train__"))});
  d = tempname ();
  mkdir (d);
  unwind_protect
    script = fullfile (d, "child.m");
    f = fopen (script, "w");
    fprintf (f, "1;\n");                    # a script file, not a function
    fprintf (f, "addpath ('%s');\n", dirs{:});
    fprintf (f, "%s\n", code{:});
    fclose (f);
    limit = "";
    if (system ("command -v timeout > /dev/null 2>&1") == 0)
      limit = sprintf ("timeout -k 10 %d ", seconds);
    endif
    cmd = sprintf ("exec %s'%s' --norc --no-history --quiet '%s' 2>&1 < /dev/null", ...
                   limit, fullfile (OCTAVE_HOME (), "bin", "octave-cli"), script);
    if (kbytes > 0)
      limits = sprintf ("-v %d %s", kbytes, limits);
    endif
    if (! isempty (limits))
      cmd = sprintf ("bash -c \"ulimit %s && %s\"", limits, cmd);
    endif
    [status, out] = system (cmd);
  unwind_protect_cleanup
    confirm_recursive_rmdir (false, "local");
    [~] = rmdir (d, "s");
  end_unwind_protect
endfunction
