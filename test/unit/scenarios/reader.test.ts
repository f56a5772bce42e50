import { strict as assert } from 'node:assert';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from '../../../src/cli/run';
import { pythonForLocust, readScenarios, readScenariosSync, scenariosFromReaderOutput, selectionFor, taskNodes, type LocustScenarios, type ScenarioTask } from '../../../src/core/scenarios';
import { fixturePath } from '../fixtures';

// Debian's interpreter, the one /usr/bin/locust runs under (a fresh machine has only that one).
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
const read = (...parts: string[]): LocustScenarios => {
  const path = parts[0].startsWith('/') ? parts[0] : fixturePath(...parts);
  return readScenariosSync(path, readFileSync(path), PYTHON);
};
const user = (result: LocustScenarios, name: string) => {
  const found = result.users.find((u) => u.name === name);
  assert.ok(found, `user ${name} in ${result.users.map((u) => u.name).join(', ')}`);
  return found;
};
const brief = (tasks: readonly ScenarioTask[]): unknown => tasks.map((t) => [t.name, t.weight, t.tags.join(' '), t.tasks.length ? brief(t.tasks) : undefined].filter((v) => v !== undefined));

describe('scenarios: the static locustfile reader on real locustfiles', () => {
  it('reads the sample: one User, its wait_time, five tasks with weights, tags and lines', () => {
    const result = read(join(process.cwd(), 'sample', 'load_testing', 'locustfile.py'));
    assert.equal(result.syntaxError, undefined);
    assert.deepEqual(result.problems, []);
    const website = user(result, 'WebsiteUser');
    assert.equal(website.line, 4);
    assert.equal(website.waitTime, 'between(0.05, 0.2)');
    assert.equal(website.host, null);
    assert.deepEqual(brief(website.tasks), [['home', 5, 'smoke pages'], ['data', 3, 'api'], ['missing', 1, 'broken'], ['quirky_name', 1, 'quirks'], ['boom', 1, 'boom']]);
    // Line of the `def`, below its decorators: what a click reveals.
    const source = readFileSync(join(process.cwd(), 'sample', 'load_testing', 'locustfile.py'), 'utf8').split('\n');
    for (const task of website.tasks) assert.match(source[task.line - 1], new RegExp(`def ${task.name}\\(`));
  });

  it('reads the shared fixtures: the Debian run locustfile as the sample; the shim has no User class', () => {
    const shared = '/work/shared/fixtures/locust/debian-2.12.1';
    const dir = existsSync(shared) ? shared : fixturePath('locust', 'debian-2.12.1');
    const run = read(join(dir, 'locustfile.py'));
    assert.deepEqual(run.users.map((u) => [u.name, u.tasks.length]), [['WebsiteUser', 5]]);
    const shim = read(join(dir, 'locust_shim_for_distributed_test.py'));
    assert.deepEqual(shim.users, []);
    assert.match(shim.problems[0].message, /no User class/);
  });

  it('TaskSets: a tasks list of TaskSet classes, a class-level @tag, a nested @task TaskSet, weight and fixed_count', () => {
    const result = read('locust', 'scenarios', 'tasksets.py');
    const shop = user(result, 'ShopUser');
    assert.deepEqual([shop.weight, shop.host, shop.waitTime], [3, 'http://127.0.0.1:9999', 'between(1, 2)']);
    assert.deepEqual(brief(shop.tasks), [['Browse', 1, '', [['list_items', 4, 'browse'], ['stop', 1, '']]], ['Checkout', 1, 'checkout', [['cart', 1, ''], ['pay', 1, 'pay']]]]);
    assert.ok(shop.tasks.every((t) => t.kind === 'taskset'));
    const nested = user(result, 'NestedUser');
    assert.equal(nested.fixedCount, 2);
    assert.deepEqual(brief(nested.tasks), [['Inner', 2, '', [['ping', 1, 'inner']]]]);
    // A TaskSet's tag reaches its tasks, as Locust's tag filter does.
    const pay = taskNodes(shop).find((n) => n.task.name === 'pay');
    assert.deepEqual(pay?.tags, ['checkout', 'pay']);
    const cart = taskNodes(shop).find((n) => n.task.name === 'cart');
    assert.deepEqual(cart && selectionFor(cart), { tags: ['checkout'], userClasses: ['ShopUser'] });
  });

  it('inheritance through aliases: abstract base, inherited tasks marked, a wait_time method, locust.task and an aliased tag', () => {
    const result = read('locust', 'scenarios', 'inheritance.py');
    const base = user(result, 'Base');
    assert.equal(base.abstract, true);
    const admin = user(result, 'Admin');
    assert.deepEqual(brief(admin.tasks), [['shared', 2, 'base'], ['admin', 1, '']]);
    assert.equal(admin.tasks[0].inherited, 'Base');
    assert.equal(admin.waitTime, null, 'inherited attributes are the base\'s; the reader shows what the class sets');
    assert.equal(user(result, 'Reader').waitTime, 'def wait_time()');
    assert.deepEqual(selectionFor({ kind: 'user', user: base }), { refused: 'Base is abstract: Locust does not run it' });
    assert.deepEqual(result.problems, []);
  });

  it('tasks = {...} dicts and lists: functions resolved to their def line, duplicates kept, an expression weight not evaluated', () => {
    const result = read('locust', 'scenarios', 'tasks_dict.py');
    assert.deepEqual(brief(user(result, 'DictUser').tasks), [['standalone', 3, ''], ["'lambda'", 1, '']]);
    assert.equal(user(result, 'DictUser').tasks[0].line, 4);
    assert.deepEqual(brief(user(result, 'ListUser').tasks), [['standalone', 1, ''], ['standalone', 1, ''], ['lambda user: None', 1, '']]);
    assert.deepEqual(brief(user(result, 'DynamicWeight').tasks), [['standalone', null, '']]);
    const messages = result.problems.map((p) => `${p.line}: ${p.message}`);
    assert.ok(messages.includes('24: task standalone: the weight WEIGHT is an expression; it is not evaluated'), messages.join('\n'));
    assert.ok(messages.includes('28: class Computed: tasks = make_tasks() is not a list or dict literal; its tasks are not listed'));
    assert.ok(messages.includes('27: User class Computed has no tasks (Locust refuses to run it)'));
  });

  it('decorators with arguments: @task(weight=5) under another decorator, dynamic tag expressions shown as dynamic, not guessed', () => {
    const result = read('locust', 'scenarios', 'decorators.py');
    const decorated = user(result, 'DecoratedUser');
    assert.deepEqual(decorated.tasks.map((t) => [t.name, t.weight, t.tags, t.tagsDynamic]), [
      ['home', 5, ['a', 'b'], false],
      ['dynamic', 3, [], true],
      ['mixed', null, ['lit'], true],
      ['not_a_coroutine_user', 1, [], false],
    ]);
    const dynamic = taskNodes(decorated).find((n) => n.task.name === 'dynamic')!;
    const selection = selectionFor(dynamic);
    assert.ok('userClasses' in selection && selection.userClasses[0] === 'DecoratedUser' && selection.tags.length === 0);
    assert.match(String((selection as { widened?: string }).widened), /dynamic/);
    const home = taskNodes(decorated).find((n) => n.task.name === 'home')!;
    assert.deepEqual(selectionFor(home), { tags: ['a', 'b'], userClasses: ['DecoratedUser'] }, 'two argv items, never "a,b"');
    assert.equal(result.problems.filter((p) => /dynamic/.test(p.message)).length, 2);
  });

  it('a syntax error is reported with its line, and nothing else is listed', () => {
    const result = read('locust', 'scenarios', 'syntax_error.py');
    assert.deepEqual(result.users, []);
    assert.equal(result.syntaxError?.line, 6);
    assert.match(result.syntaxError!.message, /^syntax error: /);
  });

  it('no User class is a problem', () => {
    const result = read('locust', 'scenarios', 'no_user.py');
    assert.deepEqual(result.users, []);
    assert.deepEqual(result.problems.map((p) => p.line), [null]);
  });

  it('never runs the file: a locustfile that writes a file and exits when imported is only parsed', () => {
    const marker = '/tmp/execution-tracker-hostile-ran';
    rmSync(marker, { force: true });
    const result = read('locust', 'scenarios', 'hostile.py');
    assert.deepEqual(result.users.map((u) => u.name), ['Hostile']);
    assert.equal(existsSync(marker), false);
  });

  it('odd bytes: NUL bytes, invalid UTF-8, an empty file, deep nesting; each one result, never an exception', () => {
    const nul = readScenariosSync('nul.py', Buffer.from('class A(HttpUser):\0\n'), PYTHON);
    assert.ok(nul.syntaxError, 'NUL bytes are refused by ast.parse');
    assert.ok(readScenariosSync('bad.py', Buffer.from([0x63, 0x6c, 0xff, 0xfe, 0x0a]), PYTHON).syntaxError);
    assert.match(readScenariosSync('empty.py', Buffer.alloc(0), PYTHON).problems[0].message, /no User class/);
    const deep = readScenariosSync('deep.py', Buffer.from(`x = ${'('.repeat(5000)}1${')'.repeat(5000)}\n`), PYTHON);
    assert.ok(deep.syntaxError, 'too deep to parse');
    assert.match(readScenariosSync('big.py', Buffer.alloc(3 * 1024 * 1024, 0x20), PYTHON).problems[0].message, /too large/);
  });

  it('a missing interpreter and a malformed answer are one problem each', async () => {
    const missing = await readScenarios('x.py', Buffer.from('pass\n'), '/nonexistent/python3');
    assert.match(missing.problems[0].message, /was not found/);
    assert.match(scenariosFromReaderOutput('x.py', 'Traceback ...').problems[0].message, /printed no result/);
    assert.match(scenariosFromReaderOutput('x.py', '{"users":[{"line":3}]}').problems[0].message, /unexpected result/);
    const async = await readScenarios('s.py', readFileSync(join(process.cwd(), 'sample', 'load_testing', 'locustfile.py')), PYTHON);
    assert.equal(async.users[0].tasks.length, 5);
  });

  it('finds the interpreter from the Locust launcher\'s #! line', () => {
    if (existsSync('/usr/bin/locust')) assert.equal(pythonForLocust('/usr/bin/locust'), '/usr/bin/python3');
    assert.equal(pythonForLocust('/nonexistent/locust'), 'python3');
    assert.equal(pythonForLocust('sh', '/bin:/usr/bin'), 'python3', 'a binary launcher');
    assert.equal(pythonForLocust(['/opt/venv/bin/python3', '-m', 'locust']), '/opt/venv/bin/python3', 'a command with arguments');
  });

  it('CLI scenarios --json prints the issue\'s shape; exit 1 on a syntax error', () => {
    let out = '';
    const code = runCli(['scenarios', fixturePath('locust', 'scenarios', 'tasksets.py'), '--json', '--python', PYTHON], (t) => (out += t), () => undefined);
    assert.equal(code, 0);
    const json = JSON.parse(out);
    assert.deepEqual(Object.keys(json), ['file', 'users', 'problems']);
    assert.deepEqual(Object.keys(json.users[0]).slice(0, 3), ['name', 'line', 'weight']);
    assert.deepEqual(json.users[0].tasks[1].tasks[1], { name: 'pay', line: 23, weight: 1, tags: ['pay'], kind: 'task' });
    let text = '';
    assert.equal(runCli(['scenarios', fixturePath('locust', 'scenarios', 'syntax_error.py'), '--python', PYTHON], (t) => (text += t), () => undefined), 1);
    assert.match(text, /syntax_error\.py:6: syntax error/);
    let dyn = '';
    runCli(['scenarios', fixturePath('locust', 'scenarios', 'decorators.py'), '--json', '--python', PYTHON], (t) => (dyn += t), () => undefined);
    assert.deepEqual(JSON.parse(dyn).users[0].tasks[1].tags, ['dynamic']);
  });
});
