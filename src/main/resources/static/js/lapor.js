/* LAPOR Jambi: small comforts only; every page works without this file. */
(function () {
  'use strict';
  // A form marked data-once sends once: a second click while the first is on its way does nothing
  // (the server is safe anyway: the report form carries its own idempotency key).
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!form.hasAttribute('data-once')) { return; }
    if (form.dataset.sent === 'true') { event.preventDefault(); return; }
    form.dataset.sent = 'true';
    var buttons = form.querySelectorAll('button[type="submit"]');
    for (var i = 0; i < buttons.length; i++) { buttons[i].setAttribute('aria-disabled', 'true'); }
  });
  // After a failed submit, move the focus to the list of problems so a screen reader reads it.
  document.addEventListener('DOMContentLoaded', function () {
    var summary = document.getElementById('error-summary');
    if (summary) { summary.focus(); }
    // helpers that only work with scripts (htmx searches) stay hidden without them
    var helpers = document.querySelectorAll('[data-needs-script]');
    for (var i = 0; i < helpers.length; i++) { helpers[i].hidden = false; }
    // a print button (the receipt): without scripts the browser's own print and the PDF remain
    var printers = document.querySelectorAll('[data-print]');
    for (var j = 0; j < printers.length; j++) {
      printers[j].hidden = false;
      printers[j].addEventListener('click', function () { window.print(); });
    }
  });
}());
