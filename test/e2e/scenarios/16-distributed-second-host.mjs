// Scenario 16: workers on a second host. The test makes that host itself: a network namespace joined to this
// one by a veth pair, with a /30 of 10.213.x.0 on the pair only (nothing else is routed; traffic stays between
// the test's two ends). The wizard binds the master to this end's address, shows the worker command for other
// machines with a Copy button, and waits; two workers started inside the namespace with exactly the copied
// command connect across the pair; the run ends with both. The namespace and the pair are removed at the end.
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { randomInt } from 'node:crypto';
import { join } from 'node:path';
import { aggregatedRequests, extensionReady, killLeftoversOnCleanup, makeLocustWrapper, noLocustLeft, prepareWorkspace, runDistributedWizard, startCountingTarget } from '../lib/distributed.mjs';
import { onCleanup, spawnTracked, stopTracked } from '../lib/processes.mjs';
import { waitForValue } from '../helpers/workbench.mjs';
import { EXTENSION_ID } from '../helpers/tracker.mjs';

// stderr is kept for the error a failing call throws, not printed: the cleanup's second `netns del` is expected to fail.
const ip = (...args) => execFileSync('ip', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/** A namespace with one veth pair and a /30 of our own on it; removed on cleanup. */
function makeSecondHost() {
  const tag = randomInt(0x1000, 0xffff).toString(16);
  const ns = `et13-${tag}`;
  const hostEnd = `et13h${tag}`;
  const nsEnd = `et13n${tag}`;
  const used = ip('-4', '-o', 'addr', 'show');
  let octet;
  do octet = randomInt(1, 255); while (used.includes(`10.213.${octet}.`));
  const hostAddress = `10.213.${octet}.1`;
  const nsAddress = `10.213.${octet}.2`;
  const remove = () => {
    try {
      ip('netns', 'del', ns); // takes the pair with it
    } catch {
      // already gone
    }
  };
  onCleanup(remove);
  ip('netns', 'add', ns);
  ip('link', 'add', hostEnd, 'type', 'veth', 'peer', 'name', nsEnd);
  ip('link', 'set', nsEnd, 'netns', ns);
  ip('addr', 'add', `${hostAddress}/30`, 'dev', hostEnd);
  ip('link', 'set', hostEnd, 'up');
  ip('netns', 'exec', ns, 'ip', 'addr', 'add', `${nsAddress}/30`, 'dev', nsEnd);
  ip('netns', 'exec', ns, 'ip', 'link', 'set', nsEnd, 'up');
  ip('netns', 'exec', ns, 'ip', 'link', 'set', 'lo', 'up');
  return { ns, hostEnd, hostAddress, nsAddress, remove };
}

export default {
  name: 'distributed-second-host',
  permissions: ['clipboard-read', 'clipboard-write'],
  timeout: 300_000,
  // The settings (the wrapper as the Locust command) are written before VS Code opens the folder: a
  // settings.json written later is read a moment after, and a wizard started in between probes Debian's Locust.
  prepare({ workspaceDir }) {
    const wrapper = makeLocustWrapper();
    prepareWorkspace(workspaceDir, wrapper);
    return { wrapper };
  },
  async run(ctx) {
    const { wb, api, step, workspaceDir, screenshot, prepared: { wrapper } } = ctx;
    killLeftoversOnCleanup(wrapper);
    const second = makeSecondHost();
    const target = await startCountingTarget(second.hostAddress);
    const workers = [];

    await step(`the second host answers across the pair (${second.nsAddress} -> ${second.hostAddress})`, async () => {
      // Asynchronous: the target answering it lives in this very process.
      const { stdout } = await promisify(execFile)('ip', ['netns', 'exec', second.ns, '/usr/bin/python3', '-c', `import urllib.request; print(urllib.request.urlopen(${JSON.stringify(target.url)}, timeout=10).read().decode())`], { encoding: 'utf8', timeout: 20_000 });
      assert.equal(stdout.trim(), 'ok');
      const info = await extensionReady(ctx, EXTENSION_ID);
      assert.equal(info.isActive, true);
    });

    let prefix;
    let command;
    await step('the wizard binds the master to this end\'s address, no worker here; it shows the worker command with Copy', async () => {
      prefix = await runDistributedWizard(ctx, { host: target.url, users: 2, runTime: '10s', workers: 2, address: second.hostAddress, localWorkers: 0 });
      const offer = await wb.waitNotification(/start 2 worker\(s\) on the other machines/, 30_000);
      await wb.waitNotification(/0 of 2 workers connected; waiting for the rest/, 30_000);
      await screenshot('worker-command');
      await offer.locator('.monaco-button', { hasText: 'Copy worker command' }).click();
      await wb.waitNotification(/the worker command is on the clipboard/);
      command = (await api.one({ op: 'clipboard' })).text;
      assert.match(command, new RegExp(`--worker --master-host ${second.hostAddress.replaceAll('.', '\\.')} --master-port \\d+$`));
      assert.ok(command.startsWith(`/usr/bin/python3 ${wrapper.path} -f load_testing/workers_locustfile.py`), command);
      assert.ok(!/['"\\]/.test(command), 'nothing quoted, so splitting on spaces gives the argv');
    });

    await step('two workers started inside the namespace with the copied command connect across the pair', async () => {
      for (let i = 0; i < 2; i++) {
        const child = spawnTracked('ip', ['netns', 'exec', second.ns, ...command.split(' ')], { cwd: workspaceDir, stdio: 'ignore' });
        workers.push(child);
      }
      await wb.waitNotification(/2 of 2 workers connected; the test is running/, 60_000);
      await screenshot('connected');
    });

    await step('the run ends on its own with both remote workers; the CSV aggregates them', async () => {
      await wb.waitNotification(new RegExp(`Load test ${prefix} finished with 2 workers`), 90_000);
      const requests = aggregatedRequests(join(workspaceDir, `${prefix}_stats.csv`));
      const pids = [...target.byPid.entries()].filter(([pid]) => pid !== 'none');
      assert.equal(pids.length, 2, JSON.stringify(pids));
      assert.ok(requests > 0 && requests <= target.total());
      await waitForValue('the remote workers to exit (the master told them to quit)', () => workers.every((w) => w.exitCode !== null || w.signalCode !== null), (done) => done, { timeout: 30_000 });
      assert.deepEqual(workers.map((w) => w.exitCode), [0, 0]);
      console.log(`#   figures: second host ${requests} requests in the CSV, ${target.total()} at the server, per worker ${pids.map(([, c]) => c).join(' + ')}`);
    });

    await step('nothing left: no Locust process, the namespace and the pair removed', async () => {
      for (const w of workers) await stopTracked(w);
      await noLocustLeft(wrapper);
      await target.close();
      second.remove();
      assert.ok(!ip('netns', 'list').includes(second.ns));
      assert.ok(!ip('-o', 'link', 'show').includes(second.hostEnd));
    });
  },
};
