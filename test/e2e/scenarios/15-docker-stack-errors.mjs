// Scenario 15: what "Start Docker Stack" says when the stack cannot start, against a real engine with Compose
// v1: a compose file that does not parse (compose's message, naming the file; nothing started), a profile no
// service has (nothing started), and a service that exits right after `up` (its exit code and last log lines).
// The engine-not-running case is in scenario 9.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '../lib/codeServer.mjs';
import { answerStackChooser } from '../helpers/stack.mjs';
import { commandTitle, EXTENSION_ID } from '../helpers/tracker.mjs';


export default {
  name: 'docker-stack-errors',
  timeout: 300_000,
  docker: true,
  env: async () => ({ WEB_PORT: String(await freePort()), PGBOUNCER_PORT: String(await freePort()), COMPOSE_PROJECT_NAME: `eterr${process.pid}${Date.now() % 100000}` }),
  async run({ page, wb, api, step, docker, env, workspaceDir, screenshot }) {
    const project = env.COMPOSE_PROJECT_NAME;
    const containers = async () => (await docker.docker(['ps', '-a', '--filter', `label=com.docker.compose.project=${project}`, '--format', '{{.Names}}'])).stdout.split('\n').filter(Boolean);
    const choose = async (files, profile) => {
      await api.one({ op: 'executeCommand', command: 'notifications.clearAll' });
      await wb.runCommand(commandTitle('executionTracker.chooseStack'));
      await answerStackChooser(page, wb, { files, type: profile });
      await api.one({ op: 'executeCommand', command: 'notifications.clearAll' });
    };
    const start = async () => {
      await wb.runCommand(commandTitle('executionTracker.startStack'));
    };

    await step('the extension host is up (its status bar item shows; slow on a loaded machine)', async () => {
      await wb.waitExtensionHost();
    });

    await step('the extension is active', async () => {
      const info = await api.one({ op: 'extension', id: EXTENSION_ID, activate: true, waitActiveMs: 20_000 });
      assert.equal(info.isActive, true);
    });

    await step('a compose file that does not parse: compose\'s own message names the file; nothing is started', async () => {
      writeFileSync(join(workspaceDir, 'docker-compose-broken.yml'), 'services:\n  web: [\n');
      await choose(['docker-compose.yml', 'docker-compose-broken.yml']);
      await start();
      const toast = await wb.waitNotification(/compose cannot read the stack \(docker-compose\.yml, docker-compose-broken\.yml\)/, 60_000);
      const text = await toast.innerText();
      assert.match(text, /docker-compose-broken\.yml", line 3/, `the file and line in "${text}"`);
      assert.doesNotMatch(text, /Traceback/);
      await screenshot('bad-yaml');
      assert.deepEqual(await containers(), [], 'no container was created');
    });

    await step('a profile no service has: named with the profiles there are; nothing is started', async () => {
      await choose(['docker-compose.yml'], 'nosuch');
      await start();
      const toast = await wb.waitNotification(/no service of docker-compose\.yml has the profile nosuch \(profiles there: celery, distributed\)/, 60_000);
      assert.ok(await toast.isVisible());
      assert.deepEqual(await containers(), [], 'no container was created');
    });

    await step('a service that exits right after up: its exit code and its last log lines', async () => {
      writeFileSync(join(workspaceDir, 'docker-compose-migrate.yml'), [
        'services:',
        '  migrate:',
        '    build: ./stack/image',
        '    image: execution-tracker-sample:1',
        '    network_mode: host',
        '    volumes: [/usr:/usr:ro, /etc:/etc:ro]',
        '    command: ["/usr/bin/python3", "-c", "import sys; print(\'migrate: connecting\'); print(\'migrate: FATAL: role app does not exist\'); sys.exit(3)"]',
        '',
      ].join('\n'));
      await choose(['docker-compose.yml', 'docker-compose-migrate.yml']);
      await start();
      const toast = await wb.waitNotification(/the Docker stack did not come up: migrate exited \(code 3\)/, 240_000);
      const text = await toast.innerText();
      assert.match(text, /Its last lines: migrate: connecting ⏎ migrate: FATAL: role app does not exist/);
      await screenshot('exited');
      const down = await docker.compose(['-f', 'docker-compose.yml', '-f', 'docker-compose-migrate.yml', 'down', '-t', '1'], { cwd: workspaceDir, env });
      assert.equal(down.code, 0, down.stderr);
      assert.deepEqual(await containers(), []);
    });
  },
};
