## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later

## [IN, OUT, PID] = child_start ()
## Start an interactive octave-cli ("-i", so that SIGINT interrupts the
## command it runs instead of killing it) that reads its commands from
## the pipe IN (child_send) and writes to OUT, merged with its standard
## error, which child_wait_for reads without blocking.  It has the
## package's folders on its path and no prompt, so that its lines start
## with what it prints.  Stop it with child_stop, whatever happens.
## Returns PID -1 where no such child can run (not Linux, or no
## octave-cli next to this Octave): the caller then says so.

function [in, out, pid] = child_start ()
  in = out = pid = -1;
  octave = fullfile (OCTAVE_HOME (), "bin", "octave-cli");
  if (! isunix () || ! exist ("/proc/self/stat", "file") || ! exist (octave, "file"))
    return;
  endif
  dirs = unique ({fileparts(which ("bp_train")), fileparts(which ("__bp_train__"))});
  ## sh's exec keeps the process id.
  [in, out, pid] = popen2 ("/bin/sh", {"-c", sprintf("exec '%s' --norc --no-history --quiet -i --no-line-editing 2>&1", octave)});
  assert (pid > 0, "could not start %s", octave);
  child_send (in, ["PS1 ('');  " sprintf("addpath ('%s'); ", dirs{:})]);
endfunction
