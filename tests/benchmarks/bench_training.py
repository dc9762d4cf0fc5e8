"""Training speed: mh.train against a hand-written numpy loop of the same maths.

Run: .venv/bin/python tests/benchmarks/bench_training.py
Both run the 2-3-3-2 seed problem (sigmoid, biases, cost "sse", lr 0.5) side by side in one
process and record weights, biases and loss every step; the ratio is what matters, not the
absolute times. Target: ratio <= 1.5, and 10000 steps well under half a second.
"""

import time

import numpy as np

import mlp_helpers as mh

X = np.array([[0.8, 0.4], [0.3, 0.3]])
Y = np.array([[0.2, 0.4], [1.0, 0.0]])
STEPS = 10000


def hand_written(steps):
    """The same full-batch gradient descent, written out the way a student would."""
    weights = [np.ones((2, 3)), np.ones((3, 3)), np.ones((3, 2))]
    biases = [np.ones(3), np.ones(3), np.ones(2)]
    w_hist = [np.empty((steps + 1,) + W.shape) for W in weights]
    b_hist = [np.empty((steps + 1,) + b.shape) for b in biases]
    losses = np.empty(steps + 1)
    for step in range(steps + 1):
        a = [X]
        for W, b in zip(weights, biases):
            a.append(1.0 / (1.0 + np.exp(-(a[-1] @ W + b))))
        losses[step] = np.sum((a[-1] - Y) ** 2)
        for l in range(3):
            w_hist[l][step] = weights[l]
            b_hist[l][step] = biases[l]
        if step == steps:
            break
        delta = 2.0 * (a[-1] - Y) * a[-1] * (1.0 - a[-1])
        for l in (2, 1, 0):
            dW, db = a[l].T @ delta, delta.sum(axis=0)
            if l:
                delta = (delta @ weights[l].T) * a[l] * (1.0 - a[l])
            weights[l] = weights[l] - 0.5 * dW
            biases[l] = biases[l] - 0.5 * db
    return weights, losses


def library(steps):
    net = mh.MLP([2, 3, 3, 2]).init_constant(1.0)
    history = mh.train(net, X, Y, lr=0.5, iterations=steps, loss="sse")
    return net.weights, history.loss


def best_of(fn, repeats=5):
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        result = fn(STEPS)
        times.append(time.perf_counter() - start)
    return min(times), result


def main():
    t_hand, (w_hand, loss_hand) = best_of(hand_written)
    t_lib, (w_lib, loss_lib) = best_of(library)
    for a, b in zip(w_hand, w_lib):
        np.testing.assert_allclose(a, b, rtol=1e-12, atol=1e-14)
    np.testing.assert_allclose(loss_hand, loss_lib, rtol=1e-12)
    print(f"hand-written loop: {t_hand * 1e6 / STEPS:6.1f} us/step, {STEPS} steps in {t_hand:.3f} s")
    print(f"mh.train:          {t_lib * 1e6 / STEPS:6.1f} us/step, {STEPS} steps in {t_lib:.3f} s")
    print(f"ratio mh.train / hand-written: {t_lib / t_hand:.2f} (target <= 1.5)")


if __name__ == "__main__":
    main()
