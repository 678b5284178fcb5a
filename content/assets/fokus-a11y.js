/* Keyboard access to wide tables (WCAG 2.1.1): Material wraps every table in a box that scrolls sideways when
   the table is wider than the page; such a box becomes focusable (the arrow keys then scroll it) and gets a name
   for screen readers. A file, not an inline script: the Content-Security-Policy allows only the site's files. */
(function () {
  "use strict";
  function mark() {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (box) {
      var wide = box.scrollWidth > box.clientWidth + 1;
      if (wide && !box.hasAttribute("tabindex")) {
        box.setAttribute("tabindex", "0");
        box.setAttribute("role", "region");
        var caption = box.querySelector("caption");
        box.setAttribute("aria-label", caption ? caption.textContent.trim() : "Tabelle, seitlich verschiebbar");
      }
    });
  }
  if (window.document$) window.document$.subscribe(function () { requestAnimationFrame(mark); });
  else addEventListener("load", mark);
  addEventListener("resize", mark);
})();
