// The drawing pad: pointer strokes (mouse, touch, pen) on the canvas, scaled from CSS pixels to canvas
// pixels. It hands the drawing to HTMX as a PNG data URL (with the id of the drawing's earlier reading, so
// the server keeps one document per drawing) and signals "drawn" so HTMX asks for a live prediction: every
// data-interval milliseconds while the pen moves (with the drawing as it is when the request leaves, so the
// last movement is always read) and at once when the pen lifts; a newer request replaces one still running
// (hx-sync). Everything else is HTMX and server-rendered HTML.
(function () {
    "use strict";

    function setUp() {
        const pad = document.getElementById("pad");
        const form = document.getElementById("recognize");
        if (!pad || !form) {
            return;
        }
        const context = pad.getContext("2d");
        let drawing = false;
        let last = null;
        const interval = Number(form.dataset.interval || 250);
        let pending = null;

        function readNow() {
            clearTimeout(pending);
            pending = null;
            htmx.trigger(form, "drawn");
        }

        function readSoon() {
            if (pending === null) {
                pending = setTimeout(readNow, interval);
            }
        }

        function position(event) {
            const box = pad.getBoundingClientRect();
            return {
                x: (event.clientX - box.left) * pad.width / box.width,
                y: (event.clientY - box.top) * pad.height / box.height
            };
        }

        function stroke(from, to) {
            context.strokeStyle = "#111";
            context.lineWidth = Math.min(pad.width, pad.height) / 14;
            context.lineCap = "round";
            context.lineJoin = "round";
            context.beginPath();
            context.moveTo(from.x, from.y);
            context.lineTo(to.x, to.y);
            context.stroke();
        }

        pad.addEventListener("pointerdown", function (event) {
            event.preventDefault();
            pad.setPointerCapture(event.pointerId);
            drawing = true;
            last = position(event);
            stroke(last, last);
        });
        pad.addEventListener("pointermove", function (event) {
            if (!drawing) {
                return;
            }
            event.preventDefault();
            const next = position(event);
            stroke(last, next);
            last = next;
            readSoon();
        });
        function end(event) {
            if (drawing) {
                drawing = false;
                pad.releasePointerCapture(event.pointerId);
                readNow();
            }
        }
        pad.addEventListener("pointerup", end);
        pad.addEventListener("pointercancel", end);

        // The result of the previous reading names the stored drawing: a further reading replaces it.
        const result = document.getElementById("result");
        const emptyResult = result ? result.innerHTML : "";
        form.addEventListener("htmx:configRequest", function (event) {
            event.detail.parameters.image = pad.toDataURL("image/png");
            const shown = result && result.querySelector("[data-drawing]");
            if (shown) {
                event.detail.parameters.drawing = shown.dataset.drawing;
            }
        });
        function clear() {
            context.clearRect(0, 0, pad.width, pad.height);
        }
        const clearButton = document.getElementById("clear");
        if (clearButton) {
            // Clearing starts a new drawing: nothing to ask the server, the result goes back to empty.
            clearButton.addEventListener("click", function () {
                clearTimeout(pending);
                pending = null;
                htmx.trigger(form, "htmx:abort");
                clear();
                if (result) {
                    result.innerHTML = emptyResult;
                }
            });
        }
        if (form.dataset.clearAfterSwap) {
            form.addEventListener("htmx:afterSwap", clear);
        }
    }

    document.addEventListener("DOMContentLoaded", setUp);
})();
