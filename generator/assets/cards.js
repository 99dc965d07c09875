/* Entity hover cards. Resting the pointer on a link to an entity page, or focusing it, shows who or what it
   is; on a touch screen the first tap shows the card and the link inside it opens the page. A card's data
   is cards/<id>.js beside the entity pages, loaded by a script element the first time it is needed (a page
   opened from file:// may not fetch files). Card text is set as text, never parsed as markup. Events are
   delegated to the document, so pages that Material's instant navigation swaps in need no set-up. */
(function () {
  var ENTITY_URL = /^(.*\/)entities\/([a-z0-9-]+)(?:\.html|\/index\.html|\/)?(?:[?#].*)?$/;
  var SHOW_AFTER_MS = 100, HIDE_AFTER_MS = 300, MARGIN = 8;
  var cards = {}, waiting = {}, shown = null, showing = 0, hiding = 0, touched = null;
  var dismissed = null;  // the link whose card Escape closed: focus back on it shows no card

  window.explainerCard = function (id, data) {
    cards[id] = data;
    (waiting[id] || []).forEach(function (then) { then(data); });
    delete waiting[id];
  };

  function target(link) {
    if (!(link instanceof HTMLAnchorElement) || !link.closest(".md-content") || link.closest(".explainer-card")) {
      return null;
    }
    // Only this site's entity pages: a link elsewhere (an article's source, say) must not load a script.
    if (link.origin !== window.location.origin || link.protocol !== window.location.protocol) return null;
    var match = ENTITY_URL.exec(link.href);
    if (!match || match[2] === "index") return null;  // entities/index.html is the list of them all
    return { id: match[2], script: match[1] + "cards/" + match[2] + ".js" };
  }

  function load(entity, then) {
    if (cards[entity.id]) return then(cards[entity.id]);
    if (waiting[entity.id]) return waiting[entity.id].push(then);
    waiting[entity.id] = [then];
    var script = document.createElement("script");
    script.src = entity.script;
    script.async = true;
    script.onerror = function () { delete waiting[entity.id]; script.remove(); };
    document.head.appendChild(script);
  }

  function line(card, className, text) {
    if (!text) return;
    var part = document.createElement("span");
    part.className = "explainer-card__" + className;
    part.textContent = text;
    card.appendChild(part);
  }

  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }

  function build(link, data) {
    var card = document.createElement("span");
    card.className = "explainer-card";
    card.id = "explainer-card";
    card.setAttribute("role", "tooltip");
    line(card, "name", data.name);
    line(card, "type", data.role ? data.type + " · " + data.role : data.type);
    line(card, "text", data.description);
    var seen = plural(data.mentions, "mention") + " in " + plural(data.articles, "article");
    if (data.first) seen += data.first === data.last ? " · seen " + data.first : " · " + data.first + " – " + data.last;
    line(card, "counts", seen);
    (data.relations || []).forEach(function (relation) { line(card, "relation", relation); });
    var open = document.createElement("a");
    open.className = "explainer-card__open";
    open.href = link.href;
    open.textContent = "Open the page of " + data.name;
    card.appendChild(open);
    return card;
  }

  function place(card, link) {
    var box = link.getBoundingClientRect(), width = Math.min(320, window.innerWidth - 2 * MARGIN);
    card.style.maxWidth = width + "px";
    var left = Math.max(MARGIN, Math.min(box.left, window.innerWidth - width - MARGIN));
    card.style.left = left + "px";
    var below = box.bottom + 4, height = card.offsetHeight;
    card.style.top = (below + height > window.innerHeight && box.top > height ? box.top - height - 4 : below) + "px";
  }

  function hide() {
    clearTimeout(showing);
    clearTimeout(hiding);
    if (!shown) return;
    shown.link.removeAttribute("aria-describedby");
    shown.card.remove();
    shown = null;
  }

  function show(link) {
    var entity = target(link);
    if (!entity) return;
    clearTimeout(hiding);
    if (shown && shown.link === link) return;
    load(entity, function (data) {
      if (!link.isConnected) return;
      hide();
      var card = build(link, data);
      link.after(card);  // right after the link: the next Tab reaches the card's own link
      link.setAttribute("aria-describedby", card.id);
      place(card, link);
      shown = { link: link, card: card };
    });
  }

  function inside(node) {
    return shown && node && (shown.link.contains(node) || shown.card.contains(node));
  }

  function hideSoon() {
    clearTimeout(hiding);
    hiding = setTimeout(hide, HIDE_AFTER_MS);
  }

  document.addEventListener("pointerover", function (event) {
    if (event.pointerType === "touch") return;
    var link = event.target.closest && event.target.closest("a");
    if (inside(event.target)) { clearTimeout(hiding); return; }
    var entity = target(link);
    if (!entity) return;
    load(entity, function () {});  // fetched while the pointer rests
    clearTimeout(showing);
    showing = setTimeout(function () { show(link); }, SHOW_AFTER_MS);
  });
  document.addEventListener("pointerout", function (event) {
    if (event.pointerType === "touch") return;
    clearTimeout(showing);
    if (shown && inside(event.target) && !inside(event.relatedTarget)) hideSoon();
  });
  document.addEventListener("focusin", function (event) {
    if (inside(event.target)) { clearTimeout(hiding); return; }
    if (event.target === dismissed) return;
    dismissed = null;
    if (target(event.target)) show(event.target);
    else hide();
  });
  document.addEventListener("focusout", function (event) {
    if (shown && !inside(event.relatedTarget)) hideSoon();
  });
  document.addEventListener("pointerdown", function (event) {
    touched = event.pointerType === "touch" ? event.target.closest && event.target.closest("a") : null;
    if (shown && !inside(event.target)) hide();
  });
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a");
    // A first tap shows the card; a second tap on the same link, or the card's own link, opens the page.
    if (link && link === touched && target(link) && !(shown && shown.link === link)) {
      event.preventDefault();
      event.stopImmediatePropagation();
      show(link);
    }
  }, true);
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || !shown) return;
    var link = shown.link, wasInCard = shown.card.contains(document.activeElement);
    hide();
    dismissed = link;
    if (wasInCard) link.focus();
  });
  window.addEventListener("scroll", function () { if (shown) place(shown.card, shown.link); }, { passive: true });
  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(hide);
})();
