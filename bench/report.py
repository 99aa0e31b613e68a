#!/usr/bin/env python3
"""Reads one bench/run.sh output folder and prints the results table (Markdown).

Every ratio is taken pair by pair: run.sh runs each scenario's reference (the bare endpoint,
<name>-ref-bare.<n>.txt; for the cluster's read and write mixes also pgbench select-only or the
one-row UPDATE, <name>-ref-pgbench.<n>.txt) just before the scenario's own run n, and the table
gives the median of the n ratios and their range. A measurement's own figures (requests/s,
latency, CPU) are its median run by requests/s; the KDF's its fastest run (a hash cannot be
faster than the CPU allows, only slower when disturbed).
"""
import datetime
import glob
import os
import platform
import re
import sys

out, wrk_command = sys.argv[1], sys.argv[2]


def runs(name):
    """The output files of a measurement: <name>.txt, or its repeats <name>.<n>.txt."""
    single = os.path.join(out, name + ".txt")
    return [single] if os.path.exists(single) else sorted(glob.glob(os.path.join(out, glob.escape(name) + ".[0-9]*.txt")))


def median(results):
    results = sorted((r for r in results if r), key=lambda r: r["rps"])
    return results[(len(results) - 1) // 2] if results else None


def wrk_file(path):
    """wrk's RESULT line, with the CPU per request that run.sh measured around it (if it did)."""
    fields = {}
    for line in open(path, encoding="utf-8"):
        if line.startswith(("RESULT ", "CPU ")):
            fields.update({k: float(v) for k, v in (pair.split("=") for pair in line.split()[1:])})
    if "rps" not in fields:
        return None
    if "hz" in fields and fields["requests"]:
        per_request = 1e6 / fields["hz"] / fields["requests"]
        fields["server_us"] = fields["server_ticks"] * per_request
        fields["machine_us"] = fields["machine_ticks"] * per_request
    return fields


def pgbench_file(path):
    text = open(path, encoding="utf-8").read()
    tps = re.search(r"^tps = ([\d.]+)", text, re.M)
    latency = re.search(r"^latency average = ([\d.]+) ms", text, re.M)
    failed = re.search(r"number of failed transactions: (\d+)", text)
    return tps and {"rps": float(tps.group(1)), "avg_ms": float(latency.group(1)) if latency else None,
                    "errors": int(failed.group(1)) if failed else 0}


def wrk(name):
    return median(wrk_file(path) for path in runs(name))


def pgbench(name):
    return median(pgbench_file(path) for path in runs(name))


def lines_of(name, key):
    found = []
    for path in runs(name):
        for line in open(path, encoding="utf-8"):
            if line.startswith(key + " "):
                found.append(dict(pair.split("=") for pair in line.split()[1:]))
    return found


def paired(name, reference):
    """The ratios of run n of <name> to run n of its reference (the run just before it), in order of n."""
    parse = pgbench_file if reference == "pgbench" else wrk_file
    ratios = []
    for path in runs(name):
        n = path.rsplit(".", 2)[-2]
        ref_path = os.path.join(out, f"{name}-ref-{reference}.{n}.txt")
        result, ref = wrk_file(path), parse(ref_path) if os.path.exists(ref_path) else None
        if result and ref:
            ratios.append(result["rps"] / ref["rps"])
    return ratios


def middle(values):
    ordered = sorted(values)
    return ordered[(len(ordered) - 1) // 2] if ordered else None


def ratio_text(ratios, name):
    """The median ratio and the range of the pairs, e.g. "0.55 of bare (0.51-0.58, 3 pairs)"."""
    if not ratios:
        return None
    return f"{middle(ratios):.2f} of {name} ({min(ratios):.2f}-{max(ratios):.2f}, {len(ratios)} pairs)"


# The references' own rows: every bare run of the suite (paired ones included), pgbench's runs.
bare = median(wrk_file(p) for p in runs("bare") + sorted(glob.glob(os.path.join(out, "*-ref-bare.[0-9]*.txt"))))
select = median(pgbench_file(p) for p in runs("pgbench-select") + runs("cluster-read-ref-pgbench"))
update = median(pgbench_file(p) for p in runs("pgbench-update") + runs("cluster-write-ref-pgbench"))
rows = []


def row(scenario, mode, result, *references, note=""):
    """One table row; each reference is (measurement name, reference kind, label): one ratio cell each."""
    if result is None:
        return
    ratios = [text for name, kind, label in references if (text := ratio_text(paired(name, kind), label))]
    errors = int(result.get("errors", 0) + result.get("socket_errors", 0))
    p50 = f"{result['p50_ms']:.2f}" if "p50_ms" in result else "-"
    p99 = f"{result['p99_ms']:.2f}" if "p99_ms" in result else (f"avg {result['avg_ms']:.2f}" if result.get("avg_ms") else "-")
    cpu = " | ".join(f"{result[k]:,.0f}" if k in result else "-" for k in ("server_us", "machine_us"))
    rows.append(f"| {scenario} | {mode} | {result['rps']:,.0f} | {p50} | {p99} | {errors} | {cpu} | {', '.join(ratios + ([note] if note else []))} |")


kdf = min(lines_of("kdf", "KDF"), key=lambda k: float(k["ms_per_hash"]), default={})
memory = next(iter(lines_of("memory", "MEMORY")), {})
# Logins are bounded by the password hash: at best one KDF per core at a time.
kdf_bound = float(kdf["hashes_per_core_per_s"]) * int(kdf["cores"]) if kdf else None

row("bare endpoint (reference, every run)", "-", bare)
row("pgbench select-only, 16 clients (reference)", "PostgreSQL", select)
row("pgbench one-row UPDATE, 16 clients (reference)", "PostgreSQL", update)
for mode in ("embedded", "cluster"):
    row("(a) read mix", mode, wrk(f"{mode}-read"), (f"{mode}-read", "bare", "bare"),
        *([("cluster-read", "pgbench", "pgbench select-only")] if mode == "cluster" else []))
    row("(b) write mix", mode, wrk(f"{mode}-write"), (f"{mode}-write", "bare", "bare"),
        *([("cluster-write", "pgbench", "pgbench UPDATE")] if mode == "cluster" else []))
    login = wrk(f"{mode}-login")
    row("(c) logins (4 connections)", mode, login,
        note=f"KDF-bound: {login['rps'] / kdf_bound:.2f} of {kdf_bound:.1f} hashes/s" if login and kdf_bound else "KDF-bound")
    row("(d) listing, city of 5,000 shops", mode, wrk(f"{mode}-scale"), (f"{mode}-scale", "bare", "bare"))


def target(text, measured, met):
    targets.append(f"| {text} | {measured} | {'met' if met else 'missed'} |")


def ratio_target(text, name, kind, label, threshold, extra=None):
    """A ratio target, judged on the median of the pairs; the range says how sure that is."""
    ratios = paired(name, kind)
    if not ratios:
        return
    measured = ratio_text(ratios, label)
    met = middle(ratios) >= threshold
    if extra:
        extra_text, extra_met = extra
        measured, met = f"{measured}, {extra_text}", met and extra_met
    target(text, measured, met)


targets = []
embedded_read = wrk("embedded-read")
if embedded_read:
    errors = int(embedded_read["errors"] + embedded_read["socket_errors"])
    ratio_target("embedded read mix >= 0.60 of bare, p99 <= 10 ms, no errors", "embedded-read", "bare", "bare", 0.60,
                 (f"p99 {embedded_read['p99_ms']:.1f} ms, {errors} errors", embedded_read["p99_ms"] <= 10 and errors == 0))
ratio_target("embedded write mix >= 0.40 of bare", "embedded-write", "bare", "bare", 0.40)
ratio_target("cluster read mix >= 0.40 of bare", "cluster-read", "bare", "bare", 0.40)
ratio_target("cluster write mix >= 0.50 of pgbench one-row UPDATE", "cluster-write", "pgbench", "pgbench UPDATE", 0.50)
# Cold start: the write mix in one-second runs from the API's ready, against the warm cluster's
# write rate (the median run of the scenario).
cold = {kind: [(int(c["second"]), float(c["rps"])) for c in lines_of(f"cold-{kind}", "COLD")] for kind in ("jit", "r2r")}


def half_steady_at(series, steady):
    """The first second whose run reached half the warm rate, or None."""
    return next((second for second, rps in series if rps >= steady / 2), None)


def steady_rate():
    """The cluster's steady write rate: the warm runs' median, or the JIT series' last 10 s if higher
    (the same cluster a minute after its restart; the warm runs can be held back by their pairs)."""
    warm = wrk("cluster-write")
    tail = sorted(rps for second, rps in cold["jit"] if second > len(cold["jit"]) - 10)
    late = tail[(len(tail) - 1) // 2] if tail else 0
    return max(warm["rps"] if warm else 0, late) or None


if steady := steady_rate():
    reached = {kind: half_steady_at(series, steady) for kind, series in cold.items() if series}
    if reached:
        best = min((s for s in reached.values() if s is not None), default=None)
        target("cold cluster: writes at >= 50% of the steady rate within 15 s of ready",
               ", ".join(f"{kind.upper()} {f'{s} s' if s is not None else 'not within the series'}" for kind, s in reached.items()),
               best is not None and best <= 15)
if memory:
    after = int(memory["working_set_after_mb"])
    target(f"{int(memory['grains']):,} user grains in one silo <= 6 GB working set", f"{after:,} MB", after <= 6144)

print(f"# MMX benchmark, {datetime.date.today()}")
print()
repeats = len(runs("embedded-read") or runs("cluster-read")) or 1
print(f"Machine: {platform.node()}, {os.cpu_count()} cores, {platform.platform()}. Load: `{wrk_command}` "
      f"(logins: 4 connections), loopback, median of {repeats} runs per row; each ratio is the median of "
      "pairs (the reference run just before each run of the scenario) with the pairs' range. "
      "Errors: answers without HTTP 200 and \"err\":0, plus socket errors. CPU per request: of the "
      "processes that serve the scenario (the bare endpoint; the embedded API; in cluster mode the API, "
      "the silos and PostgreSQL), and of the whole machine, wrk included.")
print()
print("| scenario | mode | requests/s | p50 ms | p99 ms | errors | server CPU µs/req | machine CPU µs/req | ratio |")
print("|---|---|---|---|---|---|---|---|---|")
print("\n".join(rows))
print()
if kdf:
    print(f"Password KDF (PBKDF2-HMAC-SHA512, 210,000 iterations): {kdf['ms_per_hash']} ms a hash, "
          f"{kdf['hashes_per_core_per_s']} a second per core ({kdf['cores']} cores).")
if memory:
    print(f"Memory: {int(memory['grains']):,} user grains activated in {memory['activation_s']} s; working set "
          f"{memory['working_set_before_mb']} MB before, {memory['working_set_after_mb']} MB after: "
          f"{memory['bytes_per_grain']} bytes a grain ({memory['heap_bytes_per_grain']} of managed heap).")
if steady and any(cold.values()):
    print()
    print(f"Cold start (cluster restarted on its data; write mix in 1 s runs from the API's ready; steady rate "
          f"{steady:,.0f}/s, the higher of the warm runs' median and the JIT series' last 10 s):")
    print()
    marks = [1, 2, 3, 5, 10, 15, 20, 30, 45, 60]
    print("| binaries | " + " | ".join(f"{m} s" for m in marks) + " |")
    print("|---|" + "---|" * len(marks))
    for kind, series in cold.items():
        if series:
            by_second = dict(series)
            print(f"| {kind.upper()} | " + " | ".join(f"{by_second[m]:,.0f}" if m in by_second else "-" for m in marks) + " |")
if targets:
    print()
    print("| target | measured | status |")
    print("|---|---|---|")
    print("\n".join(targets))

def lines_block(file_name, prefix, title):
    """A bench's own lines (PREFIX key=value ...), printed as they came under a title."""
    path = os.path.join(out, file_name)
    found = [line.strip() for line in open(path, encoding="utf-8") if line.startswith(prefix)] if os.path.exists(path) else []
    if found:
        print()
        print(title)
        print()
        for line in found:
            print(f"- `{line[len(prefix):]}`")


# Live events and shop messages (EventsBench), and the chat socket (ChatBench).
lines_block("events.txt", "EVENTS ", "Live events and shop messages (embedded default, `Mmx.Bench events`):")
lines_block("chat.txt", "CHAT ", "The chat socket (cluster mode, two fronts, `Mmx.Bench chat`):")
