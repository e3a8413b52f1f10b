## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later

## report (PROBLEMS)
## Fail with the list of every call that misbehaved ("" = none).

function report (problems)
  problems = problems(! cellfun (@isempty, problems));
  assert (isempty (problems), "%d bad call(s) misbehaved:\n  %s", ...
          numel (problems), strjoin (problems, "\n  "));
endfunction
