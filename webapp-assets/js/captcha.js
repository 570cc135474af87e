// The captcha page's own script (canvas.js draws on the pad). It records the trajectory of every stroke
// (pointer positions in canvas pixels with their event times), solves the challenge's proof-of-work with
// SubtleCrypto's SHA-256 in the background while the person draws or types, holds the HTMX submit until the
// number is found, and adds both to the answer. A new challenge swapped in starts everything again.
(function () {
    "use strict";

    const BATCH = 500;

    function setUp() {
        const form = document.getElementById("recognize");
        if (!form || !document.getElementById("pow-number")) {
            return;
        }
        const pad = document.getElementById("pad");
        let strokes = [];
        let drawing = false;
        let solution = null;

        if (pad) {
            function point(event) {
                const box = pad.getBoundingClientRect();
                const clamp = function (value, max) { return Math.min(max, Math.max(0, value)); };
                return {
                    x: Math.round(clamp((event.clientX - box.left) * pad.width / box.width, pad.width) * 10) / 10,
                    y: Math.round(clamp((event.clientY - box.top) * pad.height / box.height, pad.height) * 10) / 10,
                    t: Math.round(event.timeStamp * 10) / 10
                };
            }
            pad.addEventListener("pointerdown", function (event) {
                drawing = true;
                strokes.push([point(event)]);
            });
            pad.addEventListener("pointermove", function (event) {
                if (drawing) {
                    strokes[strokes.length - 1].push(point(event));
                }
            });
            function end() {
                drawing = false;
            }
            pad.addEventListener("pointerup", end);
            pad.addEventListener("pointercancel", end);
            document.getElementById("clear").addEventListener("click", function () {
                strokes = [];
            });
        }

        function hexBytes(hex) {
            const bytes = new Uint8Array(hex.length / 2);
            for (let i = 0; i < bytes.length; i++) {
                bytes[i] = parseInt(hex.substr(2 * i, 2), 16);
            }
            return bytes;
        }

        function same(buffer, expected) {
            const bytes = new Uint8Array(buffer);
            for (let i = 0; i < expected.length; i++) {
                if (bytes[i] !== expected[i]) {
                    return false;
                }
            }
            return true;
        }

        // Tries 0, 1, 2, ... until SHA-256(salt + n) is the target, a batch of digests at a time.
        async function solve(field, isCurrent) {
            const salt = field.dataset.salt;
            const target = hexBytes(field.dataset.target);
            const max = Number(field.dataset.max);
            const progress = document.getElementById("pow-progress");
            const encoder = new TextEncoder();
            for (let start = 0; start <= max; start += BATCH) {
                const tries = [];
                for (let n = start; n <= Math.min(max, start + BATCH - 1); n++) {
                    tries.push(crypto.subtle.digest("SHA-256", encoder.encode(salt + n)));
                }
                const digests = await Promise.all(tries);
                if (!isCurrent()) {
                    return null;
                }
                for (let i = 0; i < digests.length; i++) {
                    if (same(digests[i], target)) {
                        return start + i;
                    }
                }
                progress.value = Math.min(99, Math.floor(100 * (start + BATCH) / (max + 1)));
            }
            return null;
        }

        function startProofOfWork() {
            const field = document.getElementById("pow-number");
            const state = document.getElementById("pow-state");
            if (!field) {
                solution = null;
                return;
            }
            if (!(window.crypto && crypto.subtle)) {
                state.textContent = state.dataset.unsupported;
                solution = Promise.resolve(null);
                return;
            }
            const current = solve(field, function () { return field.isConnected; }).then(function (number) {
                if (number !== null && field.isConnected) {
                    field.value = String(number);
                    document.getElementById("pow-progress").value = 100;
                    state.textContent = state.dataset.done;
                }
                return number;
            });
            solution = current;
        }

        // Every HTMX request of this form waits for the proof-of-work; then it carries the strokes too.
        form.addEventListener("htmx:confirm", function (event) {
            const field = document.getElementById("pow-number");
            if (!field || field.value !== "" || !solution) {
                return;
            }
            event.preventDefault();
            solution.then(function () {
                event.detail.issueRequest(true);
            });
        });
        form.addEventListener("htmx:configRequest", function (event) {
            if (pad) {
                event.detail.parameters.strokes = JSON.stringify({strokes: strokes});
            }
        });
        form.addEventListener("htmx:afterSwap", function () {
            strokes = [];
            startProofOfWork();
        });
        startProofOfWork();
    }

    document.addEventListener("DOMContentLoaded", setUp);
})();
