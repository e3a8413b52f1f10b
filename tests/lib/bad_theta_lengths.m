## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later

## BAD = bad_theta_lengths (THETA)
## Catalogue rows for the valid parameter column THETA (an argument
## called theta, of P values) in another shape or length: one value
## short or too many, a row, two columns, a scalar, empty, a 1x1xP
## array, and the column of a 2-4-2 network.  Each is to be refused as
## wrong_size with a message stating the length the network needs
## ("P values").

function bad = bad_theta_lengths (theta)
  P = numel (theta);
  S = {"wrong_size"};
  N = {sprintf("%d values", P)};
  bad = {theta(1:end-1),                 sprintf("%d-by-1 (one value short)", P - 1),    S, N
         [theta; 0],                     sprintf("%d-by-1 (one value too many)", P + 1), S, N
         theta',                         sprintf("1-by-%d (a row)", P),                  S, N
         [theta theta],                  sprintf("%d-by-2", P),                          S, N
         0,                              "a scalar",                                     S, N
         zeros(P, 0),                    sprintf("zeros(%d,0)", P),                      S, N
         reshape(theta, 1, 1, P),        sprintf("1-by-1-by-%d", P),                     S, N
         bp_unroll(bp_init ([2 4 2], "seed", 1)), "the theta of a 2-4-2 network",     S, N};
endfunction
