"""The text-classifier benchmark: the embedding + LSTM network of conf/spam-lstm.conf trained on the
SpamAssassin e-mails by sparktrain (`local`, and `allreduce` on local[2]) and by PyTorch on the CPU
with 1 and 2 threads (bench/pytorch_spam.py, the same network and preparation rules), each
repetition with its own seed. sparktrain runs the config as shipped (validation hold-out, early
stopping with restore-best), so its final accuracies are what users get, seed by seed.
Writes bench/results/DATE-training-lstm.md and the lstm_ keys of bench/results/latest.json.

Usage: /usr/bin/python3 bench/lstm.py DATE MACHINE LOAD REPETITIONS EPOCHS   (run by scripts/bench training-lstm)

What is timed, as in bench/training.py: the seconds spent fitting, summed over epochs; examples/s of
one run is the median over its epochs after the first.
"""
import json
import os
import sys

from training import (SEED, log, pytorch_ratios, pytorch_reference, repo, run_history, summary, train_bundle,
                      trainer_rows, work, write_latest)

TARGET = 0.95
CONF = "conf/spam-lstm.conf"
spam = os.path.join(repo, "data", "spam")
NAMES = {"local": "sparktrain `local` (one JVM, both cores to ND4J)", "allreduce": "sparktrain `allreduce` on local[2]",
         "pytorch-1": "PyTorch CPU, 1 thread", "pytorch-2": "PyTorch CPU, 2 threads"}


def sparktrain(strategy, epochs, seed):
    """One run through the CLI; returns (examples/s, fit seconds, test accuracy) per epoch and the bundle's accuracy."""
    log(f"sparktrain lstm {strategy} on local[2], at most {epochs} epochs, seed {seed}")
    manifest = train_bundle(CONF, "local[2]", [f"train.strategy={strategy}", f"train.epochs={epochs}",
                                               f"job.seed={seed}"], f"train-lstm-{strategy}-{seed}")
    return run_history(manifest), manifest["metrics"]["test"]["accuracy"]


def pytorch(threads, epochs, seed):
    log(f"pytorch lstm, {threads} thread(s), {epochs} epochs, seed {seed}")
    return pytorch_reference(["pytorch_spam.py", spam, str(epochs), str(threads), str(seed)])


def main():
    date, machine, load = sys.argv[1], sys.argv[2], sys.argv[3]
    repetitions, epochs = int(sys.argv[4]), int(sys.argv[5])
    os.makedirs(work, exist_ok=True)
    runs = {name: [] for name in NAMES}
    final = {"local": [], "allreduce": []}
    for repetition in range(repetitions):
        seed = SEED + repetition
        for strategy in final:
            run, accuracy = sparktrain(strategy, epochs, seed)
            runs[strategy].append(run)
            final[strategy].append(accuracy)
        for threads in (1, 2):
            runs[f"pytorch-{threads}"].append(pytorch(threads, epochs, seed))
    trainers = {name: summary(r, TARGET) for name, r in runs.items()}
    results = {
        **pytorch_ratios(trainers, tuple(final), "lstm_", TARGET),
        "lstm_final_accuracy_min": {
            "value": round(min(final["allreduce"]), 4),
            "raw": {"seeds": [SEED + r for r in range(repetitions)], "allreduce": final["allreduce"],
                    "local": final["local"]}},
    }
    write_latest(date, machine, load, repetitions, results)
    write_report(date, machine, load, repetitions, epochs, trainers, final, results)
    print(json.dumps({k: v["value"] for k, v in results.items()}))


def write_report(date, machine, load, repetitions, epochs, trainers, final, results):
    rows = trainer_rows(trainers, NAMES)
    seeds = "\n".join(f"| {SEED + r} | {final['local'][r]:.4f} | {final['allreduce'][r]:.4f} |" for r in range(repetitions))
    keys = "\n".join(f"| `{k}` | {'n/a' if v['value'] is None else v['value']} |" for k, v in results.items())
    with open(os.path.join(repo, "bench", "results", f"{date}-training-lstm.md"), "w") as md:
        md.write(f"""# Training, spam e-mail LSTM, {date}

Machine: {machine}. Load average before the run: {load}.
conf/spam-lstm.conf: embedding 10002x64, LSTM 64 (last real step), softmax 2; Adam 2e-3 decayed x0.8
per epoch, gradients clipped to an L2 norm of 1, batch 32 (per worker: allreduce steps on 64), e-mails
cut to their first 100 words; at most {epochs} epochs. sparktrain holds 10% of the training e-mails out
for validation and stops early with restore-best, as the config ships; PyTorch (bench/pytorch_spam.py)
trains every epoch on all of them.
Median of {repetitions} repetition(s), seeds {SEED} to {SEED + repetitions - 1}. Seconds are fitting only;
examples/s is the median over the epochs after the first.

| trainer | examples/s | seconds to {TARGET} test accuracy | best test accuracy |
| --- | ---: | ---: | ---: |
{rows}

The bundle's test accuracy, seed by seed (the network early stopping kept):

| seed | `local` | `allreduce` |
| ---: | ---: | ---: |
{seeds}

| ratio | value |
| --- | ---: |
{keys}

`lstm_train_ratio_vs_pytorch` = the faster sparktrain strategy / the faster PyTorch thread setting
(examples/s); `lstm_time_to_acc_ratio_vs_pytorch` = sparktrain's quickest seconds to {TARGET} / PyTorch's;
`lstm_final_accuracy_min` = the lowest bundle accuracy of `allreduce` over the seeds.
""")


if __name__ == "__main__":
    main()
