/*
 * Sink Atlas · targets dashboard (碳汇一张图 · 规划目标看板).
 *
 * One card per target of the plan with a progress bar and a small chart of its history by year, in Chinese
 * (default) or English. Reads {base}/targets?asOf=...; on demand {base}/targets/{id}?asOf=... for the features
 * that count or the reports a target rests on. ECharts draws the charts; it is served by the service itself,
 * and nothing is fetched from elsewhere. The functions under "model" are pure (data in, plain objects out) and
 * run under Node in the service's tests; the rest draws the page.
 *
 * Map hook: a target's detail carries map.href = {base}/viewer?layer=L&ids=1,2,3 (the web map highlights the
 * features that count; without ids when they are more than it highlights). The panel lists the features with
 * links to /collections/L/items/{id}, and links to the map when /viewer answers. /dashboard#T opens target
 * T's panel (and opening one sets it).
 */
(function (root, factory) {
  'use strict';
  var api = factory();
  if (typeof module === 'object' && module.exports) module.exports = api;
  else root.SinkDashboard = api;
  if (typeof document !== 'undefined' && typeof window !== 'undefined') {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', function () { api.start(); });
    else api.start();
  }
}(typeof self !== 'undefined' ? self : this, function () {
  'use strict';

  var TEXT = {
    zh: {
      title: '规划目标看板', brand: '碳汇一张图', asOf: '截至', other: 'EN', loading: '加载中…',
      failed: '无法读取目标数据：', due: '应达', final: '目标', counted: '个要素计入', reports: '条报送数据',
      showFeatures: '查看计入的要素', showReports: '查看报送数据', value: '实际值', expected: '按进度应达',
      showOnMap: '在地图上显示', close: '关闭', by: '报送人', source: '来源', corrected: '已被更正',
      synthetic: '合成数据', problem: '无法量算：', parts: '分项', pending: '尚未计入', noFeatures: '范围内没有要素',
      noReports: '尚无报送数据', plan: '依据', clause: '条款', all: '全部目标', updated: '数据日期',
      badDate: '日期应写作 YYYY-MM-DD，例如 2025-12-31', sinks: '碳汇核算', zoneNet: '示范区净碳汇',
      stock: '碳储量', perYear: '吨CO₂当量/年', tc: '吨碳', range: '区间', standard: '标准', year: '核算年份',
      byDistrict: '各区县净碳汇', fullSummary: '查看完整汇总（区县、重点区域、地类）', netSource: '净排放'
    },
    en: {
      title: 'Targets dashboard', brand: 'Sink Atlas', asOf: 'As of', other: '中文', loading: 'Loading…',
      failed: 'Cannot read the targets: ', due: 'Due', final: 'Target', counted: 'features count', reports: 'reports',
      showFeatures: 'Features that count', showReports: 'Reported figures', value: 'Value', expected: 'On the trajectory',
      showOnMap: 'Show on the map', close: 'Close', by: 'Posted by', source: 'Source', corrected: 'corrected',
      synthetic: 'synthetic', problem: 'Cannot measure: ', parts: 'Parts', pending: 'Not counted yet',
      noFeatures: 'No features in scope', noReports: 'No figures reported yet', plan: 'Plan', clause: 'clause',
      all: 'All targets', updated: 'Figure of',
      badDate: 'Write the date as YYYY-MM-DD, e.g. 2025-12-31', sinks: 'Sink accounting', zoneNet: 'The zone\'s net sink',
      stock: 'Carbon stock', perYear: 'tCO₂e/yr', tc: 'tC', range: 'range', standard: 'Standard', year: 'Year',
      byDistrict: 'Net sink by district', fullSummary: 'The full summary (districts, key zones, land cover)',
      netSource: 'net source'
    }
  };

  var STATUS_COLOURS = {
    achieved: '#1f7a4a', on_track: '#3f8fc5', at_risk: '#c98a12', behind: '#b8432f', no_data: '#8a8f8c'
  };
  var STATUS_ORDER = ['achieved', 'on_track', 'at_risk', 'behind', 'no_data'];
  /** Names of the layers' feature statuses. */
  var FEATURE_STATUS = {
    zh: { planned: '规划', under_construction: '在建', built: '建成' },
    en: { planned: 'planned', under_construction: 'under construction', built: 'built' }
  };

  // ------------------------------------------------------------------------------------------------
  // Model: pure functions of the API's JSON

  function text(lang) {
    return TEXT[lang] || TEXT.zh;
  }

  function pick(localized, lang) {
    if (!localized) return '';
    return localized[lang] || localized.zh || localized.en || '';
  }

  function formatNumber(value, unitId) {
    if (value === null || value === undefined || isNaN(value)) return '—';
    var abs = Math.abs(value);
    var digits = unitId === 'count' && Math.round(value) === value ? 0 : abs >= 1000 ? 0 : abs >= 100 ? 1 : 2;
    return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  }

  function unitSuffix(unit, lang) {
    if (!unit) return '';
    if (unit.id === 'percent') return ' %';
    var name = lang === 'en' ? unit.en : unit.zh;
    return name ? ' ' + name : '';
  }

  function formatValue(value, unit, lang) {
    var n = formatNumber(value, unit && unit.id);
    return n === '—' ? n : n + unitSuffix(unit, lang);
  }

  function percentOf(target) {
    if (target.percent === null || target.percent === undefined) return null;
    return Math.max(0, Math.min(100, target.percent));
  }

  /** What a card shows for a target of GET /targets. */
  function cardModel(target, lang) {
    var t = text(lang);
    var spatial = target.kind === 'measured';
    var percent = percentOf(target);
    return {
      id: target.id,
      title: pick(target.title, lang),
      clause: target.clause,
      scope: target.scope && target.scope.label ? pick(target.scope.label, lang) : '',
      status: target.status,
      statusLabel: pick(target.status_label, lang),
      colour: STATUS_COLOURS[target.status] || STATUS_COLOURS.no_data,
      valueText: formatValue(target.value, target.unit, lang),
      valueDate: target.value_date,
      dueText: formatValue(target.due.value, target.unit, lang),
      dueBy: target.due.by,
      finalText: formatValue(target.target.value, target.unit, lang),
      finalBy: target.target.by,
      percent: percent === null ? 0 : percent,
      percentText: target.percent === null || target.percent === undefined ? '—' : target.percent.toFixed(1) + ' %',
      spatial: spatial,
      countText: spatial ? target.features_counted + ' ' + t.counted : target.report_count + ' ' + t.reports,
      actionText: spatial ? t.showFeatures : t.showReports,
      problem: target.problem ? t.problem + pick(target.problem, lang) : null,
      parts: (target.parts || []).map(function (p) {
        return {
          id: p.id,
          label: p.scope && p.scope.label ? pick(p.scope.label, lang) : p.id,
          valueText: formatValue(p.value, target.unit, lang),
          targetText: formatValue(p.target, target.unit, lang),
          status: p.status,
          statusLabel: pick(p.status_label, lang),
          colour: STATUS_COLOURS[p.status] || STATUS_COLOURS.no_data,
          percent: percentOf(p) === null ? 0 : percentOf(p)
        };
      })
    };
  }

  /** The ECharts option of a target's small chart: values by year, the trajectory dashed, parts stacked. */
  function chartOption(target, lang) {
    var t = text(lang);
    var years = target.history.map(function (h) { return String(h.year); });
    var series = [];
    var parts = target.parts || [];
    if (parts.length > 0) {
      parts.forEach(function (p, i) {
        series.push({
          name: p.scope && p.scope.label ? pick(p.scope.label, lang) : p.id,
          type: 'bar', stack: 'parts', barMaxWidth: 18,
          itemStyle: { color: ['#1f5f3f', '#5b9a6f', '#9cc7a4', '#c5dfc9'][i % 4] },
          data: p.history.map(function (h) { return h.value; })
        });
      });
    } else {
      series.push({
        name: t.value, type: 'line', symbolSize: 5, connectNulls: false,
        lineStyle: { width: 2, color: '#1f5f3f' }, itemStyle: { color: '#1f5f3f' },
        data: target.history.map(function (h) { return h.value; })
      });
    }
    series.push({
      name: t.expected, type: 'line', symbol: 'none', step: target.trajectory === 'steps' ? 'end' : false,
      lineStyle: { width: 1, type: 'dashed', color: '#8a8f8c' }, itemStyle: { color: '#8a8f8c' },
      data: target.history.map(function (h) { return h.expected === null ? null : Math.round(h.expected * 1e4) / 1e4; })
    });
    return {
      animation: false,
      grid: { left: 44, right: 8, top: 10, bottom: parts.length > 0 ? 44 : 22 },
      tooltip: { trigger: 'axis' },
      legend: parts.length > 0 ? { type: 'scroll', bottom: 0, itemWidth: 10, itemHeight: 8, textStyle: { fontSize: 10 } }
        : { show: false },
      xAxis: { type: 'category', data: years, axisLabel: { fontSize: 10 } },
      yAxis: { type: 'value', scale: target.direction === 'at_most', axisLabel: { fontSize: 10 },
        splitLine: { lineStyle: { color: '#e6ebe6' } } },
      series: series
    };
  }

  /** The panel's rows for a target's detail: features (those that count first) or reports (newest first). */
  function panelRows(detail, lang) {
    if (detail.kind === 'measured') {
      var rows = (detail.features || []).map(function (f) {
        return {
          id: f.id, name: f.name || (detail.measure.layer + ' ' + f.id), counts: f.counts,
          note: pick(f.counted_label, lang), date: f.date, status: (FEATURE_STATUS[lang] || FEATURE_STATUS.zh)[f.status] || f.status,
          quantity: f.quantity === null ? '—' : formatNumber(f.quantity, detail.features_unit) + ' ' + detail.features_unit,
          href: f.href + '?f=html'
        };
      });
      rows.sort(function (a, b) { return (a.counts === b.counts) ? a.id - b.id : (a.counts ? -1 : 1); });
      return rows;
    }
    var reports = (detail.reports || []).slice();
    reports.sort(function (a, b) { return a.date === b.date ? b.id - a.id : (a.date < b.date ? 1 : -1); });
    return reports.map(function (r) {
      return {
        id: r.id, name: r.date, counts: r.stands, note: r.stands ? '' : text(lang).corrected + ' → #' + r.corrected_by,
        date: null, status: r.synthetic ? text(lang).synthetic : '',
        quantity: formatValue(r.value, detail.unit, lang), source: r.source, author: r.author, href: null
      };
    });
  }

  // ------------------------------------------------------------------------------------------------
  // The page

  var state = { base: '', lang: 'zh', data: null, sinks: null, charts: [], viewer: false };

  function el(tag, cls, content) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (content !== undefined && content !== null) e.textContent = content;
    return e;
  }

  function start() {
    var body = document.body;
    var params = new URLSearchParams(window.location.search);
    state.base = body.getAttribute('data-base') || '';
    var saved = null;
    try { saved = window.localStorage.getItem('sinkatlas.lang'); } catch (e) { saved = null; }
    state.lang = params.get('lang') || saved || body.getAttribute('data-lang') || 'zh';
    var asOf = document.getElementById('asof');
    if (params.get('asOf')) asOf.value = params.get('asOf');
    asOf.addEventListener('change', function () {
      // Dates are written YYYY-MM-DD in both languages, never as the browser's mm/dd/yyyy.
      var ok = asOf.value === '' || /^\d{4}-\d{2}-\d{2}$/.test(asOf.value);
      asOf.setAttribute('aria-invalid', String(!ok));
      if (!ok) {
        var message = document.getElementById('message');
        message.hidden = false;
        message.textContent = text(state.lang).badDate;
        return;
      }
      setParam('asOf', asOf.value);
      load();
    });
    document.getElementById('lang').addEventListener('click', function () {
      state.lang = state.lang === 'zh' ? 'en' : 'zh';
      try { window.localStorage.setItem('sinkatlas.lang', state.lang); } catch (e) { /* private mode */ }
      setParam('lang', state.lang);
      render();
    });
    document.getElementById('panel-close').addEventListener('click', closePanel);
    document.addEventListener('keydown', function (e) { if (e.key === 'Escape') closePanel(); });
    window.addEventListener('resize', function () { state.charts.forEach(function (c) { c.resize(); }); });
    fetch(state.base + '/viewer', { headers: { Accept: 'text/html' } }).then(function (r) { state.viewer = r.ok; })
      .catch(function () { state.viewer = false; });
    load();
  }

  function setParam(name, value) {
    var url = new URL(window.location.href);
    if (value) url.searchParams.set(name, value); else url.searchParams.delete(name);
    window.history.replaceState(null, '', url.toString());
  }

  function asOfQuery() {
    var v = document.getElementById('asof').value;
    return v ? '?asOf=' + encodeURIComponent(v) : '';
  }

  /** The zone's sink, from /sinks/summary: the total with its range, and a bar for each district. */
  function loadSinks() {
    fetch(state.base + '/sinks/summary?by=district', { headers: { Accept: 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (s) { state.sinks = s; renderSinks(); })
      .catch(function () { state.sinks = null; renderSinks(); });
  }

  function renderSinks() {
    var box = document.getElementById('sinks');
    box.textContent = '';
    var s = state.sinks;
    if (!s) return;
    var t = text(state.lang);
    var num = function (v) { return Math.round(v).toLocaleString(state.lang === 'en' ? 'en-GB' : 'zh-CN'); };
    box.appendChild(el('h2', null, t.sinks));
    var net = s.total.net_tco2e;
    var head = el('p', 'sink-total');
    head.appendChild(document.createTextNode(t.zoneNet + ': '));
    head.appendChild(el('strong', net.mean < 0 ? 'net-source' : 'net-sink', num(net.mean)));
    head.appendChild(document.createTextNode(' ' + t.perYear + ' (' + t.range + ' ' + num(net.p5) + ' – ' + num(net.p95) + ')'
        + (net.mean < 0 ? ' · ' + t.netSource : '') + ' · ' + t.stock + ' ' + num(s.total.stock_tc.mean) + ' ' + t.tc));
    box.appendChild(head);
    box.appendChild(el('p', 'sink-meta', t.standard + ' ' + s.standard.id + '@' + s.standard.version + ' · GWP '
        + s.gwp.set.toUpperCase() + ' · ' + t.year + ' ' + s.year));
    box.appendChild(el('h3', null, t.byDistrict));
    var largest = Math.max.apply(null, s.groups.map(function (g) { return Math.abs(g.net_tco2e.mean); }).concat([1]));
    var list = el('ul', 'sink-bars');
    s.groups.forEach(function (g) {
      var li = el('li');
      li.appendChild(el('span', 'name', g.key));
      var bar = el('span', 'bar ' + (g.net_tco2e.mean < 0 ? 'net-source' : 'net-sink'));
      bar.style.width = (100 * Math.abs(g.net_tco2e.mean) / largest).toFixed(1) + '%';
      var track = el('span', 'track');
      track.appendChild(bar);
      li.appendChild(track);
      li.appendChild(el('span', 'value', num(g.net_tco2e.mean)));
      list.appendChild(li);
    });
    box.appendChild(list);
    var link = el('a', null, t.fullSummary);
    link.href = state.base + '/sinks/summary?f=html';
    box.appendChild(link);
  }

  function load() {
    if (!state.sinks) loadSinks();
    var message = document.getElementById('message');
    message.hidden = false;
    message.textContent = text(state.lang).loading;
    fetch(state.base + '/targets' + asOfQuery(), { headers: { Accept: 'application/json' } })
      .then(function (r) {
        return r.json().then(function (body) {
          if (!r.ok) throw new Error(body.detail || r.status);
          return body;
        });
      })
      .then(function (data) {
        state.data = data;
        var asOf = document.getElementById('asof');
        asOf.max = data.today;
        if (!asOf.value) asOf.value = data.as_of;
        message.hidden = true;
        render();
        var wanted = decodeURIComponent(window.location.hash.replace(/^#/, ''));
        var target = data.targets.filter(function (x) { return x.id === wanted; })[0];
        if (target) openPanel(target);
      })
      .catch(function (e) {
        message.hidden = false;
        message.textContent = text(state.lang).failed + e.message;
      });
  }

  function render() {
    var t = text(state.lang);
    document.documentElement.lang = state.lang === 'en' ? 'en' : 'zh-CN';
    document.getElementById('title').textContent = t.title;
    document.getElementById('asof-label').textContent = t.asOf;
    document.getElementById('lang').textContent = t.other;
    document.title = t.title + ' · ' + t.brand;
    var data = state.data;
    if (!data) return;
    document.getElementById('plan').textContent = t.plan + ': ' + pick(data.plan.title, state.lang) + ' (' + data.plan.document + ')';
    var summary = document.getElementById('summary');
    summary.textContent = '';
    STATUS_ORDER.forEach(function (s) {
      var chip = el('span', 'chip', pick(data.statuses[s].label, state.lang) + ' ' + data.statuses[s].count);
      chip.style.borderColor = STATUS_COLOURS[s];
      chip.style.color = STATUS_COLOURS[s];
      summary.appendChild(chip);
    });
    state.charts.forEach(function (c) { c.dispose(); });
    state.charts = [];
    var cards = document.getElementById('cards');
    cards.textContent = '';
    data.targets.forEach(function (target) { cards.appendChild(card(target)); });
    renderSinks();
  }

  function card(target) {
    var m = cardModel(target, state.lang);
    var t = text(state.lang);
    var c = el('article', 'card');
    c.id = 'target-' + m.id;
    var head = el('div', 'card-head');
    var badge = el('span', 'badge', m.statusLabel);
    badge.style.background = m.colour;
    head.appendChild(badge);
    head.appendChild(el('span', 'meta', m.scope + ' · ' + t.clause + ' ' + m.clause));
    c.appendChild(head);
    c.appendChild(el('h2', null, m.title));
    var figures = el('p', 'figures');
    figures.appendChild(el('b', 'value', m.valueText));
    figures.appendChild(el('span', 'due', ' / ' + m.dueText + ' · ' + t.due + ' ' + m.dueBy));
    c.appendChild(figures);
    var bar = el('div', 'bar');
    bar.setAttribute('role', 'progressbar');
    bar.setAttribute('aria-valuemin', '0');
    bar.setAttribute('aria-valuemax', '100');
    bar.setAttribute('aria-valuenow', String(Math.round(m.percent)));
    var fill = el('div', 'fill');
    fill.style.width = m.percent + '%';
    fill.style.background = m.colour;
    bar.appendChild(fill);
    var pct = el('span', 'pct', m.percentText);
    c.appendChild(bar);
    c.appendChild(pct);
    if (m.problem) c.appendChild(el('p', 'problem', m.problem));
    if (m.parts.length > 0) {
      var parts = el('ul', 'parts');
      m.parts.forEach(function (p) {
        var li = el('li');
        var dot = el('span', 'dot');
        dot.style.background = p.colour;
        li.appendChild(dot);
        li.appendChild(el('span', 'part-label', p.label));
        li.appendChild(el('span', 'part-value', p.valueText + ' / ' + p.targetText));
        li.title = p.statusLabel;
        parts.appendChild(li);
      });
      c.appendChild(parts);
    }
    var chart = el('div', 'chart');
    c.appendChild(chart);
    var foot = el('div', 'card-foot');
    foot.appendChild(el('span', 'count', m.countText));
    var more = el('button', 'more', m.actionText);
    more.type = 'button';
    more.addEventListener('click', function () { openPanel(target); });
    foot.appendChild(more);
    c.appendChild(foot);
    if (typeof window.echarts !== 'undefined' && target.history.length > 0) {
      // Drawn once the card is in the page and has its size.
      window.requestAnimationFrame(function () {
        var instance = window.echarts.init(chart);
        instance.setOption(chartOption(target, state.lang));
        state.charts.push(instance);
      });
    }
    return c;
  }

  function openPanel(target) {
    var t = text(state.lang);
    var panel = document.getElementById('panel');
    var body = document.getElementById('panel-body');
    document.getElementById('panel-title').textContent = pick(target.title, state.lang);
    document.getElementById('panel-close').setAttribute('aria-label', t.close);
    body.textContent = t.loading;
    panel.hidden = false;
    if (window.location.hash !== '#' + target.id) window.history.replaceState(null, '', '#' + target.id);
    fetch(state.base + '/targets/' + encodeURIComponent(target.id) + asOfQuery(), { headers: { Accept: 'application/json' } })
      .then(function (r) { return r.json(); })
      .then(function (detail) { fillPanel(body, detail); })
      .catch(function (e) { body.textContent = t.failed + e.message; });
  }

  function fillPanel(body, detail) {
    var t = text(state.lang);
    body.textContent = '';
    body.appendChild(el('blockquote', null, detail.plan_text));
    body.appendChild(el('p', 'method', pick(detail.method, state.lang)));
    if (detail.kind === 'measured' && state.viewer && detail.map) {
      var map = el('a', 'map-link', t.showOnMap);
      map.href = detail.map.href;
      body.appendChild(map);
    }
    var rows = panelRows(detail, state.lang);
    if (rows.length === 0) {
      body.appendChild(el('p', 'muted', detail.kind === 'measured' ? t.noFeatures : t.noReports));
      return;
    }
    var list = el('ul', 'rows');
    rows.forEach(function (r) {
      var li = el('li', r.counts ? 'counts' : 'pending');
      var name = r.href ? el('a', 'row-name', r.name) : el('span', 'row-name', r.name);
      if (r.href) name.href = r.href;
      li.appendChild(name);
      li.appendChild(el('span', 'row-q', r.quantity));
      var meta = [r.status, r.date, r.note].filter(function (x) { return x; }).join(' · ');
      if (r.source) meta += (meta ? ' · ' : '') + t.source + ': ' + r.source + ' · ' + t.by + ': ' + r.author;
      li.appendChild(el('span', 'row-meta', meta));
      list.appendChild(li);
    });
    body.appendChild(list);
  }

  function closePanel() {
    var panel = document.getElementById('panel');
    if (!panel || panel.hidden) return;
    panel.hidden = true;
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
  }

  return {
    model: { cardModel: cardModel, chartOption: chartOption, panelRows: panelRows, formatValue: formatValue },
    start: start
  };
}));
