#!/usr/bin/env python3
"""Markdown tables from the benchmark scripts' raw results (benchmarks/target/*).

usage: report.py startup|http-load|scrape <results.tsv>
       report.py jmh <jmh.json>
       report.py all <benchmarks/target>     the budget table and every section found

Differences and ratios against no agent are taken round by round (the configurations run
interleaved, so a round shares the machine's state) and their median is reported, which keeps
a slow spell on a shared machine from landing on one configuration only.
"""
import csv
import json
import os
import statistics
import sys

CONFIGS = ["none", "metrics-agent", "otel"]
# http-load.sh runs no agent a second time in each round: what two runs of one configuration
# differ by on this machine. Results written before it existed lack it.
HTTP_CONFIGS = CONFIGS + ["none-again"]
STARTUP_CONFIGS = ["none", "metrics-agent", "metrics-agent-prepared", "metrics-agent-cached", "otel"]
NAMES = {"none": "no agent", "metrics-agent": "metrics-agent", "otel": "OpenTelemetry agent 2.22.0 (metrics only)",
         "none-again": "no agent again (the control)"}
STARTUP_NAMES = dict(NAMES, **{"metrics-agent": "metrics-agent, first start (empty class cache)",
                               "metrics-agent-prepared": "metrics-agent, first start of a prepared image (prepare-cache)",
                               "metrics-agent-cached": "metrics-agent, later starts (class cache filled)"})
MIB = 1024 * 1024

ROUND_NOTE = ("\n\n\"added\" and \"x no agent\": medians of the per-round differences and ratios (each round "
              "runs the configurations back to back), so they need not equal the difference of the medians.")


def rows(path):
    with open(path) as f:
        return list(csv.DictReader(f, delimiter="\t"))


def by_round(results, configs=CONFIGS):
    """{round: {config: row}} for rounds that have every configuration."""
    rounds = {}
    for r in results:
        rounds.setdefault(r["round"], {})[r["config"]] = r
    return {k: v for k, v in rounds.items() if all(c in v for c in configs)}


def median_of(rounds, config, figure):
    return statistics.median(figure(r[config]) for r in rounds.values())


def median_diff(rounds, config, figure):
    return statistics.median(figure(r[config]) - figure(r["none"]) for r in rounds.values())


def median_ratio(rounds, config, figure):
    return statistics.median(figure(r[config]) / figure(r["none"]) for r in rounds.values())


# --- startup.sh -------------------------------------------------------------------------------

def first_200_ms(r):
    return int(r["first_200_ms"])


def cpu_ms(r):
    return int(r["cpu_ms"])


def startup_summary(path):
    rounds = by_round(rows(path), STARTUP_CONFIGS)
    out = {}
    for c in STARTUP_CONFIGS:
        ready = [int(r[c]["agent_ready_ms"]) for r in rounds.values() if r[c]["agent_ready_ms"] != "-"]
        out[c] = {
            "first_200_ms": median_of(rounds, c, first_200_ms),
            "added_ms": median_diff(rounds, c, first_200_ms),
            "cpu_ms": median_of(rounds, c, cpu_ms),
            "cpu_added_ms": median_diff(rounds, c, cpu_ms),
            "ready_ms": statistics.median(ready) if ready else None,
            "classes": median_of(rounds, c, lambda r: int(r["classes"])),
        }
    return len(rounds), out


def startup_table(path):
    n, s = startup_summary(path)
    lines = [f"Startup of the demo service, {n} interleaved rounds, medians:", "",
             "| configuration | first 200 | added over no agent | CPU until then | added "
             "| agent launch to ready | classes loaded |",
             "|---|---|---|---|---|---|---|"]
    for c in STARTUP_CONFIGS:
        x = s[c]
        added = "" if c == "none" else f"{x['added_ms']:+,.0f} ms"
        cpu_added = "" if c == "none" else f"{x['cpu_added_ms']:+,.0f} ms"
        ready = "" if x["ready_ms"] is None else f"{x['ready_ms']:,.0f} ms"
        lines.append(f"| {STARTUP_NAMES[c]} | {x['first_200_ms']:,.0f} ms | {added} | {x['cpu_ms']:,.0f} ms | {cpu_added} "
                     f"| {ready} | {x['classes']:,.0f} |")
    return "\n".join(lines) + ROUND_NOTE


# --- http-load.sh -----------------------------------------------------------------------------

def cpu_per_request_us(r):
    return int(r["cpu_us"]) / int(r["requests"])


def throughput(r):
    return int(r["requests"]) / (int(r["duration_us"]) / 1e6)


def p99_us(r):
    return int(r["p99_us"])


def rss_mib(r):
    return int(r["rss_kib"]) / 1024


def http_configs(results):
    present = {r["config"] for r in results}
    return [c for c in HTTP_CONFIGS if c in present]


def http_summary(path):
    results = rows(path)
    configs = http_configs(results)
    rounds = by_round(results, configs)
    out = {}
    for c in configs:
        scrapes = [float(r[c]["scrape_s"]) for r in rounds.values() if r[c]["scrape_s"] != "-"]
        samples = [int(r[c]["samples"]) for r in rounds.values() if r[c]["samples"] != "-"]
        out[c] = {
            "cpu_us": median_of(rounds, c, cpu_per_request_us),
            "cpu_added_us": median_diff(rounds, c, cpu_per_request_us),
            "rps": median_of(rounds, c, throughput),
            "rps_ratio": median_ratio(rounds, c, throughput),
            "p50_us": median_of(rounds, c, lambda r: int(r["p50_us"])),
            "p99_us": median_of(rounds, c, p99_us),
            "p99_ratio": median_ratio(rounds, c, p99_us),
            "p99_ratios": [p99_us(r[c]) / p99_us(r["none"]) for r in rounds.values()],
            "rss_mib": median_of(rounds, c, rss_mib),
            "rss_added_mib": median_diff(rounds, c, rss_mib),
            "scrape_ms": statistics.median(scrapes) * 1000 if scrapes else None,
            "samples": statistics.median(samples) if samples else None,
            "gc_count": median_of(rounds, c, lambda r: int(r["gc_count"])),
            "gc_ms": median_of(rounds, c, lambda r: int(r["gc_ms"])),
        }
    return len(rounds), out


def http_table(path):
    n, s = http_summary(path)
    lines = [f"Hello-world servlet under wrk (p50 and p99 from LatencyLoad), {n} interleaved rounds,"
             " medians:", "",
             "| configuration | CPU per request | added | throughput | x no agent | p50 | p99 | x no agent "
             "| GCs during load (pauses) | RSS after load | added | one /metrics scrape (samples) |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for c in s:
        x = s[c]
        base = c == "none"
        scrape = "" if x["scrape_ms"] is None else f"{x['scrape_ms']:.1f} ms ({x['samples']:,.0f})"
        lines.append(
            f"| {NAMES[c]} | {x['cpu_us']:.1f} µs | {'' if base else format(x['cpu_added_us'], '+.1f') + ' µs'} "
            f"| {x['rps']:,.0f} /s | {'' if base else format(x['rps_ratio'], '.3f')} "
            f"| {x['p50_us']:,.0f} µs | {x['p99_us']:,.0f} µs | {'' if base else format(x['p99_ratio'], '.3f')} "
            f"| {x['gc_count']:,.0f} ({x['gc_ms']:,.0f} ms) "
            f"| {x['rss_mib']:.0f} MiB | {'' if base else format(x['rss_added_mib'], '+.1f') + ' MiB'} | {scrape} |")
    lines += ["", "p99 x no agent, round by round: " + "; ".join(
        f"{NAMES[c]} {', '.join(format(ratio, '.2f') for ratio in s[c]['p99_ratios'])}" for c in s if c != "none") + "."]
    return "\n".join(lines) + ROUND_NOTE


# --- scrape.sh --------------------------------------------------------------------------------

def scrape_summary(path):
    out = {}
    for shape in ("counter", "timer"):
        rs = [r for r in rows(path) if r["shape"] == shape]
        if rs:
            out[shape] = {
                "rounds": len(rs),
                "samples": statistics.median(int(r["samples"]) for r in rs),
                "bytes": statistics.median(int(r["text_bytes"]) for r in rs),
                "text_ms": statistics.median(float(r["text_s"]) for r in rs) * 1000,
                "openmetrics_ms": statistics.median(float(r["openmetrics_gzip_s"]) for r in rs) * 1000,
            }
    return out


def scrape_table(path):
    s = scrape_summary(path)
    if not s:
        return "No scrape results: see benchmarks/target/scrape/*.log."
    lines = ["Scrape of 10,000 label combinations (metrics-agent), medians of 20 scrapes per JVM, "
             "median over JVMs:", "",
             "| rule | samples served | text size | text format | OpenMetrics, gzip |",
             "|---|---|---|---|---|"]
    for shape, x in s.items():
        lines.append(f"| {shape}, 10,000 keys | {x['samples']:,.0f} | {x['bytes'] / MIB:.1f} MiB "
                     f"| {x['text_ms']:.1f} ms | {x['openmetrics_ms']:.1f} ms |")
    return "\n".join(lines)


# --- JMH --------------------------------------------------------------------------------------

# How benchmarks pair a run with the agent to its run without: each family's benchmark classes
# follow one of these shapes (benchmarks/src/main/java/dev/metricsagent/benchmarks/<family>/).
PAIRS = [
    ("WithAgent.", "WithoutAgent."),                        # one class per configuration
    ("RuleTimerBenchmark.ruleTimed", "RuleTimerBenchmark.untimed"),
]


def jmh_results(path):
    with open(path) as f:
        return json.load(f)


def short_name(b):
    name = b["benchmark"].replace("dev.metricsagent.benchmarks.", "")
    params = ",".join(f"{k}={v}" for k, v in (b.get("params") or {}).items())
    return f"{name}({params})" if params else name


def alloc_metric(b):
    secondary = b.get("secondaryMetrics", {})
    # JMH 1.37 names it gc.alloc.rate.norm; versions before 1.36 put a "·" in front.
    return secondary.get("gc.alloc.rate.norm", secondary.get("·gc.alloc.rate.norm"))


def alloc_bytes(b):
    alloc = alloc_metric(b)
    return None if alloc is None else float(alloc["score"])


def least_fork_alloc_bytes(b):
    """The fork that allocated least, by its mean. What the agent allocates, every fork does;
    H2 and Tomcat allocate 16 B more or less per operation from fork to fork, as the JIT's escape
    analysis happens to decide, with or without the agent."""
    alloc = alloc_metric(b)
    if alloc is None:
        return None
    forks = [fork for fork in alloc.get("rawData", []) if fork]
    return min(sum(fork) / len(fork) for fork in forks) if forks else float(alloc["score"])


def jmh_by_name(path):
    return {short_name(b): b for b in jmh_results(path)}


def jmh_pairs(path):
    """[(name with agent, its result, the result without)] for every pair found."""
    found = jmh_by_name(path)
    pairs = []
    for name, b in sorted(found.items()):
        for agent, baseline in PAIRS:
            if agent in name and name.replace(agent, baseline) in found:
                pairs.append((name, b, found[name.replace(agent, baseline)]))
    return pairs


def jmh_table(path):
    lines = ["Every JMH benchmark (`-prof gc`):", "",
             "| benchmark | score | error | unit | allocated per op |", "|---|---|---|---|---|"]
    for name, b in sorted(jmh_by_name(path).items()):
        m = b["primaryMetric"]
        error = float(m.get("scoreError", "NaN"))  # JMH writes "NaN" when one iteration ran
        error_text = "" if error != error else f"± {error:.2f}"
        alloc = alloc_bytes(b)
        lines.append(f"| {name} | {m['score']:.2f} | {error_text} | {m['scoreUnit']} "
                     f"| {'' if alloc is None else format(alloc, '.1f') + ' B'} |")
    pairs = jmh_pairs(path)
    if pairs:
        lines += ["", "With the agent against the same benchmark without it:", "",
                  "| benchmark (with agent) | added per op | x without | allocation added per op |",
                  "|---|---|---|---|"]
        for name, agent, base in pairs:
            a, z = agent["primaryMetric"], base["primaryMetric"]
            alloc_a, alloc_z = alloc_bytes(agent), alloc_bytes(base)
            alloc = "" if alloc_a is None or alloc_z is None else f"{alloc_a - alloc_z:+.1f} B"
            lines.append(f"| {name} | {a['score'] - z['score']:+.2f} {a['scoreUnit']} "
                         f"| {a['score'] / z['score']:.3f} | {alloc} |")
    return "\n".join(lines)


# --- all --------------------------------------------------------------------------------------

OTEL_JAR = "benchmarks/target/otel/opentelemetry-javaagent-2.22.0.jar"
AGENT_JAR = "agent/target/metrics-agent.jar"


def jar_mb(target, jar):
    """Size in MB of a jar given relative to the checkout that holds `target` (benchmarks/target)."""
    path = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(target))), jar)
    return os.path.getsize(path) / 1e6 if os.path.isfile(path) else None


def jar_table(target):
    lines = ["| jar | size |", "|---|---|"]
    for label, jar in (("metrics-agent", AGENT_JAR), ("OpenTelemetry agent 2.22.0", OTEL_JAR)):
        mb = jar_mb(target, jar)
        if mb is not None:
            lines.append(f"| {label} | {mb:.1f} MB |")
    return "\n".join(lines)


def verdict(ok):
    return "yes" if ok else "**no**"


def budget_table(target):
    lines = ["| figure | budget | metrics-agent | OpenTelemetry agent | within budget |", "|---|---|---|---|---|"]
    startup = os.path.join(target, "startup/results.tsv")
    if os.path.isfile(startup):
        _, s = startup_summary(startup)
        a, o = s["metrics-agent"]["added_ms"], s["otel"]["added_ms"]
        p, c = s["metrics-agent-prepared"]["added_ms"], s["metrics-agent-cached"]["added_ms"]
        lines.append(f"| startup to first 200, added: first start (empty class cache) | <= 300 ms | {a:+,.0f} ms "
                     f"| {o:+,.0f} ms | {verdict(a <= 300)} |")
        lines.append(f"| startup to first 200, added: first start of a prepared image (`prepare-cache`) | <= 300 ms "
                     f"| {p:+,.0f} ms | | {verdict(p <= 300)} |")
        lines.append(f"| startup to first 200, added: later starts (class cache filled) | <= 300 ms | {c:+,.0f} ms "
                     f"| | {verdict(c <= 300)} |")
        a, o = s["metrics-agent"]["cpu_added_ms"], s["otel"]["cpu_added_ms"]
        lines.append(f"| CPU until the first 200, added (no budget; steadier than wall time) | | {a:+,.0f} ms "
                     f"| {o:+,.0f} ms | |")
    http = os.path.join(target, "http-load/results.tsv")
    if os.path.isfile(http):
        _, s = http_summary(http)
        a, o = s["metrics-agent"], s["otel"]
        lines += [
            f"| CPU per hello-world request, added | <= 1.5 µs | {a['cpu_added_us']:+.1f} µs | {o['cpu_added_us']:+.1f} µs "
            f"| {verdict(a['cpu_added_us'] <= 1.5)} |",
            f"| throughput, x no agent | >= 0.97 | {a['rps_ratio']:.3f} | {o['rps_ratio']:.3f} | {verdict(a['rps_ratio'] >= 0.97)} |",
            f"| p99 latency, x no agent | <= 1.05 | {a['p99_ratio']:.3f} | {o['p99_ratio']:.3f} | {verdict(a['p99_ratio'] <= 1.05)} |",
            f"| resident memory added, fixed heap | <= 20 MiB | {a['rss_added_mib']:+.1f} MiB | {o['rss_added_mib']:+.1f} MiB "
            f"| {verdict(a['rss_added_mib'] <= 20)} |",
        ]
        control = s.get("none-again")
        if control:
            lines.append(f"| the control, no agent run again: CPU per request, throughput, p99 (no budget: the size "
                         f"of a difference this machine makes by itself) | | {control['cpu_added_us']:+.1f} µs, "
                         f"{control['rps_ratio']:.3f} x, {control['p99_ratio']:.3f} x | | |")
    ours, otel = jar_mb(target, AGENT_JAR), jar_mb(target, OTEL_JAR)
    lines.append(f"| jar size | <= 8 MB | {ours:.1f} MB | {otel or 0:.1f} MB | {verdict(ours <= 8)} |")
    scrape = os.path.join(target, "scrape/results.tsv")
    if os.path.isfile(scrape):
        s = scrape_summary(scrape)
        if "counter" in s:
            ms = s["counter"]["text_ms"]
            lines.append(f"| scrape of 10,000 series (text) | <= 50 ms | {ms:.1f} ms | n/a | {verdict(ms <= 50)} |")
    jmh = os.path.join(target, "results/jmh.json")
    if os.path.isfile(jmh):
        found = jmh_by_name(jmh)
        rule, hand = found.get("rules.RuleTimerBenchmark.ruleTimed"), found.get("rules.RuleTimerBenchmark.handTimed")
        if rule and hand:
            ns, ratio = rule["primaryMetric"]["score"], rule["primaryMetric"]["score"] / hand["primaryMetric"]["score"]
            lines.append(f"| per-call cost of a rule-timed method | <= 50 ns, <= 1.3 x hand-written | {ns:.1f} ns, "
                         f"{ratio:.2f} x | | {verdict(ns <= 50 and ratio <= 1.3)} |")
        # An HTTP exchange allocates 35-45 KB (the in-JVM server included), hundreds of bytes
        # more or less from fork to fork: its pair cannot show the agent's bytes. adviceWork
        # measures the HTTP client advice's own work alone instead.
        added = [(least_fork_alloc_bytes(a) - least_fork_alloc_bytes(z), name) for name, a, z in jmh_pairs(jmh)
                 if alloc_bytes(a) is not None and alloc_bytes(z) is not None
                 and not name.startswith("httpclient.")]
        advice = found.get("httpclient.WithAgent.adviceWork")
        if advice and alloc_bytes(advice) is not None:
            added.append((alloc_bytes(advice), "httpclient.WithAgent.adviceWork"))
        if added:
            worst, name = max(added)
            # One short fork (--quick) has not reached steady state: tens of bytes either way.
            conclusive = all(b.get("forks", 1) >= 2 for b in found.values())
            lines.append(f"| allocation per instrumented call, worst JMH pair, least-allocating forks (HTTP: adviceWork) | 0 B | {worst:+.1f} B ({name}) | "
                         f"| {verdict(worst < 1) if conclusive else 'not told by one fork'} |")
    return "\n".join(lines)


def all_sections(target):
    parts = ["### Budget", "", budget_table(target), ""]
    for title, rel, table in (("Startup", "startup/results.tsv", startup_table),
                              ("Under load", "http-load/results.tsv", http_table),
                              ("Scrape", "scrape/results.tsv", scrape_table),
                              ("Per call (JMH)", "results/jmh.json", jmh_table)):
        path = os.path.join(target, rel)
        if os.path.isfile(path):
            parts += [f"### {title}", "", table(path), ""]
    parts += ["### Jar size", "", jar_table(target), ""]
    return "\n".join(parts)


if __name__ == "__main__":
    section, path = sys.argv[1], sys.argv[2]
    print({"startup": startup_table, "http-load": http_table, "scrape": scrape_table,
           "jmh": jmh_table, "all": all_sections}[section](path))
