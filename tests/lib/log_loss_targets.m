## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later

## [CE, LL, BAD] = log_loss_targets (NAME)
## The two 2-3-2 networks whose losses are only defined for targets in
## [0, 1] (CE: sigmoid output, cross-entropy; LL: relu and softmax,
## log-likelihood), and catalogue rows of 2-by-4 targets (an argument
## called NAME) each with one value outside [0, 1], to be refused as
## out_of_range naming NAME.

function [ce, ll, bad] = log_loss_targets (name)
  ce = bp_init ([2 3 2], "loss", "cross-entropy", "seed", 1);
  ll = bp_init ([2 3 2], "activation", {"relu", "softmax"}, ...
                "loss", "log-likelihood", "seed", 1);
  R = {"out_of_range"};
  N = {name};
  bad = {[2 0 1 0; 0 1 0 1],       [name "(1,1) = 2"],        R, N
         [1 0 1 0; 0 1 0 -1],      [name "(2,4) = -1"],       R, N
         [1 0 1 0; 0 1+eps 0 1],   [name "(2,2) = 1 + eps"],  R, N
         [1 0 1 0; 0 1 0 -1e-300], [name "(2,4) = -1e-300"],  R, N};
endfunction
