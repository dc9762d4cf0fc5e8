"""Ensemble training speed: mh.train_many against separate mh.train calls and a stacked matmul.

Run: .venv/bin/python tests/benchmarks/bench_ensemble.py
The 2-3-3-2 seed problem (sigmoid, biases, cost "sse", lr 0.5) from 1000 random starts
(``init_random(seed)``), 2000 steps each, the loss recorded at every step. All three are timed
in this one process (medians of a few repeats), so the ratios hold even on a loaded machine.
Targets: train_many <= 0.5 s (250 ns per network-step; stretch 100 ns), >= 100x faster than
separate train calls, >= 2x faster than the stacked (N, n_in, n_out) matmul version.
"""

import os
import statistics
import time

import numpy as np

import mlp_helpers as mh

N, STEPS, LR = 1000, 2000, 0.5
SAMPLE = 20  # separate train calls actually timed, scaled to N
REPEATS = 5


def starts(case):
    return [case.network().init_random(seed) for seed in range(N)]


def stacked_matmul(nets, X, Y):
    """The straightforward vectorization: parameters stacked as (N, n_in, n_out), np.matmul."""
    weights = [np.stack([net.weights[l] for net in nets]) for l in range(3)]  # (N, n_in, n_out)
    biases = [np.stack([net.biases[l] for net in nets])[:, None, :] for l in range(3)]  # (N, 1, n_out)
    losses = np.empty((STEPS + 1, len(nets)))
    for step in range(STEPS + 1):
        a = [np.broadcast_to(X, (len(nets),) + X.shape)]
        for W, b in zip(weights, biases):
            a.append(1.0 / (1.0 + np.exp(-(a[-1] @ W + b))))
        error = a[-1] - Y
        losses[step] = np.sum(error * error, axis=(1, 2))
        if step == STEPS:
            break
        delta = 2.0 * error * a[-1] * (1.0 - a[-1])
        for l in (2, 1, 0):
            dW, db = np.swapaxes(a[l], 1, 2) @ delta, delta.sum(axis=1, keepdims=True)
            if l:
                delta = (delta @ np.swapaxes(weights[l], 1, 2)) * a[l] * (1.0 - a[l])
            weights[l] = weights[l] - LR * dW
            biases[l] = biases[l] - LR * db
    return losses.T


CPU = {}  # median process time of each timed function: its cost when the 2 cores are shared


def median_time(fn, repeats=REPEATS):
    times, cpu, result = [], [], None
    for _ in range(repeats):
        start, start_cpu = time.perf_counter(), time.process_time()
        result = fn()
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    CPU[fn] = statistics.median(cpu)
    return statistics.median(times), result


def main():
    case = mh.cases.sigmoid_2_3_3_2()
    X, Y = case.X, case.Y
    load_before = os.getloadavg()

    many = lambda: mh.train_many(starts(case), X, Y, LR, STEPS, loss="sse", weights_every=0)  # noqa: E731
    t_many, history = median_time(many)
    # the call a student writes first, on networks already made: the defaults record the losses
    # at every step and the parameters at the start and the end
    made = starts(case)
    plain = lambda: mh.train_many([net.copy() for net in made], X, Y, LR, STEPS)  # noqa: E731
    copies = lambda: [net.copy() for net in made]  # noqa: E731
    t_copies, _ = median_time(copies)
    t_plain, _ = median_time(plain)
    t_plain -= t_copies
    t_stacked, stacked_loss = median_time(lambda: stacked_matmul(starts(case), X, Y))
    sample = starts(case)[:SAMPLE]
    t_sample, alone = median_time(lambda: [mh.train(net.copy(), X, Y, LR, STEPS, loss="sse") for net in sample], repeats=3)
    t_separate = t_sample * N / SAMPLE

    # the three computed the same thing
    np.testing.assert_allclose(stacked_loss, history.loss, rtol=1e-10)
    for i, h in enumerate(alone):
        np.testing.assert_allclose(h.loss, history.loss[i], rtol=1e-10)

    network_steps = N * STEPS
    print(f"{N} random starts x {STEPS} steps, 2-3-3-2 seed problem, loss recorded every step (medians)")
    print(f"  mh.train_many:          {t_many:7.3f} s   {t_many / network_steps * 1e9:6.0f} ns per network-step"
          f"   (target <= 0.5 s / 250 ns; stretch 100 ns; CPU {CPU[many] / network_steps * 1e9:.0f} ns)")
    print(f"  plain train_many(nets, X, Y, lr, steps): {t_plain:7.3f} s   (target <= 0.5 s, 0.38 s with 30% margin;"
          f" CPU {CPU[plain] - CPU[copies]:.3f} s)")
    print(f"  stacked np.matmul:      {t_stacked:7.3f} s   {t_stacked / network_steps * 1e9:6.0f} ns per network-step")
    print(f"  separate mh.train:      {t_separate:7.3f} s   {t_separate / network_steps * 1e9:6.0f} ns per network-step"
          f"   ({SAMPLE} timed, scaled to {N})")
    print(f"  ratio separate train / train_many: {t_separate / t_many:6.0f}x (target >= 100x)")
    print(f"  ratio stacked matmul / train_many: {t_stacked / t_many:6.1f}x (target >= 2x)")
    print(f"  load average before: {load_before[0]:.2f}, after: {os.getloadavg()[0]:.2f} (2 cores)")


if __name__ == "__main__":
    main()
