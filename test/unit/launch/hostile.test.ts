// Hostile and malformed values: every one is refused with a one-line message naming the field, or (where it is
// a legitimate value, like a tag with odd characters is not) passed through as exactly one argv item.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import {
  buildComposeCommand,
  buildLocustCommand,
  buildPytestCommand,
  durationProblem,
  hostProblem,
  LaunchInputError,
  nameProblem,
  spawnRateProblem,
  usersProblem,
} from '../../../src/core/launch';

const HOSTILE = [
  '; rm -rf /',
  '$(id)',
  '`id`',
  '"quoted"',
  "'single'",
  'a\nb',
  'a\r\nb',
  'a\u0000b',
  '${env:HOME}',
  '${command:workbench.action.terminal.new}',
  '${workspaceFolder}/x',
  'x'.repeat(10_000),
  '',
  '   ',
  '--help',
  '-f',
];

function refused(fn: () => unknown, field: string, value: string): void {
  assert.throws(
    fn,
    (error: unknown) => {
      assert.ok(error instanceof LaunchInputError, `${field}=${JSON.stringify(value.slice(0, 30))}: expected LaunchInputError, got ${String(error)}`);
      assert.equal(error.field.split('.')[0], field);
      assert.ok(!/[\r\n]/.test(error.message), 'message is one line');
      assert.ok(error.message.length < 400, 'message is short even for very long values');
      return true;
    },
    `${field}=${JSON.stringify(value.slice(0, 30))} should be refused`,
  );
}

describe('hostile values are refused in every locust field', () => {
  const fields = ['locustfile', 'host', 'users', 'spawnRate', 'runTime', 'tags', 'excludeTags', 'userClasses', 'csvPrefix', 'workers', 'masterPort', 'composeService'];
  for (const field of fields) {
    it(field, () => {
      for (const value of HOSTILE) {
        // Empty optional values mean "not given"; a required locustfile must still be there.
        if (value.trim() === '' && field !== 'locustfile') continue;
        const def: Record<string, unknown> = { locustfile: 'locustfile.py', [field]: value };
        if (field === 'masterPort') def.role = 'master';
        if (field === 'masterPort') def.workers = 2;
        refused(() => buildLocustCommand(def), field, value);
      }
    });
  }

  it('env values with ${, newlines or NUL; bad env names', () => {
    for (const value of ['${env:HOME}', 'a\nb', 'a\u0000b', 'x'.repeat(10_000)]) refused(() => buildLocustCommand({ locustfile: 'l.py', env: { LOCUST_X: value } }), 'env', value);
    for (const name of ['A B', '1X', 'X;rm', '${X}']) refused(() => buildLocustCommand({ locustfile: 'l.py', env: { [name]: '1' } }), 'env', name);
  });

  it('non-text values from tasks.json are refused, not stringified', () => {
    refused(() => buildLocustCommand({ locustfile: { toString: () => 'x' } }), 'locustfile', 'object');
    refused(() => buildLocustCommand({ locustfile: 'l.py', tags: [1, 2] }), 'tags', 'numbers');
    refused(() => buildLocustCommand({ locustfile: 'l.py', fullHistory: 'yes' }), 'fullHistory', 'yes');
  });
});

describe('numbers are numbers', () => {
  it('users: whole and at least 1', () => {
    for (const bad of ['-1', '0', '1.5', '2.0', '1e3', '0x10', 'ten', '+5', '1 0', 'Infinity', 'NaN', '10000001']) assert.ok(usersProblem(bad), bad);
    for (const good of ['1', '200', ' 50 ']) assert.equal(usersProblem(good), undefined, good);
    assert.throws(() => buildLocustCommand({ locustfile: 'l.py', users: -5 }), /users/);
    assert.throws(() => buildLocustCommand({ locustfile: 'l.py', users: 2.5 }), /users/);
    assert.throws(() => buildLocustCommand({ locustfile: 'l.py', users: Number.NaN }), /users/);
  });

  it('spawn rate: above zero, fractions allowed', () => {
    for (const bad of ['0', '0.0', '-1', '.5', 'fast', '1/s']) assert.ok(spawnRateProblem(bad), bad);
    for (const good of ['0.5', '4', '10.25']) assert.equal(spawnRateProblem(good), undefined, good);
  });

  it("durations in Locust's syntax", () => {
    for (const good of ['10m', '1h30m', '45s', '1h', '2h0m5s', '300']) assert.equal(durationProblem(good), undefined, good);
    for (const bad of ['0s', '0', '10 m', '1.5h', '30m1h', '10min', '1d', 'm', '-5s', '10ms']) assert.ok(durationProblem(bad), bad);
  });

  it('hosts are http(s) URLs', () => {
    for (const good of ['http://127.0.0.1:8000', 'https://staging.example.com/base']) assert.equal(hostProblem(good), undefined, good);
    for (const bad of ['127.0.0.1:8000', 'ftp://x', 'http://', 'javascript:alert(1)', 'http://user:pw@host', 'http://a b']) assert.ok(hostProblem(bad), bad);
  });

  it('names are names', () => {
    for (const good of ['celery', 'locust-worker', 'api_v2', 'phase1', 'WebsiteUser']) assert.equal(nameProblem(good), undefined, good);
    for (const bad of ['-x', 'a b', 'a;b', 'a/b', '$x', '']) assert.ok(nameProblem(bad), bad);
  });
});

describe('compose and pytest refuse hostile values', () => {
  it('compose', () => {
    for (const value of HOSTILE.filter((v) => v.trim() !== '')) {
      refused(() => buildComposeCommand({ action: 'up', files: [value] }), 'files', value);
      refused(() => buildComposeCommand({ action: 'up', profiles: [value] }), 'profiles', value);
      refused(() => buildComposeCommand({ action: 'up', services: [value] }), 'services', value);
      refused(() => buildComposeCommand({ action: 'up', envFile: value }), 'envFile', value);
    }
    refused(() => buildComposeCommand({ action: 'up; rm -rf /' }), 'action', 'action');
  });

  it('pytest: args may be anything a user passes to pytest, except what VS Code or a terminal would misread', () => {
    // Shell characters are plain text in argv: no shell ever sees them.
    assert.deepEqual(buildPytestCommand({ args: ['; rm -rf /', '$(id)', '`id`'] }).args, ['; rm -rf /', '$(id)', '`id`']);
    for (const value of ['${env:HOME}', '${command:x}', 'a\nb', 'a\u0000b', 'x'.repeat(10_000)]) refused(() => buildPytestCommand({ args: [value] }), 'args', value);
    refused(() => buildPytestCommand({ composeService: '; rm -rf /' }), 'composeService', 'x');
    refused(() => buildPytestCommand({ coverage: '$(id)' }), 'coverage', 'x');
  });
});
