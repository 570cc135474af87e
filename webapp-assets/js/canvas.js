// The drawing pad: pointer strokes (mouse, touch, pen) on the canvas, scaled from CSS pixels to canvas
// pixels, in the chosen pen width; an uploaded image or MNIST test images as a starting point; undo of the
// last mark (button or Ctrl+Z). It hands the drawing to HTMX as a PNG data URL (with the id of the drawing's
// earlier reading, so the server keeps one document per drawing) and signals "drawn" so HTMX asks for a live
// prediction: every data-interval milliseconds while the pen moves (with the drawing as it is when the
// request leaves, so the last movement is always read) and at once when the pen lifts or a mark is added or
// undone; a newer request replaces one still running (hx-sync). Everything else is HTMX and server-rendered
// HTML.
(function () {
    "use strict";

    const PEN_WIDTHS = {thin: 28, normal: 14, bold: 9};

    function setUp() {
        const pad = document.getElementById("pad");
        const form = document.getElementById("recognize");
        if (!pad || !form) {
            return;
        }
        const context = pad.getContext("2d");
        const side = Math.min(pad.width, pad.height);
        const interval = Number(form.dataset.interval || 250);
        const result = document.getElementById("result");
        const emptyResult = result ? result.innerHTML : "";
        const undoButton = document.getElementById("undo");
        const penWidth = document.getElementById("pen-width");
        const upload = document.getElementById("upload");
        const sample = document.getElementById("sample");
        const note = document.getElementById("pad-note");
        // Everything on the pad, oldest first: strokes ({width, points}) and images ({image, x, y, w, h}).
        let marks = [];
        let current = null;
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

        function line(width, from, to) {
            context.strokeStyle = "#111";
            context.lineWidth = width;
            context.lineCap = "round";
            context.lineJoin = "round";
            context.beginPath();
            context.moveTo(from.x, from.y);
            context.lineTo(to.x, to.y);
            context.stroke();
        }

        function paint(mark) {
            if (mark.image) {
                context.drawImage(mark.image, mark.x, mark.y, mark.w, mark.h);
                return;
            }
            mark.points.forEach(function (point, i) {
                line(mark.width, mark.points[Math.max(0, i - 1)], point);
            });
        }

        function redraw() {
            context.clearRect(0, 0, pad.width, pad.height);
            marks.forEach(paint);
            if (undoButton) {
                undoButton.disabled = marks.length === 0;
            }
        }

        function say(text) {
            if (note) {
                note.textContent = text;
            }
        }

        // A new drawing: nothing to ask the server, the result goes back to empty.
        function startOver() {
            clearTimeout(pending);
            pending = null;
            htmx.trigger(form, "htmx:abort");
            marks = [];
            current = null;
            redraw();
            say("");
            if (result) {
                result.innerHTML = emptyResult;
            }
        }

        function add(mark) {
            marks.push(mark);
            paint(mark);
            if (undoButton) {
                undoButton.disabled = false;
            }
        }

        function undo() {
            if (marks.length === 0) {
                return;
            }
            marks.pop();
            if (marks.length === 0) {
                startOver();
                return;
            }
            redraw();
            readNow();
        }

        pad.addEventListener("pointerdown", function (event) {
            event.preventDefault();
            pad.setPointerCapture(event.pointerId);
            const width = side / PEN_WIDTHS[penWidth ? penWidth.value : "normal"];
            current = {width: width, points: [position(event)]};
            add(current);
        });
        pad.addEventListener("pointermove", function (event) {
            if (!current) {
                return;
            }
            event.preventDefault();
            const next = position(event);
            line(current.width, current.points[current.points.length - 1], next);
            current.points.push(next);
            readSoon();
        });
        function end(event) {
            if (current) {
                current = null;
                pad.releasePointerCapture(event.pointerId);
                readNow();
            }
        }
        pad.addEventListener("pointerup", end);
        pad.addEventListener("pointercancel", end);

        // The result of the previous reading names the stored drawing: a further reading replaces it.
        form.addEventListener("htmx:configRequest", function (event) {
            event.detail.parameters.image = pad.toDataURL("image/png");
            const shown = result && result.querySelector("[data-drawing]");
            if (shown) {
                event.detail.parameters.drawing = shown.dataset.drawing;
            }
        });

        const clearButton = document.getElementById("clear");
        if (clearButton) {
            clearButton.addEventListener("click", startOver);
        }
        if (form.dataset.clearAfterSwap) {
            form.addEventListener("htmx:afterSwap", function () {
                marks = [];
                redraw();
            });
        }
        if (undoButton) {
            undoButton.addEventListener("click", undo);
            undoButton.disabled = true;
        }
        document.addEventListener("keydown", function (event) {
            if ((event.ctrlKey || event.metaKey) && event.key === "z" && !event.target.matches("input, select, textarea")) {
                event.preventDefault();
                undo();
            }
        });

        if (penWidth) {
            const saved = window.localStorage.getItem("digits.pen");
            if (saved && PEN_WIDTHS[saved]) {
                penWidth.value = saved;
            }
            penWidth.addEventListener("change", function () {
                window.localStorage.setItem("digits.pen", penWidth.value);
            });
        }

        // An uploaded photo or scan starts a new drawing, fitted into the pad; the server's preprocessing
        // takes the paper and the ink from there.
        if (upload) {
            upload.addEventListener("change", function () {
                const file = upload.files[0];
                upload.value = "";
                if (!file) {
                    return;
                }
                createImageBitmap(file).then(function (image) {
                    const scale = Math.min(pad.width / image.width, pad.height / image.height);
                    const w = image.width * scale;
                    const h = image.height * scale;
                    startOver();
                    add({image: image, x: (pad.width - w) / 2, y: (pad.height - h) / 2, w: w, h: h});
                    say(file.name);
                    readNow();
                }, function () {
                    say(upload.dataset.error);
                });
            });
        }

        // Test images from MNIST, side by side on the number pad, each in a square box with a gap between.
        if (sample) {
            sample.addEventListener("click", function () {
                const count = Number(sample.dataset.count || 1);
                const box = count === 1 ? side : Math.min(side, pad.width / (count + 1));
                const gap = count === 1 ? 0 : (pad.width - count * box) / (count + 1);
                const fetches = [];
                for (let i = 0; i < count; i++) {
                    fetches.push(fetch(sample.dataset.source, {headers: {Accept: "application/json"}})
                        .then(function (response) {
                            if (!response.ok) {
                                throw new Error(response.status);
                            }
                            return response.json();
                        })
                        .then(function (digit) {
                            const image = new Image();
                            image.src = digit.image;
                            return image.decode().then(function () {
                                return {digit: digit, image: image};
                            });
                        }));
                }
                Promise.all(fetches).then(function (digits) {
                    startOver();
                    digits.forEach(function (each, i) {
                        add({image: each.image, x: gap + i * (box + gap), y: (pad.height - box) / 2, w: box, h: box});
                    });
                    say(sample.dataset.note
                        .replace("{0}", digits.map(function (each) { return each.digit.index; }).join(", "))
                        .replace("{1}", digits.map(function (each) { return each.digit.label; }).join("")));
                    readNow();
                }, function () {
                    say(sample.dataset.error);
                });
            });
        }
    }

    document.addEventListener("DOMContentLoaded", setUp);
})();
