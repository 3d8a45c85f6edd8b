"""The PyTorch CPU reference for the training benchmark: the MNIST MLP of conf/mnist-mlp.conf.

784-256-256-10, ReLU, He-normal weights (DL4J's "relu" init), dropout 0.2 on every layer's input as
the conf's model.dropout, softmax cross-entropy, Adam 1e-3, batch 128, shuffled each epoch. Pixels
are scaled to [0, 1] as sparktrain's IDX reader does. Prints one JSON line: per epoch the training
seconds, examples/s and test accuracy.

Usage: /usr/bin/python3 pytorch_mnist_mlp.py MNIST_DIR EPOCHS THREADS SEED (run by bench/training.py)
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


def network():
    # DL4J's layer dropout drops the layer's inputs, so the pixels too.
    model = nn.Sequential(nn.Dropout(0.2), nn.Linear(784, 256), nn.ReLU(),
                          nn.Dropout(0.2), nn.Linear(256, 256), nn.ReLU(),
                          nn.Dropout(0.2), nn.Linear(256, 10))
    for layer in model:
        if isinstance(layer, nn.Linear):
            nn.init.kaiming_normal_(layer.weight, nonlinearity="relu")
            nn.init.zeros_(layer.bias)
    return model


def main():
    data, epochs, threads, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    torch.set_num_threads(threads)
    torch.manual_seed(seed)
    train_x, train_y = read_images(f"{data}/train-images-idx3-ubyte"), read_labels(f"{data}/train-labels-idx1-ubyte")
    test_x, test_y = read_images(f"{data}/t10k-images-idx3-ubyte"), read_labels(f"{data}/t10k-labels-idx1-ubyte")
    model = network()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = nn.CrossEntropyLoss()
    history = []
    for epoch in range(1, epochs + 1):
        model.train()
        start = time.perf_counter()
        order = torch.randperm(len(train_x))
        for i in range(0, len(train_x), 128):
            batch = order[i:i + 128]
            optimizer.zero_grad()
            loss_fn(model(train_x[batch]), train_y[batch]).backward()
            optimizer.step()
        fit_seconds = time.perf_counter() - start
        model.eval()
        with torch.no_grad():
            accuracy = (model(test_x).argmax(dim=1) == test_y).float().mean().item()
        history.append({"epoch": epoch, "fit_seconds": fit_seconds,
                        "examples_per_s": len(train_x) / fit_seconds, "accuracy": accuracy})
        print(f"pytorch threads {threads} epoch {epoch}/{epochs} accuracy {accuracy:.4f} "
              f"{len(train_x) / fit_seconds:,.0f} examples/s", file=sys.stderr)
    print(json.dumps({"threads": threads, "torch": torch.__version__, "history": history}))


if __name__ == "__main__":
    main()
