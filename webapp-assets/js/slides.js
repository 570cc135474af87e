// Slide keys: Arrow Right, Page Down and Space go to the next slide, Arrow Left and Page Up to the previous
// one. The keys are read here and handed to HTMX as "slide-next" / "slide-previous" events on the body,
// because HTMX's own key filters (keyup[key=='...']) are evaluated as JavaScript, which the
// Content-Security-Policy forbids. On other pages there are no slide keys and nothing happens.
(function () {
    "use strict";

    const NEXT = ["ArrowRight", "PageDown", " "];
    const PREVIOUS = ["ArrowLeft", "PageUp"];

    document.addEventListener("keyup", function (event) {
        if (!document.querySelector(".slide .keys")) {
            return;
        }
        if (NEXT.includes(event.key)) {
            htmx.trigger(document.body, "slide-next");
        } else if (PREVIOUS.includes(event.key)) {
            htmx.trigger(document.body, "slide-previous");
        }
    });
})();
