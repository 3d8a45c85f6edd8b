"""The PyTorch CPU reference for the training benchmark: the networks of conf/mnist-mlp.conf and
conf/mnist-cnn.conf.

mlp: 784-256-256-10, ReLU, dropout 0.2 on every layer's input as the conf's model.dropout, Adam 2e-3
decayed x0.8 per epoch, batch 128.
cnn: conv 3x3x32 - max-pool 2 - conv 3x3x64 - max-pool 2 (valid padding) - dense 128 with dropout
0.25 on its input - 10 with dropout 0.5 on its input, ReLU, Adam 1e-3 decayed x0.85 per epoch,
batch 64 (the classic Keras MNIST CNN).
Both: He-normal weights (DL4J's "relu" init), softmax cross-entropy, shuffled each epoch, pixels
scaled to [0, 1] as sparktrain's IDX reader does. Prints one JSON line: per epoch the training
seconds, examples/s and test accuracy.

Usage: /usr/bin/python3 pytorch_mnist.py mlp|cnn TRAIN_DIR TEST_DIR EPOCHS THREADS SEED (run by
bench/training.py; each directory holds train-* or t10k-* IDX files)
"""
import json
import struct
import sys
import time

import torch
from torch import nn


def read_images(path):
    with open(path, "rb") as f:
        magic, count, rows, cols = struct.unpack(">IIII", f.read(16))
        if magic != 2051:
            raise SystemExit(f"{path}: not an IDX image file (magic {magic})")
        pixels = torch.frombuffer(bytearray(f.read(count * rows * cols)), dtype=torch.uint8)
    return pixels.reshape(count, rows * cols).float() / 255.0


def read_labels(path):
    with open(path, "rb") as f:
        magic, count = struct.unpack(">II", f.read(8))
        if magic != 2049:
            raise SystemExit(f"{path}: not an IDX label file (magic {magic})")
        return torch.frombuffer(bytearray(f.read(count)), dtype=torch.uint8).long()


def network(kind):
    if kind == "mlp":
        # DL4J's layer dropout drops the layer's inputs, so the pixels too.
        model = nn.Sequential(nn.Dropout(0.2), nn.Linear(784, 256), nn.ReLU(),
                              nn.Dropout(0.2), nn.Linear(256, 256), nn.ReLU(),
                              nn.Dropout(0.2), nn.Linear(256, 10))
    else:
        model = nn.Sequential(nn.Unflatten(1, (1, 28, 28)),
                              nn.Conv2d(1, 32, 3), nn.ReLU(), nn.MaxPool2d(2),
                              nn.Conv2d(32, 64, 3), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(),
                              nn.Dropout(0.25), nn.Linear(64 * 5 * 5, 128), nn.ReLU(),
                              nn.Dropout(0.5), nn.Linear(128, 10))
    for layer in model:
        if isinstance(layer, (nn.Linear, nn.Conv2d)):
            nn.init.kaiming_normal_(layer.weight, nonlinearity="relu")
            nn.init.zeros_(layer.bias)
    return model


def fit_epochs(name, model, optimizer, schedule, epochs, examples, batch_size, loss, accuracy, clip_norm=None):
    """Trains `epochs` epochs over the examples in a new random order each, a minibatch's loss from
    loss(indices), gradients clipped to an L2 norm of clip_norm if given; returns per epoch the training
    seconds, examples/s and accuracy() in eval mode (bench/pytorch_spam.py trains with it too)."""
    history = []
    for epoch in range(1, epochs + 1):
        model.train()
        start = time.perf_counter()
        order = torch.randperm(examples)
        for i in range(0, examples, batch_size):
            optimizer.zero_grad()
            loss(order[i:i + batch_size]).backward()
            if clip_norm is not None:
                nn.utils.clip_grad_norm_(model.parameters(), clip_norm)
            optimizer.step()
        schedule.step()
        fit_seconds = time.perf_counter() - start
        model.eval()
        with torch.no_grad():
            reached = accuracy()
        history.append({"epoch": epoch, "fit_seconds": fit_seconds, "examples_per_s": examples / fit_seconds,
                        "accuracy": reached})
        print(f"pytorch {name} epoch {epoch}/{epochs} accuracy {reached:.4f} {examples / fit_seconds:,.0f} examples/s",
              file=sys.stderr)
    return history


def main():
    kind, train, test = sys.argv[1], sys.argv[2], sys.argv[3]
    epochs, threads, seed = int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6])
    if kind not in ("mlp", "cnn"):
        raise SystemExit(f"model '{kind}': use mlp or cnn")
    torch.set_num_threads(threads)
    torch.manual_seed(seed)
    train_x, train_y = read_images(f"{train}/train-images-idx3-ubyte"), read_labels(f"{train}/train-labels-idx1-ubyte")
    test_x, test_y = read_images(f"{test}/t10k-images-idx3-ubyte"), read_labels(f"{test}/t10k-labels-idx1-ubyte")
    model = network(kind)
    batch_size = 128 if kind == "mlp" else 64
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3 if kind == "cnn" else 2e-3)
    schedule = torch.optim.lr_scheduler.ExponentialLR(optimizer, gamma=0.85 if kind == "cnn" else 0.8)
    loss_fn = nn.CrossEntropyLoss()
    history = fit_epochs(f"{kind} threads {threads}", model, optimizer, schedule, epochs, len(train_x), batch_size,
                         lambda batch: loss_fn(model(train_x[batch]), train_y[batch]),
                         lambda: (model(test_x).argmax(dim=1) == test_y).float().mean().item())
    print(json.dumps({"model": kind, "threads": threads, "torch": torch.__version__, "history": history}))


if __name__ == "__main__":
    main()
