// Opens the web map in Debian's headless Chromium, as a person would, and reports what it saw as JSON on
// stdout: console errors, tile responses, how varied the screenshot is, and the popup of a clicked parcel.
//
//   node check-viewer.mjs BASE_URL SCREENSHOT.png
import { chromium } from 'playwright-core';

const [base, screenshotPath] = process.argv.slice(2);
const report = { consoleErrors: [], failedRequests: [], outsideRequests: [], tiles: 0, emptyTiles: 0 };

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic',
    '--no-first-run', '--disable-component-update', '--disable-sync', '--use-angle=swiftshader',
    '--enable-unsafe-swiftshader']
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
  page.on('console', (m) => { if (m.type() === 'error') report.consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => report.consoleErrors.push(String(e)));
  page.on('requestfailed', (r) => report.failedRequests.push(r.url() + ' ' + (r.failure() || {}).errorText));
  page.on('request', (r) => { if (!r.url().startsWith(base) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) report.outsideRequests.push(r.url()); });
  page.on('response', (r) => {
    if (/\/tiles\/WebMercatorQuad\/\d+\/\d+\/\d+/.test(r.url())) {
      report.tiles++;
      if (r.status() === 204) report.emptyTiles++;
    }
  });

  // Over Jinze and the Water Town Living Room, at a zoom where parcels are drawn.
  await page.goto(`${base}/#13/31.03/120.93`, { waitUntil: 'load' });
  await page.waitForFunction(() => document.body.dataset.ready === 'true', null, { timeout: 60000 });
  await page.waitForFunction(() => window.sinkAtlasMap.loaded() && window.sinkAtlasMap.areTilesLoaded(), null, { timeout: 60000 });
  await page.waitForTimeout(500);
  report.layerListEntries = await page.locator('#layers > li').count();
  report.title = await page.locator('h1 [data-i18n=title]').textContent();

  const shot = await page.screenshot({ path: screenshotPath });
  // Count the colours of the map area in the browser itself: a blank map has one or two.
  report.distinctColours = await page.evaluate(async (dataUrl) => {
    const img = new Image();
    img.src = dataUrl;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const g = c.getContext('2d');
    g.drawImage(img, 0, 0);
    const px = g.getImageData(340, 0, img.width - 340, img.height).data;
    const seen = new Set();
    for (let i = 0; i < px.length; i += 4 * 7) seen.add((px[i] << 16) | (px[i + 1] << 8) | px[i + 2]);
    return seen.size;
  }, 'data:image/png;base64,' + shot.toString('base64'));

  // Click the middle of a parcel that is drawn, and read its popup.
  const target = await page.evaluate(() => {
    const map = window.sinkAtlasMap;
    const canvas = map.getCanvas().getBoundingClientRect();
    const features = map.queryRenderedFeatures({ layers: ['parcels'] });
    for (const f of features) {
      const ring = f.geometry.type === 'Polygon' ? f.geometry.coordinates[0] : f.geometry.coordinates[0][0];
      let x = 0, y = 0;
      ring.forEach((c) => { x += c[0]; y += c[1]; });
      const p = map.project([x / ring.length, y / ring.length]);
      if (p.x < 40 || p.y < 40 || p.x > canvas.width - 40 || p.y > canvas.height - 40) continue;
      const top = map.queryRenderedFeatures([p.x, p.y]).find((h) => h.layer.metadata && h.layer.metadata['sink-atlas:layer']);
      if (top && top.layer.id === 'parcels') return { x: p.x + canvas.left, y: p.y + canvas.top, id: f.id };
    }
    return null;
  });
  report.clickedParcel = target && target.id;
  if (target) {
    await page.mouse.click(target.x, target.y);
    await page.waitForSelector('.maplibregl-popup .popup .sink', { timeout: 20000 });
    report.popup = await page.locator('.maplibregl-popup .popup').innerText();
    report.popupId = await page.locator('.maplibregl-popup .popup').getAttribute('data-id');
  }

  // Search finds a place and flies there; English labels on request.
  await page.fill('#search', '淀山湖');
  await page.waitForSelector('#search-results li small', { timeout: 20000 });
  report.searchFirst = await page.locator('#search-results li').first().innerText();
  await page.click('.lang button[data-lang=en]');
  report.englishTitle = await page.locator('h1 [data-i18n=title]').textContent();

  // A phone: the panel folds away and the map stays usable.
  await page.setViewportSize({ width: 390, height: 800 });
  await page.waitForTimeout(300);
  report.phoneToggleVisible = await page.locator('#panel-toggle').isVisible();
  await page.click('#panel-toggle');
  report.phonePanelHidden = !(await page.locator('#panel').isVisible());
} catch (e) {
  report.error = String(e && e.stack || e);
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(report) + '\n');
