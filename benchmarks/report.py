#!/usr/bin/env python3
"""Turns one benchmark run into docs/benchmarks.md and the ratio chart docs/benchmarks-ratios.png.

Reads BenchmarkDotNet's JSON reports (--exporters json) and the loopback runs' CSV files from the results
directory; ratios are OpenAI.Gen / official SDK on the same case. The chart is drawn by gnuplot (Debian:
apt-get install gnuplot-nox). Usage: report.py <results-dir> <docs-dir>
"""
import csv
import glob
import json
import os
import statistics
import subprocess
import sys
from datetime import datetime, timezone


def load_reports(results):
    rows = []
    host = None
    for path in sorted(glob.glob(os.path.join(results, "*-report-full-compressed.json")) or glob.glob(os.path.join(results, "*-report-full.json"))):
        with open(path, encoding="utf-8-sig") as f:
            report = json.load(f)
        host = host or report.get("HostEnvironmentInfo")
        for b in report["Benchmarks"]:
            stats = b.get("Statistics") or {}
            memory = b.get("Memory") or {}
            rows.append({
                "type": b["Type"],
                "method": b["Method"],
                "params": b.get("Parameters") or "",
                "ns": stats.get("Median"),
                "bytes": memory.get("BytesAllocatedPerOperation"),
            })
    return rows, host


def case_of(method):
    """('OpenAIGen'|'OfficialSdk', rest of the method name) — ours and the official one of a case share the rest."""
    for side in ("OpenAIGen", "OfficialSdk"):
        if method.startswith(side):
            return side, method[len(side):]
    return None, method


def pairs(rows):
    cases = {}
    for r in rows:
        side, rest = case_of(r["method"])
        if side:
            cases.setdefault((r["type"], rest, r["params"]), {})[side] = r
    out = []
    for (type_, rest, params), sides in cases.items():
        if "OpenAIGen" in sides and "OfficialSdk" in sides:
            ours, official = sides["OpenAIGen"], sides["OfficialSdk"]
            name = type_.replace("Benchmark", "") + (" " + rest if rest else "") + (" (" + params.split("=")[-1] + ")" if params else "")
            out.append((name, ours, official))
    return out


def fmt_time(ns):
    if ns is None:
        return "n/a"
    if ns >= 1e6:
        return f"{ns / 1e6:.2f} ms"
    if ns >= 1e3:
        return f"{ns / 1e3:.2f} µs"
    return f"{ns:.0f} ns"


def fmt_bytes(n):
    return "n/a" if n is None else f"{n:,} B"


def ratio(a, b):
    return a / b if a is not None and b else None


def main():
    results, docs = sys.argv[1], sys.argv[2]
    rows, host = load_reports(results)
    cases = pairs(rows)
    if not cases:
        sys.exit(f"no benchmark reports in {results}")

    lines = ["# Benchmarks", "",
             "OpenAI.Gen against the official `OpenAI` 2.15.0 package, same bytes, same run. Produced by "
             "`dotnet cake --target=Bench` (each comparison in three processes of twenty warm-up and ten measured iterations, the median over all 30, "
             "both sides alike: `ComparisonConfig`; expect a few percent of noise, more on a busy machine); regenerate "
             "this page with `python3 benchmarks/report.py <results> docs`.", ""]
    if host:
        lines += [f"- Machine: {host.get('ProcessorName', '?').strip()}, {host.get('PhysicalCoreCount', '?')} physical / "
                  f"{host.get('LogicalCoreCount', '?')} logical cores, {host.get('OsVersion', '?')}",
                  f"- Runtime: {host.get('RuntimeVersion', '?')}, {host.get('Architecture', '?')}; BenchmarkDotNet {host.get('BenchmarkDotNetVersion', '?')}"]
    # The time the results were written, not the time this page is: the page may be rebuilt later from the same run.
    measured = max(os.path.getmtime(os.path.join(results, n)) for n in os.listdir(results))
    lines += [f"- Date: {datetime.fromtimestamp(measured, timezone.utc):%Y-%m-%d %H:%M} UTC", "",
              "Streaming figures are per chunk (1,000-chunk stream, OperationsPerInvoke = 1000); times are medians. "
              "Ratio = OpenAI.Gen / official (lower is better).", "",
              "| Case | OpenAI.Gen time | Official time | Time ratio | OpenAI.Gen alloc | Official alloc | Alloc ratio |",
              "|---|---:|---:|---:|---:|---:|---:|"]
    chart = []
    for name, ours, official in cases:
        t = ratio(ours["ns"], official["ns"])
        a = ratio(ours["bytes"], official["bytes"])
        lines.append(f"| {name} | {fmt_time(ours['ns'])} | {fmt_time(official['ns'])} | {t:.2f} | "
                     f"{fmt_bytes(ours['bytes'])} | {fmt_bytes(official['bytes'])} | " + (f"{a:.2f}" if a is not None else "n/a") + " |")
        chart.append((name, t, a))

    interleaved = os.path.join(results, "Interleaved-report.md")
    if os.path.exists(interleaved):
        with open(interleaved, encoding="utf-8") as f:
            text = f.read().strip()
        lines += ["", text]
        for row in text.splitlines():
            cells = [c.strip() for c in row.strip("|").split("|")]
            if len(cells) == 7 and cells[0] in ("Text", "ToolCall"):
                chart.append((f"StreamingParse interleaved ({cells[0]})", float(cells[3]), float(cells[6])))

    report_md = os.path.join(results, "Loopback-report.md")
    if os.path.exists(report_md):
        with open(report_md, encoding="utf-8") as f:
            lines += ["", "## Loopback (real sockets on 127.0.0.1)", "", f.read().strip()]
    concurrent = os.path.join(results, "Loopback-concurrent.csv")
    if os.path.exists(concurrent):
        with open(concurrent, encoding="utf-8") as f:
            runs = list(csv.DictReader(f))
        by = {(r["Client"], int(r["Chunks"])): r for r in runs}
        lines += [""]
        for client in ("OpenAI.Gen", "Official SDK"):
            short, long_ = by.get((client, 10)), by.get((client, 1000))
            if short and long_:
                lines.append(f"- {client}: peak managed memory {int(long_['PeakBytes']) / 1048576:.1f} MB with 1,000 chunks per stream "
                             f"vs {int(short['PeakBytes']) / 1048576:.1f} MB with 10 (x{int(long_['PeakBytes']) / int(short['PeakBytes']):.2f} for 100x the chunks).")
        ours, official = by.get(("OpenAI.Gen", 1000)), by.get(("Official SDK", 1000))
        if ours and official:
            t = float(ours["CpuMs"]) / float(official["CpuMs"])
            m = int(ours["PeakBytes"]) / int(official["PeakBytes"])
            chart.append(("Loopback 1,000x1,000", t, m))
            lines.append(f"- 1,000 streams x 1,000 chunks: CPU time ratio {t:.2f}, peak managed memory ratio {m:.2f}.")

    lines += ["", "![OpenAI.Gen / official SDK ratios](benchmarks-ratios.png)", ""]
    # Hand-written reading of the figures (where the time goes, what is left), kept next to this script.
    notes = os.path.join(os.path.dirname(os.path.abspath(__file__)), "benchmark-notes.md")
    if os.path.exists(notes):
        with open(notes, encoding="utf-8") as f:
            lines += [f.read().strip(), ""]
    with open(os.path.join(docs, "benchmarks.md"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines))

    data = os.path.join(results, "ratios.dat")
    with open(data, "w", encoding="utf-8") as f:
        for name, t, a in chart:
            f.write(f"\"{name}\" {t if t is not None else 'NaN'} {a if a is not None else 'NaN'}\n")
    script = f"""
set terminal pngcairo size 1100,{180 + 40 * len(chart)} font ",10"
set output "{os.path.join(docs, 'benchmarks-ratios.png')}"
set title "OpenAI.Gen / official OpenAI SDK (lower is better; 1 = same)"
set style data histogram
set style histogram cluster gap 1
set style fill solid 0.8 border -1
set boxwidth 0.9
set xtics rotate by -25 left
set ylabel "ratio"
set yrange [0:*]
set grid ytics
set bmargin 10
set rmargin 12
set key top right
plot "{data}" using 2:xtic(1) title "time (CPU for loopback)", "" using 3 title "allocated (peak memory for loopback)", 1 with lines lw 2 lc rgb "black" title "official"
"""
    subprocess.run(["gnuplot"], input=script, text=True, check=True)


if __name__ == "__main__":
    main()
