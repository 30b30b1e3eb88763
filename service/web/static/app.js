// Progressive help for the feedback form: at most three root causes can be ticked.
// The server checks the same rule; without this script the form still works.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  for (const form of document.querySelectorAll("form[data-max-causes]")) {
    const limit = Number(form.dataset.maxCauses);
    const boxes = Array.from(form.querySelectorAll('input[name="aarsager"]'));
    const update = () => {
      const full = boxes.filter((box) => box.checked).length >= limit;
      for (const box of boxes) box.disabled = full && !box.checked;
    };
    for (const box of boxes) box.addEventListener("change", update);
    update();
  }
});
