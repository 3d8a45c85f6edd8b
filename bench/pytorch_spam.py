"""The PyTorch CPU reference for the text-classifier benchmark: the network of conf/spam-lstm.conf
on the same SpamAssassin e-mails, prepared by the same rules as sparktrain's text sequencer.

Preparation: each e-mail's body (what follows the first empty line), lowercased, split into runs of
letters and digits; the 10,000 most frequent words seen at least twice in the training e-mails get
indices from 2 (0 pads, 1 is any other word); the first 100 words of each e-mail, padded. 20% of the
e-mails are held out as test data (a seeded random split, as sparktrain's, though not the same one).
Network: embedding 10002x64 - LSTM 64 (its output at the last real word) - dense 2, softmax
cross-entropy, Adam 2e-3 decayed x0.8 per epoch, gradients clipped to an L2 norm of 1, batch 32.
Prints one JSON line: per epoch the training seconds, examples/s and test accuracy.

Usage: /usr/bin/python3 pytorch_spam.py SPAM_DIR EPOCHS THREADS SEED (run by bench/lstm.py; SPAM_DIR
holds the class folders ham/ and spam/)
"""
import collections
import json
import os
import random
import re
import sys

import torch
from torch import nn

from pytorch_mnist import fit_epochs

VOCAB, LENGTH, TEST_FRACTION, BATCH = 10000, 100, 0.2, 32
TOKEN = re.compile(r"[^\W_]+")


def body(message):
    """What follows the first empty line, as RFC 822 defines a message's body; empty without one."""
    parts = re.split(r"\r?\n\r?\n", message, maxsplit=1)
    return parts[1] if len(parts) == 2 else ""


def documents(folder):
    """(tokens, label) per e-mail: label 0 for ham, 1 for spam."""
    docs = []
    for label, name in enumerate(("ham", "spam")):
        directory = os.path.join(folder, name)
        for file in sorted(os.listdir(directory)):
            with open(os.path.join(directory, file), "rb") as f:
                text = f.read().decode("utf-8", errors="replace")
            docs.append((TOKEN.findall(body(text).lower()), label))
    return docs


def encode(docs, vocabulary):
    """Index tensor [n, LENGTH], lengths [n] (at least 1, as sparktrain shows an empty text one padding step)."""
    ids = torch.zeros(len(docs), LENGTH, dtype=torch.long)
    lengths = torch.ones(len(docs), dtype=torch.long)
    for i, (tokens, _) in enumerate(docs):
        kept = [vocabulary.get(t, 1) for t in tokens[:LENGTH]]
        if kept:
            ids[i, :len(kept)] = torch.tensor(kept)
            lengths[i] = len(kept)
    return ids, lengths, torch.tensor([label for _, label in docs])


class Classifier(nn.Module):
    def __init__(self):
        super().__init__()
        self.embedding = nn.Embedding(VOCAB + 2, 64)
        self.lstm = nn.LSTM(64, 64, batch_first=True)
        self.output = nn.Linear(64, 2)

    def forward(self, ids, lengths):
        packed = nn.utils.rnn.pack_padded_sequence(self.embedding(ids), lengths, batch_first=True,
                                                   enforce_sorted=False)
        _, (last, _) = self.lstm(packed)
        return self.output(last[-1])


def main():
    folder, epochs, threads, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    torch.set_num_threads(threads)
    torch.manual_seed(seed)
    docs = documents(folder)
    random.Random(seed).shuffle(docs)
    test_count = int(len(docs) * TEST_FRACTION)
    test_docs, train_docs = docs[:test_count], docs[test_count:]
    counts = collections.Counter(t for tokens, _ in train_docs for t in tokens)
    frequent = [w for w, c in sorted(counts.items(), key=lambda wc: (-wc[1], wc[0])) if c >= 2][:VOCAB]
    vocabulary = {w: i + 2 for i, w in enumerate(frequent)}
    train_x, train_len, train_y = encode(train_docs, vocabulary)
    test_x, test_len, test_y = encode(test_docs, vocabulary)

    model = Classifier()
    optimizer = torch.optim.Adam(model.parameters(), lr=2e-3)
    schedule = torch.optim.lr_scheduler.ExponentialLR(optimizer, gamma=0.8)
    loss_fn = nn.CrossEntropyLoss()
    history = fit_epochs(f"lstm threads {threads}", model, optimizer, schedule, epochs, len(train_x), BATCH,
                         lambda batch: loss_fn(model(train_x[batch], train_len[batch]), train_y[batch]),
                         lambda: (model(test_x, test_len).argmax(dim=1) == test_y).float().mean().item(),
                         clip_norm=1.0)
    print(json.dumps({"model": "lstm", "threads": threads, "torch": torch.__version__,
                      "train_examples": len(train_x), "test_examples": len(test_x), "history": history}))


if __name__ == "__main__":
    main()
