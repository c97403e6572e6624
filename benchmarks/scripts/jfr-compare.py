#!/usr/bin/env python3
"""Compares two `jfr print --events jdk.ExecutionSample` outputs of the same server: the share of
the request threads' samples (stacks through org.apache) each method has at the top of the stack,
largest increases first, and the agent's own frames anywhere in the stack.

usage: jfr-compare.py <baseline.samples> <with-agent.samples> [rows]
"""
import collections
import re
import sys

FRAME = re.compile(r"^\s+([\w$.<>/]+)\(", re.M)


def request_thread_stacks(path):
    with open(path) as samples:
        for event in samples.read().split("jdk.ExecutionSample")[1:]:
            frames = FRAME.findall(event)
            if frames and any("org.apache" in frame for frame in frames):
                yield frames


def shares(path):
    total, top, anywhere = 0, collections.Counter(), collections.Counter()
    for frames in request_thread_stacks(path):
        total += 1
        top[frames[0]] += 1
        anywhere.update(set(frames))
    return total, top, anywhere


def main():
    baseline_path, agent_path = sys.argv[1], sys.argv[2]
    rows = int(sys.argv[3]) if len(sys.argv) > 3 else 25
    base_total, base_top, _ = shares(baseline_path)
    agent_total, agent_top, agent_anywhere = shares(agent_path)
    print(f"request-thread samples: baseline {base_total}, with the agent {agent_total}")
    print("self time, share of samples: with the agent - baseline (baseline, with the agent)")
    methods = set(base_top) | set(agent_top)
    change = {m: agent_top[m] / agent_total - base_top[m] / base_total for m in methods}
    for method in sorted(methods, key=lambda m: -change[m])[:rows]:
        print(f"  {100 * change[method]:+6.2f} %  ({100 * base_top[method] / base_total:5.2f} %,"
              f" {100 * agent_top[method] / agent_total:5.2f} %)  {method}")
    print("the agent's frames, anywhere in the stack:")
    for method, count in agent_anywhere.most_common():
        if method.startswith("dev.metricsagent.") and ".benchmarks." not in method:
            print(f"  {100 * count / agent_total:6.2f} %  {method}")


if __name__ == "__main__":
    main()
