/* fokus-viz: maps (Leaflet) and charts (Vega-Embed) of the Digitaler Sozialbericht, with no server and no
   other host. Reads the page's JSON (script.fokus-data), the shared geometry (window.FOKUS_GEO) and, on
   Gemeinde pages, the shared series (window.FOKUS_SITE). Numbers arrive rounded: this file only formats
   them (German, like the tables built in Python) and never computes a figure. */
(function () {
  "use strict";
  var CONF = window.FOKUS_CONF;
  var GEO = window.FOKUS_GEO;
  var me = document.currentScript;
  var BASE = (me && me.getAttribute("data-base")) || ".";
  var DIR_URLS = !me || me.getAttribute("data-dir-urls") !== "false";
  var NBSP = "\u00a0", MINUS = "\u2212";
  var formatters = {};

  // ---- formatting (mirrors fokus_pi.fmt for values that are already rounded) ----
  function num(v, dec) {
    if (v === null || v === undefined) return ".";
    if (typeof v === "string") return CONF.flags[v] ? CONF.flags[v][0] : ".";
    if (!formatters[dec]) {
      formatters[dec] = new Intl.NumberFormat("de-DE", {minimumFractionDigits: dec, maximumFractionDigits: dec});
    }
    return formatters[dec].format(v === 0 ? 0 : v).replace("-", MINUS);
  }
  function signed(c, dec) {
    if (c === "|") return "|";
    if (c === null || c === undefined) return ".";
    if (c === 0) return "\u00b1" + num(0, dec);
    return (c > 0 ? "+" : "") + num(c, dec);
  }
  function changeText(v, c, dec) { return typeof v === "number" ? signed(c, dec) : num(v, dec); }
  function withUnit(v, dec, unit) { return typeof v === "number" && unit ? num(v, dec) + NBSP + unit : num(v, dec); }

  // ---- small DOM helpers ----
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    (children || []).forEach(function (c) { node.append(c); });
    return node;
  }
  function pageUrl(section, slug) {
    var url = BASE + "/" + section + "/" + slug + (DIR_URLS ? "/" : ".html");
    return DIR_URLS && location.protocol === "file:" ? url + "index.html" : url;  // file:// lists folders
  }
  // a shape's place: a Gemeinde (properties ags, slug) or a planning area (properties id, i); "key" finds
  // its series in the page JSON (by AGS, or by the area's position)
  function place(p) {
    return p.ags ? {code: p.ags, key: p.ags, name: p.name, href: pageUrl("gemeinden", p.slug), attr: "data-ags"}
      : {code: p.id, key: p.i, name: p.name, href: pageUrl("planungsraeume", p.id), attr: "data-area"};
  }
  function fillTable(table, head, rows, foot) {
    table.tHead ? table.tHead.replaceChildren() : table.createTHead();
    table.tHead.append(el("tr", {}, head.map(function (h) { return el("th", {scope: "col"}, [h]); })));
    var body = table.tBodies[0] || table.createTBody();
    body.replaceChildren.apply(body, rows.map(row));
    if (foot && foot.length) { (table.tFoot || table.createTFoot()).replaceChildren.apply(table.tFoot, foot.map(row)); }
    function row(cells) {
      return el("tr", {}, cells.map(function (c, i) { return i === 0 ? el("th", {scope: "row"}, [c]) : el("td", {}, [c]); }));
    }
  }
  function mark(name) { if (window.performance && performance.mark) performance.mark(name); }
  function link(p) { return el("a", {href: p.href}, [p.name]); }
  function byName(a, b) { return a.name.localeCompare(b.name, "de"); }

  // ---- shareable state in the address: #jahr=2023&ebene=planungsraeume&vergleich=01056015,01056025 ----
  // The hash works on any static host and from file://; history.replaceState keeps it current without
  // adding a history entry per click. "nur=<figure id>" shows that one figure alone (for embedding).
  var KEYS = ["jahr", "ebene", "vergleich", "nur"];
  var STATE = readState();
  function readState() {
    var out = {};
    location.hash.replace(/^#/, "").split("&").forEach(function (part) {
      var i = part.indexOf("=");
      if (i > 0 && KEYS.indexOf(part.slice(0, i)) >= 0) out[part.slice(0, i)] = decodeURIComponent(part.slice(i + 1));
    });
    return out;
  }
  function stateHash(extra) {
    var s = Object.assign({}, STATE, extra || {});
    var parts = KEYS.filter(function (k) { return s[k]; }).map(function (k) {
      return k + "=" + encodeURIComponent(s[k]).replace(/%2C/g, ",");
    });
    return parts.length ? "#" + parts.join("&") : "";
  }
  function saveState(changes) {
    Object.assign(STATE, changes);
    history.replaceState(history.state, "", location.pathname + location.search + stateHash());
    snippets();
  }
  // "Einbetten": an <iframe> code per figure that has an id, pointing at this page with the current state
  function snippets() {
    document.querySelectorAll("figure.fokus-figure[id]").forEach(function (fig) {
      var box = fig.querySelector(":scope > details.fokus-embed");
      if (!box) {
        box = el("details", {"class": "fokus-embed"}, [el("summary", {}, ["Einbetten"]),
          el("p", {}, ["HTML-Code, der diese Abbildung mit dem gewählten Jahr und der gewählten Auswahl in eine andere Website einbettet:"]),
          el("textarea", {readonly: "", rows: "3", "aria-label": "HTML-Code zum Einbetten"}),
          el("p", {}, [el("a", {}, ["Link zu dieser Ansicht"])])]);
        fig.append(box);
      }
      var url = location.href.split("#")[0] + stateHash({nur: fig.id});
      var title = (fig.getAttribute("data-title") || document.title).replace(/"/g, "&quot;");
      box.querySelector("textarea").value = '<iframe src="' + url.replace(/&/g, "&amp;") + '" title="' + title +
        '" width="100%" height="' + Math.max(320, Math.ceil(fig.offsetHeight) + 40) + '" loading="lazy" style="border:0"></iframe>';
      box.querySelector("a").setAttribute("href", location.href.split("#")[0] + stateHash({nur: ""}));
    });
  }
  function embedded() {
    var only = STATE.nur && document.getElementById(STATE.nur);
    if (!only) return;
    document.documentElement.classList.add("fokus-embedded");
    only.classList.add("fokus-only");
  }

  // ---- maps ----
  function basemap(map, figure) {
    var conf = me && me.getAttribute("data-basemap");
    if (!conf) return;
    conf = JSON.parse(conf);
    L.tileLayer(conf.url, {attribution: conf.attribution || ""}).addTo(map);
    L.control.attribution({prefix: false}).addTo(map);
    figure.append(el("p", {"class": "fokus-privacy"}, ["Hintergrundkarte von " + new URL(conf.url.replace(/[{}]/g, ""), location.href).host +
      ": Beim Anzeigen überträgt Ihr Browser Ihre IP-Adresse an diesen Anbieter."]));
  }
  function makeMap(node) {
    var map = L.map(node, {renderer: L.svg({padding: 0.3}), zoomSnap: 0.25, scrollWheelZoom: false,
      attributionControl: false, minZoom: 7, maxZoom: 14});
    basemap(map, node.closest("figure"));
    map.fitBounds(GEO.bounds, {padding: [4, 4]});  // a map needs its view before markers have elements
    (GEO.frames || []).forEach(function (f) {
      L.rectangle(f.bounds, {interactive: false, fill: false, color: "#555", weight: 1, dashArray: "4 3"}).addTo(map);
      var label = L.marker([f.bounds[0][0], f.bounds[0][1]], {interactive: false, keyboard: false,
        icon: L.divIcon({className: "fokus-inset-label", html: "", iconSize: null, iconAnchor: [0, -2]})}).addTo(map);
      label.getElement().append(el("span", {}, [f.name]), el("br"), el("span", {}, ["(" + f.note + ")"]));
    });
    return map;
  }
  // GeoJSON shapes with their place's data attribute (re-set on every add: Leaflet makes a new element);
  // without a tooltip function the shapes are only drawn (outlines), not clickable
  function shapes(features, style, tooltip) {
    return L.geoJSON(features, {style: style, interactive: !!tooltip, onEachFeature: function (f, l) {
      var p = place(f.properties);
      l.on("add", function () { l.getElement().setAttribute(p.attr, p.code); });
      if (!tooltip) return;
      l.bindTooltip(function () { return tooltip(p); }, {sticky: true});
      l.on("click", function () { location.href = p.href; });
    }});
  }
  function fillOf(v, classes) {
    if (typeof v === "string") {
      if (v === "geheim") return "url(#fokus-geheim)";
      if (v !== "nichts") return "url(#fokus-keine)";
      v = 0;  // "nichts vorhanden": exactly zero
    }
    if (v === null || v === undefined || !classes.bins.length) return "url(#fokus-keine)";
    for (var i = 0; i < classes.bins.length; i++) { if (v <= classes.bins[i]) return classes.colors[i]; }
    return classes.colors[classes.colors.length - 1];
  }
  function setParam(spec, name, value) {
    (spec.params || []).forEach(function (p) { if (p.name === name) p.value = value; });
  }

  // ---- indicator page: choropleth with year and level switch, table, charts ----
  function levelsOf(d) {
    function items(features, values) {
      return features.map(function (f) { return place(f.properties); }).filter(function (p) { return values[p.key]; }).sort(byName);
    }
    var levels = {gemeinden: {items: items(GEO.features, d.v), v: d.v, c: d.c, head: "Gemeinde", noun: "Gemeinden"}};
    if (d.a && GEO.areas) {
      levels.planungsraeume = {items: items(GEO.areas, d.a), v: d.a, c: d.ac, head: "Planungsraum", noun: "Planungsräumen"};
    }
    return levels;
  }
  function indicatorPage(root, d) {
    var ind = d.ind, yi = d.years.indexOf(d.year), view = null;
    var levels = levelsOf(d), level = levels[STATE.ebene] ? STATE.ebene : "gemeinden";
    var gemeinden = levels.gemeinden.items.map(function (p) { return {ags: p.code, name: p.name}; });
    var map = makeMap(root.querySelector(".fokus-map"));
    Object.keys(levels).forEach(function (key) {
      var lv = levels[key];
      lv.layer = shapes(key === "gemeinden" ? GEO.features : GEO.areas, function (f) {
        return {fillColor: fillOf(lv.v[place(f.properties).key][yi], d.classes), fillOpacity: 1, color: "#ffffff",
          weight: key === "gemeinden" ? 1 : 2};
      }, function (p) {
        var v = lv.v[p.key][yi];
        return el("div", {}, [el("strong", {}, [p.name]), el("br"), ind.title + " " + d.years[yi] + ": " +
          withUnit(v, ind.dec, ind.unit), el("br"), "Veränderung zum Vorjahr: " + changeText(v, lv.c[p.key][yi], ind.dec)]);
      });
    });
    levels[level].layer.addTo(map);
    mark("fokus-map");
    var table = document.getElementById("fokus-map-table");
    function mapTable() {
      var lv = levels[level];
      var rows = lv.items.map(function (p) {
        var v = lv.v[p.key][yi];
        return [link(p), num(v, ind.dec), changeText(v, lv.c[p.key][yi], ind.dec)];
      });
      var foot = d.cmp ? d.refs.map(function (r) { return [r.name, num(d.v[r.code][yi], ind.dec), ""]; }) : [];
      fillTable(table, [lv.head, "Wert (" + ind.unit + ")", "Veränderung zum Vorjahr"], rows, foot);
    }
    function setYear(year) {
      yi = d.years.indexOf(year);
      slider.value = year;
      Object.keys(levels).forEach(function (key) {
        var lv = levels[key];
        lv.layer.setStyle(function (f) { return {fillColor: fillOf(lv.v[place(f.properties).key][yi], d.classes)}; });
      });
      document.querySelectorAll("[data-fokus-year]").forEach(function (n) { n.textContent = year; });
      mapTable();
      if (view) view.signal("jahr", year).runAsync();
    }
    function setLevel(key) {
      map.removeLayer(levels[level].layer);
      level = key;
      levels[level].layer.addTo(map);
      root.querySelectorAll("[data-fokus-level]").forEach(function (n) { n.textContent = levels[level].noun; });
      root.querySelectorAll("input[name=fokus-ebene]").forEach(function (r) { r.checked = r.value === key; });
      mapTable();
    }
    var slider = root.querySelector("#fokus-jahr");
    slider.closest(".fokus-controls").hidden = false;
    slider.addEventListener("input", function () { setYear(Number(slider.value)); saveState({jahr: slider.value}); });
    root.querySelectorAll("input[name=fokus-ebene]").forEach(function (r) {
      r.addEventListener("change", function () { setLevel(r.value); saveState({ebene: r.value === "gemeinden" ? "" : r.value}); });
    });
    if (level !== "gemeinden") setLevel(level);
    var asked = d.years.indexOf(Number(STATE.jahr)) >= 0 ? Number(STATE.jahr) : d.year;
    setYear(asked);
    window.addEventListener("hashchange", function () {  // a link to another state of this very page
      STATE = readState();
      setYear(d.years.indexOf(Number(STATE.jahr)) >= 0 ? Number(STATE.jahr) : d.year);
      setLevel(levels[STATE.ebene] ? STATE.ebene : "gemeinden");
    });
    var chart = document.querySelector('[data-fokus-chart="indicator"]');
    if (chart && window.vegaEmbed) {
      var spec = JSON.parse(JSON.stringify(d.spec));
      setParam(spec, "jahr", asked);
      if (STATE.vergleich !== undefined) {
        setParam(spec, "auswahl", STATE.vergleich.split(",").filter(function (a) { return d.v[a]; }).map(function (a) { return {ags: a}; }));
      }
      track(embed(chart, spec, indicatorData(d, gemeinden), function (v) {
        view = v;
        view.addDataListener("auswahl_store", function () {
          seriesTable(d, gemeinden, view);
          saveState({vergleich: picks(view).join(",")});
        });
        seriesTable(d, gemeinden, view);
      }));
    }
  }
  function picks(view) { return view.data("auswahl_store").map(function (t) { return t.values[0]; }); }
  function indicatorData(d, gemeinden) {
    var werte = [], refs = [], ind = d.ind;
    d.years.forEach(function (year, i) {
      gemeinden.forEach(function (p) {
        var v = d.v[p.ags][i], c = d.c[p.ags][i];
        werte.push({ags: p.ags, name: p.name, year: year, value: typeof v === "number" ? v : null,
          text: num(v, ind.dec), chg: typeof c === "number" ? c : 0, ctext: changeText(v, c, ind.dec),
          color: fillOf(typeof v === "number" ? v : null, d.classes)});
      });
      d.refs.forEach(function (r) {
        var v = d.v[r.code][i];
        refs.push({code: r.code, name: r.name, level: r.level, year: year,
          value: typeof v === "number" ? v : null, text: num(v, ind.dec)});
      });
    });
    return {werte: werte, refs: d.cmp ? refs : []};
  }
  function seriesTable(d, gemeinden, view) {
    var picked = picks(view);
    var cols = (d.cmp ? d.refs.map(function (r) { return {name: r.name, code: r.code}; }) : []).concat(
      gemeinden.filter(function (p) { return picked.indexOf(p.ags) >= 0; }).map(function (p) { return {name: p.name, code: p.ags}; }));
    var rows = d.years.map(function (year, i) {
      return [String(year)].concat(cols.map(function (c) { return num(d.v[c.code][i], d.ind.dec); }));
    });
    fillTable(document.getElementById("fokus-series-table"), ["Jahr"].concat(cols.map(function (c) { return c.name; })), rows);
  }

  // ---- Gemeinde and planning-area pages: locator maps ----
  function locator(root, own) {
    var map = makeMap(root.querySelector(".fokus-map"));
    shapes(GEO.features, function (f) {
      var mine = own(f.properties);
      return {fillColor: mine ? "#0072B2" : "#dfe3e8", fillOpacity: 1, color: mine ? "#003b5c" : "#ffffff", weight: mine ? 2 : 1};
    }, function (p) { return el("span", {}, [p.name]); }).addTo(map).eachLayer(function (l) {
      if (own(l.feature.properties)) l.bringToFront();  // its outline on top of the neighbours'
    });
    return map;
  }
  function gemeindePage(root, d) {
    locator(root, function (p) { return p.ags === d.ags; });
    mark("fokus-map");
    var site = window.FOKUS_SITE;
    if (!site || !window.vegaEmbed) return;
    document.querySelectorAll(".fokus-sm[data-field]").forEach(function (node) {
      var field = site.fields.filter(function (f) { return f.id === node.getAttribute("data-field"); })[0];
      if (field) track(smallMultiples(node, field, d, site));
    });
  }
  function areaPage(root, d) {
    var map = locator(root, function (p) { return d.members.indexOf(p.ags) >= 0; });
    shapes(GEO.areas || [], function (f) {  // the planning areas' borders over the Gemeinden
      var mine = f.properties.id === d.id;
      return {fill: false, color: mine ? "#003b5c" : "#5b6570", weight: mine ? 3 : 1.5};
    }).addTo(map);
    mark("fokus-map");
  }
  function smallMultiples(node, field, d, site) {
    var names = {gemeinde: d.name}, rows = [], tableRows = [];
    site.refs.forEach(function (r) { names[r.level] = r.name; });
    field.ind.forEach(function (ind, i) {
      var label = ind.unit ? ind.title + " (" + ind.unit + ")" : ind.title;
      var own = d.v[ind.id] || [];
      ind.years.forEach(function (year, yi) {
        var cells = [own[yi]].concat(site.refs.map(function (r) { return ind.v[r.code] ? ind.v[r.code][yi] : "nicht_sinnvoll"; }));
        ["gemeinde"].concat(site.refs.map(function (r) { return r.level; })).forEach(function (level, k) {
          if (typeof cells[k] === "number") {
            rows.push({i: i, label: label, level: level, name: names[level], year: year, value: cells[k], text: withUnit(cells[k], ind.dec, ind.unit)});
          }
        });
        tableRows.push([label, String(year)].concat(cells.map(function (v) { return num(v, ind.dec); })));
      });
    });
    var id = "fokus-t-" + field.id;
    var caption = "Handlungsfeld " + field.title + ": Entwicklung in " + d.name + " im Vergleich mit " +
      site.refs.map(function (r) { return r.name; }).join(", ");
    var chart = el("div", {"class": "fokus-chart", "aria-describedby": id});
    var table = el("table", {id: id}, [el("caption", {}, [caption])]);
    node.append(el("figure", {"class": "fokus-figure", id: "entwicklung-" + field.id, "data-title": caption}, [chart, el("figcaption", {}, [caption + ". Die Werte stehen in der Tabelle."]),
      el("details", {"class": "fokus-alt"}, [el("summary", {}, ["Entwicklung als Tabelle"]), table])]));
    fillTable(table, ["Kennzahl", "Jahr", d.name].concat(site.refs.map(function (r) { return r.name; })), tableRows);
    var spec = JSON.parse(JSON.stringify(site.spec));
    spec.params.forEach(function (p) { if (p.name === "namen") p.value = names; });
    return embed(chart, spec, {reihen: rows});
  }

  // ---- scatter charts (Auffälligkeiten, Förderung): one point per Gemeinde, table alternative ----
  function scatterFigure(root, d) {
    var rows = d.points.map(function (p) {
      return {code: p[0], name: p[1], x: p[2], y: p[3], g: p[4] || "", xtext: withUnit(p[2], d.x.dec, d.x.unit),
        ytext: withUnit(p[3], d.y.dec, d.y.unit)};
    });
    var table = root.querySelector("table");
    fillTable(table, ["Gemeinde", d.x.title, d.y.title].concat(d.group ? [d.group] : []), rows.slice().sort(byName).map(function (r) {
      return [r.name, num(r.x, d.x.dec), num(r.y, d.y.dec)].concat(d.group ? [r.g] : []);
    }));
    if (window.vegaEmbed) track(embed(root.querySelector(".fokus-chart"), d.spec, {punkte: rows}));
  }

  function embed(node, spec, datasets, then) {
    spec = Object.assign({}, spec, {datasets: datasets});
    // expressions through vega-interpreter: the page's Content-Security-Policy forbids eval (fokus_pi.csp)
    var options = Object.assign({}, CONF.embed, {ast: true, expr: window.vega.expressionInterpreter});
    return window.vegaEmbed(node, spec, options).then(function (res) {
      node.setAttribute("data-fokus-ready", "1");
      if (then) then(res.view);
    }).catch(function (err) { node.textContent = "Das Diagramm konnte nicht gezeigt werden."; throw err; });
  }

  // charts still being drawn; "fokus-charts" is marked when all are done (tests and timings wait for it)
  var pending = [];
  function track(promise) { pending.push(promise); }
  var MAPS = {indicator: indicatorPage, gemeinde: gemeindePage, area: areaPage};
  // shared with fokus-hilfe.js (the Hilfeportal's maps), which loads after this file
  window.FOKUS_VIZ = {el: el, num: num, mark: mark, makeMap: makeMap, shapes: shapes, pageUrl: pageUrl};

  function start() {
    embedded();
    document.querySelectorAll(".fokus-viz[data-fokus]").forEach(function (root) {
      var d = JSON.parse(root.querySelector("script.fokus-data").textContent);
      var kind = root.getAttribute("data-fokus");
      if (kind === "scatter") scatterFigure(root, d);
      else if (MAPS[kind] && window.L && GEO) MAPS[kind](root, d);
    });
    snippets();
    Promise.all(pending).then(function () { snippets(); mark("fokus-charts"); });  // heights known now
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})();
