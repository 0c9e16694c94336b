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
      downloadButton: '下载', dashboard: '规划目标', api: '数据服务', summary: '碳汇汇总', togglePanel: '显示或隐藏面板',
      noResults: '没有找到', districts: '区县', zones: '重点区域', basemap: '底图', mapShows: '地图显示',
      exportImage: '导出当前视图图片（PNG）', exportButton: '导出图片',
      sink: '碳汇估算', stock: '碳储量', removal: '年固碳量', methane: '甲烷排放', n2o: '氧化亚氮排放', report: '核算报告',
      net: '净碳汇', netSource: '净排放', area: '面积', density: '净碳汇密度', planDiff: '规划情景较现状（2030年）',
      ccerShare: 'CCER 造林候选占比', landcoverShares: '地类构成', cell: '网格', zoomIn: '放大查看地块',
      range: '区间', standard: '标准', eligibility: '计入方式', perYear: '吨CO₂当量/年', tc: '吨碳', ha: '公顷',
      yes: '是', no: '否', loading: '加载中…', failed: '读取失败', parcelsLegend: '地块', gridLegend: '网格',
      scale: '比例尺', north: '北', made: '制图'
    },
    en: {
      title: 'Sink Atlas', subtitle: 'YRD Ecological Green Integrated Development Demonstration Zone',
      searchPlaceholder: 'Search a place or parcel code', zoomTo: 'Zoom to', zoomToChoose: 'Choose a district or key zone…',
      layers: 'Layers', download: 'Download this view (GeoJSON)', downloadButton: 'Download', dashboard: 'Plan targets',
      api: 'Data service', summary: 'Sink summary', togglePanel: 'Show or hide the panel', noResults: 'Nothing found',
      districts: 'Districts', zones: 'Key zones', basemap: 'Base map', mapShows: 'The map shows',
      exportImage: 'Export this view as an image (PNG)', exportButton: 'Export image',
      sink: 'Sink estimate', stock: 'Carbon stock', removal: 'Annual removal', methane: 'Methane', n2o: 'Nitrous oxide',
      report: 'Report', net: 'Net sink', netSource: 'net source', area: 'Area', density: 'Net sink density',
      planDiff: 'Plan less today (2030)', ccerShare: 'CCER afforestation candidates', landcoverShares: 'Land cover',
      cell: 'Cell', zoomIn: 'Zoom in to the parcels', range: 'range', standard: 'Standard', eligibility: 'Counted as',
      perYear: 'tCO₂e/yr', tc: 'tC', ha: 'ha', yes: 'yes', no: 'no', loading: 'Loading…', failed: 'Could not load',
      parcelsLegend: 'Parcels', gridLegend: 'Grid', scale: 'Scale', north: 'N', made: 'Made'
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
  const L = (pair) => (pair ? pair[lang] : '');

  // The layers coloured by their sink: the 1 km grid at the first zooms, the parcels from zoom 11.
  const SINK_LAYERS = ['sink-grid', 'parcels'];
  const HIGHLIGHT = '#8e24aa';
  const phone = window.matchMedia('(max-width: 700px)').matches;
  if (phone) {
    // A phone opens on the map: the panel waits behind its button.
    $('panel').classList.add('collapsed');
    $('panel-toggle').setAttribute('aria-expanded', 'false');
  }

  // Read before the map exists: it writes its own place into the address as it starts.
  const openedWithPlace = Boolean(location.hash);
  const map = new maplibregl.Map({
    container: 'map',
    style: base + '/styles/sink-atlas',
    hash: true,
    maxZoom: 19,
    attributionControl: false,
    // Kept so that "Export image" can copy what is drawn.
    canvasContextAttributes: { preserveDrawingBuffer: true }
  });
  window.sinkAtlasMap = map;
  map.addControl(new maplibregl.NavigationControl(), 'top-right');
  const scale = new maplibregl.ScaleControl({ unit: 'metric', maxWidth: 120 });
  map.addControl(scale, 'bottom-right');
  const credits = new maplibregl.AttributionControl({ compact: true });
  map.addControl(credits, 'bottom-right');

  let legend = [];

  map.on('load', () => {
    legend = (map.getStyle().metadata || {})['sink-atlas:legend'] || [];
    if (!openedWithPlace && cfg.bounds) map.fitBounds(cfg.bounds, { padding: 12, animate: false });
    if (cfg.basemap) addBasemap(cfg.basemap);
    rememberNetColours();
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
  // What the map is coloured by

  const steps = (value, classes) => ({ value, classes });
  const perHa = (field) => ['/', ['get', field], ['/', ['get', 'sink_area_m2'], 10000]];
  // Each measure: how a sink layer is coloured, with its legend (upper bounds of steps, or matched values).
  const MEASURES = {
    net: { title: { zh: '净碳汇密度', en: 'Net sink density' }, unit: { zh: '吨CO₂当量/公顷/年', en: 'tCO₂e/ha/yr' } },
    stock: {
      title: { zh: '碳储量密度', en: 'Carbon stock density' }, unit: { zh: '吨碳/公顷', en: 'tC/ha' },
      both: steps(perHa('sink_stock_tc'), [
        [20, '#f7fcf5', '< 20'], [30, '#c7e9c0', '20–30'], [40, '#a1d99b', '30–40'], [60, '#74c476', '40–60'],
        [100, '#31a354', '60–100'], [null, '#006d2c', '≥ 100']])
    },
    emissions: {
      title: { zh: '甲烷与氧化亚氮排放密度', en: 'Methane and nitrous oxide per hectare' }, unit: { zh: '吨CO₂当量/公顷/年', en: 'tCO₂e/ha/yr' },
      both: steps(['/', ['+', ['get', 'sink_methane_tco2e'], ['get', 'sink_n2o_tco2e']], ['/', ['get', 'sink_area_m2'], 10000]], [
        [0.1, '#fff7ec', '< 0.1'], [1, '#fdd49e', '0.1–1'], [3, '#fc8d59', '1–3'], [6, '#d7301f', '3–6'],
        [null, '#7f0000', '≥ 6']])
    },
    eligibility: {
      title: { zh: '计入方式', en: 'How the sink may be counted' }, unit: null,
      parcels: { match: 'sink_eligibility', classes: [
        ['ccer-eligible', '#1a9850', { zh: 'CCER 造林：符合', en: 'CCER afforestation: eligible' }],
        ['ccer-undetermined', '#fee08b', { zh: 'CCER 造林：待核实', en: 'CCER afforestation: to be checked' }],
        ['ccer-not-eligible', '#d73027', { zh: 'CCER 造林：不符合', en: 'CCER afforestation: not eligible' }],
        ['ecological-accounting', '#91bfdb', { zh: '生态碳汇核算', en: 'Ecological accounting' }]] },
      'sink-grid': steps(['get', 'ccer_share'], [
        [0.01, '#f7f7f7', { zh: 'CCER 候选 < 1%', en: 'CCER candidates < 1%' }], [0.1, '#d9f0d3', '1–10%'],
        [0.3, '#a6dba0', '10–30%'], [0.6, '#5aae61', '30–60%'], [null, '#1b7837', '≥ 60%']])
    },
    plan: {
      title: { zh: '规划情景较现状（2030年）', en: 'The plan against today (2030)' }, unit: { zh: '吨CO₂当量/公顷/年', en: 'tCO₂e/ha/yr' },
      both: steps(perHa('sink_plan_diff_tco2e'), [
        [-1, '#8c510a', { zh: '< -1 少汇或多排', en: '< -1 less sink or more emission' }], [-0.1, '#d8b365', '-1 – -0.1'],
        [0.1, '#f5f5f5', { zh: '-0.1 – 0.1 不变', en: '-0.1 – 0.1 unchanged' }], [1, '#c7eae5', '0.1–1'],
        [5, '#5ab4ac', '1–5'], [null, '#01665e', { zh: '≥ 5 多汇', en: '≥ 5 more sink' }]])
    }
  };
  let measure = 'net';
  const netColours = {};

  /** The net-density colours the style gives each sink layer, to go back to. */
  function rememberNetColours() {
    SINK_LAYERS.forEach((id) => {
      if (map.getLayer(id)) netColours[id] = map.getPaintProperty(id, 'fill-color');
    });
  }

  function stepExpression(spec, fallback) {
    const e = ['step', ['to-number', spec.value]];
    spec.classes.forEach((c, i) => {
      if (i > 0) e.push(spec.classes[i - 1][0]);
      e.push(c[1]);
    });
    return ['case', ['all', ['has', 'sink_area_m2'], ['>', ['to-number', ['get', 'sink_area_m2']], 0]], e, fallback];
  }

  function colourFor(layerId) {
    if (measure === 'net') return netColours[layerId];
    const m = MEASURES[measure];
    const spec = m[layerId] || m.both;
    if (spec.match) {
      const e = ['match', ['get', spec.match]];
      spec.classes.forEach((c) => e.push(c[0], c[1]));
      e.push('#dddddd');
      return e;
    }
    return stepExpression(spec, '#dddddd');
  }

  /** The legend of the measure mapped: [colour, label] rows, in groups when grid and parcels differ. */
  function measureLegend() {
    const label = (x) => (typeof x === 'string' ? x : L(x));
    if (measure === 'net') {
      const entry = legend.find((e) => e.layer === 'parcels') || legend.find((e) => e.layer === 'sink-grid');
      return [{ rows: entry ? entry.classes.map((c) => [c.color, L(c.label)]) : [] }];
    }
    const m = MEASURES[measure];
    if (m.both) return [{ rows: m.both.classes.map((c) => [c[1], label(c[2])]) }];
    return [{ heading: t('gridLegend'), rows: m['sink-grid'].classes.map((c) => [c[1], label(c[2])]) },
      { heading: t('parcelsLegend'), rows: m.parcels.classes.map((c) => [c[1], label(c[2])]) }];
  }

  function applyMeasure() {
    SINK_LAYERS.forEach((id) => {
      if (map.getLayer(id) && netColours[id]) map.setPaintProperty(id, 'fill-color', colourFor(id));
    });
    const m = MEASURES[measure];
    $('measure-unit').textContent = m.unit ? L(m.unit) : '';
    const box = $('measure-legend');
    box.innerHTML = '';
    measureLegend().forEach((group) => {
      if (group.heading) {
        const h = document.createElement('li');
        h.className = 'group';
        h.textContent = group.heading;
        box.appendChild(h);
      }
      group.rows.forEach(([colour, text]) => {
        const li = document.createElement('li');
        li.innerHTML = `<span class="swatch" style="background:${esc(colour)}"></span><span>${esc(text)}</span>`;
        box.appendChild(li);
      });
    });
    document.body.dataset.measure = measure;
  }

  function buildMeasureChoices() {
    const select = $('measure');
    select.innerHTML = '';
    Object.entries(MEASURES).forEach(([id, m]) => {
      const o = document.createElement('option');
      o.value = id;
      o.textContent = L(m.title);
      select.appendChild(o);
    });
    select.value = measure;
  }

  $('measure').addEventListener('change', (e) => {
    measure = e.target.value;
    applyMeasure();
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
      // A sink layer's colours are the measure's, shown above: its swatch is their range.
      const fill = SINK_LAYERS.includes(entry.layer) ? 'linear-gradient(90deg,#b35806,#f0f0e8,#238b45)' : esc(entry.color);
      const swatch = `<span class="swatch ${entry.kind}" style="${entry.kind === 'outline' ? 'border-color' : 'background'}:${fill}"></span>`;
      li.innerHTML = `<label for="${id}"><input type="checkbox" id="${id}" checked> ${swatch}<span class="name" data-layer="${esc(entry.layer)}"></span></label>`;
      // The sink layers' classes are the measure's legend, above.
      if (entry.classes.length && !SINK_LAYERS.includes(entry.layer)) {
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
    buildMeasureChoices();
    applyMeasure();
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
  // Highlighting features (search hits, and the dashboard's ?layer=...&ids=... links), in a colour no layer uses

  function highlight(layer, ids) {
    return Promise.all(ids.map((id) => getJson(`${base}/collections/${encodeURIComponent(layer)}/items/${id}`).catch(() => null)))
      .then((features) => {
        const fc = { type: 'FeatureCollection', features: features.filter(Boolean) };
        const source = map.getSource('highlight');
        if (source) source.setData(fc);
        else {
          map.addSource('highlight', { type: 'geojson', data: fc });
          map.addLayer({ id: 'highlight-line', type: 'line', source: 'highlight', paint: { 'line-color': HIGHLIGHT, 'line-width': 3 } });
          map.addLayer({ id: 'highlight-point', type: 'circle', source: 'highlight', filter: ['==', ['geometry-type'], 'Point'],
            paint: { 'circle-radius': 8, 'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-color': HIGHLIGHT, 'circle-stroke-width': 3 } });
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
  // Clicking a feature: its properties as words, and its sink

  map.on('click', (e) => {
    const hits = map.queryRenderedFeatures(e.point).filter((f) => f.layer.metadata && f.layer.metadata['sink-atlas:layer'] && f.id != null);
    if (!hits.length) return;
    const hit = hits[0];
    const layer = hit.layer.metadata['sink-atlas:layer'];
    const popup = new maplibregl.Popup({ maxWidth: '340px' }).setLngLat(e.lngLat)
      .setHTML(`<div class="popup">${esc(t('loading'))}</div>`).addTo(map);
    const item = getJson(`${base}/collections/${encodeURIComponent(layer)}/items/${hit.id}`);
    const sink = layer === 'parcels' ? getJson(`${base}/sinks/parcels/${hit.id}`).catch(() => null) : Promise.resolve(null);
    Promise.all([item, sink]).then(([f, s]) => {
      const body = layer === 'sink-grid' ? cellHtml(f.properties) : (s ? sinkHtml(s) : '') + propertiesHtml(layer, f.properties);
      popup.setHTML(`<div class="popup" data-collection="${esc(layer)}" data-id="${esc(hit.id)}">
        <h3>${esc(featureTitle(layer, f.properties, hit.id))}</h3>
        <div class="layer">${esc(layerTitle(layer))}</div>${body}</div>`);
    }).catch(() => popup.setHTML(`<div class="popup">${esc(t('failed'))}</div>`));
  });

  map.on('mousemove', (e) => {
    const over = map.queryRenderedFeatures(e.point).some((f) => f.layer.metadata && f.layer.metadata['sink-atlas:layer']);
    map.getCanvas().style.cursor = over ? 'pointer' : '';
  });

  const fmt = (v, digits) => Number(v).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', { maximumFractionDigits: digits });
  const landcoverName = (code) => (cfg.landcover[code] ? `${L(cfg.landcover[code])} ${code}` : code);
  const layerTitle = (layer) => (cfg.layers[layer] ? L(cfg.layers[layer].title) : layer);

  function featureTitle(layer, p, id) {
    if (layer === 'sink-grid') return `${t('cell')} ${p.cell}`;
    if (p.name) return lang === 'en' && p.name_en ? p.name_en : p.name;
    if (p.code) return p.landcover ? `${p.code} · ${L(cfg.landcover[p.landcover]) || p.landcover}` : p.code;
    return '#' + id;
  }

  /** A value in words: land-cover names, labelled codes, yes and no, percentages of fractions. */
  function valueText(layer, name, v) {
    const def = ((cfg.layers[layer] || {}).properties || {})[name] || {};
    if (name === 'landcover' || name === 'planned_landcover' || name === 'previous_landcover') return landcoverName(v);
    if (name === 'landcover_fractions' && typeof v === 'object') {
      return Object.entries(v).map(([code, share]) => `${landcoverName(code)} ${fmt(share * 100, 0)}%`).join('，');
    }
    if (def.values && def.values[v]) return L(def.values[v]);
    if (typeof v === 'boolean') return v ? t('yes') : t('no');
    if (typeof v === 'number') return fmt(v, 3);
    return typeof v === 'object' ? JSON.stringify(v) : String(v);
  }

  function propertiesHtml(layer, p) {
    const defs = (cfg.layers[layer] || {}).properties || {};
    const rows = Object.entries(p).filter(([k, v]) => v !== null && v !== '' && !k.startsWith('sink_'))
      .map(([k, v]) => `<tr><td>${esc(defs[k] ? shortTitle(L(defs[k].title)) : k)}</td><td>${esc(valueText(layer, k, v))}</td></tr>`);
    return `<table>${rows.join('')}</table>`;
  }

  /** A property's title without the code list in brackets that some carry for other clients. */
  const shortTitle = (title) => title.replace(/\s*[（(][^）)]*[/／][^）)]*[）)]\s*$/, '');

  function netHtml(mean, text) {
    const source = mean < 0;
    return `<div>${esc(t('net'))}: <strong class="${source ? 'net-source' : 'net-sink'}">${text}</strong> ${esc(t('perYear'))}`
      + `${source ? ` <span class="net-source">（${esc(t('netSource'))}）</span>` : ''}</div>`;
  }

  function sinkHtml(s) {
    // The headline of every figure is the mean of the Monte Carlo draws; the range is their 5th-95th percentile.
    const range = (x) => `${fmt(x.mean, 1)} <small>(${t('range')} ${fmt(x.p5, 1)} – ${fmt(x.p95, 1)})</small>`;
    const emissions = s.methane_tco2e.mean + s.nitrous_oxide_tco2e.mean;
    return `<div class="sink">${netHtml(s.net_tco2e.mean, range(s.net_tco2e))}
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

  /** A grid cell: the sums of its parcels, and what its land is. */
  function cellHtml(p) {
    const ha = p.sink_area_m2 / 10000;
    const shares = Object.entries(p.landcover_shares || {}).sort((a, b) => b[1] - a[1]).slice(0, 6)
      .map(([code, share]) => `<tr><td>${esc(landcoverName(code))}</td><td>${fmt(share * 100, 1)}%</td></tr>`).join('');
    return `<div class="sink">${netHtml(p.sink_net_tco2e, fmt(p.sink_net_tco2e, 1))}
      <table>
        <tr><td>${esc(t('area'))}</td><td>${fmt(ha, 1)} ${esc(t('ha'))}</td></tr>
        <tr><td>${esc(t('density'))}</td><td>${fmt(p.sink_density, 2)} ${esc(t('perYear'))}/${esc(t('ha'))}</td></tr>
        <tr><td>${esc(t('stock'))}</td><td>${fmt(p.sink_stock_tc, 0)} ${esc(t('tc'))}</td></tr>
        <tr><td>${esc(t('methane'))}</td><td>${fmt(p.sink_methane_tco2e || 0, 1)} ${esc(t('perYear'))}</td></tr>
        <tr><td>${esc(t('n2o'))}</td><td>${fmt(p.sink_n2o_tco2e || 0, 1)} ${esc(t('perYear'))}</td></tr>
        <tr><td>${esc(t('planDiff'))}</td><td>${fmt(p.sink_plan_diff_tco2e || 0, 1)} ${esc(t('perYear'))}</td></tr>
        <tr><td>${esc(t('ccerShare'))}</td><td>${fmt((p.ccer_share || 0) * 100, 1)}%</td></tr>
      </table></div>
      <div class="layer">${esc(t('landcoverShares'))}</div><table class="shares">${shares}</table>
      <p><a href="#" class="zoom-in" data-action="zoom-in">${esc(t('zoomIn'))}</a></p>`;
  }

  document.addEventListener('click', (e) => {
    if (e.target.dataset && e.target.dataset.action === 'zoom-in') {
      e.preventDefault();
      const popup = document.querySelector('.maplibregl-popup');
      map.flyTo({ center: map.getCenter(), zoom: 12.5 });
      if (popup) popup.remove();
    }
  });

  // ------------------------------------------------------------------------------------------------
  // The view as a picture: the map with its title, legend, scale bar and north arrow, for a report

  $('export-image').addEventListener('click', () => {
    const mapCanvas = map.getCanvas();
    const ratio = mapCanvas.width / mapCanvas.clientWidth;
    const out = document.createElement('canvas');
    out.width = mapCanvas.width;
    out.height = mapCanvas.height;
    const g = out.getContext('2d');
    g.drawImage(mapCanvas, 0, 0);
    g.scale(ratio, ratio);
    const w = mapCanvas.clientWidth;
    const h = mapCanvas.clientHeight;
    const font = (size, bold) => `${bold ? 'bold ' : ''}${size}px system-ui, "Noto Sans CJK SC", "Microsoft YaHei", sans-serif`;
    const box = (x, y, bw, bh) => {
      g.fillStyle = 'rgba(255,255,255,0.9)';
      g.fillRect(x, y, bw, bh);
      g.strokeStyle = '#9aa5ae';
      g.strokeRect(x + 0.5, y + 0.5, bw - 1, bh - 1);
    };
    // Title and date.
    const m = MEASURES[measure];
    const title = `${t('title')} · ${L(m.title)}${m.unit ? `（${L(m.unit)}）` : ''}`;
    g.font = font(16, true);
    const titleWidth = g.measureText(title).width;
    box(10, 10, titleWidth + 20, 30);
    g.fillStyle = '#22303c';
    g.fillText(title, 20, 31);
    // Legend.
    const groups = measureLegend();
    const rows = groups.reduce((n, gr) => n + gr.rows.length + (gr.heading ? 1 : 0), 0);
    g.font = font(12);
    const legendWidth = 20 + Math.max(...groups.flatMap((gr) => gr.rows.map((r) => g.measureText(r[1]).width)), 60) + 26;
    const legendHeight = 14 + rows * 18;
    let y = h - legendHeight - 40;
    box(10, y, legendWidth, legendHeight);
    y += 14;
    groups.forEach((gr) => {
      if (gr.heading) {
        g.fillStyle = '#5f6b76';
        g.fillText(gr.heading, 20, y + 4);
        y += 18;
      }
      gr.rows.forEach(([colour, text]) => {
        g.fillStyle = colour;
        g.fillRect(20, y - 6, 16, 12);
        g.strokeStyle = 'rgba(0,0,0,.2)';
        g.strokeRect(20.5, y - 5.5, 15, 11);
        g.fillStyle = '#22303c';
        g.fillText(text, 44, y + 4);
        y += 18;
      });
    });
    // Scale bar: a round length near 120 pixels at the centre's latitude.
    const metresPerPixel = 40075016.686 * Math.cos(map.getCenter().lat * Math.PI / 180) / Math.pow(2, map.getZoom() + 9);
    const target = metresPerPixel * 120;
    const pow = Math.pow(10, Math.floor(Math.log10(target)));
    const nice = [5, 2, 1].map((k) => k * pow).find((x) => x <= target) || pow;
    const px = nice / metresPerPixel;
    const sx = w - px - 30;
    const sy = h - 30;
    box(sx - 10, sy - 22, px + 20, 32);
    g.fillStyle = '#22303c';
    g.fillRect(sx, sy, px, 4);
    g.font = font(12);
    g.fillText(nice >= 1000 ? `${nice / 1000} km` : `${nice} m`, sx, sy - 6);
    // North arrow, turned with the map.
    const nx = w - 40;
    const ny = 70;
    box(nx - 20, ny - 30, 40, 52);
    g.save();
    g.translate(nx, ny);
    g.rotate(-map.getBearing() * Math.PI / 180);
    g.beginPath();
    g.moveTo(0, -18);
    g.lineTo(8, 6);
    g.lineTo(0, 1);
    g.lineTo(-8, 6);
    g.closePath();
    g.fillStyle = '#22303c';
    g.fill();
    g.restore();
    g.font = font(11, true);
    g.fillText(t('north'), nx - 4, ny + 18);
    // Credits and date.
    const credit = `${t('made')} ${new Date().toISOString().slice(0, 10)} · Sink Atlas ${location.origin}${location.pathname}${location.hash}`;
    g.font = font(10);
    g.fillStyle = 'rgba(255,255,255,0.85)';
    g.fillRect(0, h - 14, g.measureText(credit).width + 12, 14);
    g.fillStyle = '#404b55';
    g.fillText(credit, 6, h - 3);
    const a = document.createElement('a');
    a.href = out.toDataURL('image/png');
    a.download = `sink-atlas-${measure}-${new Date().toISOString().slice(0, 10)}.png`;
    document.body.appendChild(a);
    a.click();
    a.remove();
  });
})();
