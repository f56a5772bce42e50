import { strict as assert } from 'node:assert';
import { readdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import { DEFAULT_CSV_PREFIX_TEMPLATE, definesUserClass, fillCsvPrefixTemplate, findLocustTags, findUserClasses, nextRunVersion } from '../../../src/core/launch';
import { parseTracker } from '../../../src/core/tracker/parse';
import { fixturePath, readFixture, seedTracker } from '../fixtures';

describe('CSV prefix suggestion', () => {
  it('next version after the highest in result files and tracker run labels', () => {
    assert.equal(nextRunVersion(['hasil_test_v39_100u_r4_pool140_core_only_stats.csv', 'x/hasil_test_v40_100u_stats.csv', 'run1_stats.csv'], []), 41);
    assert.equal(nextRunVersion([], ['v26b', null, 'Full Load Test v47 (core)']), 48);
    assert.equal(nextRunVersion([], []), 1);
    const seed = parseTracker(seedTracker());
    const fromSeed = nextRunVersion([], seed.runs.map((r) => r.label));
    assert.ok(fromSeed > 40, `seed tracker runs reach v40+ (got next ${fromSeed})`);
  });

  it('fills the default template in the team naming scheme', () => {
    assert.deepEqual(fillCsvPrefixTemplate(DEFAULT_CSV_PREFIX_TEMPLATE, { version: 49, users: 200, spawnRate: 4 }), { prefix: 'hasil_test_v49_200u_r4' });
    assert.deepEqual(fillCsvPrefixTemplate('run_{date}_{tags}', { date: '2026-01-14', tags: 'api page' }), { prefix: 'run_2026-01-14_api-page' });
    assert.deepEqual(fillCsvPrefixTemplate('t_v{version}_{users}u', { version: 3 }), { prefix: 't_v3_u' });
  });

  it('unknown placeholders and hostile templates are errors, never a prefix', () => {
    assert.match((fillCsvPrefixTemplate('x_{nope}', {}) as { error: string }).error, /\{nope\}/);
    assert.ok('error' in fillCsvPrefixTemplate('../../etc/x', {}));
    assert.ok('error' in fillCsvPrefixTemplate('${env:HOME}', {}));
    assert.ok('prefix' in fillCsvPrefixTemplate('a_{users}', { users: '$(id); rm -rf /' }));
    assert.equal((fillCsvPrefixTemplate('a_{users}', { users: '$(id); rm -rf /' }) as { prefix: string }).prefix, 'a_-id-rm--rf');
  });
});

describe('locustfile reading', () => {
  const fixture = readFixture('locust', 'debian-2.12.1', 'locustfile.py');

  it('tags of the fixture locustfile in order', () => {
    assert.deepEqual(findLocustTags(fixture), ['smoke', 'pages', 'api', 'broken', 'quirks', 'boom']);
    assert.deepEqual(findLocustTags(`@tag('a', "b")\n@locust.tag( 'c' )\n@tag()\n# @tag("d") counts too: comments are not parsed`), ['a', 'b', 'c', 'd']);
  });

  it('user classes', () => {
    assert.deepEqual(findUserClasses(fixture), ['WebsiteUser']);
    assert.ok(definesUserClass(fixture));
    assert.deepEqual(findUserClasses('class A(FastHttpUser):\nclass B(locust.User, Mixin):\nclass C(TaskSet):\nclass D(HttpLocust):\n'), ['A', 'B', 'D']);
    assert.equal(definesUserClass('class A(HttpUser):\n  pass\n'), false, 'no locust import: not a locustfile');
  });
});

describe('fixture directory sanity', () => {
  it('has the Debian runs used by the launch tests', () => {
    assert.ok(readdirSync(fixturePath('locust', 'debian-2.12.1')).includes('run3_comma_tags'));
  });
});

describe('compose profiles', () => {
  it('inline and block lists, quotes and comments', async () => {
    const { findComposeProfiles } = await import('../../../src/core/launch');
    const yaml = ['services:', '  worker:', '    profiles: ["celery", beat] # workers', '  flower:', '    profiles:', '      - celery', "      - 'monitoring'", '    image: x', '  bad:', '    profiles: [$(id)]'].join('\n');
    assert.deepEqual(findComposeProfiles(yaml), ['celery', 'beat', 'monitoring']);
  });
});
