## -*- texinfo -*-
## @deftypefn {} {} bp_check_net (@var{fn}, @var{net})
## Check that @var{net} is a network struct as @code{bp_init} makes it:
## the gateway's own check (fields, shapes, names, the loss and output
## pairing), so the @code{backprop:@var{fn}:invalid_net} errors match every
## other function's.  It allocates nothing whose size comes from
## @var{net}.  For the functions written in Octave that take a network but
## do not otherwise run one through a gateway first.
## @end deftypefn

function bp_check_net (fn, net)
  __bp_check__ (fn, "net", net);
endfunction
