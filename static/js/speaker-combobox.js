/*
 * The speaker field of a programme item (meetings/item_form.html) as a combobox that
 * searches people by name and organisation as you type: the WAI-ARIA 1.2 combobox
 * pattern with a listbox popup (aria-activedescendant, arrow keys, Enter, Escape) and
 * the number found announced in a live region.
 *
 * Our own, no dependencies, served from 'self' under the Content-Security-Policy.
 * Without it the field is the plain multiple select grouped by organisation, each option
 * naming the person and the organisation. With it that select stays in the form, hidden,
 * and remains what is submitted: choosing a person in the combobox selects their option,
 * and the list of chosen speakers under it removes one by unselecting it. The people
 * searched are the select's own options, so nobody the page did not already hold is shown.
 */
(function () {
  "use strict";

  var MAX_SHOWN = 50;

  // Lower case without diacritics: "gavle" finds "Gävleborg", "ostergotland" Östergötland.
  function folded(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function words(text) {
    return folded(text).split(/\s+/).filter(Boolean);
  }

  function message(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, name) {
      return name in values ? values[name] : whole;
    });
  }

  function element(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      node.setAttribute(name, attributes[name]);
    });
    if (text) {
      node.textContent = text;
    }
    return node;
  }

  function setUp(select) {
    var texts = select.dataset;
    var options = Array.prototype.slice.call(select.options);
    var base = select.id;
    var input = element("input", {
      id: base + "-combobox",
      type: "text",
      role: "combobox",
      autocomplete: "off",
      spellcheck: "false",
      "aria-autocomplete": "list",
      "aria-expanded": "false",
      "aria-controls": base + "-listbox"
    });
    var listbox = element("ul", {
      id: base + "-listbox",
      role: "listbox",
      "aria-label": texts.listboxLabel,
      class: "combobox-listbox"
    });
    listbox.hidden = true;
    var status = element("p", { class: "visually-hidden", "aria-live": "polite" });
    var chosenHeading = element("p", { id: base + "-chosen", class: "combobox-chosen-heading" },
      texts.chosenLabel);
    var chosenList = element("ul", { class: "combobox-chosen", "aria-labelledby": base + "-chosen" });
    var wrapper = element("div", { class: "combobox" });
    wrapper.append(input, listbox, status, chosenHeading, chosenList);
    select.parentNode.insertBefore(wrapper, select);
    select.hidden = true;

    // The field's label and help text now belong to the combobox.
    var label = document.querySelector("label[for='" + base + "']");
    if (label) {
      label.htmlFor = input.id;
    }
    var help = document.getElementById(base + "_helptext");
    if (help) {
      help.textContent = texts.comboboxHelp;
      input.setAttribute("aria-describedby", help.id);
    }

    var shown = [];
    var active = -1;

    function optionId(option) {
      return base + "-option-" + option.value;
    }

    function close() {
      listbox.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function activate(index) {
      var items = listbox.children;
      if (active >= 0 && items[active]) {
        items[active].setAttribute("aria-selected", "false");
      }
      active = index;
      if (index < 0 || !items[index]) {
        input.removeAttribute("aria-activedescendant");
        return;
      }
      items[index].setAttribute("aria-selected", "true");
      input.setAttribute("aria-activedescendant", items[index].id);
      items[index].scrollIntoView({ block: "nearest" });
    }

    function search() {
      var wanted = words(input.value);
      var found = options.filter(function (option) {
        var text = folded(option.textContent);
        return !option.selected && wanted.every(function (word) {
          return text.indexOf(word) !== -1;
        });
      });
      shown = found.slice(0, MAX_SHOWN);
      listbox.replaceChildren.apply(listbox, shown.map(function (option) {
        var item = element("li", { id: optionId(option), role: "option", "aria-selected": "false" },
          option.textContent);
        item.addEventListener("mousedown", function (event) {
          event.preventDefault(); // keep the focus in the field
        });
        item.addEventListener("click", function () {
          choose(option);
        });
        return item;
      }));
      active = -1;
      input.removeAttribute("aria-activedescendant");
      listbox.hidden = shown.length === 0;
      input.setAttribute("aria-expanded", shown.length ? "true" : "false");
      status.textContent = found.length
        ? message(texts.foundLabel, { count: found.length })
        : texts.noneLabel;
    }

    function renderChosen() {
      var chosen = options.filter(function (option) { return option.selected; });
      chosenList.replaceChildren.apply(chosenList, chosen.map(function (option) {
        var item = element("li", {}, option.textContent + " ");
        var button = element("button", { type: "button", class: "link-button" }, texts.removeLabel);
        button.append(element("span", { class: "visually-hidden" }, " " + option.textContent));
        button.addEventListener("click", function () {
          option.selected = false;
          renderChosen();
          status.textContent = message(texts.removedLabel, { name: option.textContent });
          input.focus();
        });
        item.append(button);
        return item;
      }));
      if (!chosen.length) {
        chosenList.append(element("li", { class: "muted" }, texts.noneChosenLabel));
      }
    }

    function choose(option) {
      option.selected = true;
      input.value = "";
      close();
      renderChosen();
      status.textContent = message(texts.addedLabel, { name: option.textContent });
      input.focus();
    }

    input.addEventListener("input", function () {
      if (input.value.trim()) {
        search();
      } else {
        close();
        status.textContent = "";
      }
    });

    input.addEventListener("keydown", function (event) {
      var open = !listbox.hidden;
      switch (event.key) {
        case "ArrowDown":
          event.preventDefault();
          if (!open) {
            search();
            if (!listbox.hidden) { activate(0); }
          } else {
            activate(active + 1 < shown.length ? active + 1 : 0);
          }
          break;
        case "ArrowUp":
          event.preventDefault();
          if (!open) {
            search();
            if (!listbox.hidden) { activate(shown.length - 1); }
          } else {
            activate(active > 0 ? active - 1 : shown.length - 1);
          }
          break;
        case "Enter":
          // Never submit the form from the search: Enter chooses the active person.
          if (open || input.value.trim()) {
            event.preventDefault();
            if (open && active >= 0) {
              choose(shown[active]);
            }
          }
          break;
        case "Escape":
          if (open) {
            event.preventDefault();
            close();
          } else if (input.value) {
            event.preventDefault();
            input.value = "";
            status.textContent = "";
          }
          break;
        case "Tab":
          close();
          break;
      }
    });

    input.addEventListener("blur", close);
    renderChosen();
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("select[data-combobox-help]").forEach(setUp);
  });
})();
