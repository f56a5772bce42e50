// Scenario 13: every command of ours, run from the command palette of a clean code-server with the packaged
// VSIX. Which commands the palette must show is computed from package.json (contributes.commands and the
// `menus.commandPalette` when clauses, evaluated here for the state at hand: no editor, the tracker in the
// editor, "Hide Completed" / "Show Open Tasks of Current Week" on and off); the tree-only commands must not show.
// Each command is then run like a user would and what it opens is handled: a quick pick or input box is
// checked and closed with Escape (nothing that starts a process gets past its first prompt), a webview panel
// must appear, an edit must land and is undone, a refusal must be a warning that says what to do (the stack
// commands refuse in the sample, which has no compose file, and ask for the files once one is added). No error
// notification may appear, and neither the extension host log nor the extension's own log may show an error
// from the extension.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readText, repoRoot, TRACKER_FILE } from '../lib/fixture.mjs';
import { waitForValue } from '../helpers/workbench.mjs';
import { commandTitle, EXTENSION_ID, openTaskLines, taskLabel, VIEW_CONTAINER_TITLE, withToggled } from '../helpers/tracker.mjs';
import { evaluateWhen } from '../helpers/whenClause.mjs';
import { extensionErrors } from '../helpers/logs.mjs';

const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
const CONTRIBUTED = manifest.contributes.commands.map((c) => c.command);
const PALETTE_WHEN = Object.fromEntries((manifest.contributes.menus?.commandPalette ?? []).map((m) => [m.command, m.when]));
/** Commands that live in a tree's or the preview's context menu only. */
const TREE_ONLY = ['executionTracker.setBaseline', 'executionTracker.removeTrackerFile', 'executionTracker.setTaskStateFromPreview', 'executionTracker.runScenario', 'executionTracker.runScenarioWebUi', 'executionTracker.revealScenario'];
const CATEGORY_PREFIX = commandTitle('executionTracker.refresh').replace(/: .*$/, ': ');
const V38 = 'hasil_test_v38_100u_r4_pool140_core_only';
const nls = JSON.parse(readFileSync(join(repoRoot, 'package.nls.json'), 'utf8'));
const localize = (value) => value.replace(/^%(.+)%$/, (_, key) => nls[key] ?? value);
/** VS Code adds "Container: Focus on <View> View" for each view of ours; it lands in our category too. */
const FOCUS_VIEW = (manifest.contributes.views?.executionTracker ?? []).map((view) => ({ id: view.id, name: localize(view.name), title: `${VIEW_CONTAINER_TITLE}: Focus on ${localize(view.name)} View` }));
const EVIDENCE_LINE = `- Evidence: ${V38}_stats.csv`;

const QUICK_INPUT = '.quick-input-widget';
const INPUT = `${QUICK_INPUT} .quick-input-box input`;

/** Records every notification toast (text and severity) from the moment it is installed; toasts hide by themselves. */
function installNotificationRecorder() {
  const seen = new WeakMap();
  const all = [];
  window.__etNotifications = all;
  const scan = () => {
    for (const item of document.querySelectorAll('.notifications-toasts .notification-list-item, .notifications-center .notification-list-item')) {
      let entry = seen.get(item);
      if (!entry) {
        entry = { index: all.length };
        seen.set(item, entry);
        all.push(entry);
      }
      const icon = item.querySelector('.notification-list-item-icon');
      const cls = icon ? [...icon.classList].join(' ') : '';
      entry.severity = /codicon-error/.test(cls) ? 'error' : /codicon-warning/.test(cls) ? 'warning' : /codicon-info/.test(cls) ? 'info' : cls;
      const message = item.querySelector('.notification-list-item-message')?.textContent?.trim();
      if (message) entry.message = message;
      const source = item.querySelector('.notification-list-item-source')?.textContent?.trim();
      if (source) entry.source = source;
    }
  };
  new MutationObserver(scan).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['class'] });
  scan();
}

export default {
  name: 'palette',
  timeout: 300_000,
  async run({ page, wb, api, step, trackerPath, workspaceDir, userDataDir, screenshot }) {
    const original = readText(trackerPath);
    const notifications = () => page.evaluate(() => (window.__etNotifications ?? []).map((n) => ({ ...n })));
    let notificationsSeen = 0;
    let logErrorsSeen = 0;
    const exercised = [];

    /** Fails on an error notification or an error of ours in the logs since the last check; returns the new notifications. */
    const checkQuiet = async (what) => {
      const all = await notifications();
      const fresh = all.slice(notificationsSeen);
      notificationsSeen = all.length;
      const bad = fresh.filter((n) => n.severity === 'error' || /command '.*' not found|resulted in an error|\bfailed\b|could not/i.test(n.message ?? ''));
      assert.deepEqual(bad, [], `${what}: error notification(s): ${JSON.stringify(bad)}`);
      const errors = extensionErrors(userDataDir, EXTENSION_ID, 'executionTracker');
      const freshErrors = errors.slice(logErrorsSeen);
      logErrorsSeen = errors.length;
      assert.deepEqual(freshErrors, [], `${what}: the extension host log has errors from the extension:\n${freshErrors.join('\n')}`);
      return fresh;
    };

    const quickInputState = () => page.evaluate((sel) => {
      const widget = document.querySelector(sel);
      const visible = !!widget && getComputedStyle(widget).display !== 'none' && widget.getBoundingClientRect().height > 0;
      const text = (s) => widget?.querySelector(s)?.textContent?.trim() ?? '';
      const input = widget?.querySelector('.quick-input-box input');
      const rows = [...(widget?.querySelectorAll('.quick-input-list .monaco-list-row') ?? [])].map((row) => ({
        label: row.querySelector('.label-name')?.textContent?.trim() ?? '',
        description: row.querySelector('.label-description')?.textContent?.trim() ?? '',
      }));
      const listVisible = !!widget?.querySelector('.quick-input-list') && getComputedStyle(widget.querySelector('.quick-input-list')).display !== 'none';
      return { visible, title: text('.quick-input-title'), value: input?.value ?? '', placeholder: input?.placeholder ?? '', message: text('.quick-input-message'), rows: listVisible ? rows : [] };
    }, QUICK_INPUT);

    const waitQuickInputHidden = () => waitForValue('the quick input to close', quickInputState, (s) => !s.visible);

    /** The palette rows of our category, collected while moving down the (virtual) list until it wraps. */
    const paletteCommands = async () => {
      await wb.openQuickInput('F1', '>');
      await page.locator(INPUT).fill(`>${CATEGORY_PREFIX}`);
      const focusedLabel = () => page.locator(`${QUICK_INPUT} .quick-input-list .monaco-list-row.focused .label-name`).first().textContent({ timeout: 5000 }).then((t) => t.trim());
      await waitForValue('the palette to list our commands', quickInputState, (s) => s.rows.some((row) => row.label.startsWith(CATEGORY_PREFIX)));
      // Recently used commands (the API bridge's, say) come first: the walk ends when the focus is back on the first row.
      const first = await focusedLabel();
      const labels = new Set();
      for (let moves = 0; moves < 100; moves++) {
        for (const row of (await quickInputState()).rows) if (row.label.startsWith(CATEGORY_PREFIX)) labels.add(row.label);
        await page.keyboard.press('ArrowDown');
        if ((await focusedLabel()) === first) break;
      }
      return [...labels].sort();
    };

    /** What package.json says the palette shows in `context`. */
    const expectedPalette = (context) => [...CONTRIBUTED.filter((id) => evaluateWhen(PALETTE_WHEN[id], context)).map(commandTitle), ...FOCUS_VIEW.map((v) => v.title)].sort();

    const closeQuickInput = async () => {
      if ((await quickInputState()).visible) await page.keyboard.press('Escape');
      await waitQuickInputHidden();
    };

    const assertPalette = async (what, context) => {
      const expected = expectedPalette(context);
      const shown = await paletteCommands().finally(closeQuickInput);
      const missing = expected.filter((t) => !shown.includes(t));
      const extra = shown.filter((t) => !expected.includes(t));
      assert.deepEqual({ missing, extra }, { missing: [], extra: [] }, `${what}: the palette differs from package.json's when clauses`);
      return shown;
    };

    /** F1, the command's exact title, click it. What it opens is for the caller to wait on. */
    const runFromPalette = async (id, title = commandTitle(id)) => {
      await wb.openQuickInput('F1', '>');
      await page.locator(INPUT).fill(`>${title}`);
      const row = wb.quickPickItem(title).first();
      try {
        await row.waitFor({ state: 'visible', timeout: 10_000 });
      } catch {
        throw new Error(`The palette does not offer "${title}"; it shows ${JSON.stringify((await quickInputState()).rows.map((r) => r.label))}`);
      }
      await row.click();
      exercised.push({ id, title });
    };

    /** Waits for the command's own quick input (the palette's widget is reused), checks it, closes it with Escape. */
    const expectQuickInput = async (id, titlePattern, { items = true, prompt = false } = {}) => {
      const state = await waitForValue(
        `the quick input of "${commandTitle(id)}" (title ${titlePattern})`,
        quickInputState,
        // A pick may fill its items a moment after it shows (the file dialog lists the folder).
        (s) => s.visible && !s.value.startsWith('>') && titlePattern.test(s.title) && (!items || s.rows.length > 0),
        { timeout: 20_000 },
      );
      if (items) assert.ok(state.rows.length > 0, `${id}: the pick has items: ${JSON.stringify(state)}`);
      if (prompt) assert.ok(state.message || state.placeholder, `${id}: the input box has a prompt: ${JSON.stringify(state)}`);
      await page.keyboard.press('Escape');
      await waitQuickInputHidden();
      return state;
    };

    /** Waits for a notification whose message matches, and returns it (text and severity). */
    const expectNotification = async (id, pattern) => {
      const found = await waitForValue(`the notification of "${commandTitle(id)}" matching ${pattern}`, notifications, (list) => list.slice(notificationsSeen).some((n) => pattern.test(n.message ?? '')));
      return found.slice(notificationsSeen).find((n) => pattern.test(n.message ?? ''));
    };

    const clearNotifications = async () => {
      if ((await page.locator('.notifications-toasts .notification-toast').count()) > 0) await wb.runCommand('Notifications: Clear All Notifications');
    };

    const documentText = async () => (await api.one({ op: 'document', path: trackerPath })).text;
    const activeEditor = () => api.one({ op: 'activeEditor' });

    // ------------------------------------------------------------------------------------------------------------
    await step('the workbench is up and the extension active; notifications are recorded from here on', async () => {
      await page.evaluate(installNotificationRecorder);
      const extension = await api.one({ op: 'extension', id: EXTENSION_ID, waitActiveMs: 20_000 });
      assert.deepEqual({ found: extension.found, isActive: extension.isActive }, { found: true, isActive: true }, 'the packaged extension is installed and active');
      await checkQuiet('start');
    });

    await step('package.json: every command has the category and a codicon; the tree-only ones are hidden from the palette by `when: false`', async () => {
      for (const command of manifest.contributes.commands) {
        assert.ok(commandTitle(command.command).startsWith(CATEGORY_PREFIX), `${command.command} is in our category`);
        assert.match(command.icon ?? '', /^\$\([a-z-]+\)$/, `${command.command} has a codicon`);
      }
      for (const id of TREE_ONLY) assert.equal(PALETTE_WHEN[id], 'false', `${id} is hidden from the palette`);
    });

    const noEditor = { editorLangId: undefined, editorReadonly: undefined, 'executionTracker.hideCompleted': false, 'executionTracker.currentWeekOnly': false, 'executionTracker.hasBaseline': false, 'executionTracker.loadTestRunning': false };
    await step('with no editor open, the palette shows exactly the commands package.json allows there', async () => {
      const shown = await assertPalette('no editor', noEditor);
      assert.ok(!shown.includes(commandTitle('executionTracker.toggleTask')), 'Toggle Task needs a markdown editor');
    });

    const inTracker = { ...noEditor, editorLangId: 'markdown', editorReadonly: false };
    await step(`with ${TRACKER_FILE} in the editor, the markdown-only commands join; screenshot of the palette listing them`, async () => {
      await wb.openFile(TRACKER_FILE);
      await wb.focusEditor();
      await assertPalette('tracker in the editor', inTracker);
      // A taller window so the palette's list has room for every row in the screenshot.
      await page.setViewportSize({ width: 1400, height: 1600 });
      try {
        const shown = await paletteCommands();
        assert.equal(shown.length, expectedPalette(inTracker).length);
        await screenshot('palette');
        await page.keyboard.press('Escape');
        await waitQuickInputHidden();
      } finally {
        await page.setViewportSize({ width: 1400, height: 900 });
      }
    });

    await step('tree-only commands (Set as Baseline, Remove from Trackers, the preview\'s Toggle Task) are not offered even when typed out', async () => {
      for (const id of TREE_ONLY) {
        const title = commandTitle(id);
        await wb.openQuickInput('F1', '>');
        await page.locator(INPUT).fill(`>${title}`);
        // The list has settled once it shows what it matches for this text (or says there is nothing).
        const state = await waitForValue(`the palette filtered for "${title}"`, quickInputState, (s) => s.value === `>${title}`);
        assert.ok(!state.rows.some((r) => r.label === title), `"${title}" must not be in the palette; rows: ${JSON.stringify(state.rows.map((r) => r.label))}`);
        await page.keyboard.press('Escape');
        await waitQuickInputHidden();
      }
    });

    // ---- editor commands (the tracker is the active editor) ------------------------------------------------------
    const [taskLine] = openTaskLines(original, 'Implement cache layer for V2 endpoints');
    assert.ok(taskLine, 'the sample has the open task "Implement cache layer for V2 endpoints"');

    await step(`"${commandTitle('executionTracker.toggleTask')}" on line ${taskLine} ticks the task; Ctrl+Z undoes it`, async () => {
      await wb.focusEditor();
      await wb.goToLine(taskLine);
      await runFromPalette('executionTracker.toggleTask');
      await waitForValue('the task ticked in the editor', documentText, (text) => text === withToggled(original, [taskLine]));
      await wb.focusEditor();
      await wb.press('Ctrl+Z');
      await waitForValue('the tick undone', documentText, (text) => text === original);
      await checkQuiet('Toggle Task');
    });

    await step(`"${commandTitle('executionTracker.revealInTree')}" selects that task in the Tracker view`, async () => {
      await wb.focusEditor();
      await runFromPalette('executionTracker.revealInTree');
      const label = taskLabel(original.split('\n')[taskLine - 1]);
      await waitForValue(`the Tracker view to select "${label}"`, () => page.locator('.part.sidebar .monaco-list-row[role="treeitem"][aria-selected="true"] .label-name').allTextContents(), (labels) => labels.some((l) => l.trim() === label));
      await checkQuiet('Reveal in Tracker');
    });

    await step(`"${commandTitle('executionTracker.repairEncoding')}" repairs the Mac Roman text in the editor; Ctrl+Z undoes it`, async () => {
      assert.ok(original.includes('‚úÖ'), 'the sample has mis-encoded check marks');
      await wb.focusEditor();
      await runFromPalette('executionTracker.repairEncoding');
      const repaired = await waitForValue('the mis-encoded marks repaired in the editor', documentText, (text) => text !== original && !text.includes('‚úÖ'));
      assert.ok(repaired.includes('✅'), 'the check marks read ✅ now');
      assert.equal(repaired.split('\n').length, original.split('\n').length, 'no line added or removed');
      await wb.focusEditor();
      await wb.press('Ctrl+Z');
      await waitForValue('the repair undone', documentText, (text) => text === original);
      await checkQuiet('Repair Encoding');
    });

    await step(`"${commandTitle('executionTracker.openEvidence')}" with the cursor on a CSV name opens that CSV`, async () => {
      const line = original.split('\n').indexOf(EVIDENCE_LINE);
      assert.ok(line > 0, `the sample has the line "${EVIDENCE_LINE}"`);
      await wb.focusEditor();
      await wb.goToLine(line + 1);
      await api.one({ op: 'setSelections', selections: [[line, EVIDENCE_LINE.indexOf(V38) + 5]] });
      await wb.focusEditor();
      await runFromPalette('executionTracker.openEvidence');
      await waitForValue('the CSV open in the editor', () => page.locator('.tabs-container .tab.active').getAttribute('aria-label'), (label) => (label ?? '').includes(`${V38}_stats.csv`));
      assert.ok((await activeEditor()).fileName.endsWith(`${V38}_stats.csv`), 'the active editor is the CSV');
      await checkQuiet('Open Evidence File');
      await wb.openFile(TRACKER_FILE);
    });

    // ---- pickers and dialogs -------------------------------------------------------------------------------------
    await step(`"${commandTitle('executionTracker.showOpenTasks')}" lists the open tasks in a quick pick (Escape)`, async () => {
      await runFromPalette('executionTracker.showOpenTasks');
      const state = await expectQuickInput('executionTracker.showOpenTasks', /^Open Tasks in /);
      assert.ok(state.rows.some((r) => r.label === 'Implement cache layer for V2 endpoints'), `the open task is listed: ${JSON.stringify(state.rows.slice(0, 5))}`);
      await checkQuiet('Show Open Tasks');
    });

    await step(`"${commandTitle('executionTracker.addTrackerFile')}" opens the file dialog (cancelled with Escape)`, async () => {
      await runFromPalette('executionTracker.addTrackerFile');
      const state = await expectQuickInput('executionTracker.addTrackerFile', /Add Markdown File as Tracker/);
      assert.ok(state.value.includes(workspaceDir.split('/').pop()), `the dialog starts in the workspace: ${state.value}`);
      await checkQuiet('Add Markdown File as Tracker');
    });

    await step(`"${commandTitle('executionTracker.openCsv')}" offers the runs (Escape)`, async () => {
      await runFromPalette('executionTracker.openCsv');
      const state = await expectQuickInput('executionTracker.openCsv', /Open CSV of Run/);
      assert.ok(state.rows.some((r) => r.description === V38), `v38 is offered: ${JSON.stringify(state.rows)}`);
      await checkQuiet('Open Run CSV');
    });

    await step(`"${commandTitle('executionTracker.openChart')}" offers the runs, the baseline (set through the API) marked (Escape)`, async () => {
      await api.one({ op: 'executeCommand', command: 'executionTracker.setBaseline', args: [V38] });
      await runFromPalette('executionTracker.openChart');
      const state = await expectQuickInput('executionTracker.openChart', /Open Run Chart/);
      assert.ok(state.rows.some((r) => r.description.startsWith(V38) && /baseline/.test(r.description)), `v38 is marked as the baseline: ${JSON.stringify(state.rows)}`);
      await checkQuiet('Open Run Chart');
    });

    await step(`"${commandTitle('executionTracker.clearBaseline')}" clears it: "${commandTitle('executionTracker.compareRuns')}" offers the runs without the mark (Escape)`, async () => {
      await runFromPalette('executionTracker.clearBaseline');
      await waitQuickInputHidden();
      await checkQuiet('Clear Baseline');
      await waitForValue('the compare pick without a baseline', async () => {
        await runFromPalette('executionTracker.compareRuns');
        return expectQuickInput('executionTracker.compareRuns', /Compare/);
      }, (state) => state.rows.some((r) => r.description === V38));
      await checkQuiet('Compare Runs');
    });

    await step(`"${commandTitle('executionTracker.showTrend')}" opens the trend chart panel`, async () => {
      await runFromPalette('executionTracker.showTrend');
      const outers = page.locator('iframe.webview.ready');
      await waitForValue('a chart panel showing the trend', async () => {
        for (let i = 0; i < (await outers.count()); i++) {
          if (await outers.nth(i).contentFrame().locator('iframe#active-frame').contentFrame().locator('body[data-view="trend"]').count()) return true;
        }
        return false;
      }, (ok) => ok, { timeout: 30_000 });
      await checkQuiet('Show Run Trend');
    });

    await step(`"${commandTitle('executionTracker.showProgress')}" outside a git repository: the panel says why, nothing else fails`, async () => {
      await runFromPalette('executionTracker.showProgress');
      const outers = page.locator('iframe.webview.ready');
      const text = await waitForValue('a panel saying the tracker is not in a git repository', async () => {
        for (let i = 0; i < (await outers.count()); i++) {
          const body = outers.nth(i).contentFrame().locator('iframe#active-frame').contentFrame().locator('body[data-view="failed"]');
          if (await body.count()) return body.innerText();
        }
        return '';
      }, (t) => /not in a git repository, so it has no history/.test(t), { timeout: 30_000 });
      assert.match(text, /MASTER_EXECUTION_TRACKER\.md: not in a git repository/);
      await checkQuiet('Show Progress History');
    });

    // ---- the Tracker view's filters: each flips a context key, so the palette offers the opposite command -----------
    const treeRows = () => page.locator('.part.sidebar .monaco-list-row[role="treeitem"]').count();
    await step(`"${commandTitle('executionTracker.refresh')}" keeps the Tracker view populated`, async () => {
      await wb.openViewContainer(VIEW_CONTAINER_TITLE);
      await runFromPalette('executionTracker.refresh');
      await waitQuickInputHidden();
      await waitForValue('the Tracker view to show rows', treeRows, (n) => n > 0);
      await checkQuiet('Refresh');
    });

    for (const [on, off, key] of [
      ['executionTracker.hideCompleted', 'executionTracker.showCompleted', 'executionTracker.hideCompleted'],
      ['executionTracker.showCurrentWeek', 'executionTracker.showAllWeeks', 'executionTracker.currentWeekOnly'],
    ]) {
      await step(`"${commandTitle(on)}" hides the ticked tasks; the palette then offers "${commandTitle(off)}" instead, which shows them again`, async () => {
        await wb.openViewContainer(VIEW_CONTAINER_TITLE);
        await waitForValue('the Tracker view with ticked tasks', () => wb.treeRows(), (rows) => rows.some((r) => r.checked === true));
        await wb.focusEditor();
        await runFromPalette(on);
        await waitQuickInputHidden();
        await waitForValue('the Tracker view without ticked tasks', () => wb.treeRows(), (rows) => rows.some((r) => r.checked === false) && !rows.some((r) => r.checked === true));
        // The context key reaches the palette from the extension host a moment later.
        await waitForValue(`the palette to offer "${commandTitle(off)}" instead`, () => assertPalette(`after ${on}`, { ...inTracker, [key]: true }), () => true, { timeout: 10_000 });
        await checkQuiet(commandTitle(on));
        await wb.focusEditor();
        await runFromPalette(off);
        await waitQuickInputHidden();
        await waitForValue('the Tracker view with ticked tasks again', () => wb.treeRows(), (rows) => rows.some((r) => r.checked === true));
        await waitForValue(`the palette to offer "${commandTitle(on)}" again`, () => assertPalette(`after ${off}`, inTracker), () => true, { timeout: 10_000 });
        await checkQuiet(commandTitle(off));
      });
    }

    for (const view of FOCUS_VIEW) {
      await step(`"${view.title}" (added by VS Code for our view) shows and focuses the ${view.name} view`, async () => {
        await wb.focusEditor();
        await runFromPalette(view.id, view.title);
        await waitQuickInputHidden();
        const pane = page.locator('.part.sidebar .pane').filter({ has: page.locator('.pane-header', { hasText: new RegExp(`^${view.name}`, 'i') }) }).first();
        await waitForValue(`the ${view.name} view expanded with the focus in it`, () => pane.evaluate((el) => ({ expanded: el.querySelector('.pane-header')?.getAttribute('aria-expanded'), focused: el.contains(document.activeElement) })), (v) => v.expanded === 'true' && v.focused);
        await checkQuiet(view.title);
      });
    }

    // ---- commands that start processes: first prompt or refusal, then Escape ------------------------------------
    await step(`"${commandTitle('executionTracker.runLoadTest')}" asks for the locustfile first (Escape: nothing starts)`, async () => {
      await runFromPalette('executionTracker.runLoadTest');
      const state = await expectQuickInput('executionTracker.runLoadTest', /^Run Load Test \(1\/\d+\)/);
      assert.ok(state.rows.some((r) => r.label === 'load_testing/locustfile.py'), `the sample's locustfile is offered: ${JSON.stringify(state.rows)}`);
      await checkQuiet('Run Load Test');
    });

    await step(`"${commandTitle('executionTracker.runDistributedLoadTest')}" asks for the locustfile first (Escape)`, async () => {
      await runFromPalette('executionTracker.runDistributedLoadTest');
      await expectQuickInput('executionTracker.runDistributedLoadTest', /^Run Distributed Load Test \(1\/\d+\)/);
      await checkQuiet('Run Distributed Load Test');
    });

    await step(`"${commandTitle('executionTracker.newLocustfile')}" opens the save dialog in the workspace (Escape: nothing written)`, async () => {
      await runFromPalette('executionTracker.newLocustfile');
      const state = await expectQuickInput('executionTracker.newLocustfile', /New Locustfile/);
      assert.match(state.value, /locustfile\.py$/, `the dialog proposes locustfile.py: ${state.value}`);
      await checkQuiet(commandTitle('executionTracker.newLocustfile'));
    });

    await step(`"${commandTitle('executionTracker.createTrackerFromTemplate')}" asks for the file name (Escape: nothing written)`, async () => {
      await runFromPalette('executionTracker.createTrackerFromTemplate');
      const state = await expectQuickInput('executionTracker.createTrackerFromTemplate', /Create a Tracker from a Template/, { items: false, prompt: true });
      assert.match(state.value, /TRACKER.*\.md$/i, `the input proposes a tracker name: ${state.value}`);
      await checkQuiet(commandTitle('executionTracker.createTrackerFromTemplate'));
    });

    await step(`"${commandTitle('executionTracker.refreshScenarios')}" reads the locustfiles again, quietly`, async () => {
      await runFromPalette('executionTracker.refreshScenarios');
      await checkQuiet(commandTitle('executionTracker.refreshScenarios'));
    });

    await step(`"${commandTitle('executionTracker.runTests')}" asks for pytest's arguments first (Escape)`, async () => {
      await runFromPalette('executionTracker.runTests');
      await expectQuickInput('executionTracker.runTests', /^Run Tests \(pytest\) \(1\/2\)/, { items: false, prompt: true });
      await checkQuiet('Run Tests (pytest)');
    });

    // Without compose files (the sample's stack files are removed here): each stack command refuses with a
    // warning that says what to add.
    for (const name of ['docker-compose.yml', 'docker-compose-pgbouncer.yml']) rmSync(join(workspaceDir, name), { force: true });
    for (const id of ['executionTracker.chooseStack', 'executionTracker.startStack', 'executionTracker.stopStack', 'executionTracker.showStackLogs']) {
      await step(`"${commandTitle(id)}" in a workspace without compose files: a warning that names what to add, no docker started`, async () => {
        await clearNotifications();
        await runFromPalette(id);
        const shown = await expectNotification(id, /no compose file found/);
        assert.equal(shown.severity, 'warning', `a warning, not an error: ${JSON.stringify(shown)}`);
        assert.match(shown.message, /docker-compose\*\.yml.*Add one to the workspace/);
        await checkQuiet(commandTitle(id));
      });
    }

    // With a compose file the same commands ask for the stack's files first; Escape there, so docker never runs.
    for (const id of ['executionTracker.chooseStack', 'executionTracker.startStack', 'executionTracker.stopStack', 'executionTracker.showStackLogs']) {
      await step(`"${commandTitle(id)}" with a compose file in the workspace asks for the stack's files first (Escape: no docker)`, async () => {
        if (!existsSync(join(workspaceDir, 'docker-compose.yml'))) writeFileSync(join(workspaceDir, 'docker-compose.yml'), 'services:\n  web:\n    image: nginx\n');
        await runFromPalette(id);
        const state = await expectQuickInput(id, /^Docker Stack \(1\/2\)/);
        assert.deepEqual(state.rows.map((r) => r.label), ['docker-compose.yml'], 'the compose file is offered');
        await checkQuiet(commandTitle(id));
      });
    }

    await step('every command the palette offered was run; no error notification and no extension error in the logs at the end', async () => {
      const offered = new Set([...expectedPalette(inTracker), ...expectedPalette({ ...inTracker, 'executionTracker.hideCompleted': true, 'executionTracker.currentWeekOnly': true })]);
      const run = new Set(exercised.map((e) => e.title));
      assert.deepEqual([...offered].filter((t) => !run.has(t)), [], 'commands offered but not run');
      // One more round trip through the extension host, so its log has been written past the last command.
      await api.one({ op: 'workspace' });
      await checkQuiet('the end');
      assert.equal(await documentText(), original, 'the tracker is as it was');
      await screenshot('end');
      console.log(`#   commands run from the palette (${exercised.length}): ${exercised.map((e) => e.id).join(', ')}`);
    });
  },
};
