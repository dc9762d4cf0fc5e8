"""How long every explorer takes to answer a control change, against the targets of issue 17.

Targets on a 2-core machine (medians): a frame (step shown, Play) <= 60 ms; a change that trains
a new run <= 300 ms; going back to a run already seen <= 60 ms; the path explorer's weight
switch <= 100 ms. The controls are moved from Python, as the kernel does when a message from the
page arrives (the callbacks run in the kernel thread, one after another).

Run: .venv/bin/python tests/benchmarks/bench_widget.py   (exit code 1 if a median misses)
"""

import os
import statistics
import sys
import time

import numpy as np

import mlp_helpers as mh
from mlp_helpers import cases
from mlp_helpers.visual.initialization_explorer import SCALES, initialization_explorer
from mlp_helpers.visual.stalls_explorer import DEPTHS, stalls_explorer
from mlp_helpers.visual.widgets import path_explorer

REPEATS = 15
TARGETS_MS = {"frame": 60.0, "Play frame": 60.0, "new run": 300.0, "run already seen": 60.0, "weight switch": 100.0}


def timed(action, repeats=REPEATS, prepare=None):
    """Median and worst wall-clock time, and median CPU time, of ``action(k)`` in ms
    (``prepare(k)``, if given, runs before the clock starts)."""
    wall, cpu = [], []
    for k in range(repeats):
        if prepare is not None:
            prepare(k)
        start, start_cpu = time.perf_counter(), time.process_time()
        action(k)
        wall.append(1000 * (time.perf_counter() - start))
        cpu.append(1000 * (time.process_time() - start_cpu))
    return statistics.median(wall), max(wall), statistics.median(cpu)


def init_explorer_rows(make_case, iterations=None):
    case = make_case()
    explorer = mh.init_explorer(case)
    if iterations is not None:  # the longest run a learner is likely to ask for
        explorer.iterations.value = iterations
    steps = explorer.iterations.value
    explorer.seed.value = 1
    explorer.init.value = "random"
    explorer.init.value = "constant"  # both runs of seed 1 and the constant start seen once
    last = explorer.step.max

    def frame(k):
        explorer.step.value = (k * 137 + 1) % last

    def play_frame(k):  # the values Play sends: 0, step, 2 step, ...
        explorer.step.value = (k * explorer.play.step) % (last + 1)

    def new_run(k):
        explorer.init.value = "random"
        explorer.seed.value = 1000 + k  # a seed never shown before

    def seen_again(k):
        explorer.seed.value = 1
        explorer.init.value = "constant" if explorer.init.value == "random" else "random"

    def train_only(k):
        mh.train(case.network().init_random(seed=k), case.X, case.Y, case.lr, steps, loss=case.loss)

    name = f"init explorer, {case.name} ({steps} steps)"
    explorer.init.value = "random"
    rows = [(name, "frame", timed(frame)), (name, "Play frame", timed(play_frame))]
    rows.append((name, "new run", timed(new_run)))
    explorer.seed.value = 1
    explorer.init.value = "random"
    rows.append((name, "run already seen", timed(seen_again)))
    rows.append((name, "  of which training alone", timed(train_only)))
    return rows


def path_explorer_rows():
    net = mh.MLP([2, 2, 2]).set_params(
        [np.array([[0.5, 0.3], [-0.4, 0.8]]), np.array([[0.6, 0.9], [-0.2, 0.1]])],
        [np.array([0.1, -0.1]), np.array([0.2, -0.3])],
    )
    box = path_explorer(net, np.array([1.0, 0.5]), np.array([1.0, 0.0]), notation="one_one_one", loss="half_sse")
    (choice,) = [w for w in box.children if "bph-path-choice" in w._dom_classes]
    options = [value for _, value in choice.options]

    def switch(k):
        choice.value = options[(k + 1) % len(options)]

    return [("path explorer, 2-2-2 (notebook 01)", "weight switch", timed(switch))]


def scale_explorer_rows():
    """Notebook 05's explorer: a new setting trains its starts afresh; a setting seen is cached."""
    explorer = initialization_explorer(cases.sigmoid_2_3_3_2())
    explorer.start.value = "random"
    values = [s for s in SCALES if s != explorer.scale.value]
    name = f"initialization explorer ({explorer.n_starts} starts x {explorer.steps} steps)"

    def new_run(k):
        explorer.runs.clear()  # so that every change trains and draws, as a setting never seen does
        getattr(explorer, "images", {}).clear()
        explorer.scale.value = values[k % len(values)]

    def seen_again(k):
        explorer.scale.value = values[k % 2]

    rows = [(name, "new run", timed(new_run))]
    explorer.scale.value, explorer.scale.value = values[0], values[1]  # both runs in the cache
    rows.append((name, "run already seen", timed(seen_again)))
    return rows


def stalls_explorer_rows():
    """Notebook 06's explorer. It has no step slider, so a change is a new run or a run seen before.

    A new run is one control change (the depth, 3 <-> 6) to a setting never seen: it trains one
    network and draws it. A run seen before shows its stored PNG. The other controls are moved
    before the clock starts.
    """
    explorer = stalls_explorer()
    name = f"stalls explorer ({explorer.steps} steps, up to {max(DEPTHS)} weight layers)"
    settings = [(cost, f, start, depth) for cost in ("sse", "cross_entropy") for f in ("sigmoid", "tanh", "relu")
                for start in ("all ones", "random") for depth in (3, max(DEPTHS))]
    other_depth = {3: max(DEPTHS), max(DEPTHS): 3}

    def prepare_new_run(k):
        cost, f, start, depth = settings[k % len(settings)]
        explorer.depth.value = other_depth[depth]
        explorer.cost.value, explorer.activation.value, explorer.start.value = cost, f, start
        explorer.runs.clear()  # so that the change trains, as a setting never seen does
        explorer.trained.clear()

    def new_run(k):
        explorer.depth.value = settings[k % len(settings)][3]

    def seen_again(k):
        explorer.start.value = "random" if explorer.start.value != "random" else "all ones"

    def train_only(k):
        explorer.trained.clear()
        cost, f, start, depth = settings[k % len(settings)]
        explorer.train_run(cost, f, start, explorer.lr.value, depth)

    rows = [(name, "new run", timed(new_run, repeats=len(settings), prepare=prepare_new_run))]
    rows.append((name, "  of which training alone", timed(train_only, repeats=len(settings))))
    rows.append((name, "run already seen", timed(seen_again)))
    return rows


def main():
    rows = []
    for make_case in (cases.sigmoid_2_3_3_2, cases.linear_2_2_1, cases.one_one_one):
        rows += init_explorer_rows(make_case)
    rows += init_explorer_rows(cases.sigmoid_2_3_3_2, iterations=2000)
    rows += path_explorer_rows()
    rows += scale_explorer_rows()
    rows += stalls_explorer_rows()
    missed = []
    print(f"{'explorer':58s} {'change':26s} {'median':>8s} {'max':>8s} {'CPU':>8s} {'target':>8s}")
    for name, change, (median, worst, cpu) in rows:
        target = TARGETS_MS.get(change)
        mark = "" if target is None else ("ok" if median <= target else "OVER")
        if mark == "OVER":
            missed.append((name, change))
        target_text = "" if target is None else f"{target:6.0f}ms"
        print(f"{name:58s} {change:26s} {median:6.1f}ms {worst:6.1f}ms {cpu:6.1f}ms {target_text:>8s} {mark}")
    load = os.getloadavg()
    print(f"medians of {REPEATS} changes each; load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} "
          f"on {os.cpu_count()} cores")
    print("every median within its target" if not missed else f"{len(missed)} medians OVER their target")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
