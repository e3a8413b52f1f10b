## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later

## BAD = add_bad (BAD, VALUE, WHAT, REASONS, NAMES)
## Append one row {VALUE, WHAT, REASONS, NAMES} to a catalogue of bad
## values (the rows try_bad takes).

function bad = add_bad (bad, value, what, reasons, names)
  bad(end+1,:) = {value, what, reasons, names};
endfunction
