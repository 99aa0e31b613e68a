#!/usr/bin/env python3
"""Reads one bench/run.sh output folder and prints the results table (Markdown).

Every ratio is to a reference measured in the same run: the bare endpoint for HTTP scenarios, and
pgbench's one-row UPDATE for the cluster write mix (the issue's target), select-only for reads.
A measurement repeated (<name>.<n>.txt) counts as its median run by requests/s; the KDF as its
fastest run (a hash cannot be faster than the CPU allows, only slower when disturbed).
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


bare = wrk("bare")
select, update = pgbench("pgbench-select"), pgbench("pgbench-update")
rows = []


def row(scenario, mode, result, *references, note=""):
    """One table row; each reference is (result, name) and gives one ratio in the last cell."""
    if result is None:
        return
    ratios = [f"{result['rps'] / ref['rps']:.2f} of {name}" for ref, name in references if ref]
    errors = int(result.get("errors", 0) + result.get("socket_errors", 0))
    p50 = f"{result['p50_ms']:.2f}" if "p50_ms" in result else "-"
    p99 = f"{result['p99_ms']:.2f}" if "p99_ms" in result else (f"avg {result['avg_ms']:.2f}" if result.get("avg_ms") else "-")
    cpu = " | ".join(f"{result[k]:,.0f}" if k in result else "-" for k in ("server_us", "machine_us"))
    rows.append(f"| {scenario} | {mode} | {result['rps']:,.0f} | {p50} | {p99} | {errors} | {cpu} | {', '.join(ratios + ([note] if note else []))} |")


kdf = min(lines_of("kdf", "KDF"), key=lambda k: float(k["ms_per_hash"]), default={})
memory = next(iter(lines_of("memory", "MEMORY")), {})
# Logins are bounded by the password hash: at best one KDF per core at a time.
kdf_bound = float(kdf["hashes_per_core_per_s"]) * int(kdf["cores"]) if kdf else None

row("bare endpoint (reference)", "-", bare, (bare, "bare"))
row("pgbench select-only, 16 clients (reference)", "PostgreSQL", select, (bare, "bare"))
row("pgbench one-row UPDATE, 16 clients (reference)", "PostgreSQL", update, (bare, "bare"))
for mode in ("embedded", "cluster"):
    row("(a) read mix", mode, wrk(f"{mode}-read"), (bare, "bare"), *([(select, "pgbench select-only")] if mode == "cluster" else []))
    row("(b) write mix", mode, wrk(f"{mode}-write"), (bare, "bare"), *([(update, "pgbench UPDATE")] if mode == "cluster" else []))
    login = wrk(f"{mode}-login")
    row("(c) logins (4 connections)", mode, login,
        note=f"KDF-bound: {login['rps'] / kdf_bound:.2f} of {kdf_bound:.1f} hashes/s" if login and kdf_bound else "KDF-bound")
    row("(d) listing, city of 5,000 shops", mode, wrk(f"{mode}-scale"), (bare, "bare"))


def target(text, measured, met):
    targets.append(f"| {text} | {measured} | {'met' if met else 'missed'} |")


targets = []
embedded_read, embedded_write = wrk("embedded-read"), wrk("embedded-write")
cluster_read, cluster_write = wrk("cluster-read"), wrk("cluster-write")
if bare and embedded_read:
    ratio = embedded_read["rps"] / bare["rps"]
    errors = int(embedded_read["errors"] + embedded_read["socket_errors"])
    target("embedded read mix >= 0.60 of bare, p99 <= 10 ms, no errors",
           f"{ratio:.2f}, p99 {embedded_read['p99_ms']:.1f} ms, {errors} errors",
           ratio >= 0.60 and embedded_read["p99_ms"] <= 10 and errors == 0)
if bare and embedded_write:
    ratio = embedded_write["rps"] / bare["rps"]
    target("embedded write mix >= 0.40 of bare", f"{ratio:.2f}", ratio >= 0.40)
if bare and cluster_read:
    ratio = cluster_read["rps"] / bare["rps"]
    target("cluster read mix >= 0.40 of bare", f"{ratio:.2f}", ratio >= 0.40)
if update and cluster_write:
    ratio = cluster_write["rps"] / update["rps"]
    target("cluster write mix >= 0.5 of pgbench one-row UPDATE", f"{ratio:.2f}", ratio >= 0.5)
if memory:
    after = int(memory["working_set_after_mb"])
    target(f"{int(memory['grains']):,} user grains <= 1.5 GB working set", f"{after} MB", after <= 1536)

print(f"# MMX benchmark, {datetime.date.today()}")
print()
repeats = len(runs("bare")) or 1
print(f"Machine: {platform.node()}, {os.cpu_count()} cores, {platform.platform()}. Load: `{wrk_command}` "
      f"(logins: 4 connections), loopback, median of {repeats} runs per row. "
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
if targets:
    print()
    print("| target | measured | status |")
    print("|---|---|---|")
    print("\n".join(targets))

# Live events and shop messages (EventsBench): one line per measurement, printed as they came.
events_file = os.path.join(out, "events.txt")
events = [line.strip() for line in open(events_file, encoding="utf-8") if line.startswith("EVENTS ")] if os.path.exists(events_file) else []
if events:
    print()
    print("Live events and shop messages (embedded default, `Mmx.Bench events`):")
    print()
    for line in events:
        print(f"- `{line[len('EVENTS '):]}`")
