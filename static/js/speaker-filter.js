/*
 * Search as you type for the speaker list of a programme item (meetings/item_form.html).
 *
 * Our own, no dependencies, served from 'self' under the Content-Security-Policy.
 * Without it the list is a plain select grouped by organisation, each option naming
 * the person and the organisation. With it a search field above the list hides the
 * people whose name and organisation do not contain every word typed; chosen people
 * always stay visible, and the number found is announced through an aria-live region.
 */
(function () {
  "use strict";

  function words(text) {
    return text.toLowerCase().split(/\s+/).filter(Boolean);
  }

  function setUp(select) {
    var field = document.createElement("input");
    field.type = "search";
    field.id = select.id + "-search";
    field.autocomplete = "off";
    field.setAttribute("aria-controls", select.id);
    var label = document.createElement("label");
    label.htmlFor = field.id;
    label.textContent = select.dataset.searchLabel;
    var status = document.createElement("p");
    status.className = "visually-hidden";
    status.setAttribute("aria-live", "polite");
    var wrapper = document.createElement("div");
    wrapper.className = "speaker-search";
    wrapper.append(label, field, status);
    select.parentNode.insertBefore(wrapper, select);

    field.addEventListener("input", function () {
      var wanted = words(field.value);
      var found = 0;
      select.querySelectorAll("optgroup").forEach(function (group) {
        var shown = 0;
        group.querySelectorAll("option").forEach(function (option) {
          var text = option.textContent.toLowerCase();
          var match = option.selected || wanted.every(function (word) {
            return text.indexOf(word) !== -1;
          });
          option.hidden = !match;
          shown += match ? 1 : 0;
        });
        group.hidden = shown === 0;
        found += shown;
      });
      status.textContent = select.dataset.foundLabel.replace("{count}", found);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("select[data-search-label]").forEach(setUp);
  });
})();
