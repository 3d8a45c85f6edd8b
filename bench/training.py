"""The training benchmark: the MNIST MLP of conf/mnist-mlp.conf trained by sparktrain (local, averaging
and sharing on local[2]), by PyTorch on the CPU and by Spark MLlib's MultilayerPerceptronClassifier, in
one run on this machine. Writes bench/results/DATE-training.md, DATE-training.png and the training keys
of bench/results/latest.json.

Usage: /usr/bin/python3 bench/training.py DATE MACHINE LOAD REPETITIONS EPOCHS MLLIB_ITERATIONS JAVA_CMD
(run by scripts/bench; JAVA_CMD is the java command line, classpath included, for the MLlib program).

What is timed: the seconds spent fitting, summed over epochs (sparktrain's fitSeconds, PyTorch's
training loop, MLlib's fit); not JVM start, data loading or the test evaluation after each epoch.
Examples/s of one run is the median over its epochs after the first (the first pays for JIT warm-up
and, in averaging, for exporting the minibatches that later epochs reuse).
"""
import json
import os
import shlex
import statistics
import subprocess
import sys

TARGET = 0.98
repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
work = os.path.join(repo, "work", "bench")
mnist = os.path.join(repo, "data", "mnist")


def log(message):
    print(f"bench: {message}", file=sys.stderr, flush=True)


def sparktrain(strategy, master, epochs, repetition):
    """One training run through the CLI; returns (examples/s per epoch, fit seconds per epoch, accuracy per epoch)."""
    bundle = os.path.join(work, f"train-{strategy}-{repetition}")
    log(f"sparktrain {strategy} on {master}, {epochs} epochs (repetition {repetition})")
    command = [os.path.join(repo, "scripts", "sparktrain"), "train", "conf/mnist-mlp.conf", "--master", master,
               "--set", f"train.strategy={strategy}", "--set", f"train.epochs={epochs}",
               "--output", bundle, "--overwrite", "--skip-checks"]
    with open(bundle + ".log", "w") as out:
        if subprocess.run(command, cwd=repo, stdout=out, stderr=subprocess.STDOUT).returncode != 0:
            raise SystemExit(f"bench: sparktrain {strategy} failed; its output is in {bundle}.log")
    history = json.load(open(os.path.join(bundle, "bundle.json")))["history"]
    return ([h["examplesPerSecond"] for h in history], [h["fitSeconds"] for h in history],
            [h["test"]["accuracy"] for h in history])


def pytorch(threads, epochs, seed):
    log(f"pytorch, {threads} thread(s), {epochs} epochs")
    result = subprocess.run(["/usr/bin/python3", os.path.join(repo, "bench", "pytorch_mnist_mlp.py"), mnist,
                             str(epochs), str(threads), str(seed)], capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"bench: the PyTorch reference failed:\n{result.stderr}")
    history = json.loads(result.stdout.strip().splitlines()[-1])["history"]
    return ([h["examples_per_s"] for h in history], [h["fit_seconds"] for h in history],
            [h["accuracy"] for h in history])


def mllib(java_cmd, iterations, seed):
    log(f"Spark MLlib MultilayerPerceptronClassifier on local[2], {iterations} iteration budgets")
    result = subprocess.run(shlex.split(java_cmd) + ["io.sparktrain.bench.MllibMlpBenchmark", mnist, "2", str(seed)]
                            + [str(i) for i in iterations], capture_output=True, text=True, cwd=repo)
    if result.returncode != 0:
        raise SystemExit(f"bench: the MLlib benchmark failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])["fits"]


def summary(runs):
    """Medians over repetitions of one trainer's runs, each (examples/s, fit seconds, accuracies) per epoch."""
    speeds = [statistics.median(r[0][1:] or r[0]) for r in runs]
    return {"examples_per_s": statistics.median(speeds), "examples_per_s_runs": speeds,
            "time_to_98_s": median_or_none([seconds_to(r, TARGET) for r in runs]),
            "best_accuracy": statistics.median([max(r[2]) for r in runs]),
            "accuracy_per_epoch": [statistics.median(a) for a in zip(*[r[2] for r in runs])]}


def seconds_to(run, accuracy):
    """Fit seconds until the first epoch whose test accuracy reaches `accuracy`; None if none does."""
    total = 0.0
    for seconds, reached in zip(run[1], run[2]):
        total += seconds
        if reached >= accuracy:
            return total
    return None


def median_or_none(values):
    """The median only when every repetition got there: a trainer that misses sometimes is not given a time."""
    return None if any(v is None for v in values) else statistics.median(values)


def ratio(a, b):
    return None if a is None or b is None else round(a / b, 3)


def main():
    date, machine, load = sys.argv[1], sys.argv[2], sys.argv[3]
    repetitions, epochs = int(sys.argv[4]), int(sys.argv[5])
    iterations = [int(i) for i in sys.argv[6].split(",")]
    java_cmd = sys.argv[7]
    os.makedirs(work, exist_ok=True)
    seed = 42
    runs = {"local": [], "averaging": [], "sharing": [], "pytorch-1": [], "pytorch-2": []}
    mllib_fits = []
    for repetition in range(1, repetitions + 1):
        runs["local"].append(sparktrain("local", "local[2]", epochs, repetition))
        runs["averaging"].append(sparktrain("averaging", "local[2]", epochs, repetition))
        runs["sharing"].append(sparktrain("sharing", "local[2]", epochs, repetition))
        runs["pytorch-1"].append(pytorch(1, epochs, seed + repetition))
        runs["pytorch-2"].append(pytorch(2, epochs, seed + repetition))
        mllib_fits.append(mllib(java_cmd, iterations, seed + repetition))
    trainers = {name: summary(r) for name, r in runs.items()}
    pytorch_best = max(("pytorch-1", "pytorch-2"), key=lambda n: trainers[n]["examples_per_s"])
    trainers["pytorch"] = trainers[pytorch_best]
    by_budget = {}
    for fits in mllib_fits:
        for fit in fits:
            by_budget.setdefault(fit["iterations"], []).append(fit)
    mllib_budgets = [{"iterations": n, "fit_seconds": statistics.median(f["fit_seconds"] for f in fits),
                      "accuracy": statistics.median(f["accuracy"] for f in fits),
                      "examples_per_s": statistics.median(f["examples_per_s"] for f in fits)}
                     for n, fits in sorted(by_budget.items())]
    mllib_best = max(mllib_budgets, key=lambda b: (b["accuracy"], -b["fit_seconds"]))

    single = trainers["local"]["examples_per_s"]
    sparktrain_names = ("local", "averaging", "sharing")
    fastest = max(sparktrain_names, key=lambda n: trainers[n]["examples_per_s"])
    timed = [n for n in sparktrain_names if trainers[n]["time_to_98_s"] is not None]
    quickest = min(timed, key=lambda n: trainers[n]["time_to_98_s"]) if timed else None
    to_mllib_accuracy = {n: median_or_none([seconds_to(r, mllib_best["accuracy"]) for r in runs[n]])
                         for n in sparktrain_names}
    mllib_timed = [n for n in sparktrain_names if to_mllib_accuracy[n] is not None]
    quickest_to_mllib = min(mllib_timed, key=to_mllib_accuracy.get) if mllib_timed else None

    results = {
        "train_ratio_local2_vs_single": {
            "value": ratio(trainers["averaging"]["examples_per_s"], single),
            "raw": {"averaging_local2_examples_per_s": trainers["averaging"]["examples_per_s"],
                    "sharing_local2_examples_per_s": trainers["sharing"]["examples_per_s"],
                    "sharing_ratio_vs_single": ratio(trainers["sharing"]["examples_per_s"], single),
                    "single_jvm_examples_per_s": single}},
        "train_ratio_vs_pytorch": {
            "value": ratio(trainers[fastest]["examples_per_s"], trainers["pytorch"]["examples_per_s"]),
            "raw": {"sparktrain_best": fastest, "sparktrain_examples_per_s": trainers[fastest]["examples_per_s"],
                    "pytorch_threads": int(pytorch_best[-1]),
                    "pytorch_examples_per_s": trainers["pytorch"]["examples_per_s"]}},
        "time_to_acc_ratio_vs_pytorch": {
            "value": ratio(trainers[quickest]["time_to_98_s"] if quickest else None,
                           trainers["pytorch"]["time_to_98_s"]),
            "raw": {"target_accuracy": TARGET, "sparktrain_best": quickest,
                    "sparktrain_seconds": trainers[quickest]["time_to_98_s"] if quickest else None,
                    "pytorch_seconds": trainers["pytorch"]["time_to_98_s"]}},
        "time_to_acc_ratio_vs_mllib": {
            "value": ratio(to_mllib_accuracy[quickest_to_mllib] if quickest_to_mllib else None,
                           mllib_best["fit_seconds"]),
            "raw": {"mllib_best_accuracy": mllib_best["accuracy"], "mllib_seconds": mllib_best["fit_seconds"],
                    "mllib_iterations": mllib_best["iterations"], "sparktrain_best": quickest_to_mllib,
                    "sparktrain_seconds": to_mllib_accuracy[quickest_to_mllib] if quickest_to_mllib else None}},
    }
    write_latest(date, machine, load, repetitions, results)
    write_report(date, machine, load, repetitions, epochs, trainers, mllib_budgets, results)
    write_plot(date, trainers, mllib_budgets)
    print(json.dumps({k: v["value"] for k, v in results.items()}))


def write_latest(date, machine, load, repetitions, results):
    path = os.path.join(repo, "bench", "results", "latest.json")
    latest = json.load(open(path)) if os.path.exists(path) else {}
    latest["machine"] = machine
    for key, result in results.items():
        latest[key] = {"value": result["value"], "date": date, "load_average_before": load,
                       "repetitions": repetitions, "raw": result["raw"]}
    json.dump(latest, open(path, "w"), indent=2)


def number(value, digits=0):
    return "not reached" if value is None else f"{value:,.{digits}f}"


def write_report(date, machine, load, repetitions, epochs, trainers, mllib_budgets, results):
    names = {"local": "sparktrain `local` (one JVM, both cores to ND4J)",
             "averaging": "sparktrain `averaging` on local[2]", "sharing": "sparktrain `sharing` on local[2]",
             "pytorch-1": "PyTorch CPU, 1 thread", "pytorch-2": "PyTorch CPU, 2 threads"}
    rows = "\n".join(f"| {label} | {number(trainers[n]['examples_per_s'])} | {number(trainers[n]['time_to_98_s'], 1)}"
                     f" | {trainers[n]['best_accuracy']:.4f} |" for n, label in names.items())
    budgets = "\n".join(f"| {b['iterations']} | {b['fit_seconds']:,.1f} | {b['accuracy']:.4f} |"
                        f" {b['examples_per_s']:,.0f} |" for b in mllib_budgets)
    keys = "\n".join(f"| `{k}` | {'n/a' if v['value'] is None else v['value']} |" for k, v in results.items())
    with open(os.path.join(repo, "bench", "results", f"{date}-training.md"), "w") as md:
        md.write(f"""# Training, MNIST MLP 784-256-256-10, {date}

Machine: {machine}. Load average before the run: {load}.
conf/mnist-mlp.conf (ReLU, dropout 0.2, Adam 1e-3, batch 128) for {epochs} epochs; PyTorch the same network
(bench/pytorch_mnist_mlp.py); MLlib `MultilayerPerceptronClassifier` with the same layer sizes (L-BFGS,
full batch). Median of {repetitions} repetition(s). Seconds are fitting only (no JVM start, loading or
evaluation); examples/s is the median over the epochs after the first.

| trainer | examples/s | seconds to {TARGET} test accuracy | best test accuracy |
| --- | ---: | ---: | ---: |
{rows}

MLlib, one fit per iteration budget (examples/s counts one pass over the 60,000 images per L-BFGS
iteration; line searches can make more):

| iterations | seconds | test accuracy | examples/s |
| ---: | ---: | ---: | ---: |
{budgets}

| ratio | value |
| --- | ---: |
{keys}

Ratios: `train_ratio_local2_vs_single` = averaging on local[2] / `local` examples/s;
`train_ratio_vs_pytorch` = the fastest sparktrain strategy / the faster PyTorch thread setting;
`time_to_acc_ratio_vs_pytorch` = sparktrain's quickest seconds to {TARGET} / PyTorch's (below 1: sparktrain
is quicker); `time_to_acc_ratio_vs_mllib` = sparktrain's quickest seconds to MLlib's best accuracy /
MLlib's seconds for it (below 0.1: the issue's 10x goal).

![test accuracy against training seconds]({date}-training.png)
""")


def write_plot(date, trainers, mllib_budgets):
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        log("no matplotlib for /usr/bin/python3 (apt-get install python3-matplotlib): no plot written")
        return
    figure, axes = plt.subplots(figsize=(8, 5))
    for name in ("local", "averaging", "sharing", "pytorch-1", "pytorch-2"):
        accuracy = trainers[name]["accuracy_per_epoch"]
        seconds_per_epoch = 60000 / trainers[name]["examples_per_s"]
        axes.plot([seconds_per_epoch * (e + 1) for e in range(len(accuracy))], accuracy, marker="o", label=name)
    axes.plot([b["fit_seconds"] for b in mllib_budgets], [b["accuracy"] for b in mllib_budgets], marker="s",
              label="mllib (one fit per budget)")
    axes.axhline(TARGET, color="grey", linestyle="--", linewidth=1)
    axes.set_xlabel("training seconds (epochs x median epoch time)")
    axes.set_ylabel("test accuracy")
    axes.set_ylim(0.9, 1.0)
    axes.set_title(f"MNIST MLP on this machine, {date}")
    axes.legend()
    figure.tight_layout()
    figure.savefig(os.path.join(repo, "bench", "results", f"{date}-training.png"), dpi=100)


if __name__ == "__main__":
    main()
