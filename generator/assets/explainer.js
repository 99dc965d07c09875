/* Explainer graphs.
 *
 * Every graph arrives as a static SVG drawn at build time, so it is visible at
 * load, works without JavaScript and from file://. The first time the reader
 * points at, touches or scrolls a graph, the one vendored vis-network file is
 * loaded and an interactive network with the same positions replaces the SVG.
 * Runs on every page view, including Material's instant navigation (document$).
 */
(function () {
  "use strict";

  var TYPES = ["person", "place", "organization", "group", "event", "other"];
  var scriptUrl = document.currentScript ? document.currentScript.src : "";
  var visUrl = scriptUrl.replace(/[^/]*$/, "") + "vis-network.min.js";
  var visLoading = null;
  var live = [];

  function loadVis() {
    if (window.vis && window.vis.Network) return Promise.resolve(window.vis);
    if (!visLoading) {
      visLoading = new Promise(function (resolve, reject) {
        var tag = document.createElement("script");
        tag.src = visUrl;
        tag.onload = function () { resolve(window.vis); };
        tag.onerror = function () { visLoading = null; reject(new Error("vis-network did not load")); };
        document.head.appendChild(tag);
      });
    }
    return visLoading;
  }

  function cssVar(name) {
    return getComputedStyle(document.body).getPropertyValue(name).trim();
  }

  /* Colours come from the theme's CSS variables, so they follow the light/dark toggle. */
  function themeOptions() {
    var groups = {};
    var text = cssVar("--md-default-fg-color") || "#222";
    TYPES.forEach(function (type) {
      var fill = cssVar("--explainer-" + type) || "#888";
      groups[type] = {
        color: { background: fill, border: fill, highlight: { background: fill, border: text }, hover: { background: fill, border: text } },
        font: { color: text, size: 13, face: "inherit" }
      };
    });
    return {
      groups: groups,
      edges: { color: { color: cssVar("--explainer-edge") || "#999", highlight: text, hover: text }, smooth: false },
      nodes: { font: { color: text } }
    };
  }

  function options() {
    var o = themeOptions();
    o.physics = false;
    o.layout = { randomSeed: 1, improvedLayout: false };
    o.interaction = { hover: true, tooltipDelay: 150, navigationButtons: false, keyboard: false };
    return o;
  }

  /* Open an entity page through an ordinary link, so Material's instant router handles it. */
  function openEntity(figure, id) {
    var anchors = figure.querySelectorAll("[data-entity]");
    for (var i = 0; i < anchors.length; i++) {
      if (anchors[i].getAttribute("data-entity") === id && anchors[i].getAttribute("href")) {
        var link = document.createElement("a");
        link.href = anchors[i].getAttribute("href");
        link.hidden = true;
        figure.appendChild(link);
        link.click();
        link.remove();
        return;
      }
    }
  }

  function activate(figure) {
    if (figure.getAttribute("data-state")) return;
    figure.setAttribute("data-state", "loading");
    loadVis().then(function (vis) {
      var data = JSON.parse(figure.getAttribute("data-graph"));
      var canvas = figure.querySelector(".explainer-graph__canvas");
      var holder = document.createElement("div");
      holder.className = "explainer-graph__vis";
      canvas.appendChild(holder);
      var network = new vis.Network(
        holder,
        { nodes: new vis.DataSet(data.nodes), edges: new vis.DataSet(data.edges) },
        options()
      );
      network.on("click", function (event) {
        if (event.nodes.length) openEntity(figure, event.nodes[0]);
      });
      network.on("hoverNode", function () { holder.style.cursor = "pointer"; });
      network.on("blurNode", function () { holder.style.cursor = ""; });
      network.fit({ animation: false });
      figure.explainerNetwork = network; // for scripts and tests that drive the graph
      figure.setAttribute("data-state", "interactive");
      live.push(network);
    }).catch(function () {
      figure.setAttribute("data-state", "static");
    });
  }

  function setUp() {
    live.forEach(function (network) { network.destroy(); });
    live = [];
    var figures = document.querySelectorAll("figure.explainer-graph[data-graph]");
    Array.prototype.forEach.call(figures, function (figure) {
      var start = function () { activate(figure); };
      ["pointerenter", "touchstart", "wheel"].forEach(function (name) {
        figure.addEventListener(name, start, { once: true, passive: true });
      });
    });
  }

  /* Re-colour live networks when the reader toggles light/dark. */
  new MutationObserver(function () {
    var o = themeOptions();
    live.forEach(function (network) { network.setOptions(o); });
  }).observe(document.body, { attributes: true, attributeFilter: ["data-md-color-scheme"] });

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setUp);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
