## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later

## PROBLEM = check_limited (FN, CODE, KBYTES, WHAT)
## Run CODE, a call of FN that needs more memory than KBYTES, in a
## fresh octave-cli whose address space "ulimit -v" caps at KBYTES, so
## that the call runs out of memory for real, whether the gateway's own
## memory check or an allocation is what notices it.  The call must fail with backprop:FN:out_of_memory and a
## message "FN: ...", and the child must survive.  Returns "" or a line
## saying what went wrong; "" also where there is nothing to check with
## (not a Unix system, for "ulimit", or no octave-cli).

function problem = check_limited (fn, code, kbytes, what)
  problem = "";
  if (! isunix ())
    return;   # no "ulimit -v" to cap the child with: nothing to check
  endif
  dirs = unique ({fileparts(which (fn)), fileparts(which ("__bp_names__"))});
  setup = sprintf ("addpath ('%s'); ", dirs{:});
  child = [setup "try, " code "; printf ('NOERROR\\n'); catch e, " ...
           "printf ('ID=%s\\nMSG=%s\\n', e.identifier, e.message); end; " ...
           "printf ('ALIVE\\n');"];
  octave = fullfile (OCTAVE_HOME (), "bin", "octave-cli");
  if (! exist (octave, "file"))
    return;   # no octave-cli to run the child with: nothing to check
  endif
  [status, out] = system (sprintf ("ulimit -v %d; '%s' --norc --no-history --quiet --eval \"%s\" 2>&1", ...
                                   kbytes, octave, child));
  id = regexp (out, '^ID=([^\n]*)$', "tokens", "once", "lineanchors");
  msg = regexp (out, '^MSG=([^\n]*)$', "tokens", "once", "lineanchors");
  if (isempty (strfind (out, "ALIVE")))
    problem = sprintf ("Octave died (exit status %d): %s", status, strtrim (out));
  elseif (! isempty (strfind (out, "NOERROR")))
    problem = "no error was raised";
  elseif (isempty (id) || ! strcmp (id{1}, ["backprop:" fn ":out_of_memory"]) ...
          || ! strncmp (msg{1}, [fn ": "], numel (fn) + 2))
    problem = sprintf ("expected [backprop:%s:out_of_memory] \"%s: ...\", got %s", ...
                       fn, fn, strtrim (strrep (out, "\n", " ")));
  endif
  if (! isempty (problem))
    problem = sprintf ("%s with %s: %s", fn, what, problem);
  endif
endfunction
