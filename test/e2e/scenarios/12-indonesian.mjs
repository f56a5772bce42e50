// Scenario 12: with an Indonesian language pack installed and the display language set to Indonesian, VS Code
// shows the extension's Indonesian strings: manifest strings from package.nls.id.json (view names, command
// titles) and runtime strings from l10n/bundle.l10n.id.json (vscode.l10n.t in the features, @vscode/l10n in
// src/core). The pack is a stub (test/e2e/langpack-id) that translates none of VS Code's own strings.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, TRACKER_FILE } from '../lib/fixture.mjs';
import { SEED_PROGRESS } from '../helpers/tracker.mjs';
import { selectors, waitForValue } from '../helpers/workbench.mjs';

const read = (path) => JSON.parse(readFileSync(join(repoRoot, path), 'utf8'));
const manifest = read('package.json');
const nls = read('package.nls.json');
const nlsId = read('package.nls.id.json');
const bundleId = read('l10n/bundle.l10n.id.json');

/** The Indonesian text of a runtime string, with its {0}… filled in; fails when it is not translated. */
function id(english, ...args) {
  const text = bundleId[english];
  assert.ok(text && text !== english, `l10n/bundle.l10n.id.json translates ${JSON.stringify(english)}`);
  return text.replace(/\{(\d+)\}/g, (_, i) => String(args[Number(i)]));
}

/** The Indonesian text of a manifest %key%; fails when it reads the same as the English one. */
function manifestId(key) {
  assert.ok(nlsId[key] && nlsId[key] !== nls[key], `package.nls.id.json translates %${key}%`);
  return nlsId[key];
}

const command = (commandId) => manifest.contributes.commands.find((c) => c.command === commandId);
const paletteTitle = (commandId) => `${nlsId.category}: ${manifestId(command(commandId).title.slice(1, -1))}`;

export default {
  name: 'indonesian',
  extensions: ['test/e2e/langpack-id'],
  locale: 'id',
  timeout: 150_000,
  async run({ wb, page, step, screenshot }) {
    const treeName = nlsId['view.tree.name']; // "Tracker" is what the team calls it in Indonesian too
    const runsName = manifestId('view.runs.name');

    await step('VS Code runs in Indonesian: the workbench loaded the language pack\'s messages for "id"', async () => {
      // Set by the nls.messages.js that code-server builds from the pack (user-data/clp/<hash>.id/…).
      await waitForValue('the workbench NLS language', () => page.evaluate(() => globalThis._VSCODE_NLS_LANGUAGE), (lang) => lang === 'id');
    });

    await step(`the status bar says, in Indonesian, "${id('{0}: {1} of {2} tasks done', TRACKER_FILE, SEED_PROGRESS.done, SEED_PROGRESS.total)}"`, async () => {
      const item = await wb.waitStatusBarItem(`${SEED_PROGRESS.done}/${SEED_PROGRESS.total}`, 30_000);
      assert.equal(await item.getAttribute('aria-label'), id('{0}: {1} of {2} tasks done', TRACKER_FILE, SEED_PROGRESS.done, SEED_PROGRESS.total));
    });

    await step(`the side bar shows the views "${treeName}" and "${runsName}" (package.nls.id.json)`, async () => {
      await wb.openViewContainer(nlsId['viewsContainer.title']);
      await wb.resizeSidebar(560);
      const headers = () => page.locator(`${selectors.sidebar} .pane-header h3.title`).allInnerTexts();
      await waitForValue(`the view headers ${treeName} and ${runsName}`, headers, (titles) => {
        const upper = titles.map((t) => t.trim().toUpperCase());
        return upper.includes(treeName.toUpperCase()) && upper.includes(runsName.toUpperCase());
      });
    });

    await step(`the command palette lists "${paletteTitle('executionTracker.showOpenTasks')}" and its quick pick speaks Indonesian`, async () => {
      await wb.runCommand(paletteTitle('executionTracker.showOpenTasks'), 30_000);
      const title = page.locator(`${selectors.quickInput} .quick-input-title`);
      await waitForValue('the quick pick title', () => title.innerText(), (text) => text.trim() === id('Open Tasks in {0}', TRACKER_FILE));
      const placeholder = await page.locator(selectors.quickInputBox).getAttribute('placeholder');
      assert.equal(placeholder, id('{0} open tasks; type to filter, Enter to jump to the line', SEED_PROGRESS.total - SEED_PROGRESS.done));
      await screenshot('open-tasks');
      await wb.press('Escape');
      await wb.waitQuickInputClosed();
    });

    await step(`open ${TRACKER_FILE}: the tree's "${id('Checks')}" node and its rules are in Indonesian (src/core strings too)`, async () => {
      await wb.openFile(TRACKER_FILE);
      const checks = id('Checks');
      const counts = new RegExp(`^${id('{0} errors', '\\d+')} · ${id('{0} warnings', '\\d+')}$`);
      await waitForValue(`the ${checks} node to count errors and warnings`, () => wb.treeItemDescription(checks), (d) => counts.test(d ?? ''), { timeout: 30_000 });
      const duplicated = id('Duplicated table row');
      await wb.expandTreeItem(checks, { child: duplicated });
      assert.equal(await wb.treeItemDescription(duplicated), '1');
      await wb.expandTreeItem(duplicated, { child: id('This table row repeats line {0}.', 650) });
    });
  },
};
