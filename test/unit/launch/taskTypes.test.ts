import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from '../../../src/cli/run';
import { isTaskType, LaunchInputError, manifestTaskDefinitions, TASK_TYPE_NAMES, TASK_TYPES, taskTypeOf } from '../../../src/core/launch';

const root = process.cwd();
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { contributes: { taskDefinitions: unknown[]; problemMatchers: Array<{ name: string }> } };
const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

// A definition of each type that builds, so every type is exercised through its descriptor.
const SAMPLE: Record<string, Record<string, unknown>> = {
  compose: { action: 'up', files: ['docker-compose.yml'] },
  pytest: { args: ['tests'] },
  locust: { locustfile: 'locustfile.py', users: 2 },
};

describe('task-type descriptor', () => {
  it('package.json taskDefinitions are exactly the descriptor (same types, properties, schemas, required)', () => {
    assert.deepEqual(manifest.contributes.taskDefinitions, manifestTaskDefinitions());
  });

  it('each type builds through its descriptor, names a contributed matcher, and has a sample here', () => {
    const matchers = manifest.contributes.problemMatchers.map((m) => m.name);
    assert.deepEqual(Object.keys(SAMPLE).sort(), [...TASK_TYPE_NAMES].sort());
    for (const type of TASK_TYPE_NAMES) {
      const line = TASK_TYPES[type].build(SAMPLE[type], {});
      assert.ok(line.command.length > 0 && Array.isArray(line.args), type);
      assert.ok(matchers.includes(TASK_TYPES[type].problemMatcher), `${type}: matcher ${TASK_TYPES[type].problemMatcher}`);
      for (const required of TASK_TYPES[type].required) assert.ok(required in TASK_TYPES[type].properties, `${type}.${required} is a property`);
    }
  });

  it('an unknown type is refused with its name, never built as another type', () => {
    assert.equal(isTaskType('pytest'), true);
    assert.equal(isTaskType('toString'), false, 'no prototype keys');
    assert.equal(isTaskType('shell'), false);
    assert.throws(
      () => taskTypeOf({ type: 'shell' }),
      (error: unknown) => error instanceof LaunchInputError && error.field === 'type' && /expected one of compose, pytest, locust, got "shell"/.test(error.message),
    );
  });

  it('the settings environment goes under a locust task\'s own, and a non-object env is still refused', () => {
    const line = TASK_TYPES.locust.build({ locustfile: 'l.py', env: { B: '2', A: 'task' } }, { env: { A: 'settings', C: '3' } });
    assert.deepEqual(line.env, { A: 'task', C: '3', B: '2' });
    assert.throws(() => TASK_TYPES.locust.build({ locustfile: 'l.py', env: 'A=1' }, { env: { C: '3' } }), (error: unknown) => error instanceof LaunchInputError && error.field === 'env');
  });

  it('background, test group and report files follow the type', () => {
    assert.equal(TASK_TYPES.locust.isBackground({}), true);
    assert.equal(TASK_TYPES.compose.isBackground({ action: 'up' }), false);
    assert.equal(TASK_TYPES.compose.isBackground({ action: 'up', detached: false }), true);
    assert.equal(TASK_TYPES.compose.isBackground({ action: 'logs' }), true);
    assert.deepEqual(TASK_TYPE_NAMES.filter((type) => TASK_TYPES[type].testGroup), ['pytest']);
    assert.equal(TASK_TYPES.pytest.wantsReportFiles({}), true);
    assert.equal(TASK_TYPES.pytest.wantsReportFiles({ composeService: 'web' }), false);
  });

  it('every property with a flag is a CLI option of its type (and is in the usage)', () => {
    const help = (() => {
      let out = '';
      runCli(['--help'], (t) => (out += t), () => undefined);
      return out;
    })();
    for (const type of TASK_TYPE_NAMES) {
      const { properties, cli } = TASK_TYPES[type];
      for (const [name, property] of Object.entries(properties)) {
        if (!property.flag) continue;
        let stderr = '';
        const flag = `--${kebab(name)}`;
        const args = property.flag === 'bool' ? [flag] : property.flag === 'pairs' ? [flag, 'X=1'] : [flag, 'x'];
        runCli(['command', type, ...args, '--json'], () => undefined, (t) => (stderr += t));
        assert.doesNotMatch(stderr, /unknown option/, `${type} ${flag}`);
        if (name !== cli.positional && name !== cli.rest) assert.ok(help.includes(flag), `usage names ${flag}`);
      }
    }
  });
});
