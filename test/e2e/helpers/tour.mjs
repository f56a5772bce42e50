// The screenshot tour: every view and panel of the extension at the runner's 1400x900 window with the default
// side bar width, in one colour theme. Used by the tour-dark and tour-light scenarios; the screenshots are for a
// person to look at (and the README's images come from them), while each step still asserts what must be there
// so a tour that shows an empty panel fails.
import { TRACKER_FILE } from '../lib/fixture.mjs';
import { commandTitle, VIEW_CONTAINER_TITLE } from './tracker.mjs';
import { waitForValue } from './workbench.mjs';

const pane = (page, title) => page.locator('.part.sidebar .pane').filter({ has: page.locator('.pane-header', { hasText: new RegExp(`^${title}`, 'i') }) });

async function setPaneExpanded(page, title, expanded) {
  const header = page.locator('.part.sidebar .pane-header', { hasText: new RegExp(`^${title}`, 'i') }).first();
  await header.waitFor();
  if (((await header.getAttribute('aria-expanded')) === 'true') !== expanded) await header.click();
}

async function chartView(page, kind) {
  const outers = page.locator('iframe.webview.ready');
  const inner = (index) => outers.nth(index).contentFrame().locator('iframe#active-frame').contentFrame();
  const index = await waitForValue(`a chart panel showing the ${kind} view`, async () => {
    const count = await outers.count();
    for (let i = 0; i < count; i++) if (await inner(i).locator(`body[data-view="${kind}"]`).count()) return i;
    return -1;
  }, (i) => i >= 0, { timeout: 30_000 });
  const frame = inner(index);
  await waitForValue(`the ${kind} view's charts drawn`, () => frame.locator('canvas').count(), (n) => n > 0, { timeout: 30_000 });
  return frame;
}

export function tourScenario(theme, name) {
  return {
    name,
    settings: { 'workbench.colorTheme': theme },
    timeout: 240_000,
    async run({ page, wb, step, screenshot }) {
      const park = () => page.mouse.move(1395, 450);

      await step(`open ${VIEW_CONTAINER_TITLE} at the default side bar width: the tracker's weeks`, async () => {
        await wb.openViewContainer(VIEW_CONTAINER_TITLE);
        await wb.waitTreeItem(TRACKER_FILE);
        await waitForValue('week rows', async () => (await wb.treeRows()).length, (n) => n >= 9);
        await park();
        await screenshot('1-tree');
      });

      await step('hover a week: its tooltip', async () => {
        const row = pane(page, 'Tracker').locator('.monaco-list-row[role="treeitem"][aria-level="2"]').nth(2);
        await row.hover();
        await page.locator('.monaco-hover:not(.hidden), .workbench-hover-container').first().waitFor({ state: 'visible', timeout: 10_000 }).catch(() => {});
        await screenshot('2-tree-tooltip');
        await park();
      });

      await step('the Checks node, expanded', async () => {
        await wb.expandTreeItem('Checks');
        await park();
        await screenshot('3-checks');
        await wb.treeItem('Checks').first().click();
      });

      await step('the Runs view (Tracker view collapsed)', async () => {
        await setPaneExpanded(page, 'Tracker', false);
        await setPaneExpanded(page, 'Runs', true);
        await waitForValue('run rows', () => pane(page, 'Runs').locator('.monaco-list-row[role="treeitem"]').count(), (n) => n >= 5);
        await park();
        await screenshot('4-runs');
        await setPaneExpanded(page, 'Tracker', true);
      });

      await step(`open ${TRACKER_FILE}: editor, CodeLens, status bar`, async () => {
        await wb.openFile(TRACKER_FILE);
        await wb.goToLine(314);
        await park();
        await screenshot('5-editor');
      });

      await step('the Problems panel', async () => {
        await wb.press('Control+Shift+M');
        await page.locator('.part.panel .markers-panel').first().waitFor({ state: 'visible', timeout: 15_000 });
        await park();
        await screenshot('6-problems');
        await wb.press('Control+J');
      });

      await step('Open Run Chart… on v39', async () => {
        await wb.runCommandWithPick(commandTitle('executionTracker.openChart'));
        await wb.pickQuickInput('v39', 'v39');
        await chartView(page, 'run');
        await park();
        await screenshot('7-chart-run');
      });

      await step('Compare Runs… (the preselected pair)', async () => {
        await wb.runCommandWithPick(commandTitle('executionTracker.compareRuns'));
        await page.keyboard.press('Enter');
        await chartView(page, 'compare');
        await park();
        await screenshot('8-chart-compare');
      });

      await step('Show Run Trend', async () => {
        await wb.runCommand(commandTitle('executionTracker.showTrend'));
        await chartView(page, 'trend');
        await park();
        await screenshot('9-chart-trend');
      });

      await step('the Markdown preview with its checkboxes', async () => {
        await wb.runCommand('View: Close All Editors');
        await wb.openFile(TRACKER_FILE);
        await wb.runCommand('Markdown: Open Preview to the Side');
        await wb.webviewFrame().locator('input.task-list-item-checkbox').first().waitFor({ state: 'attached', timeout: 30_000 });
        await park();
        await screenshot('10-preview');
      });
    },
  };
}
