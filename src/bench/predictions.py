#!/usr/bin/env python3
"""Prediction latency and accuracy of a running Digits server, measured from outside.

Sends the first N MNIST test images (from data/mnist, as the app imports them) to POST /api/predictions as
JSON pixels, one request at a time, and prints the client-side latency percentiles, the server's own time
(serverMillis: decode, normalize and classify, before storing) and the accuracy over those images.

    python3 src/bench/predictions.py [--url http://localhost:8080] [--count 1000]
"""
import argparse
import json
import statistics
import time
import urllib.request


def test_images(count):
    with open("data/mnist/t10k-images-idx3-ubyte", "rb") as images, open("data/mnist/t10k-labels-idx1-ubyte", "rb") as labels:
        images.read(16)
        labels.read(8)
        for _ in range(count):
            yield list(images.read(784)), labels.read(1)[0]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", default="http://localhost:8080")
    parser.add_argument("--count", type=int, default=1000)
    args = parser.parse_args()
    client, server, right = [], [], 0
    for pixels, label in test_images(args.count):
        body = json.dumps({"pixels": pixels}).encode()
        request = urllib.request.Request(args.url + "/api/predictions", data=body, headers={"Content-Type": "application/json"})
        start = time.perf_counter()
        with urllib.request.urlopen(request) as response:
            answer = json.load(response)
        client.append((time.perf_counter() - start) * 1000)
        server.append(answer["serverMillis"])
        right += answer["digit"] == label
    quantiles = statistics.quantiles(client, n=100)
    print(f"{len(client)} predictions, model {answer['modelId']}")
    print(f"client ms: median {statistics.median(client):.1f}, p90 {quantiles[89]:.1f}, p99 {quantiles[98]:.1f}")
    print(f"server ms: median {statistics.median(server):.2f}, mean {statistics.mean(server):.2f}")
    print(f"accuracy on these images: {right / len(client):.4f}")


if __name__ == "__main__":
    main()
