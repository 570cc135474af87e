#!/usr/bin/env python3
"""Where the CPU goes in a JFR recording of the server under load: the share of execution samples whose stack
holds each phase of a prediction (inclusive: a sample counts for every phase on its stack), then the hottest
top frames (self time). Reads `jfr print --json --events jdk.ExecutionSample`, so only the JDK is needed.

    jcmd <pid> JFR.start name=bench settings=profile duration=30s filename=/tmp/digits.jfr   # while throughput.sh runs
    python3 src/bench/jfr_phases.py /tmp/digits.jfr [--top 25]
"""
import argparse
import collections
import json
import os
import subprocess

# (phase, substring of a frame "Class.method"); the first phase whose marker is on the stack, per marker.
PHASES = [
    ("Grizzly frames (an undercount: JFR keeps 64 frames a stack)", "org.glassfish.grizzly"),
    ("POST resource: whole request", "PredictionResource.from"),
    ("JSON body parsing", "PredictionRequest.parse"),
    ("JSON body parsing (strict general reader)", "JsonBodies.parse"),
    ("image decoding (PNG)", "ImageDecoder.decode"),
    ("original kept as PNG", "PngImages."),
    ("ink map", "InkMap.of"),
    ("MNIST normalization", "MnistNormalizer.normalize"),
    ("refusal judge: ink evidence", "DigitJudge.inkEvidence"),
    ("refusal judge", "Refusals.of"),
    ("model inference (any classifier)", ".probabilities"),
    ("PyTorch forward", "ai.djl"),
    ("storing: JNoSQL save", "org.eclipse.jnosql"),
    ("storing: group commit", "DrawingCommitter.insert"),
    ("MongoDB driver", "com.mongodb"),
    ("embedded MongoDB server (mongo-java-server, H2)", "de.bwaldvogel"),
    ("H2 MVStore", "org.h2"),
    ("JSON answer (JSON-B)", "org.eclipse.yasson"),
]


def frames(event):
    stack = event["values"]["stackTrace"]
    if not stack:
        return []
    return [(f["method"]["type"]["name"] + "." + f["method"]["name"]).replace("/", ".") for f in stack["frames"]]


def events(jfr, recording, kind):
    raw = subprocess.run([jfr, "print", "--json", "--stack-depth", "200", "--events", kind, recording],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(raw)["recording"]["events"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("recording")
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args()
    jfr = os.path.join(os.environ.get("JAVA_HOME", "/usr/lib/jvm/temurin-25-jdk-amd64"), "bin", "jfr")
    samples = events(jfr, args.recording, "jdk.ExecutionSample")
    total = len(samples)
    phases = collections.Counter()
    tops = collections.Counter()
    for event in samples:
        stack = frames(event)
        if not stack:
            continue
        tops[stack[0]] += 1
        joined = "\n".join(stack)
        for name, marker in PHASES:
            if marker and marker in joined:
                phases[name] += 1
    loads = events(jfr, args.recording, "jdk.CPULoad")
    if loads:
        jvm = sum(e["values"]["jvmUser"] + e["values"]["jvmSystem"] for e in loads) / len(loads)
        machine = sum(e["values"]["machineTotal"] for e in loads) / len(loads)
        print(f"CPU: the JVM {100 * jvm:.0f} %, the whole machine {100 * machine:.0f} % (of all cores, mean of {len(loads)} readings)")
    native = events(jfr, args.recording, "jdk.NativeMethodSample")
    in_torch = sum(1 for e in native if any("ai.djl" in f for f in frames(e)))
    print(f"{total} execution samples (Java code); {in_torch} of {len(native)} native-method samples inside DJL/PyTorch")
    print("| phase (inclusive) | share of samples |")
    print("|---|---|")
    for name, marker in PHASES:
        if marker and phases[name]:
            print(f"| {name} | {100 * phases[name] / total:.1f} % |")
    print()
    print("| top frame (self) | share |")
    print("|---|---|")
    for frame, count in tops.most_common(args.top):
        print(f"| `{frame}` | {100 * count / total:.1f} % |")


if __name__ == "__main__":
    main()
