#!/usr/bin/env python3
"""Median wall time of a command over N runs: timeit.py N -- CMD ARGS...  Prints seconds."""
import statistics
import subprocess
import sys
import time

def main() -> None:
    runs = int(sys.argv[1])
    command = sys.argv[sys.argv.index("--") + 1:]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - start)
    print(f"{statistics.median(times):.6f}")

if __name__ == "__main__":
    main()
