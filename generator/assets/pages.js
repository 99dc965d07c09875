/* Explainer index pages: the filter box hides list items whose text does not contain what the reader typed. */
(function () {
  function setUp() {
    document.querySelectorAll("input.explainer-filter").forEach(function (input) {
      if (input.dataset.ready) return;
      input.dataset.ready = "1";
      var list = document.querySelector("." + input.dataset.filterList);
      if (!list) return;
      input.addEventListener("input", function () {
        var query = input.value.trim().toLocaleLowerCase();
        list.querySelectorAll("li").forEach(function (item) {
          item.hidden = query !== "" && item.textContent.toLocaleLowerCase().indexOf(query) < 0;
        });
        list.querySelectorAll("h2").forEach(function (heading) {
          var next = heading.nextElementSibling;
          var visible = next && next.tagName === "UL" && next.querySelector("li:not([hidden])");
          heading.hidden = !visible;
        });
      });
    });
  }
  if (typeof document$ !== "undefined" && document$.subscribe) {
    document$.subscribe(setUp);
  } else {
    document.addEventListener("DOMContentLoaded", setUp);
  }
})();
