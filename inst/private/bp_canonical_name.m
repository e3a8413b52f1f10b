## -*- texinfo -*-
## @deftypefn {} {@var{c} =} bp_canonical_name (@var{fn}, @var{kind}, @var{name})
## The name the core gives the activation or loss @var{name}
## (@var{kind} @qcode{"activation"} or @qcode{"loss"}): @var{name} itself
## when it is a canonical name, the canonical one for an alias (the
## articles' @qcode{"logistic"} is @qcode{"sigmoid"}, the 2-3-2 article's
## @qcode{"l2-norm"} is @qcode{"quadratic"}), and @qcode{""} for a name
## the core does not know.
##
## The core owns the names and their aliases (the tables in
## @file{src/bp_activation.c} and @file{src/bp_loss.c}), and rebuilds a
## network's @code{g} and @code{loss} from what it parsed whenever it
## returns a network.  A network of one unit taken through a step of size
## 0 (@code{__bp_sgd_step__}) therefore comes back with the canonical
## names, so that no list of aliases is kept here.  A loss is tried on
## each output activation in turn, since a loss may need one.
## @end deftypefn

function c = bp_canonical_name (fn, kind, name)
  net = struct ("sizes", [1 1], "W", {{0}}, "b", {{0}}, "g", {{"linear"}},
                "loss", "quadratic");
  if (strcmp (kind, "activation"))
    tries = {{name}, "quadratic"};
  else
    tries = {{"linear"}, name; {"sigmoid"}, name; {"softmax"}, name};
  endif
  for i = 1:rows (tries)
    net.g = tries{i, 1};
    net.loss = tries{i, 2};
    try
      out = __bp_sgd_step__ (fn, net, {0}, {0}, 0);
    catch
      continue;
    end_try_catch
    if (strcmp (kind, "activation"))
      c = out.g{1};
    else
      c = out.loss;
    endif
    return;
  endfor
  c = "";
endfunction
