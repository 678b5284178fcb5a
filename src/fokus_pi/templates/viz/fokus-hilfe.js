/* fokus-hilfe: the Hilfeportal's map (clustered markers, filtered by kind of service), the list's search, and
   the gap maps of the Angebotsanalyse. Uses the helpers fokus-viz.js shares (window.FOKUS_VIZ), the geometry
   (window.FOKUS_GEO) and the directory (window.FOKUS_HILFE from hilfeangebote.js). No server, no other host. */
(function () {
  "use strict";
  var V = window.FOKUS_VIZ, GEO = window.FOKUS_GEO, H = window.FOKUS_HILFE;

  function attr(text) {  // for the few strings placed into icon HTML
    return String(text).replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
  }

  function popup(s, kind) {
    var item = document.getElementById(s[0]);
    var place = item ? item.getAttribute("data-place") : "";
    return V.el("div", {}, [V.el("strong", {}, [s[4]]), V.el("br"), kind.title + (place ? " · " + place : ""), V.el("br"),
      V.el("a", {href: "#" + s[0]}, ["Zum Eintrag in der Liste"])]);
  }

  function markers() {
    return H.services.map(function (s) {
      var kind = H.categories[s[1]];
      var marker = L.marker([s[2], s[3]], {title: s[4] + " (" + kind.title + ")", alt: kind.title,
        icon: L.divIcon({className: "fokus-pin fokus-pin--" + kind.id, iconSize: [16, 16],
          html: '<span data-id="' + attr(s[0]) + '" style="background:' + attr(kind.color) + '"></span>'})});
      marker.fokusId = s[0];
      marker.fokusKind = kind.id;
      marker.bindPopup(function () { return popup(s, kind); });
      return marker;
    });
  }

  // the default cluster look (MarkerCluster.Default.css), plus the kinds inside for screen readers and tests
  function clusterIcon(cluster) {
    var n = cluster.getChildCount(), kinds = {};
    cluster.getAllChildMarkers().forEach(function (m) { kinds[m.fokusKind] = true; });
    var size = n < 10 ? "small" : n < 100 ? "medium" : "large";
    var names = H.categories.filter(function (c) { return kinds[c.id]; });
    var label = n + " Angebote: " + names.map(function (c) { return c.title; }).join(", ");
    return L.divIcon({className: "marker-cluster marker-cluster-" + size, iconSize: L.point(40, 40),
      html: '<div data-kinds="' + Object.keys(kinds).sort().join(" ") + '" title="' + attr(label) + '"><span>' + n + "</span></div>"});
  }

  function portal(root) {
    var select = document.getElementById("hilfe-kategorie"), search = document.getElementById("hilfe-suche");
    var count = document.getElementById("hilfe-anzahl");
    var items = Array.prototype.slice.call(document.querySelectorAll(".fokus-hilfe-liste > li[id]"));
    var map = V.makeMap(root.querySelector(".fokus-map"));
    V.shapes(GEO.features, function () {  // drawn only: a click on the map is for the markers
      return {fillColor: "#eef1f4", fillOpacity: 1, color: "#9aa5b1", weight: 1};
    }).addTo(map);
    var all = markers();
    var group = L.markerClusterGroup({showCoverageOnHover: false, maxClusterRadius: 45, iconCreateFunction: clusterIcon});
    map.addLayer(group);
    function apply() {
      var kind = select.value, query = search.value.trim().toLocaleLowerCase("de");
      var shown = {}, n = 0;
      items.forEach(function (li) {
        var ok = (!kind || li.getAttribute("data-category") === kind) &&
          (!query || li.textContent.toLocaleLowerCase("de").indexOf(query) >= 0);
        li.hidden = !ok;
        if (ok) { shown[li.id] = true; n++; }
      });
      group.clearLayers();
      group.addLayers(all.filter(function (m) { return shown[m.fokusId]; }));
      count.textContent = n === items.length ? n + " Angebote" : n + " von " + items.length + " Angeboten";
      root.setAttribute("data-hilfe-shown", String(n));
    }
    var asked = new URLSearchParams(location.search).get("kategorie");  // links from the pages of each kind
    if (asked && select.querySelector('option[value="' + attr(asked) + '"]')) select.value = asked;
    select.addEventListener("change", apply);
    search.addEventListener("input", apply);
    root.querySelector(".fokus-hilfe-controls").hidden = false;
    apply();
    V.mark("fokus-hilfe");
  }

  function gapMap(root) {
    var d = JSON.parse(root.querySelector("script.fokus-data").textContent);
    var map = V.makeMap(root.querySelector(".fokus-map"));
    V.shapes(GEO.features, function (f) {
      return {fillColor: d.fill[f.properties.ags] || "url(#fokus-keine)", fillOpacity: 1, color: "#ffffff", weight: 1};
    }, function (p) {
      return V.el("div", {}, [V.el("strong", {}, [p.name]), V.el("br"), d.tip[p.code] || "keine Daten"]);
    }).addTo(map);
    V.shapes(GEO.areas || [], function () {  // the planning areas' borders: the gaps are theirs
      return {fill: false, color: "#1a1a1a", weight: 2};
    }).addTo(map);
    V.mark("fokus-hilfe");
  }

  function start() {
    if (!V || !window.L || !GEO) return;
    document.querySelectorAll(".fokus-hilfe[data-hilfe]").forEach(function (root) {
      if (root.getAttribute("data-hilfe") === "portal") { if (H && L.markerClusterGroup) portal(root); }
      else gapMap(root);
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})();
