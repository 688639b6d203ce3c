/*
 * Proposes a meeting's short address from its first day and title while they are
 * typed (meetings/copy.html): "2027-03-16-rus-och-planer", as meetings.programme.
 * proposed_slug does on the server when the field is left empty. Once the planner
 * types in the address field it is theirs and is left alone. No dependencies, served
 * from 'self' under the Content-Security-Policy; without it the server proposes.
 */
(function () {
  "use strict";

  function slugify(text) {
    return text
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^\w\s-]/g, "")
      .replace(/[-\s]+/g, "-")
      .replace(/^[-_]+|[-_]+$/g, "");
  }

  function setUp(form) {
    var day = form.querySelector("[name=starts_on]");
    var title = form.querySelector("[name=title]");
    var slug = form.querySelector("[name=slug]");
    if (!day || !title || !slug) {
      return;
    }
    var edited = slug.value !== "";
    function propose() {
      if (edited || !day.value) {
        return;
      }
      slug.value = (day.value + "-" + slugify(title.value)).slice(0, 120).replace(/-+$/, "");
    }
    slug.addEventListener("input", function () {
      edited = slug.value !== "";
    });
    day.addEventListener("input", propose);
    day.addEventListener("change", propose);
    title.addEventListener("input", propose);
    propose();
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("form[data-slug-proposal]").forEach(setUp);
  });
})();
