// Opens an exported report as a reader would: its own file:// page in Chromium, the context offline, every
// request recorded. Returns what rendered (sections, table rows, charts with drawn pixels), the requests made
// besides the file itself, CSP violations and page errors, and a PDF print of it.
import { pathToFileURL } from 'node:url';

export async function openReportOffline(browser, file, { screenshot } = {}) {
  const context = await browser.newContext({ offline: true, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const url = pathToFileURL(file).href;
  const requests = [];
  const problems = [];
  page.on('request', (request) => {
    if (request.url() !== url) requests.push(request.url());
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  try {
    await page.goto(url);
    await page.waitForFunction(() => document.body.dataset.ready === 'true' || document.body.dataset.ready === 'failed', null, { timeout: 30_000 });
    const rendered = await page.evaluate(() => {
      const canvases = [...document.querySelectorAll('canvas[data-chart]')];
      const drawn = (canvas) => {
        // Drawn means pixels other than the background: sample the canvas for more than one colour.
        const ctx = canvas.getContext('2d');
        const { width, height } = canvas;
        if (!width || !height) return false;
        const data = ctx.getImageData(0, 0, width, height).data;
        const first = data.slice(0, 4).join();
        for (let i = 0; i < data.length; i += 4 * 97) if (data.slice(i, i + 4).join() !== first) return true;
        return false;
      };
      return {
        ready: document.body.dataset.ready,
        title: document.title,
        csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '',
        sections: [...document.querySelectorAll('article.report-section')].map((a) => ({ view: a.dataset.view, heading: a.querySelector('h1')?.textContent ?? '' })),
        tables: Object.fromEntries([...document.querySelectorAll('table.data')].map((t) => [t.id, t.querySelectorAll('tbody tr').length])),
        charts: canvases.map((c) => ({ id: c.dataset.chart, drawn: drawn(c), labels: c.dataset.colors ?? '' })),
        text: document.body.innerText,
      };
    });
    if (screenshot) await page.screenshot({ path: screenshot, fullPage: true });
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    return { ...rendered, requests, problems, pdfBytes: pdf.length };
  } finally {
    await context.close();
  }
}
