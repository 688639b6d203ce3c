/*
 * Drag and drop, and arrow keys, for the programme editor (meetings/programme.html).
 *
 * Written for this portal, no dependencies, no build step; served from 'self' under
 * the strict Content-Security-Policy. Without it the editor's "Move up"/"Move down"
 * buttons do the same. Each movable item gets a handle: drag it onto another item of
 * the same day, or focus it and press the up or down arrow key. The move is posted to
 * the item's move URL with a 1-based position and the day's fingerprint (so a page
 * older than the day is refused), the server re-times the day, and the returned
 * editor replaces the list; focus returns to the moved item's handle and the new
 * place is announced through the aria-live region #reorder-status.
 */
(function () {
  "use strict";

  var dragged = null;

  function status() {
    return document.getElementById("reorder-status");
  }

  function announce(text) {
    var region = status();
    if (region) {
      region.textContent = "";
      // A fresh text node after clearing makes screen readers read it again.
      window.setTimeout(function () { region.textContent = text; }, 50);
    }
  }

  function csrfToken() {
    var input = document.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function placeOf(item) {
    var items = Array.prototype.slice.call(item.parentNode.children);
    return items.indexOf(item) + 1;
  }

  function move(item, position) {
    var list = item.parentNode;
    var count = list.children.length;
    if (position < 1 || position > count || position === placeOf(item)) {
      return;
    }
    var body = new FormData();
    body.append("csrfmiddlewaretoken", csrfToken());
    body.append("token", list.getAttribute("data-token"));
    body.append("position", String(position));
    var id = item.id;
    fetch(item.getAttribute("data-move-url"), {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { "X-CSRFToken": csrfToken() }
    })
      .then(function (response) {
        if (!response.ok) { throw new Error(String(response.status)); }
        return response.text();
      })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, "text/html");
        var days = fresh.getElementById("programme-days");
        if (!days) { throw new Error("no programme"); }
        var error = fresh.querySelector(".message-error");
        document.getElementById("programme-days").replaceWith(days);
        enhance();
        var moved = document.getElementById(id);
        var handle = moved && moved.querySelector(".drag-handle");
        if (handle) { handle.focus(); }
        if (error) {
          announce(error.textContent.trim());
          return;
        }
        var region = status();
        var time = moved ? moved.querySelector(".programme-time").textContent.trim() : "";
        announce(region.getAttribute("data-moved")
          .replace("{place}", String(placeOf(moved)))
          .replace("{count}", String(moved.parentNode.children.length)) + " " + time);
      })
      .catch(function () {
        announce(status().getAttribute("data-failed"));
      });
  }

  function onKey(event) {
    var item = event.currentTarget.parentNode;
    if (event.key === "ArrowUp") {
      event.preventDefault();
      move(item, placeOf(item) - 1);
    } else if (event.key === "ArrowDown") {
      event.preventDefault();
      move(item, placeOf(item) + 1);
    }
  }

  function onDragStart(event) {
    dragged = event.currentTarget.parentNode;
    dragged.classList.add("dragging");
    event.dataTransfer.effectAllowed = "move";
    event.dataTransfer.setData("text/plain", dragged.id);
  }

  function onDragEnd() {
    if (dragged) { dragged.classList.remove("dragging"); }
    dragged = null;
  }

  function onDragOver(event) {
    var target = event.currentTarget;
    if (dragged && target !== dragged && target.parentNode === dragged.parentNode) {
      event.preventDefault();
      event.dataTransfer.dropEffect = "move";
    }
  }

  function onDrop(event) {
    var target = event.currentTarget;
    if (dragged && target.parentNode === dragged.parentNode) {
      event.preventDefault();
      move(dragged, placeOf(target));
    }
  }

  function enhance() {
    var items = document.querySelectorAll(".editor-list > li");
    Array.prototype.forEach.call(items, function (item) {
      item.addEventListener("dragover", onDragOver);
      item.addEventListener("drop", onDrop);
      if (!item.hasAttribute("data-move-url") || item.querySelector(".drag-handle")) {
        return;
      }
      var handle = document.createElement("button");
      handle.type = "button";
      handle.className = "drag-handle";
      handle.draggable = true;
      var icon = document.createElement("span");
      icon.setAttribute("aria-hidden", "true");
      icon.textContent = "\u2195 ";
      handle.appendChild(icon);
      handle.appendChild(document.createTextNode(item.getAttribute("data-handle-label")));
      handle.setAttribute("aria-describedby", "reorder-help");
      handle.addEventListener("keydown", onKey);
      handle.addEventListener("dragstart", onDragStart);
      handle.addEventListener("dragend", onDragEnd);
      item.insertBefore(handle, item.firstChild);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", enhance);
  } else {
    enhance();
  }
})();
