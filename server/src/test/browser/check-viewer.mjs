// Opens the web map in Debian's headless Chromium, as a person would, and reports what it saw as JSON on
// stdout: console errors, tile responses, the first view's sink colours and labels, a parcel's and a grid
// cell's popup, the other measures, a phone's first view, the exported picture and the sink summary page.
// Screenshots of each step go into the folder given.
//
//   node check-viewer.mjs BASE_URL SCREENSHOT_FOLDER
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';

const [base, shots] = process.argv.slice(2);
mkdirSync(shots, { recursive: true });
const report = { consoleErrors: [], failedRequests: [], outsideRequests: [], tiles: 0, emptyTiles: 0 };

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic',
    '--no-first-run', '--disable-component-update', '--disable-sync', '--use-angle=swiftshader',
    '--enable-unsafe-swiftshader']
});

function watch(page) {
  page.on('console', (m) => { if (m.type() === 'error') report.consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => report.consoleErrors.push(String(e)));
  page.on('requestfailed', (r) => {
    const why = (r.failure() || {}).errorText;
    // The map cancels the tiles it no longer needs while it flies to a place: not a failure.
    if (why === 'net::ERR_ABORTED' && /\/tiles\/WebMercatorQuad\/\d+\/\d+\/\d+$/.test(r.url())) return;
    report.failedRequests.push(r.url() + ' ' + why);
  });
  page.on('request', (r) => { if (!r.url().startsWith(base) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) report.outsideRequests.push(r.url()); });
  page.on('response', (r) => {
    if (/\/tiles\/WebMercatorQuad\/\d+\/\d+\/\d+/.test(r.url())) {
      report.tiles++;
      if (r.status() === 204) report.emptyTiles++;
    }
  });
}

async function settled(page) {
  await page.waitForFunction(() => document.body.dataset.ready === 'true', null, { timeout: 60000 });
  await page.waitForFunction(() => window.sinkAtlasMap.loaded() && window.sinkAtlasMap.areTilesLoaded(), null, { timeout: 60000 });
  await page.waitForTimeout(600);
}

/**
 * Share of the map's pixels drawn in one of the given colours as the fill layer blends them over the
 * background (its opacity), within a small distance: how much of the map shows the measure.
 */
async function shareOfColours(page, layerId, colours) {
  const png = await page.screenshot();
  return page.evaluate(async ({ dataUrl, layerId, colours }) => {
    const map = window.sinkAtlasMap;
    const hex = (c) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16));
    const bgLayer = map.getStyle().layers.find((l) => l.type === 'background');
    const bg = hex((bgLayer && bgLayer.paint && bgLayer.paint['background-color']) || '#ffffff');
    const opacity = map.getPaintProperty(layerId, 'fill-opacity') ?? 1;
    const wanted = colours.map((c) => hex(c).map((v, i) => v * opacity + bg[i] * (1 - opacity)));
    const img = new Image();
    img.src = dataUrl;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.width;
    canvas.height = img.height;
    const g = canvas.getContext('2d');
    g.drawImage(img, 0, 0);
    const rect = map.getCanvas().getBoundingClientRect();
    const px = g.getImageData(rect.left, rect.top, rect.width, rect.height).data;
    let hits = 0;
    let all = 0;
    const perColour = colours.map(() => 0);
    for (let i = 0; i < px.length; i += 4 * 5) {
      all++;
      for (let k = 0; k < wanted.length; k++) {
        const w = wanted[k];
        if (Math.abs(px[i] - w[0]) + Math.abs(px[i + 1] - w[1]) + Math.abs(px[i + 2] - w[2]) <= 18) {
          hits++;
          perColour[k]++;
          break;
        }
      }
    }
    return { share: hits / all, perColour };
  }, { dataUrl: 'data:image/png;base64,' + png.toString('base64'), layerId, colours });
}

/** The centre on screen of a rendered feature of a layer, away from the edges and on top, or null. */
async function onScreen(page, layerId) {
  return page.evaluate((layerId) => {
    const map = window.sinkAtlasMap;
    const canvas = map.getCanvas().getBoundingClientRect();
    for (const f of map.queryRenderedFeatures({ layers: [layerId] })) {
      const ring = f.geometry.type === 'Polygon' ? f.geometry.coordinates[0] : f.geometry.coordinates[0][0];
      let x = 0, y = 0;
      ring.forEach((c) => { x += c[0]; y += c[1]; });
      const p = map.project([x / ring.length, y / ring.length]);
      if (p.x < 60 || p.y < 60 || p.x > canvas.width - 60 || p.y > canvas.height - 60) continue;
      const top = map.queryRenderedFeatures([p.x, p.y]).find((h) => h.layer.metadata && h.layer.metadata['sink-atlas:layer']);
      if (top && top.layer.id === layerId) return { x: p.x + canvas.left, y: p.y + canvas.top, id: f.id };
    }
    return null;
  }, layerId);
}

try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN', acceptDownloads: true });
  watch(page);

  // The first view: the whole zone, its sink on the grid, each district named once.
  await page.goto(`${base}/`, { waitUntil: 'load' });
  await settled(page);
  await page.screenshot({ path: `${shots}/1-start-view.png` });
  report.title = await page.locator('h1 [data-i18n=title]').textContent();
  report.layerListEntries = await page.locator('#layers > li').count();
  report.startZoom = await page.evaluate(() => window.sinkAtlasMap.getZoom());
  const netColours = await page.evaluate(() => {
    const legend = window.sinkAtlasMap.getStyle().metadata['sink-atlas:legend'];
    return legend.find((e) => e.layer === 'sink-grid').classes.map((c) => c.color);
  });
  report.startSink = await shareOfColours(page, 'sink-grid', netColours);
  report.gridCellsDrawn = await page.evaluate(() => window.sinkAtlasMap.queryRenderedFeatures({ layers: ['sink-grid'] }).length);
  report.districtLabels = await page.evaluate(() => {
    const counts = {};
    window.sinkAtlasMap.queryRenderedFeatures({ layers: ['districts-label'] })
      .forEach((f) => { counts[f.properties.name] = (counts[f.properties.name] || 0) + 1; });
    return counts;
  });
  report.measureLegendRows = await page.locator('#measure-legend li').count();

  // A grid cell's popup: its sums and what its land is.
  const cell = await onScreen(page, 'sink-grid');
  if (cell) {
    await page.mouse.click(cell.x, cell.y);
    await page.waitForSelector('.maplibregl-popup .popup .sink', { timeout: 20000 });
    report.cellPopup = await page.locator('.maplibregl-popup .popup').innerText();
    await page.keyboard.press('Escape');
    await page.evaluate(() => document.querySelectorAll('.maplibregl-popup').forEach((p) => p.remove()));
  }

  // Other measures: the legend and the colours follow.
  report.measures = {};
  for (const measure of ['stock', 'emissions', 'eligibility', 'plan']) {
    await page.selectOption('#measure', measure);
    await page.waitForTimeout(700);
    const colours = await page.evaluate(() => Array.from(document.querySelectorAll('#measure-legend li .swatch'))
      .map((s) => '#' + getComputedStyle(s).backgroundColor.match(/\d+/g).slice(0, 3).map((v) => (+v).toString(16).padStart(2, '0')).join('')));
    report.measures[measure] = { legendRows: colours.length, unit: await page.locator('#measure-unit').textContent(),
      drawn: (await shareOfColours(page, 'sink-grid', colours)).share };
    if (measure === 'stock') await page.screenshot({ path: `${shots}/2-stock.png` });
  }
  await page.selectOption('#measure', 'net');

  // The view as a picture for a report.
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 20000 }), page.click('#export-image')]);
  await download.saveAs(`${shots}/3-export.png`);
  report.exportName = download.suggestedFilename();

  // A parcel, close up: its popup names its land cover.
  await page.goto(`${base}/#13/31.03/120.93`, { waitUntil: 'load' });
  await settled(page);
  const parcel = await onScreen(page, 'parcels');
  report.clickedParcel = parcel && parcel.id;
  if (parcel) {
    await page.mouse.click(parcel.x, parcel.y);
    await page.waitForSelector('.maplibregl-popup .popup .sink', { timeout: 20000 });
    report.popup = await page.locator('.maplibregl-popup .popup').innerText();
    report.popupId = await page.locator('.maplibregl-popup .popup').getAttribute('data-id');
    report.netColour = await page.locator('.maplibregl-popup .popup .sink strong').evaluate((e) => getComputedStyle(e).color);
    report.netText = await page.locator('.maplibregl-popup .popup .sink strong').innerText();
    await page.screenshot({ path: `${shots}/4-parcel-popup.png` });
  }

  // Search finds a place and flies there; English labels on request.
  await page.fill('#search', '淀山湖');
  await page.waitForSelector('#search-results li small', { timeout: 20000 });
  report.searchFirst = await page.locator('#search-results li').first().innerText();
  await page.click('.lang button[data-lang=en]');
  report.englishTitle = await page.locator('h1 [data-i18n=title]').textContent();
  report.englishMeasure = await page.locator('#measure option:checked').textContent();
  await page.click('.lang button[data-lang=zh]');

  // The dashboard's "features that count": drawn in a colour no layer uses (the key zones are red).
  const linked = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
  watch(linked);
  await linked.goto(`${base}/viewer?layer=greenways&ids=1`, { waitUntil: 'load' });
  await settled(linked);
  await linked.waitForFunction(() => window.sinkAtlasMap.getLayer('highlight-line'), null, { timeout: 20000 });
  await settled(linked);
  report.highlightColour = await linked.evaluate(() => window.sinkAtlasMap.getPaintProperty('highlight-line', 'line-color'));
  report.keyZoneColour = await linked.evaluate(() => window.sinkAtlasMap.getPaintProperty('key-zones', 'line-color'));
  await linked.close();

  // A phone: the whole zone in the first view, the panel behind its button.
  const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', isMobile: true, hasTouch: true });
  watch(phone);
  await phone.goto(`${base}/`, { waitUntil: 'load' });
  await settled(phone);
  await phone.screenshot({ path: `${shots}/5-phone.png` });
  report.phone = await phone.evaluate(() => {
    const b = window.sinkAtlasMap.getBounds();
    const z = window.SINK_ATLAS.bounds;
    return { zoneInView: b.getWest() <= z[0] && b.getSouth() <= z[1] && b.getEast() >= z[2] && b.getNorth() >= z[3] };
  });
  report.phoneToggleVisible = await phone.locator('#panel-toggle').isVisible();
  report.phonePanelHiddenAtFirst = !(await phone.locator('#panel').isVisible());
  await phone.click('#panel-toggle');
  report.phonePanelShown = await phone.locator('#panel').isVisible();

  // The sink summary for people.
  const summary = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  watch(summary);
  await summary.goto(`${base}/sinks/summary?f=html`, { waitUntil: 'load' });
  report.summaryTables = await summary.locator('main table').count();
  report.summaryCharts = await summary.locator('svg.chart').count();
  report.summaryDistrictRows = await summary.locator('main table').first().locator('tr').count();
  await summary.screenshot({ path: `${shots}/6-summary.png`, fullPage: true });
} catch (e) {
  report.error = String(e && e.stack || e);
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(report) + '\n');
