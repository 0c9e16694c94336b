// The public web map of Sink Atlas: MapLibre GL JS over the service's own style and tiles. No outside
// requests unless a base map is configured. Chinese by default, English on request.
(function () {
  'use strict';
  const cfg = window.SINK_ATLAS;
  const base = cfg.base;

  const TEXT = {
    zh: {
      title: '碳汇一张图', subtitle: '长三角生态绿色一体化发展示范区', searchPlaceholder: '搜索地名或地块编号',
      zoomTo: '缩放至', zoomToChoose: '选择区县或重点区域…', layers: '图层', download: '下载当前视图（GeoJSON）',
      downloadButton: '下载', dashboard: '规划目标', api: '数据服务', togglePanel: '显示或隐藏面板',
      noResults: '没有找到', districts: '区县', zones: '重点区域', basemap: '底图',
      sink: '碳汇估算', stock: '碳储量', removal: '年固碳量', methane: '甲烷排放', n2o: '氧化亚氮排放', report: '核算报告', net: '净碳汇', area: '面积',
      range: '区间', standard: '标准', eligibility: '计入方式', perYear: '吨CO₂当量/年', tc: '吨碳', ha: '公顷',
      loading: '加载中…', failed: '读取失败'
    },
    en: {
      title: 'Sink Atlas', subtitle: 'YRD Ecological Green Integrated Development Demonstration Zone',
      searchPlaceholder: 'Search a place or parcel code', zoomTo: 'Zoom to', zoomToChoose: 'Choose a district or key zone…',
      layers: 'Layers', download: 'Download this view (GeoJSON)', downloadButton: 'Download', dashboard: 'Plan targets',
      api: 'Data service', togglePanel: 'Show or hide the panel', noResults: 'Nothing found', districts: 'Districts',
      zones: 'Key zones', basemap: 'Base map', sink: 'Sink estimate', stock: 'Carbon stock', removal: 'Annual removal',
      methane: 'Methane', n2o: 'Nitrous oxide', report: 'Report', net: 'Net sink', area: 'Area', range: 'range', standard: 'Standard', eligibility: 'Counted as',
      perYear: 'tCO₂e/yr', tc: 'tC', ha: 'ha', loading: 'Loading…', failed: 'Could not load'
    }
  };
  let lang = localStorage.getItem('sink-atlas.lang') || (cfg.lang === 'en' ? 'en' : 'zh');
  const t = (key) => TEXT[lang][key] || key;
  const $ = (id) => document.getElementById(id);
  const esc = (s) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
  const getJson = (url) => fetch(url, { headers: { Accept: 'application/json' } }).then((r) => {
    if (!r.ok) throw new Error(r.status + ' ' + url);
    return r.json();
  });

  const map = new maplibregl.Map({
    container: 'map',
    style: base + '/styles/sink-atlas',
    hash: true,
    maxZoom: 19,
    attributionControl: false
  });
  window.sinkAtlasMap = map;
  map.addControl(new maplibregl.NavigationControl(), 'top-right');
  map.addControl(new maplibregl.ScaleControl({ unit: 'metric', maxWidth: 120 }), 'bottom-right');
  const credits = new maplibregl.AttributionControl({ compact: true });
  map.addControl(credits, 'bottom-right');

  let legend = [];

  map.on('load', () => {
    legend = (map.getStyle().metadata || {})['sink-atlas:legend'] || [];
    if (cfg.basemap) addBasemap(cfg.basemap);
    buildLayerList();
    buildDownloadChoices();
    applyLanguage();
    loadZoomTargets();
    showRequestedFeatures();
    // The sources' credits are long: folded behind the (i) button until asked for.
    credits._container && credits._container.classList.remove('maplibregl-compact-show');
    document.body.dataset.ready = 'true';
  });

  // ------------------------------------------------------------------------------------------------
  // Layers, legend, language

  function styleLayersOf(layerId) {
    return map.getStyle().layers.filter((l) => l.metadata && l.metadata['sink-atlas:layer'] === layerId).map((l) => l.id);
  }

  function buildLayerList() {
    const list = $('layers');
    list.innerHTML = '';
    legend.slice().reverse().forEach((entry) => {
      const li = document.createElement('li');
      const id = 'layer-' + entry.layer;
      const swatch = `<span class="swatch ${entry.kind}" style="${entry.kind === 'outline' ? 'border-color' : 'background'}:${esc(entry.color)}"></span>`;
      li.innerHTML = `<label for="${id}"><input type="checkbox" id="${id}" checked> ${swatch}<span class="name" data-layer="${esc(entry.layer)}"></span></label>`;
      if (entry.classes.length) {
        const ul = document.createElement('ul');
        ul.className = 'classes';
        entry.classes.forEach((c) => {
          const item = document.createElement('li');
          item.innerHTML = `<span class="swatch" style="background:${esc(c.color)}"></span><span data-zh="${esc(c.label.zh)}" data-en="${esc(c.label.en)}"></span>`;
          ul.appendChild(item);
        });
        li.appendChild(ul);
      }
      li.querySelector('input').addEventListener('change', (e) => {
        styleLayersOf(entry.layer).forEach((l) => map.setLayoutProperty(l, 'visibility', e.target.checked ? 'visible' : 'none'));
      });
      list.appendChild(li);
    });
  }

  function buildDownloadChoices() {
    const select = $('download-layer');
    select.innerHTML = '';
    legend.forEach((entry) => {
      const o = document.createElement('option');
      o.value = entry.layer;
      o.dataset.zh = entry.title.zh;
      o.dataset.en = entry.title.en;
      select.appendChild(o);
    });
    select.value = legend.some((e) => e.layer === 'parcels') ? 'parcels' : (legend[0] || {}).layer;
    select.addEventListener('change', updateDownloadLink);
    map.on('moveend', updateDownloadLink);
    updateDownloadLink();
  }

  function updateDownloadLink() {
    const layer = $('download-layer').value;
    if (!layer) return;
    const b = map.getBounds();
    const bbox = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map((v) => v.toFixed(5)).join(',');
    const link = $('download-link');
    link.href = `${base}/collections/${encodeURIComponent(layer)}/items?f=json&limit=10000&bbox=${bbox}`;
    link.setAttribute('download', `${layer}.geojson`);
  }

  function applyLanguage() {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
    document.querySelectorAll('[data-i18n-placeholder]').forEach((el) => { el.placeholder = t(el.dataset.i18nPlaceholder); });
    document.querySelectorAll('[data-i18n-title]').forEach((el) => { el.title = t(el.dataset.i18nTitle); });
    document.querySelectorAll('[data-zh]').forEach((el) => { el.textContent = el.dataset[lang]; });
    document.querySelectorAll('.lang button').forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.lang === lang)));
    legend.forEach((entry) => {
      document.querySelectorAll(`.name[data-layer="${entry.layer}"]`).forEach((el) => { el.textContent = entry.title[lang]; });
    });
    document.title = t('title') + ' · ' + (lang === 'zh' ? 'Sink Atlas' : '碳汇一张图');
    // Labels: the English name where a feature has one.
    map.getStyle().layers.filter((l) => l.type === 'symbol' && l.metadata && l.metadata['sink-atlas:layer']).forEach((l) => {
      const field = (map.getLayoutProperty(l.id, 'text-field') || ['get', 'name']);
      const original = l.metadata['sink-atlas:label'] || (Array.isArray(field) ? field[1] : 'name');
      l.metadata['sink-atlas:label'] = original;
      map.setLayoutProperty(l.id, 'text-field', lang === 'en' && original === 'name'
        ? ['coalesce', ['get', 'name_en'], ['get', 'name']] : ['get', original]);
    });
    refreshZoomTargets();
  }

  document.querySelectorAll('.lang button').forEach((b) => b.addEventListener('click', () => {
    lang = b.dataset.lang;
    localStorage.setItem('sink-atlas.lang', lang);
    applyLanguage();
  }));

  $('panel-toggle').addEventListener('click', () => {
    const panel = $('panel');
    panel.classList.toggle('collapsed');
    $('panel-toggle').setAttribute('aria-expanded', String(!panel.classList.contains('collapsed')));
  });

  // ------------------------------------------------------------------------------------------------
  // Base map (only when configured: it is the one outside request)

  function addBasemap(b) {
    map.addSource('basemap', { type: 'raster', tiles: [b.url], tileSize: 256, attribution: b.attribution || '' });
    const first = map.getStyle().layers.find((l) => l.type !== 'background');
    map.addLayer({ id: 'basemap', type: 'raster', source: 'basemap', paint: { 'raster-opacity': 0.85 } }, first && first.id);
  }

  // ------------------------------------------------------------------------------------------------
  // Zoom to a district or key zone

  let zoomTargets = [];

  function loadZoomTargets() {
    Promise.all(['districts', 'key-zones'].map((c) => getJson(`${base}/collections/${c}/items?limit=100`)
      .then((fc) => fc.features.map((f) => ({ group: c, name: f.properties.name, name_en: f.properties.name_en, bbox: bboxOf(f.geometry) })))
      .catch(() => [])))
      .then((groups) => { zoomTargets = groups.flat(); refreshZoomTargets(); });
  }

  function refreshZoomTargets() {
    const select = $('goto');
    const keep = select.value;
    select.querySelectorAll('optgroup').forEach((g) => g.remove());
    [['districts', t('districts')], ['key-zones', t('zones')]].forEach(([group, label]) => {
      const items = zoomTargets.filter((z) => z.group === group);
      if (!items.length) return;
      const g = document.createElement('optgroup');
      g.label = label;
      items.forEach((z) => {
        const o = document.createElement('option');
        o.value = z.bbox.join(',');
        o.textContent = lang === 'en' && z.name_en ? z.name_en : z.name;
        g.appendChild(o);
      });
      select.appendChild(g);
    });
    select.value = keep;
  }

  $('goto').addEventListener('change', (e) => {
    if (e.target.value) map.fitBounds(e.target.value.split(',').map(Number), { padding: 30, maxZoom: 15 });
  });

  function bboxOf(geometry) {
    const b = [Infinity, Infinity, -Infinity, -Infinity];
    const walk = (c) => {
      if (typeof c[0] === 'number') {
        b[0] = Math.min(b[0], c[0]); b[1] = Math.min(b[1], c[1]); b[2] = Math.max(b[2], c[0]); b[3] = Math.max(b[3], c[1]);
      } else c.forEach(walk);
    };
    walk(geometry.coordinates);
    return b;
  }

  // ------------------------------------------------------------------------------------------------
  // Search

  let searchTimer = null;
  $('search').addEventListener('input', (e) => {
    clearTimeout(searchTimer);
    const q = e.target.value.trim();
    const out = $('search-results');
    if (q.length < 1) { out.hidden = true; return; }
    searchTimer = setTimeout(() => getJson(`${base}/search?q=${encodeURIComponent(q)}`).then((r) => {
      out.innerHTML = '';
      if (!r.results.length) {
        out.innerHTML = `<li>${esc(t('noResults'))}</li>`;
      }
      r.results.forEach((hit) => {
        const li = document.createElement('li');
        li.tabIndex = 0;
        const name = lang === 'en' && hit.name_en ? hit.name_en : hit.name;
        li.innerHTML = `${esc(name)}<small>${esc(lang === 'en' ? hit.collection_title_en : hit.collection_title_zh)}</small>`;
        const go = () => {
          map.fitBounds(hit.bbox, { padding: 60, maxZoom: 16 });
          out.hidden = true;
          highlight(hit.collection, [hit.id]);
        };
        li.addEventListener('click', go);
        li.addEventListener('keydown', (k) => { if (k.key === 'Enter') go(); });
        out.appendChild(li);
      });
      out.hidden = false;
    }).catch(() => { out.innerHTML = `<li>${esc(t('failed'))}</li>`; out.hidden = false; }), 250);
  });

  // ------------------------------------------------------------------------------------------------
  // Highlighting features (search hits, and the dashboard's ?layer=...&ids=... links)

  function highlight(layer, ids) {
    return Promise.all(ids.map((id) => getJson(`${base}/collections/${encodeURIComponent(layer)}/items/${id}`).catch(() => null)))
      .then((features) => {
        const fc = { type: 'FeatureCollection', features: features.filter(Boolean) };
        const source = map.getSource('highlight');
        if (source) source.setData(fc);
        else {
          map.addSource('highlight', { type: 'geojson', data: fc });
          map.addLayer({ id: 'highlight-line', type: 'line', source: 'highlight', paint: { 'line-color': '#e63946', 'line-width': 3 } });
          map.addLayer({ id: 'highlight-point', type: 'circle', source: 'highlight', filter: ['==', ['geometry-type'], 'Point'],
            paint: { 'circle-radius': 8, 'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-color': '#e63946', 'circle-stroke-width': 3 } });
        }
        return fc;
      });
  }

  function showRequestedFeatures() {
    const params = new URLSearchParams(location.search);
    const layer = params.get('layer');
    const ids = (params.get('ids') || '').split(',').map((s) => s.trim()).filter((s) => /^\d+$/.test(s)).slice(0, 200);
    if (!layer || !ids.length) return;
    highlight(layer, ids).then((fc) => {
      if (!fc.features.length) return;
      const b = [Infinity, Infinity, -Infinity, -Infinity];
      fc.features.forEach((f) => {
        const x = bboxOf(f.geometry);
        b[0] = Math.min(b[0], x[0]); b[1] = Math.min(b[1], x[1]); b[2] = Math.max(b[2], x[2]); b[3] = Math.max(b[3], x[3]);
      });
      map.fitBounds(b, { padding: 50, maxZoom: 15 });
    });
  }

  // ------------------------------------------------------------------------------------------------
  // Clicking a feature: its properties, and a parcel's sink estimate

  map.on('click', (e) => {
    const hits = map.queryRenderedFeatures(e.point).filter((f) => f.layer.metadata && f.layer.metadata['sink-atlas:layer'] && f.id != null);
    if (!hits.length) return;
    const hit = hits[0];
    const layer = hit.layer.metadata['sink-atlas:layer'];
    const entry = legend.find((l) => l.layer === layer);
    const popup = new maplibregl.Popup({ maxWidth: '340px' }).setLngLat(e.lngLat)
      .setHTML(`<div class="popup">${esc(t('loading'))}</div>`).addTo(map);
    const item = getJson(`${base}/collections/${encodeURIComponent(layer)}/items/${hit.id}`);
    const sink = layer === 'parcels' ? getJson(`${base}/sinks/parcels/${hit.id}`).catch(() => null) : Promise.resolve(null);
    Promise.all([item, sink]).then(([f, s]) => {
      popup.setHTML(`<div class="popup" data-collection="${esc(layer)}" data-id="${esc(hit.id)}">
        <h3>${esc(f.properties.name || f.properties.code || '#' + hit.id)}</h3>
        <div class="layer">${esc(entry ? entry.title[lang] : layer)}</div>
        ${s ? sinkHtml(s) : ''}${propertiesHtml(f.properties)}</div>`);
    }).catch(() => popup.setHTML(`<div class="popup">${esc(t('failed'))}</div>`));
  });

  map.on('mousemove', (e) => {
    const over = map.queryRenderedFeatures(e.point).some((f) => f.layer.metadata && f.layer.metadata['sink-atlas:layer']);
    map.getCanvas().style.cursor = over ? 'pointer' : '';
  });

  const fmt = (v, digits) => Number(v).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', { maximumFractionDigits: digits });

  function sinkHtml(s) {
    // The headline of every figure is the mean of the Monte Carlo draws; the range is their 5th-95th percentile.
    const range = (x) => `${fmt(x.mean, 1)} <small>(${t('range')} ${fmt(x.p5, 1)} – ${fmt(x.p95, 1)})</small>`;
    const emissions = s.methane_tco2e.mean + s.nitrous_oxide_tco2e.mean;
    return `<div class="sink"><div>${esc(t('net'))}: <strong>${range(s.net_tco2e)}</strong> ${esc(t('perYear'))}</div>
      <table>
        <tr><td>${esc(t('area'))}</td><td>${fmt(s.area_m2 / 10000, 2)} ${esc(t('ha'))}</td></tr>
        <tr><td>${esc(t('stock'))}</td><td>${fmt(s.stock_tc.mean, 1)} ${esc(t('tc'))}</td></tr>
        <tr><td>${esc(t('removal'))}</td><td>${range(s.removals_tco2e)}</td></tr>
        ${emissions ? `<tr><td>${esc(t('methane'))}</td><td>${range(s.methane_tco2e)}</td></tr>
        <tr><td>${esc(t('n2o'))}</td><td>${range(s.nitrous_oxide_tco2e)}</td></tr>` : ''}
        <tr><td>${esc(t('eligibility'))}</td><td>${esc(s.eligibility.text[lang])}</td></tr>
        <tr><td>${esc(t('standard'))}</td><td>${esc(s.standard.id)}@${esc(s.standard.version)} · GWP ${esc(s.gwp.set.toUpperCase())}</td></tr>
      </table><a href="${esc(s.feature.report)}?f=html" target="_blank">${esc(t('report'))}</a></div>`;
  }

  function propertiesHtml(p) {
    const rows = Object.entries(p).filter(([k, v]) => v !== null && v !== '' && !k.startsWith('sink_'))
      .map(([k, v]) => `<tr><td>${esc(k)}</td><td>${esc(typeof v === 'object' ? JSON.stringify(v) : v)}</td></tr>`);
    return `<table>${rows.join('')}</table>`;
  }
})();
