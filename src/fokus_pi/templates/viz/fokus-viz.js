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
  function pageUrl(slug) {
    var url = BASE + "/gemeinden/" + slug + (DIR_URLS ? "/" : ".html");
    return DIR_URLS && location.protocol === "file:" ? url + "index.html" : url;  // file:// lists folders
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
  function link(name, slug) { return el("a", {href: pageUrl(slug)}, [name]); }
  var byAgs = {};
  (GEO ? GEO.features : []).forEach(function (f) { byAgs[f.properties.ags] = f.properties; });

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
      L.marker(f.bounds[1], {interactive: false, keyboard: false, icon: L.divIcon({className: "fokus-inset-label",
        html: "", iconSize: null, iconAnchor: [0, 0]})}).addTo(map).getElement().textContent = f.label;
    });
    return map;
  }
  function shapes(map, style, tooltip) {
    var layer = L.geoJSON(GEO.features, {style: style, onEachFeature: function (f, l) {
      l.bindTooltip(function () { return tooltip(f.properties); }, {sticky: true});
      l.on("click", function () { location.href = pageUrl(f.properties.slug); });
    }}).addTo(map);
    layer.eachLayer(function (l) { l.getElement().setAttribute("data-ags", l.feature.properties.ags); });
    return layer;
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

  // ---- indicator page: choropleth with year switch, table, charts ----
  function indicatorPage(root, d) {
    var ind = d.ind, yi = d.years.indexOf(d.year), view = null;
    var gemeinden = GEO.features.map(function (f) { return f.properties; }).filter(function (p) { return d.v[p.ags]; })
      .sort(function (a, b) { return a.name.localeCompare(b.name, "de"); });
    var mapNode = root.querySelector(".fokus-map");
    var map = makeMap(mapNode);
    var layer = shapes(map, function (f) {
      return {fillColor: fillOf(d.v[f.properties.ags][yi], d.classes), fillOpacity: 1, color: "#ffffff", weight: 1};
    }, function (p) {
      var v = d.v[p.ags][yi];
      return el("div", {}, [el("strong", {}, [p.name]), el("br"), ind.title + " " + d.years[yi] + ": " +
        withUnit(v, ind.dec, ind.unit), el("br"), "Veränderung zum Vorjahr: " + changeText(v, d.c[p.ags][yi], ind.dec)]);
    });
    var table = document.getElementById("fokus-map-table");
    function mapTable() {
      var rows = gemeinden.map(function (p) {
        var v = d.v[p.ags][yi];
        return [link(p.name, p.slug), num(v, ind.dec), changeText(v, d.c[p.ags][yi], ind.dec)];
      });
      var foot = d.cmp ? d.refs.map(function (r) { return [r.name, num(d.v[r.code][yi], ind.dec), ""]; }) : [];
      fillTable(table, ["Gemeinde", "Wert (" + ind.unit + ")", "Veränderung zum Vorjahr"], rows, foot);
    }
    function setYear(year) {
      yi = d.years.indexOf(year);
      layer.setStyle(function (f) { return {fillColor: fillOf(d.v[f.properties.ags][yi], d.classes)}; });
      document.querySelectorAll("[data-fokus-year]").forEach(function (n) { n.textContent = year; });
      mapTable();
      if (view) view.signal("jahr", year).runAsync();
    }
    var slider = document.getElementById("fokus-jahr");
    slider.closest(".fokus-controls").hidden = false;
    slider.addEventListener("input", function () { setYear(Number(slider.value)); });
    mapTable();
    var chart = document.querySelector('[data-fokus-chart="indicator"]');
    if (chart && window.vegaEmbed) {
      embed(chart, d.spec, indicatorData(d, gemeinden), function (v) {
        view = v;
        view.addDataListener("auswahl_store", function () { seriesTable(d, gemeinden, view); });
        seriesTable(d, gemeinden, view);
      });
    }
  }
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
    var picked = view.data("auswahl_store").map(function (t) { return t.values[0]; });
    var cols = (d.cmp ? d.refs.map(function (r) { return {name: r.name, code: r.code}; }) : []).concat(
      gemeinden.filter(function (p) { return picked.indexOf(p.ags) >= 0; }).map(function (p) { return {name: p.name, code: p.ags}; }));
    var rows = d.years.map(function (year, i) {
      return [String(year)].concat(cols.map(function (c) { return num(d.v[c.code][i], d.ind.dec); }));
    });
    fillTable(document.getElementById("fokus-series-table"), ["Jahr"].concat(cols.map(function (c) { return c.name; })), rows);
  }

  // ---- Gemeinde page: locator map and small multiples per Handlungsfeld ----
  function gemeindePage(root, d) {
    var map = makeMap(root.querySelector(".fokus-map"));
    shapes(map, function (f) {
      var own = f.properties.ags === d.ags;
      return {fillColor: own ? "#0072B2" : "#dfe3e8", fillOpacity: 1, color: own ? "#003b5c" : "#ffffff", weight: own ? 2 : 1};
    }, function (p) { return el("span", {}, [p.name]); });
    var site = window.FOKUS_SITE;
    if (!site || !window.vegaEmbed) return;
    document.querySelectorAll(".fokus-sm[data-field]").forEach(function (node) {
      var field = site.fields.filter(function (f) { return f.id === node.getAttribute("data-field"); })[0];
      if (field) smallMultiples(node, field, d, site);
    });
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
    node.append(el("figure", {"class": "fokus-figure"}, [chart, el("figcaption", {}, [caption + ". Die Werte stehen in der Tabelle."]),
      el("details", {"class": "fokus-alt"}, [el("summary", {}, ["Entwicklung als Tabelle"]), table])]));
    fillTable(table, ["Kennzahl", "Jahr", d.name].concat(site.refs.map(function (r) { return r.name; })), tableRows);
    var spec = JSON.parse(JSON.stringify(site.spec));
    spec.params.forEach(function (p) { if (p.name === "namen") p.value = names; });
    embed(chart, spec, {reihen: rows});
  }

  function embed(node, spec, datasets, then) {
    spec = Object.assign({}, spec, {datasets: datasets});
    return window.vegaEmbed(node, spec, CONF.embed).then(function (res) {
      node.setAttribute("data-fokus-ready", "1");
      if (then) then(res.view);
    }).catch(function (err) { node.textContent = "Das Diagramm konnte nicht gezeigt werden."; throw err; });
  }

  function start() {
    document.querySelectorAll(".fokus-viz[data-fokus]").forEach(function (root) {
      var d = JSON.parse(root.querySelector("script.fokus-data").textContent);
      if (!window.L || !GEO) return;
      if (root.getAttribute("data-fokus") === "indicator") indicatorPage(root, d);
      else gemeindePage(root, d);
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})();
