## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later

## PROBLEM = check_error (FN, ARGS, NOUT, REASONS, NAMES, WHAT)
## Call FN (ARGS{:}) with NOUT outputs; the call must fail.  Returns ""
## when it fails as doc/robustness.md requires, otherwise one line
## saying which call (WHAT) went wrong and how.

function problem = check_error (fn, args, nout, reasons, names, what)
  keep = deep_copy (args);
  bad = {};
  try
    if (nout == 0)
      feval (fn, args{:});
    else
      out = cell (1, nout);
      [out{:}] = feval (fn, args{:});
    endif
    bad{end+1} = "no error was raised";
  catch err
    id = err.identifier;
    msg = err.message;
    prefix = ["backprop:" fn ":"];
    if (! strncmp (id, prefix, numel (prefix)))
      bad{end+1} = sprintf ("identifier '%s' does not start with '%s'", ...
                            id, prefix);
    elseif (! isempty (reasons) && ! any (strcmp (id(numel (prefix)+1:end), ...
                                                  reasons)))
      bad{end+1} = sprintf ("identifier '%s', expected reason %s", id, ...
                            strjoin (reasons, " or "));
    endif
    if (! strncmp (msg, [fn ": "], numel (fn) + 2))
      bad{end+1} = sprintf ("message does not start with '%s: '", fn);
    endif
    if (! isempty (names) && ! any (cellfun (@(n) names_word (msg, n), names)))
      bad{end+1} = sprintf ("message does not name %s", ...
                            strjoin (names, " or "));
    endif
    if (! isempty (bad))
      bad{end+1} = sprintf ("got [%s] \"%s\"", id, msg);
    endif
  end_try_catch
  if (! isequaln (args, keep))
    bad{end+1} = "the caller's arguments were modified";
  endif
  problem = "";
  if (! isempty (bad))
    problem = sprintf ("%s with %s (nargout %d): %s", fn, what, nout, ...
                       strjoin (bad, "; "));
  endif
endfunction
