"""MNIST's training images and labels repeated N times, as IDX files of their own: a data set large
enough that Spark's per-job overhead does not hide the work (scoring on 1 M rows), built from the
real files rather than generated numbers. Rewrites nothing that is already complete.

Usage: /usr/bin/python3 repeat_mnist.py MNIST_DIR TIMES OUT_DIR   (run by scripts/bench)
"""
import os
import sys

FILES = (("train-images-idx3-ubyte", 16), ("train-labels-idx1-ubyte", 8))


def repeat(source_dir, times, out_dir):
    os.makedirs(out_dir, exist_ok=True)
    for name, header_size in FILES:
        with open(os.path.join(source_dir, name), "rb") as source:
            header = bytearray(source.read(header_size))
            body = source.read()
        count = int.from_bytes(header[4:8], "big") * times
        header[4:8] = count.to_bytes(4, "big")
        target = os.path.join(out_dir, name)
        if os.path.exists(target) and os.path.getsize(target) == header_size + len(body) * times:
            continue
        # Written under a temporary name and renamed: an interrupted run leaves no short file behind.
        with open(target + ".part", "wb") as out:
            out.write(header)
            for _ in range(times):
                out.write(body)
        os.replace(target + ".part", target)
    return count


if __name__ == "__main__":
    rows = repeat(sys.argv[1], int(sys.argv[2]), sys.argv[3])
    print(f"bench: {rows:,} MNIST examples in {sys.argv[3]}", file=sys.stderr)
