"""Where a training minibatch's time goes, for the MNIST MLP and CNN of conf/: io.sparktrain.bench.MinibatchProfile
(forward in training mode, backward, updater) on ND4J's generic build with DL4J's helpers off (what
sparktrain ran before it chose builds) and on the build it chooses for this CPU, with 1 and 2 native
threads; PyTorch's whole minibatch on the same network (bench/pytorch_mnist.py, one epoch) for scale.

Usage: /usr/bin/python3 bench/profile.py DATE MACHINE LOAD JAVA_CMD   (run by scripts/bench profile)
Writes bench/results/DATE-profile.md and the ratio keys in bench/results/latest.json.
"""
import json
import os
import shlex
import statistics
import subprocess
import sys
import time

import torch

from training import CONFS, SEED, log, mnist, pytorch, repo, write_latest

BUILDS = {
    "generic, no helpers": ["-Dorg.bytedeco.javacpp.platform.extension=", "-Dorg.eclipse.deeplearning4j.helpers.disable=true"],
    "chosen by sparktrain": [],
}
THREADS = (1, 2)


def profile(java_cmd, model, build_options, threads):
    command = shlex.split(java_cmd)
    # The options go before the class name: the JVM's, not the program's.
    at = command.index("-cp")
    command[at:at] = build_options
    command += ["io.sparktrain.bench.MinibatchProfile", CONFS[model], mnist, str(threads)]
    result = subprocess.run(command, capture_output=True, text=True, cwd=repo,
                            env=dict(os.environ, OMP_WAIT_POLICY="PASSIVE"))
    if result.returncode != 0:
        raise SystemExit(f"bench: MinibatchProfile {model} failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def pytorch_minibatch_ms(model, threads):
    """PyTorch's milliseconds per minibatch over one epoch (bench/training.py's PyTorch run)."""
    examples_per_s = pytorch(model, threads, 1, SEED, mnist)[0][0]
    batch = 128 if model == "mlp" else 64
    return batch * 1000 / examples_per_s


def pytorch_gemm_ms(shapes, threads):
    """PyTorch's milliseconds for one round of the products [m x k] . [k x n] MinibatchProfile timed, into
    preallocated outputs: the median of 5 rounds of 60, after 2."""
    torch.set_num_threads(threads)
    operands = [(torch.rand(m, k), torch.rand(k, n), torch.empty(m, n)) for m, k, n in shapes]
    rounds = []
    for round_ in range(7):
        start = time.perf_counter()
        for _ in range(60):
            for a, b, c in operands:
                torch.mm(a, b, out=c)
        if round_ >= 2:
            rounds.append((time.perf_counter() - start) * 1000 / 60)
    return statistics.median(rounds)


def main():
    date, machine, load, java_cmd = sys.argv[1:5]
    rows = []
    pytorch = {}
    for model in CONFS:
        for threads in THREADS:
            log(f"PyTorch {model}, {threads} thread(s), one epoch")
            pytorch[(model, threads)] = pytorch_minibatch_ms(model, threads)
            for build, options in BUILDS.items():
                log(f"MinibatchProfile {model}, {build}, {threads} thread(s)")
                rows.append((model, build, threads, profile(java_cmd, model, options, threads)))

    def chosen(model, threads):
        return next(r for m, b, t, r in rows if m == model and t == threads and b == "chosen by sparktrain")

    results = {}
    for model in CONFS:
        best_sparktrain = min(chosen(model, t)["fit_ms"] for t in THREADS)
        best_pytorch = min(pytorch[(model, t)] for t in THREADS)
        results[f"{model}_minibatch_ratio_vs_pytorch"] = {
            "value": round(best_sparktrain / best_pytorch, 3),
            "raw": {"sparktrain_ms": round(best_sparktrain, 3), "pytorch_ms": round(best_pytorch, 3)}}
    table = "\n".join(
        f"| {model} | {build} | {threads} | {r['build']}{' + oneDNN' if r['onednn'] else ''}"
        f"{', helpers' if r['helpers'] else ''} | {r['forward_ms']:.2f} | {r['backward_ms']:.2f} | {r['update_ms']:.2f}"
        f" | {r['fit_ms']:.2f} | {pytorch[(model, threads)]:.2f} | {r['fit_ms'] / pytorch[(model, threads)]:.2f} |"
        for model, build, threads, r in rows)
    gemm_rows = []
    for model, build, threads, r in rows:
        if model == "mlp" and build == "chosen by sparktrain":
            torch_gemm = pytorch_gemm_ms(r["dense_gemm_shapes"], threads)
            torch_ms = pytorch[(model, threads)]
            gemm_rows.append(
                f"| {threads} | {r['fit_ms']:.2f} | {r['dense_gemm_ms']:.2f} | {r['fit_ms'] - r['dense_gemm_ms']:.2f}"
                f" | {r['ops_per_fit']:.0f} | {r['dispatch_us']:.1f} | {r['ops_per_fit'] * r['dispatch_us'] / 1000:.2f}"
                f" | {torch_ms:.2f} | {torch_gemm:.2f} | {torch_ms - torch_gemm:.2f}"
                f" | {r['dense_gemm_ms'] / torch_gemm:.2f} | {(r['fit_ms'] - r['dense_gemm_ms']) / (torch_ms - torch_gemm):.2f} |")
            results[f"mlp_gemm_ratio_vs_pytorch_{threads}_threads"] = {
                "value": round(r["dense_gemm_ms"] / torch_gemm, 3),
                "raw": {"sparktrain_gemm_ms": round(r["dense_gemm_ms"], 3), "pytorch_gemm_ms": round(torch_gemm, 3),
                        "shapes": r["dense_gemm_shapes"], "ops_per_fit": r["ops_per_fit"],
                        "dispatch_us": r["dispatch_us"]}}
    gemm_table = "\n".join(gemm_rows)
    op_profile = next(r["op_profile"] for m, b, t, r in rows
                      if m == "mlp" and b == "chosen by sparktrain" and t == 1).strip()
    mlp_shapes = next(r["dense_gemm_shapes"] for m, b, t, r in rows if m == "mlp")
    keys = "\n".join(f"| `{k}` | {v['value']} |" for k, v in results.items())
    with open(os.path.join(repo, "bench", "results", f"{date}-profile.md"), "w") as md:
        md.write(f"""# A training minibatch, MNIST MLP and CNN, {date}

Machine: {machine}. Load average before the run: {load}.
io.sparktrain.bench.MinibatchProfile fits the network of the conf on 60 real MNIST minibatches of the
conf's batch size (MLP 128, CNN 64), after two warm-up passes; each figure is the median of 5 passes of
the mean per minibatch. Forward is `feedForward` in training mode (dropout included); backward is
`computeGradientAndScore` minus forward; updater is `fit` minus `computeGradientAndScore` (Adam, and
DL4J's bookkeeping of the step). PyTorch: bench/pytorch_mnist.py, one epoch, its examples/s as
milliseconds per minibatch of the same size (data indexing included).

| network | build | native threads | loaded | forward ms | backward ms | updater ms | minibatch ms | PyTorch ms | x PyTorch |
| --- | --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |
{table}

| ratio | value |
| --- | ---: |
{keys}

`*_minibatch_ratio_vs_pytorch` = sparktrain's fastest minibatch (chosen build, either thread count) /
PyTorch's fastest.

## The MLP's step: its matrix products and the rest

The dense layers' products of one step (per layer: forward, weight gradient, gradient to the layer
below; [m, k, n] for [m x k] . [k x n]: {mlp_shapes}) timed alone at the same shapes, into
preallocated outputs: ND4J's `Nd4j.gemm` on the chosen build in MinibatchProfile's JVM, `torch.mm` here.
"The rest" is the whole step minus its products: activations, loss, dropout, Adam, and each library's
bookkeeping. ND4J ops per fit: the operations (each a call into libnd4j) one `fit` runs, counted by
ND4J's OpProfiler. Dispatch: one op (`addi`) on 1-element arrays, what every op pays whatever its size;
ops x dispatch is the part of the rest that no arithmetic explains.

| native threads | sparktrain step ms | its GEMMs ms | the rest ms | ND4J ops per fit | dispatch us per op | ops x dispatch ms | PyTorch step ms | its GEMMs ms | the rest ms | GEMMs x PyTorch | rest x PyTorch |
| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
{gemm_table}

ND4J's OpProfiler on the same MLP, chosen build, one thread, one pass (its timing adds a little to each
op): the native time per op class, then the op names of the calls that took over 100 us, with their
counts. matmul, adam_updater and relu_bp are custom ops; dropout_inverted is a random op.

```
{op_profile}
```
""")
    write_latest(date, machine, load, 5, results)
    print(json.dumps({k: v["value"] for k, v in results.items()}))


if __name__ == "__main__":
    main()
