"""The seeds' problems as named, ready-to-train setups.

============================  ========  =======  ======  ==========  ====  =====  ================
case                          sizes     f        bias    loss        lr    steps  notation
============================  ========  =======  ======  ==========  ====  =====  ================
``sigmoid_2_3_3_2()``         2-3-3-2   sigmoid  yes     sse         0.5   1000   index
``linear_2_2_1(a=0.3)``       2-2-1     linear   no      half_mse    0.1   500    card
``one_one_one()``             1-1-1     sigmoid  yes     half_sse    1.0   200    one_one_one
============================  ========  =======  ======  ==========  ====  =====  ================

Every case starts from a constant initialization (``init_value``): the seeds' own
starting point, and the one that ties hidden units together.
"""

from dataclasses import dataclass, fields

import numpy as np

from ..losses import check_loss_name
from ..network import MLP
from .notation import as_notation
from ..training import train
from ..validation import as_choice, as_count, as_observations, as_real


@dataclass(frozen=True, eq=False)
class Case:
    """A training problem: data, architecture, loss and gradient-descent settings.

    name: a short title for figures and widgets.
    X: (m, sizes[0]) inputs, one row per observation; Y: (m, sizes[-1]) targets.
    sizes, activation, bias: as for ``MLP``.
    loss: a name from ``mlp_helpers.losses``; lr > 0; iterations >= 0 steps.
    init_value: the constant every weight and bias starts from.
    notation: how figures name the weights (one of ``notation.NOTATIONS``).
    ``X`` and ``Y`` are stored as read-only float64 copies; the caller's arrays are not touched.
    """

    name: str
    X: np.ndarray
    Y: np.ndarray
    sizes: tuple
    activation: str
    bias: bool
    loss: str
    lr: float
    iterations: int
    init_value: float
    notation: str

    def __post_init__(self):
        if not isinstance(self.name, str):
            raise TypeError(f"name must be a string, got {type(self.name).__name__} {self.name!r}")
        net = MLP(self.sizes, self.activation, self.bias)  # validates sizes, activation, bias
        # the case's own read-only copies: the caller's arrays stay theirs and stay writable
        X = as_observations("X", self.X, net.sizes[0]).copy()
        Y = as_observations("Y", self.Y, net.sizes[-1], rows=X.shape[0]).copy()
        for array in (X, Y):
            array.flags.writeable = False
        checked = {
            "X": X,
            "Y": Y,
            "sizes": tuple(net.sizes),
            "loss": check_loss_name(self.loss),
            "lr": as_real("lr", self.lr, positive=True),
            "iterations": as_count("iterations", self.iterations),
            "init_value": as_real("init_value", self.init_value),
            "notation": as_notation(self.notation),
        }
        for key, value in checked.items():
            object.__setattr__(self, key, value)

    def __eq__(self, other):
        # the generated __eq__ would compare X and Y elementwise and fail on the truth value
        if not isinstance(other, Case):
            return NotImplemented
        return all(
            np.array_equal(getattr(self, f.name), getattr(other, f.name)) if f.name in ("X", "Y")
            else getattr(self, f.name) == getattr(other, f.name)
            for f in fields(self)
        )

    def __hash__(self):
        return hash((self.name, self.sizes, self.loss, self.lr, self.X.tobytes(), self.Y.tobytes()))

    def network(self):
        """A new ``MLP`` with this case's architecture, every parameter ``init_value``."""
        return MLP(list(self.sizes), self.activation, self.bias).init_constant(self.init_value)

    def start(self, init="constant", value=None, seed=0):
        """A new network ready to train: ``init`` is ``"constant"`` (every weight and bias
        ``value``, default ``init_value``) or ``"random"`` (``MLP.init_random(seed)``)."""
        init = as_choice("init", init, ("constant", "random"))
        net = self.network()
        if init == "random":
            return net.init_random(seed=seed)
        return net if value is None else net.init_constant(value)

    def train(self, net=None, lr=None, iterations=None, record_every=1):
        """Train ``net`` (default: a fresh ``self.network()``) on this case's data.

        ``lr`` and ``iterations`` default to the case's own. Returns ``(net, history)``;
        ``net`` is trained in place.
        """
        net = self.network() if net is None else net
        history = train(
            net,
            self.X,
            self.Y,
            self.lr if lr is None else lr,
            self.iterations if iterations is None else iterations,
            loss=self.loss,
            record_every=record_every,
        )
        return net, history


def sigmoid_2_3_3_2():
    """The tied-units question exactly: two observations, all weights and biases 1, cost sum (a - y)^2.

    X = [[0.8, 0.4], [0.3, 0.3]], Y = [[0.2, 0.4], [1, 0]], lr 0.5, 1000 steps. From the
    all-ones start both hidden layers stay one tied group, and the outputs end at
    [[0.5992706, 0.1997657], [0.5993176, 0.2004306]] instead of the targets.
    """
    return Case(
        name="tied-units question: 2-3-3-2 sigmoid",
        X=[[0.8, 0.4], [0.3, 0.3]],
        Y=[[0.2, 0.4], [1.0, 0.0]],
        sizes=(2, 3, 3, 2),
        activation="sigmoid",
        bias=True,
        loss="sse",
        lr=0.5,
        iterations=1000,
        init_value=1.0,
        notation="index",  # after the one translation table, figures use the card's names
    )


def linear_2_2_1(a=0.3, m=20, seed=0, slope=1.5, noise=0.1):
    """The 2-2-1 regression question: a linear 2-2-1 network without biases fitting y = slope * x.

    The question gives no data, so we draw it: ``m`` values x ~ Uniform(-1, 1) and
    y = slope * x + noise * N(0, 1), from ``numpy.random.default_rng(seed)``. As in the
    question, each x is split into two features x1 = a x and x2 = (1 - a) x with
    0 < a < 1. The network computes y' = (w211 w111 + w212 w121) x1 + (w211 w112 +
    w212 w122) x2 in the answer's names, so it can represent the line exactly.
    Cost C = 1/m sum 1/2 (y - y')^2 ("half_mse"), lr 0.1, 500 steps, all weights 0.5.

    a: in (0, 1); m: at least 2 observations; seed: >= 0; slope, noise: real, noise >= 0.
    X: (m, 2) = [x1, x2]; Y: (m, 1).
    """
    a = as_real("a", a)
    if not 0 < a < 1:
        raise ValueError(f"a must lie strictly between 0 and 1 (x1 = a x, x2 = (1 - a) x), got {a!r}")
    m = as_count("m", m, minimum=2)
    seed = as_count("seed", seed)
    slope = as_real("slope", slope)
    noise = as_real("noise", noise)
    if noise < 0:
        raise ValueError(f"noise must be at least 0 (a standard deviation), got {noise!r}")
    rng = np.random.default_rng(seed)
    x = rng.uniform(-1.0, 1.0, size=m)
    y = slope * x + noise * rng.standard_normal(m)
    return Case(
        name=f"2-2-1 regression question: linear, rho = {a:g}",
        X=np.column_stack([a * x, (1 - a) * x]),
        Y=y[:, None],
        sizes=(2, 2, 1),
        activation="linear",
        bias=False,
        loss="half_mse",
        lr=0.1,
        iterations=500,
        init_value=0.5,
        notation="card",
    )


def one_one_one():
    """The 1-1-1 question's chain x -> h -> y', sigmoid units with biases, cost 1/2 sum (y - y')^2.

    One observation x = 1.0 with target y = 0.25 (the seed gives no numbers), every
    weight and bias 0.5, lr 1.0, 200 steps. A single hidden unit has nothing to be
    tied to, so this case shows the chain rule, not symmetry.
    """
    return Case(
        name="1-1-1 question: sigmoid",
        X=[[1.0]],
        Y=[[0.25]],
        sizes=(1, 1, 1),
        activation="sigmoid",
        bias=True,
        loss="half_sse",
        lr=1.0,
        iterations=200,
        init_value=0.5,
        notation="one_one_one",
    )


#: every case with its default arguments, by function name
ALL_CASES = (sigmoid_2_3_3_2, linear_2_2_1, one_one_one)
