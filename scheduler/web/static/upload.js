// Drag and drop onto the upload field, and a size warning before the upload starts.
(function () {
  "use strict";
  for (const form of document.querySelectorAll("form.upload")) {
    const drop = form.querySelector(".drop");
    const input = form.querySelector("input[type=file]");
    const chosen = form.querySelector(".drop-chosen");
    const tooBig = form.querySelector(".too-big");
    const maxBytes = Number(form.dataset.maxBytes);

    function show() {
      const file = input.files && input.files[0];
      chosen.textContent = file ? "Chosen: " + file.name : "";
      drop.classList.toggle("has-file", Boolean(file));
      tooBig.hidden = !(file && file.size > maxBytes);
    }

    input.addEventListener("change", show);
    for (const name of ["dragenter", "dragover"]) {
      drop.addEventListener(name, function (event) {
        event.preventDefault();
        drop.classList.add("dragging");
      });
    }
    for (const name of ["dragleave", "drop"]) {
      drop.addEventListener(name, function () { drop.classList.remove("dragging"); });
    }
    drop.addEventListener("drop", function (event) {
      event.preventDefault();
      if (event.dataTransfer && event.dataTransfer.files.length) {
        input.files = event.dataTransfer.files;
        show();
      }
    });
    form.addEventListener("submit", function () {
      const button = form.querySelector("button[type=submit]");
      button.disabled = true;
      button.textContent = "Uploading and checking...";
    });
  }
})();
