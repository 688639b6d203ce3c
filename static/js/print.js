// A print button for pages that offer one (the recovery codes); without scripts it stays hidden.
for (const button of document.querySelectorAll("button[data-print]")) {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
}
