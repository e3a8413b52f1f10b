## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later

## TF = names_word (MSG, NAME)
## True when MSG contains NAME not glued to a longer identifier, so
## that "x" is not found inside "matrix" nor "net.W{1}" in "net.W{10}".

function tf = names_word (msg, name)
  pat = ['(^|[^\w.])' regexptranslate("escape", name) '($|[^\w])'];
  tf = ! isempty (regexp (msg, pat, "once"));
endfunction
