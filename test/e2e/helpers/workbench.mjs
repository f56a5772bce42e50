// Page helpers that read like a user's steps in the VS Code workbench (1.100, served by code-server).
// Every wait is on a condition with a timeout; failures say what was on screen instead. A helper that tries
// again counts it (retries.mjs); the runner shows the count and fails a scenario that needed more than one.
import { noteRetry } from './retries.mjs';

const TIMEOUT = 15_000;
const isMac = process.platform === 'darwin';
const mod = isMac ? 'Meta' : 'Control';

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A string matches exactly (trimmed); a RegExp matches as given. */
const exactly = (text) => (text instanceof RegExp ? text : new RegExp(`^\\s*${escapeRegExp(text)}\\s*$`));

/**
 * Runs in the page: the quick input no longer shows the palette's ">" query. `open: true` also wants the widget
 * shown (a command's own pick is up); `open: false` takes a closed widget as done too.
 */
function paletteLeft({ s, open }) {
  const widget = document.querySelector(s.quickInput);
  const input = document.querySelector(s.quickInputBox);
  const shown = Boolean(widget && getComputedStyle(widget).display !== 'none' && widget.offsetParent);
  const palette = (input?.value ?? '').startsWith('>');
  return open ? shown && !palette : !shown || !palette;
}

export const selectors = {
  workbench: '.monaco-workbench',
  activityBarItem: '.part.activitybar .composite-bar .action-item',
  sidebar: '.part.sidebar',
  sidebarTitle: '.part.sidebar .composite.title .title-label h2',
  treeRow: '.monaco-list-row[role="treeitem"]',
  treeLabel: '.monaco-icon-label .label-name',
  treeDescription: '.monaco-icon-label .label-description',
  treeCheckbox: '.custom-view-tree-node-item-checkbox',
  problemsFilter: '.panel .viewpane-filter input',
  problemRow: '.markers-panel .monaco-list-row',
  quickInput: '.quick-input-widget',
  quickInputBox: '.quick-input-widget .quick-input-box input',
  quickInputRow: '.quick-input-widget .quick-input-list .monaco-list-row',
  quickInputRowLabel: '.quick-input-list-label .label-name',
  statusBarItem: '.part.statusbar .statusbar-item',
  notificationToast: '.notifications-toasts .notification-toast',
  notificationMessage: '.notification-list-item-message',
  codeLens: '.monaco-editor .codelens-decoration a',
  activeTab: '.tabs-container .tab.active',
  editor: '.part.editor .editor-instance .monaco-editor',
  viewLine: '.view-lines .view-line',
  webview: 'iframe.webview.ready',
};

/** Collects text from a locator list for error messages: what was seen instead. */
async function seen(locator, max = 40) {
  const texts = await locator.allInnerTexts().catch(() => []);
  const shown = texts.slice(0, max).map((t) => t.replace(/\s+/g, ' ').trim());
  return `[${shown.map((t) => JSON.stringify(t)).join(', ')}${texts.length > max ? `, … ${texts.length - max} more` : ''}]`;
}

/** Waits for `locator` to be visible; on timeout throws with `what` and the texts of `context` seen instead. */
async function waitVisible(locator, what, context, timeout = TIMEOUT) {
  try {
    await locator.first().waitFor({ state: 'visible', timeout });
    return locator.first();
  } catch {
    const visible = context ? ` Seen instead: ${await seen(context)}` : '';
    throw new Error(`Timed out after ${timeout} ms waiting for ${what}.${visible}`);
  }
}

/** Polls `probe` until `accept(value)` holds; the error names the last value seen. */
export async function waitForValue(what, probe, accept, { timeout = TIMEOUT, interval = 100 } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  let lastError;
  for (;;) {
    try {
      last = await probe();
      lastError = undefined;
      if (await accept(last)) return last;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const detail = lastError ? `last error: ${lastError.message}` : `last seen: ${JSON.stringify(last)?.slice(0, 2000)}`;
      throw new Error(`Timed out after ${timeout} ms waiting for ${what}; ${detail}`);
    }
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

export function workbench(page) {
  const wb = {
    page,

    /** The workbench is rendered and the extension host connection is up (status bar populated). */
    async waitForReady(timeout = 60_000) {
      await waitVisible(page.locator(`${selectors.workbench} .part.activitybar`), 'the workbench activity bar', null, timeout);
      await waitVisible(page.locator(selectors.statusBarItem), 'the status bar', null, timeout);
    },

    // ---- keyboard --------------------------------------------------------------------------------------------
    /** Presses a chord like 'Ctrl+Alt+X' ('Ctrl' is Cmd on macOS, as in VS Code keybindings). */
    async press(chord) {
      await page.keyboard.press(chord.replace(/\bCtrl\b/g, mod));
    },

    /**
     * Waits for the extension's progress item in the status bar: the extension host is up and the extension active,
     * so its commands are in the palette (a palette opened before that is reopened, and counted as a retry).
     */
    async waitExtensionHost(timeout = 180_000) {
      await page.locator('.part.statusbar .statusbar-item[id$="executionTracker.progress"]').first().waitFor({ state: 'visible', timeout });
    },

    // ---- command palette and quick input -----------------------------------------------------------------------
    async openQuickInput(chord, prefix) {
      await wb.press(chord);
      await waitVisible(page.locator(selectors.quickInputBox), `the quick input after ${chord}`);
      if (prefix !== undefined) {
        await waitForValue(`the quick input to start with ${JSON.stringify(prefix)}`, () => page.locator(selectors.quickInputBox).inputValue(), (v) => v.startsWith(prefix));
      }
    },

    /** A row of the open quick input whose label matches `label` (exact string or RegExp). */
    quickPickItem(label) {
      return page.locator(selectors.quickInputRow).filter({ has: page.locator(selectors.quickInputRowLabel, { hasText: exactly(label) }) });
    },

    /** Types into the open quick input, waits for the row `label` and picks it with the mouse. */
    async pickQuickInput(text, label = text) {
      await page.locator(selectors.quickInputBox).fill(text);
      const row = await waitVisible(wb.quickPickItem(label), `quick pick item ${label}`, page.locator(`${selectors.quickInputRow} ${selectors.quickInputRowLabel}`));
      await row.click();
    },

    async waitQuickInputClosed() {
      await page.locator(selectors.quickInput).waitFor({ state: 'hidden', timeout: TIMEOUT });
    },

    /**
     * F1, type the command's palette title ("Category: Title"), pick it. The palette lists the commands known when
     * it opens; right after start (or a trust decision) an extension's commands may come a moment later, so a
     * palette without the command is closed and opened again until `timeout`.
     */
    async runCommand(title, timeout = TIMEOUT) {
      const deadline = Date.now() + timeout;
      for (;;) {
        await wb.openQuickInput('F1', '>');
        // The palette can close again before the title is typed, when something takes the focus as it opens
        // (a task terminal's "press any key to close"): open it again, counted as a retry.
        const typed = await page.locator(selectors.quickInputBox).fill(`>${title}`, { timeout: 3000 }).then(() => true, () => false);
        if (!typed) {
          if (Date.now() > deadline) throw new Error(`The command palette closed before "${title}" could be typed, until ${timeout} ms.`);
          noteRetry(`runCommand: the palette closed before "${title}" was typed; opened again`);
          continue;
        }
        const row = wb.quickPickItem(title).first();
        try {
          await row.waitFor({ state: 'visible', timeout: Math.min(3000, Math.max(500, deadline - Date.now())) });
        } catch {
          const shown = await seen(page.locator(`${selectors.quickInputRow} ${selectors.quickInputRowLabel}`));
          await page.keyboard.press('Escape');
          await wb.waitQuickInputClosed();
          if (Date.now() > deadline) throw new Error(`The command palette has no command "${title}" after ${timeout} ms. Seen instead: ${shown}`);
          noteRetry(`runCommand: palette reopened, "${title}" was not listed yet`);
          continue;
        }
        await row.click();
        // The command may open a quick pick of its own in the same widget, so "done" is: the palette closed,
        // or the widget no longer shows the palette's ">" query.
        await page.waitForFunction(paletteLeft, { s: selectors, open: false }, { timeout: TIMEOUT });
        return;
      }
    },

    /** Runs a command that opens a quick pick of its own (in the palette's widget) and waits until that pick shows. */
    async runCommandWithPick(title, timeout = TIMEOUT) {
      await wb.runCommand(title, timeout);
      await page.waitForFunction(paletteLeft, { s: selectors, open: true }, { timeout: TIMEOUT });
    },

    // ---- views -------------------------------------------------------------------------------------------------
    activityBarItem(title) {
      return page.locator(selectors.activityBarItem).filter({ has: page.locator(`a[aria-label^="${title}"]`) });
    },

    /** Clicks the activity bar entry titled `title` (if not already open) and waits for the side bar to show it. */
    async openViewContainer(title) {
      const item = wb.activityBarItem(title).first();
      try {
        await item.waitFor({ state: 'visible', timeout: TIMEOUT });
      } catch {
        throw new Error(`Timed out waiting for activity bar item "${title}". Seen instead: ${JSON.stringify(await wb.activityBarTitles())}`);
      }
      // A container with one view titles the side bar "Container: View".
      const showsTitle = (text) => (text ?? '').trim().toLowerCase().startsWith(title.toLowerCase());
      const sidebarTitle = () => page.evaluate((sel) => document.querySelector(sel)?.textContent ?? '', selectors.sidebarTitle);
      if (!showsTitle(await sidebarTitle())) await item.click();
      await waitForValue(`the side bar to show "${title}"`, sidebarTitle, showsTitle);
    },

    /** Drags the sash right of the side bar until the side bar is `width` pixels wide (long tree labels fit). */
    async resizeSidebar(width) {
      const box = await page.locator(selectors.sidebar).boundingBox();
      if (!box) throw new Error('the side bar is not visible');
      const y = box.y + box.height / 2;
      await page.mouse.move(box.x + box.width - 1, y);
      await page.mouse.down();
      await page.mouse.move(box.x + width, y, { steps: 5 });
      await page.mouse.up();
      await waitForValue(`the side bar to be ${width} px wide`, async () => (await page.locator(selectors.sidebar).boundingBox())?.width, (w) => Math.abs(w - width) <= 4);
    },

    /** Titles (aria-labels) of the activity bar entries, for error messages and checks. */
    async activityBarTitles() {
      return page.locator(`${selectors.activityBarItem} a.action-label`).evaluateAll((as) => as.map((a) => a.getAttribute('aria-label')));
    },

    /** A tree row in the side bar whose label matches (exact string or RegExp). */
    treeItem(label) {
      return page.locator(`${selectors.sidebar} ${selectors.treeRow}`).filter({ has: page.locator(selectors.treeLabel, { hasText: exactly(label) }) });
    },

    /**
     * Waits for a tree row, scrolling the side bar's trees as a user would: the lists are virtual, so a row
     * below the fold (the Tracker view shares its container with the Runs view) is not in the DOM until shown.
     */
    async waitTreeItem(label, timeout = TIMEOUT) {
      const deadline = Date.now() + timeout;
      try {
        for (let direction = -1; ; direction = -direction) {
          try {
            await wb.treeItem(label).first().waitFor({ state: 'visible', timeout: Math.min(1500, Math.max(1, deadline - Date.now())) });
            return wb.treeItem(label).first();
          } catch (error) {
            if (Date.now() >= deadline) throw error;
          }
          for (const list of await page.locator(`${selectors.sidebar} .monaco-list`).all()) {
            const box = await list.boundingBox();
            if (!box || box.height < 20) continue;
            await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
            for (let i = 0; i < 6; i++) await page.mouse.wheel(0, direction * box.height * 0.8);
            if (await wb.treeItem(label).first().isVisible()) return wb.treeItem(label).first();
          }
        }
      } catch {
        const rows = (await wb.treeRows().catch(() => [])).map((r) => `${'  '.repeat(Math.max(0, r.level - 1))}${r.checked === null ? '' : r.checked ? '[x] ' : '[ ] '}${r.label}${r.description ? ` (${r.description})` : ''}`);
        throw new Error(`Timed out after ${timeout} ms waiting for tree item ${label}. The side bar tree shows:\n${rows.join('\n') || '(no rows)'}`);
      }
    },

    /** Visible rows of the side bar tree as {label, description, checked, expanded, level}. */
    async treeRows() {
      return page.locator(`${selectors.sidebar} ${selectors.treeRow}`).evaluateAll((rows, s) => rows.map((row) => {
        const checkbox = row.querySelector(s.treeCheckbox);
        return {
          label: row.querySelector(s.treeLabel)?.textContent?.trim() ?? '',
          description: row.querySelector(s.treeDescription)?.textContent?.trim() ?? '',
          checked: checkbox ? checkbox.getAttribute('aria-checked') === 'true' : null,
          expanded: row.getAttribute('aria-expanded') === null ? null : row.getAttribute('aria-expanded') === 'true',
          level: Number(row.getAttribute('aria-level')),
        };
      }), selectors);
    },

    async treeItemDescription(label) {
      return (await (await wb.waitTreeItem(label)).locator(selectors.treeDescription).innerText()).trim();
    },

    /**
     * Expands a row (and, given `child`, until that child row shows); clicks again if a refresh of the tree
     * swallowed the first click or folded the row back, as a user would.
     */
    async expandTreeItem(label, { child } = {}) {
      const deadline = Date.now() + TIMEOUT;
      for (;;) {
        const row = await wb.waitTreeItem(label);
        if ((await row.getAttribute('aria-expanded')) === 'false') await row.locator('.monaco-tl-twistie').click();
        try {
          const timeout = Math.min(3000, Math.max(1, deadline - Date.now()));
          await waitForValue(`tree item ${label} to expand`, () => wb.treeItem(label).first().getAttribute('aria-expanded'), (v) => v === 'true', { timeout });
          if (child !== undefined) await wb.treeItem(child).first().waitFor({ state: 'visible', timeout });
          return;
        } catch (error) {
          if (Date.now() >= deadline) throw error;
          noteRetry(`expandTreeItem: ${label} clicked again`);
        }
      }
    },

    /** The native checkbox of a tree row (VS Code renders it as a Toggle with role=checkbox, aria-checked). */
    treeCheckbox(label) {
      return wb.treeItem(label).locator(selectors.treeCheckbox);
    },

    async isTreeItemChecked(label) {
      const box = await waitVisible(wb.treeCheckbox(label), `the checkbox of tree item ${label}`, page.locator(`${selectors.sidebar} ${selectors.treeRow}`));
      return (await box.getAttribute('aria-checked')) === 'true';
    },

    /**
     * Clicks the row's checkbox and waits until it shows `expected` (default: the opposite state) and, when given,
     * until `done()` (what the click should cause, such as the file on disk changed) holds.
     */
    async clickTreeCheckbox(label, expected, { done } = {}) {
      const before = await wb.isTreeItemChecked(label);
      const want = expected ?? !before;
      // A click is what the caller asked for: a box that shows the wanted state already means the tree rendered a
      // state the caller did not expect (a stale render), and passing without a click would hide it.
      if (expected !== undefined && before === expected) throw new Error(`the checkbox of ${label} already showed ${expected ? 'ticked' : 'unticked'} before the click`);
      // A click that lands while the tree re-renders is lost in the workbench: either the box does not change, or it
      // changes and VS Code hands the extension an event with no row, and the extension's re-render puts the box
      // back. Like a user, click again when the box did not change or was put back.
      const deadline = Date.now() + TIMEOUT;
      const effect = async () => (await wb.isTreeItemChecked(label)) === want && (!done || (await done()));
      await wb.treeCheckbox(label).first().click();
      for (;;) {
        try {
          await waitForValue(`the checkbox of ${label} to be ${want ? 'ticked' : 'unticked'}${done ? ' with its effect' : ''}`, effect, (v) => v === true, { timeout: Math.min(3000, Math.max(1, deadline - Date.now())) });
          return;
        } catch (error) {
          if (Date.now() >= deadline) throw error;
          // Still in the wanted state: the effect is only slow (a save under load); no second click.
          if ((await wb.isTreeItemChecked(label)) === want) continue;
          noteRetry(`clickTreeCheckbox: ${label} clicked again`);
          await wb.treeCheckbox(label).first().click();
        }
      }
    },

    /**
     * Right-clicks a tree row and chooses a context-menu entry with the keyboard. A menu that opens under the
     * pointer can take the next click as the end of the right-click and stay open without running anything
     * (seen in docker-stack), so the entry is focused with the arrow keys and run with Enter.
     */
    async chooseTreeContextMenu(row, item) {
      await row.click({ button: 'right' });
      const menu = '.context-view .monaco-menu';
      await waitVisible(page.locator(`${menu} .action-item`).filter({ hasText: item }), `the context-menu entry ${item}`, page.locator(`${menu} .action-item`));
      const focusedItem = page.locator(`${menu} .action-item.focused`);
      const focused = async () => ((await focusedItem.count()) > 0 ? focusedItem.first().innerText() : '');
      for (let i = 0; i < 12 && !(await focused()).includes(item); i++) await wb.press('ArrowDown');
      if (!(await focused()).includes(item)) throw new Error(`the context menu never focused ${item}; focused: ${await focused()}`);
      await wb.press('Enter');
      await page.locator(menu).waitFor({ state: 'hidden', timeout: TIMEOUT });
    },

    /**
     * Types `text` into the open Problems panel's filter and waits for a row that `accept`s. The panel can render
     * its filter box again as it opens, and the text typed into the old one is lost (the panel then lists every
     * finding, and the one sought may be scrolled out of the virtual list): typed again once, counted as a retry.
     */
    async filterProblems(text, accept, { timeout = 30_000 } = {}) {
      const filter = page.locator(selectors.problemsFilter).first();
      const rows = page.locator(selectors.problemRow);
      await waitVisible(rows.first(), 'the Problems panel\'s first row');
      await filter.fill(text);
      let retyped = false;
      return waitForValue(`the Problems filter "${text}" to show the finding`, async () => {
        if (!retyped && (await filter.inputValue()) !== text) {
          retyped = true;
          noteRetry(`filterProblems: the filter lost "${text}"; typed again`);
          await filter.fill(text);
        }
        return rows.allInnerTexts();
      }, (list) => list.some(accept), { timeout });
    },

    // ---- dialogs -------------------------------------------------------------------------------------------------
    /** The modal dialog's message text, waiting for one to show. */
    async waitDialog(timeout = TIMEOUT) {
      const dialog = await waitVisible(page.locator('.monaco-dialog-box'), 'a dialog', null, timeout);
      return (await dialog.innerText()).trim();
    },

    /** Clicks a button of the open modal dialog by its text and waits for the dialog to close. */
    async clickDialogButton(text) {
      const button = page.locator('.monaco-dialog-box .dialog-buttons a.monaco-button, .monaco-dialog-box .dialog-buttons .monaco-button').filter({ hasText: exactly(text) });
      await waitVisible(button, `dialog button ${text}`, page.locator('.monaco-dialog-box .monaco-button'));
      await button.first().click();
      await page.locator('.monaco-dialog-box').waitFor({ state: 'hidden', timeout: TIMEOUT });
    },

    /** Answers the Workspace Trust prompt shown when a folder opens (needs security.workspace.trust.enabled). */
    async answerTrustPrompt(trust) {
      const message = await wb.waitDialog(30_000);
      if (!/trust the authors/i.test(message)) throw new Error(`Expected the Workspace Trust prompt, saw a dialog: ${message}`);
      await wb.clickDialogButton(trust ? "Yes, I trust the authors" : "No, I don't trust the authors");
    },

    // ---- status bar, notifications, CodeLens, webviews ------------------------------------------------------------
    statusBarItem(text) {
      return page.locator(selectors.statusBarItem).filter({ hasText: text });
    },

    async waitStatusBarItem(text, timeout = TIMEOUT) {
      return waitVisible(wb.statusBarItem(text), `status bar item ${text}`, page.locator(selectors.statusBarItem), timeout);
    },

    async statusBarTexts() {
      return page.locator(selectors.statusBarItem).evaluateAll((items) => items.map((i) => i.textContent.trim()).filter(Boolean));
    },

    notification(text) {
      return page.locator(selectors.notificationToast).filter({ has: page.locator(selectors.notificationMessage, { hasText: text }) });
    },

    async waitNotification(text, timeout = TIMEOUT) {
      return waitVisible(wb.notification(text), `notification ${text}`, page.locator(`${selectors.notificationToast} ${selectors.notificationMessage}`), timeout);
    },

    codeLens(title) {
      return page.locator(selectors.codeLens).filter({ hasText: exactly(title) });
    },

    async waitCodeLens(title, timeout = TIMEOUT) {
      return waitVisible(wb.codeLens(title), `CodeLens ${title}`, page.locator(selectors.codeLens), timeout);
    },

    /** The content frame of the (first, or titled) webview: outer iframe.webview -> inner #active-frame. */
    webviewFrame(title) {
      const outer = title ? page.locator(`${selectors.webview}[title="${title}"]`) : page.locator(selectors.webview);
      return outer.first().contentFrame().locator('iframe#active-frame').contentFrame();
    },

    // ---- editor ------------------------------------------------------------------------------------------------
    /** Ctrl+P, type the file name, pick it; waits for its tab to be active. */
    async openFile(fileName) {
      await wb.openQuickInput('Ctrl+P');
      await wb.pickQuickInput(fileName, fileName);
      await wb.waitQuickInputClosed();
      await waitForValue(`the editor tab ${fileName} to be active`, () => page.locator(selectors.activeTab).getAttribute('aria-label').catch(() => ''), (v) => (v ?? '').includes(fileName));
      await waitVisible(page.locator(`${selectors.editor} ${selectors.viewLine}`), `the text of ${fileName}`);
    },

    /** Ctrl+G, line number, Enter; waits for the status bar to show the cursor on that line. */
    async goToLine(line) {
      await wb.openQuickInput('Ctrl+G', ':');
      await page.locator(selectors.quickInputBox).fill(`:${line}`);
      await page.keyboard.press('Enter');
      await wb.waitQuickInputClosed();
      await waitForValue(`the cursor on line ${line}`, () => wb.cursorPosition(), (p) => p?.line === line);
    },

    /** Cursor position as the status bar shows it ("Ln 12, Col 3"), or null. */
    async cursorPosition() {
      const texts = await wb.statusBarTexts();
      for (const text of texts) {
        const match = /Ln (\d+), Col (\d+)(?: \((\d+) selected\))?/.exec(text);
        if (match) return { line: Number(match[1]), column: Number(match[2]), text };
      }
      const cursors = texts.find((t) => /\d+ selections/.test(t));
      return cursors ? { line: null, column: null, text: cursors } : null;
    },

    /** The lines of the active editor that are rendered on screen, top to bottom. */
    async visibleEditorLines() {
      return page.locator(`${selectors.editor} ${selectors.viewLine}`).evaluateAll((lines) => lines
        .map((line) => ({ top: parseFloat(line.style.top) || 0, text: line.textContent.replace(/\u00a0/g, ' ') }))
        .sort((a, b) => a.top - b.top)
        .map((line) => line.text));
    },

    /** Focuses the active editor's text area (the cursor stays where it was). */
    async focusEditor() {
      await page.locator(`${selectors.editor} textarea`).first().focus();
    },

    /** Title of the active editor tab, with the dirty marker seen by a user. */
    async activeTab() {
      const tab = page.locator(selectors.activeTab).first();
      return { label: (await tab.innerText()).trim(), dirty: await tab.evaluate((t) => t.classList.contains('dirty')) };
    },
  };
  return wb;
}
