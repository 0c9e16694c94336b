// Opens the targets dashboard in Debian's headless Chromium, as a person would, and reports what it saw as
// JSON on stdout: console errors, requests that failed or left the service, the cards and their charts, the
// language switch, the features panel and its map link, and how it fits a phone.
//
//   node check-dashboard.mjs BASE_URL SCREENSHOT.png
import { chromium } from 'playwright-core';

const [base, screenshotPath] = process.argv.slice(2);
const report = { consoleErrors: [], failedRequests: [], outsideRequests: [] };

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic',
    '--no-first-run', '--disable-component-update', '--disable-sync']
});
try {
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
  page.on('console', (m) => { if (m.type() === 'error') report.consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => report.consoleErrors.push(String(e)));
  page.on('requestfailed', (r) => report.failedRequests.push(r.url() + ' ' + (r.failure() || {}).errorText));
  page.on('request', (r) => { if (!r.url().startsWith(base) && !r.url().startsWith('data:')) report.outsideRequests.push(r.url()); });

  await page.goto(`${base}/dashboard?asOf=2025-12-31`, { waitUntil: 'load' });
  await page.waitForSelector('#cards .card', { timeout: 30000 });
  // Every card draws its chart on the next frame.
  await page.waitForFunction(() => document.querySelectorAll('#cards .chart canvas').length
    === document.querySelectorAll('#cards .card').length, null, { timeout: 30000 });
  report.cards = await page.locator('#cards .card').count();
  report.charts = await page.locator('#cards .chart canvas').count();
  report.title = await page.locator('#title').textContent();
  report.greenwayValue = await page.locator('#target-greenway-km .value').textContent();
  report.greenwayBar = await page.locator('#target-greenway-km .bar').getAttribute('aria-valuenow');
  report.greenwayStatus = await page.locator('#target-greenway-km .badge').textContent();
  report.columns = await page.evaluate(() => getComputedStyle(document.getElementById('cards')).gridTemplateColumns.split(' ').length);
  // The date as Chinese writes it (never the browser's mm/dd/yyyy), and the zone's sink above the cards.
  report.asOfType = await page.locator('#asof').getAttribute('type');
  report.asOfValue = await page.locator('#asof').inputValue();
  await page.waitForSelector('#sinks .sink-bars li', { timeout: 20000 });
  report.sinkBars = await page.locator('#sinks .sink-bars li').count();
  report.sinkTotal = await page.locator('#sinks .sink-total').innerText();
  report.sinkLink = await page.locator('#sinks a').getAttribute('href');
  await page.screenshot({ path: screenshotPath, fullPage: false });

  // The features that count, and the map link once the web map answers.
  await page.click('#target-greenway-km .more');
  await page.waitForSelector('#panel-body .rows li', { timeout: 20000 });
  report.panelRows = await page.locator('#panel-body .rows li').count();
  report.panelCounted = await page.locator('#panel-body .rows li.counts').count();
  report.panelFirstHref = await page.locator('#panel-body .rows li a').first().getAttribute('href');
  report.mapHref = await page.locator('#panel-body .map-link').count() ? await page.locator('#panel-body .map-link').getAttribute('href') : null;
  report.hashAfterOpen = await page.evaluate(() => location.hash);
  await page.keyboard.press('Escape');
  report.panelClosed = !(await page.locator('#panel').isVisible());

  // English on request, kept across a reload.
  await page.click('#lang');
  report.englishTitle = await page.locator('#title').textContent();
  report.englishStatus = await page.locator('#target-greenway-km .badge').textContent();
  await page.reload({ waitUntil: 'load' });
  await page.waitForSelector('#cards .card', { timeout: 30000 });
  report.englishAfterReload = await page.locator('#title').textContent();

  // A phone: one column, nothing wider than the screen.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(300);
  report.phoneColumns = await page.evaluate(() => getComputedStyle(document.getElementById('cards')).gridTemplateColumns.split(' ').length);
  report.phoneOverflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
} catch (e) {
  report.error = String(e && e.stack || e);
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(report) + '\n');
