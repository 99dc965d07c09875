/* Explainer graphs.
 *
 * Every graph arrives as a static SVG drawn at build time, so it is visible at
 * load, works without JavaScript and from file://. The first time the reader
 * points at, touches, focuses or scrolls to a graph, the one vendored
 * vis-network file is loaded and an interactive network with the same
 * positions replaces the SVG. Runs on every page view, including Material's
 * instant navigation (document$). Tooltips are plain text (vis-network 9).
 */
(function () {
  "use strict";

  var TYPES = EXPLAINER_TYPES;
  var scriptUrl = document.currentScript ? document.currentScript.src : "";
  var visUrl = scriptUrl.replace(/[^/]*$/, "") + "vis-network.min.js";
  var visLoading = null;
  var live = [];
  var watcher = null;
  var scrolled = false;

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

  /* Colours come from CSS variables, so they follow the light/dark toggle. */
  function themeOptions() {
    var groups = {};
    var text = cssVar("--md-default-fg-color") || "#222";
    var back = cssVar("--md-default-bg-color") || "#fff";
    TYPES.forEach(function (type) {
      var fill = cssVar("--explainer-" + type) || "#888";
      groups[type] = {
        color: { background: fill, border: fill, highlight: { background: fill, border: text }, hover: { background: fill, border: text } },
        font: { color: text, size: 12, strokeWidth: 3, strokeColor: back }
      };
    });
    var edge = cssVar("--explainer-edge") || "#999";
    return {
      groups: groups,
      edges: {
        color: { color: edge, highlight: text, hover: text },
        font: { color: text, size: 10, strokeWidth: 3, strokeColor: back, align: "top" },
        smooth: false
      }
    };
  }

  function options() {
    var o = themeOptions();
    o.physics = false;
    o.layout = { randomSeed: 1, improvedLayout: false };
    o.interaction = { hover: true, tooltipDelay: 150, navigationButtons: false, keyboard: false, hideEdgesOnDrag: true };
    return o;
  }

  var XLINK = "http://www.w3.org/1999/xlink";

  /* The SVG's node links use xlink:href (Material's instant navigation cannot rewrite an SVG href). */
  function hrefOf(element) {
    return element.getAttribute("href") || element.getAttributeNS(XLINK, "href");
  }

  function entityLink(figure, id) {
    var anchors = figure.querySelectorAll("[data-entity]");
    for (var i = 0; i < anchors.length; i++) {
      if (anchors[i].getAttribute("data-entity") === id && hrefOf(anchors[i])) return hrefOf(anchors[i]);
    }
    return null;
  }

  /* Open an entity page through an ordinary HTML link, so Material's instant router handles it; from an
     embed (embed/*.html, in another site's iframe), in the top window. */
  function follow(figure, href) {
    var link = document.createElement("a");
    link.href = href;
    if (document.body.classList.contains("explainer-embed")) link.target = "_top";
    link.hidden = true;
    figure.appendChild(link);
    link.click();
    link.remove();
  }

  function hiddenTypes(figure) {
    var hidden = {};
    figure.querySelectorAll(".explainer-graph__legend button[aria-pressed=false]").forEach(function (b) {
      hidden[b.getAttribute("data-type")] = true;
    });
    return hidden;
  }

  /* An entity's neighbourhood has an outer ring (connections of connections) the reader can show or hide. */
  function depthControl(figure) {
    var section = figure.closest(".explainer-graphs--depths");
    return section ? section.querySelector(".explainer-graphs__depth") : null;
  }

  function outerHidden(figure) {
    var control = depthControl(figure);
    return !!control && !!control.querySelector('input[value="1"]:checked');
  }

  /* The static picture frames what is shown: the direct ties alone, or both rings. */
  function frame(figure) {
    var svg = figure.querySelector(".explainer-graph__svg");
    if (!svg.getAttribute("data-full")) svg.setAttribute("data-full", svg.getAttribute("viewBox"));
    var inner = svg.getAttribute("data-inner");
    var box = outerHidden(figure) && inner ? inner : svg.getAttribute("data-full");
    svg.setAttribute("viewBox", box);
    return box.split(" ").map(parseFloat);
  }

  function fitNetwork(figure, network, animate) {
    var box = frame(figure);
    var holder = figure.querySelector(".explainer-graph__vis");
    var scale = Math.min(holder.clientWidth / box[2], holder.clientHeight / box[3]);
    network.moveTo({ position: { x: box[0] + box[2] / 2, y: box[1] + box[3] / 2 }, scale: scale, animation: animate ? { duration: 300 } : false });
  }

  function applyHidden(figure) {
    var hidden = hiddenTypes(figure);
    var outer = outerHidden(figure);
    TYPES.forEach(function (type) { figure.classList.toggle("hide-" + type, !!hidden[type]); });
    var state = figure.explainerState;
    if (state && state.nodes) {
      state.nodes.update(state.nodes.get().map(function (n) { return { id: n.id, hidden: !!hidden[n.group] || (outer && n.outer) }; }));
    }
  }

  var SHAPES = EXPLAINER_SHAPES;

  function typeOf(element) {
    var match = /(?:^|\s)t-([a-z]+)/.exec(element.getAttribute("class") || "");
    return match ? match[1] : "other";
  }

  function titleOf(element) {
    var title = element.querySelector("title");
    return title ? title.textContent : "";
  }

  /* The SVG is the graph's only copy on the page: read nodes, edges, positions and tooltips back out of it. */
  function graphData(figure) {
    if (figure.explainerData) return figure.explainerData;
    var svg = figure.querySelector(".explainer-graph__svg");
    var nodes = Array.prototype.map.call(svg.querySelectorAll(".nodes > [data-entity]"), function (element) {
      var type = typeOf(element);
      var title = titleOf(element);
      var node = {
        id: element.getAttribute("data-entity"), label: title.split("\n")[0], title: title, group: type,
        shape: SHAPES[type] || "dot", size: parseFloat(element.getAttribute("data-r")),
        x: parseFloat(element.getAttribute("data-x")), y: parseFloat(element.getAttribute("data-y"))
      };
      if (element.classList.contains("node--focus")) node.borderWidth = 3;
      node.outer = element.classList.contains("d2");
      return node;
    });
    var names = {};
    nodes.forEach(function (node) { names[node.id] = node.label; });
    var edges = Array.prototype.map.call(svg.querySelectorAll(".edges > [data-from]"), function (element) {
      var line = element.querySelector("line");
      var label = element.querySelector("text");
      var from = element.getAttribute("data-from");
      var to = element.getAttribute("data-to");
      var weight = parseInt(element.getAttribute("data-w") || "1", 10);
      /* A plain co-occurrence has no tooltip in the SVG (it would be most of the page): word it here. A tie
         beside an entity's page's focus carries no count (it is another page's news). */
      var title = titleOf(element) || names[from] + " and " + names[to] + ": named together" +
        (element.classList.contains("edge--beside") ? "" :
          " in " + weight + (weight === 1 ? " sentence" : " sentences"));
      var edge = { from: from, to: to, width: parseFloat(line.getAttribute("stroke-width") || "1"), title: title };
      if (label) edge.label = label.textContent;
      /* Named together and no more: drawn faint, as in the SVG, so the relations stand out. */
      if (!element.classList.contains("edge--labelled")) edge.color = { opacity: 0.45 };
      if (line.hasAttribute("marker-end")) edge.arrows = "to";
      return edge;
    });
    figure.explainerData = { nodes: nodes, edges: edges };
    return figure.explainerData;
  }

  function activate(figure) {
    if (figure.explainerReady) return figure.explainerReady;
    figure.setAttribute("data-state", "loading");
    figure.explainerReady = loadVis().then(function (vis) {
      var data = graphData(figure);
      var canvas = figure.querySelector(".explainer-graph__canvas");
      var holder = document.createElement("div");
      holder.className = "explainer-graph__vis";
      canvas.appendChild(holder);
      var nodes = new vis.DataSet(data.nodes);
      var network = new vis.Network(holder, { nodes: nodes, edges: new vis.DataSet(data.edges) }, options());
      network.on("click", function (event) {
        var href = event.nodes.length ? entityLink(figure, event.nodes[0]) : null;
        if (href) follow(figure, href);
      });
      network.on("hoverNode", function () { holder.style.cursor = "pointer"; });
      network.on("blurNode", function () { holder.style.cursor = ""; });
      figure.explainerNetwork = network; // for scripts and tests that drive the graph
      figure.explainerState = { nodes: nodes };
      applyHidden(figure);
      /* Show exactly the picture the SVG showed: same centre, same scale. */
      fitNetwork(figure, network, false);
      figure.setAttribute("data-state", "interactive");
      live.push(network);
      return network;
    }).catch(function () {
      figure.explainerReady = null;
      figure.setAttribute("data-state", "static");
    });
    return figure.explainerReady;
  }

  /* Unicode-aware matching: case and accents do not matter ("sao paulo" finds "São Paulo"). */
  function fold(text) {
    return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim();
  }

  function findNode(figure, query) {
    var wanted = fold(query);
    if (!wanted) return null;
    var nodes = graphData(figure).nodes;
    var best = null;
    var rank = 4;
    nodes.forEach(function (n) {
      var name = fold(n.label);
      var r = name === wanted ? 0 : name.indexOf(wanted) === 0 ? 1 : name.indexOf(wanted) > 0 ? 2 : 4;
      if (r < rank) { rank = r; best = n; }
    });
    return best;
  }

  function setUpFind(figure, input, n) {
    /* The names list is built when the reader first uses the box: nothing is parsed at load. */
    input.addEventListener("focus", function () {
      var list = document.createElement("datalist");
      list.id = "explainer-names-" + n;
      graphData(figure).nodes.forEach(function (node) {
        var option = document.createElement("option");
        option.value = node.label;
        list.appendChild(option);
      });
      figure.appendChild(list);
      input.setAttribute("list", list.id);
    }, { once: true });
    function go() {
      var node = findNode(figure, input.value);
      input.setAttribute("aria-invalid", node ? "false" : "true");
      if (!node) return;
      var control = depthControl(figure);
      if (node.outer && outerHidden(figure)) {
        control.querySelector('input[value="2"]').checked = true;
        control.dispatchEvent(new Event("change", { bubbles: true }));
      }
      activate(figure).then(function (network) {
        if (!network) return;
        network.selectNodes([node.id]);
        network.focus(node.id, { scale: Math.max(network.getScale(), 1.2), animation: { duration: 300 } });
      });
    }
    input.addEventListener("change", go);
    input.addEventListener("keydown", function (event) { if (event.key === "Enter") { event.preventDefault(); go(); } });
  }

  function setUp() {
    live.forEach(function (network) { network.destroy(); });
    live = [];
    if (watcher) watcher.disconnect();
    watcher = "IntersectionObserver" in window ? new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (entry.isIntersecting && scrolled) activate(entry.target);
      });
    }) : null;
    var figures = document.querySelectorAll("figure.explainer-graph");
    Array.prototype.forEach.call(figures, function (figure, n) {
      var start = function () { activate(figure); };
      ["pointerenter", "touchstart", "wheel", "focusin"].forEach(function (name) {
        figure.addEventListener(name, start, { once: true, passive: true });
      });
      if (watcher) watcher.observe(figure);
      /* A click on the static SVG goes through an HTML link too (instant navigation). */
      figure.querySelector(".explainer-graph__svg").addEventListener("click", function (event) {
        var a = event.target.closest && event.target.closest("a[data-entity]");
        if (!a || event.ctrlKey || event.metaKey || event.shiftKey || event.button) return;
        var href = hrefOf(a);
        if (!href) return;
        event.preventDefault();
        follow(figure, href);
      });
      figure.querySelectorAll(".explainer-graph__legend button").forEach(function (button) {
        button.addEventListener("click", function () {
          button.setAttribute("aria-pressed", button.getAttribute("aria-pressed") === "false" ? "true" : "false");
          applyHidden(figure);
        });
      });
      var input = figure.querySelector(".explainer-graph__find");
      if (input) setUpFind(figure, input, n);
      var control = depthControl(figure);
      if (control) {
        frame(figure);
        control.addEventListener("change", function () {
          applyHidden(figure);
          frame(figure);
          if (figure.explainerNetwork) fitNetwork(figure, figure.explainerNetwork, true);
        });
      }
    });
  }

  /* Only a scroll by the reader wakes graphs that come into view: nothing heavy at load. */
  window.addEventListener("scroll", function () {
    if (scrolled) return;
    scrolled = true;
    if (watcher) document.querySelectorAll("figure.explainer-graph").forEach(function (f) {
      watcher.unobserve(f);
      watcher.observe(f);
    });
  }, { passive: true });

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
