// The runs the sample tracker (sample/MASTER_EXECUTION_TRACKER.md) summarises, with the numbers it states: each
// entry's `aggregated` and the endpoint values marked "tracker" are copied from its text (line numbers below);
// the rest are plausible fill-ins of the same kind. Names follow the team's scheme; where the tracker cites a
// CSV, its name is that one.

const HOST = 'http://localhost:8000';
const http500 = (name) => `HTTPError('500 Server Error: Internal Server Error for url: ${name}')`;
const LOGIN_GET = '[AUTH] Get Login Page';
const LOGIN_POST = '[AUTH] Login POST';
const RATE_LIMITED = "CatchResponseError('login failed: Terlalu banyak percobaan masuk yang gagal. Coba lagi nanti.')";

/** The core-only task set (tags api page phase1 phase2): [name, method, weight, median ms, P95 ms, bytes]. */
const CORE = [
  ['/dashboard/', 'GET', 12, 70, 180, 48213],
  ['/api/v2/project/[id]/chart-data/', 'GET', 12, 60, 160, 18422],
  ['/api/v2/project/[id]/kurva-s-data/', 'GET', 12, 70, 190, 26110],
  ['/api/v2/project/[id]/kurva-s-harga/', 'GET', 8, 45, 120, 9342],
  ['/api/v2/project/[id]/assignments/', 'GET', 10, 40, 130, 12877],
  ['/api/v2/project/[id]/rekap-kebutuhan-weekly/', 'GET', 8, 55, 150, 15520],
  ['/detail_project/[id]/list-pekerjaan/', 'GET', 8, 65, 170, 61245],
  ['/detail_project/[id]/rincian-ahsp/', 'GET', 7, 60, 160, 54310],
  ['/detail_project/[id]/rekap-rab/', 'GET', 7, 70, 190, 58806],
  ['/detail_project/[id]/template-ahsp/', 'GET', 5, 55, 150, 40127],
  ['/api/project/[id]/rekap-kebutuhan/validate/', 'GET', 6, 50, 140, 2210],
  ['/api/project/[id]/tahapan/unassigned/', 'GET', 5, 45, 130, 6018],
];

/**
 * One run: the login pair (one GET and one POST per user) plus `set` endpoints sharing what is left of
 * `requests` by weight. `overrides` change an endpoint by name: {medianMs, p95Ms, failures, errors, requests}.
 */
function run({ prefix, users, spawnRate = 4, durationS, aggregated, day, set = CORE, login = {}, overrides = {}, extraEndpoints = [], html = false, fullHistory = false, logins = users }) {
  const endpoints = [
    { name: LOGIN_GET, method: 'GET', requests: logins, failures: 0, medianMs: 1100, p95Ms: 2100, sizeBytes: 7310, login: true, ...login.get },
    { name: LOGIN_POST, method: 'POST', requests: logins, failures: 0, medianMs: 700, p95Ms: 1800, sizeBytes: 48213, login: true, ...login.post },
  ];
  const rows = [...set, ...extraEndpoints];
  const fixed = endpoints.reduce((sum, e) => sum + e.requests, 0) + rows.reduce((sum, r) => sum + (overrides[r[0]]?.requests ?? 0), 0);
  const weighted = rows.filter((r) => overrides[r[0]]?.requests === undefined);
  const weightSum = weighted.reduce((sum, r) => sum + r[2], 0);
  let left = aggregated.requests - fixed;
  weighted.forEach((r, i) => {
    const share = i === weighted.length - 1 ? left : Math.round(((aggregated.requests - fixed) * r[2]) / weightSum);
    left -= share;
    overrides[r[0]] = { requests: share, ...overrides[r[0]] };
  });
  for (const [name, method, , medianMs, p95Ms, sizeBytes] of rows) endpoints.push({ name, method, failures: 0, medianMs, p95Ms, sizeBytes, ...overrides[name] });
  if (weighted.length === 0 && left !== 0) throw new Error(`${prefix}: the endpoints add up to ${fixed} requests, the tracker says ${aggregated.requests}`);
  const failures = endpoints.reduce((sum, e) => sum + e.failures, 0);
  if (failures !== aggregated.failures) throw new Error(`${prefix}: endpoint failures add up to ${failures}, the tracker says ${aggregated.failures}`);
  const rps = aggregated.rps ?? null;
  return {
    prefix, users, spawnRate, host: HOST, html, fullHistory, aggregated,
    // Locust has no entry for a request that never ran.
    endpoints: endpoints.filter((e) => e.requests > 0),
    durationS: rps ? aggregated.requests / rps : durationS,
    startEpoch: Math.floor(Date.parse(`${day}Z`) / 1000),
    taskRatios: { per_class: { CoreUser: { ratio: 1.0, tasks: Object.fromEntries(rows.map((r) => [r[0], { ratio: weightSum ? r[2] / weightSum : 0 }])) } } },
  };
}

const loginFailures = (failures, errors = [[http500(LOGIN_POST), failures]]) => ({ failures, errors });
const pages500 = (names, total) => Object.fromEntries(names.map((name, i) => {
  const failures = Math.floor(total / names.length) + (i < total % names.length ? 1 : 0);
  return [name, { failures, errors: [[http500(name), failures]] }];
}));
const slow = (medianMs, p95Ms) => ({ medianMs, p95Ms });
const AUTH_ONLY = [];
const EXPORTS = [
  ['/api/project/[id]/export/rekap-kebutuhan/pdf/', 'GET', 2, 4200, 21000, 183412],
  ['/api/project/[id]/export/rekap-kebutuhan/xlsx/', 'GET', 2, 3100, 16000, 96120],
];
// Before the PgBouncer fix (v19-v24) every page waited on the pool: seconds, not milliseconds.
const QUEUED = Object.fromEntries(CORE.map(([name, , , m, p]) => [name, slow(m * 40, p * 90)]));

export const RUNS = [
  // line 72: "Latest Evidence (v18 Load Test)": 7,064 requests, 0.64% failures, P95 2.1s, P99 19s, RPS 23.6; login 45/100 HTTP 500.
  run({ prefix: 'hasil_test_v18_100u', users: 100, day: '2026-01-11T03:10:00', html: true, aggregated: { requests: 7064, failures: 45, p95Ms: 2100, p99Ms: 19000, rps: 23.6 }, login: { post: { ...loginFailures(45), medianMs: 6800, p95Ms: 21000 }, get: slow(1900, 4800) } }),
  // line 76: auth probe (20 users, 60 s): 117 requests, 0 failures, P95 2.9s; login 20/20, avg ~919 ms.
  run({ prefix: 'hasil_test_auth_probe_20u', users: 20, spawnRate: 2, durationS: 60, day: '2026-01-11T04:00:00', set: [['/dashboard/', 'GET', 1, 900, 2900, 48213]], aggregated: { requests: 117, failures: 0, p95Ms: 2900 }, login: { post: slow(850, 1600), get: slow(700, 2400) } }),
  // line 90: 50 users, 120 s: 825 requests, 0 failures, P95 2.1s, P99 57s; login 42 requests, avg ~13.3 s, max ~59 s.
  run({ prefix: 'hasil_test_auth_probe_50u', users: 50, spawnRate: 5, durationS: 120, day: '2026-01-11T05:00:00', logins: 42, aggregated: { requests: 825, failures: 0, p95Ms: 2100, p99Ms: 57000 }, login: { post: slow(9000, 52000), get: slow(900, 2100) } }),
  // line 97: after PgBouncer tuning: 1,100 requests, 28 failures; login 50 requests, 28 failures (26 page returned, 2 HTTP 500).
  run({ prefix: 'hasil_test_auth_probe_50u_after_pgbouncer', users: 50, spawnRate: 5, durationS: 120, day: '2026-01-11T06:00:00', aggregated: { requests: 1100, failures: 28, p95Ms: 2100, p99Ms: 3800 }, login: { post: { ...loginFailures(28, [["CatchResponseError('login page returned')", 26], ["CatchResponseError('login server error: 500')", 2]]), medianMs: 1500, p95Ms: 4500 } } }),
  // lines 105-106: auth-only A/B: every login POST rate-limited (39/39 and 32/32).
  run({ prefix: 'hasil_test_auth_only_50u_single', users: 50, spawnRate: 5, durationS: 60, day: '2026-01-11T07:00:00', set: AUTH_ONLY, logins: 50, aggregated: { requests: 89, failures: 39 }, login: { post: { requests: 39, ...loginFailures(39, [[RATE_LIMITED, 39]]), medianMs: 180, p95Ms: 420 } } }),
  run({ prefix: 'hasil_test_auth_only_50u_multi', users: 50, spawnRate: 5, durationS: 60, day: '2026-01-11T07:10:00', set: AUTH_ONLY, logins: 50, aggregated: { requests: 82, failures: 32 }, login: { post: { requests: 32, ...loginFailures(32, [[RATE_LIMITED, 32]]), medianMs: 190, p95Ms: 450 } } }),
  // lines 110-117: rate limits disabled: 66 requests (login POST 16, avg ~11.5 s) and 50 requests (no POST at all).
  run({ prefix: 'hasil_test_auth_only_50u_single_nolimit', users: 50, spawnRate: 5, durationS: 60, day: '2026-01-11T07:30:00', set: AUTH_ONLY, aggregated: { requests: 66, failures: 0 }, login: { post: { requests: 16, medianMs: 11500, p95Ms: 13000 } } }),
  run({ prefix: 'hasil_test_auth_only_50u_multi_nolimit', users: 50, spawnRate: 5, durationS: 60, day: '2026-01-11T07:40:00', set: AUTH_ONLY, aggregated: { requests: 50, failures: 0 }, login: { post: { requests: 0 } } }),
  // line 121: v2: 100 requests, 20 failures; login POST 50 requests, 20 HTTP 500, avg ~50.6 s, P95 ~121 s.
  run({ prefix: 'hasil_test_auth_only_50u_multi_nolimit_v2', users: 50, spawnRate: 5, durationS: 180, day: '2026-01-11T08:00:00', set: AUTH_ONLY, aggregated: { requests: 100, failures: 20 }, login: { post: { ...loginFailures(20), medianMs: 42000, p95Ms: 121000 } } }),
  // line 126: v3 (pool 100/20): 100 requests, 0 failures; login POST avg ~795 ms, P95 ~1.1 s.
  run({ prefix: 'hasil_test_auth_only_50u_multi_nolimit_v3_pool100', users: 50, spawnRate: 5, durationS: 60, day: '2026-01-11T08:30:00', set: AUTH_ONLY, aggregated: { requests: 100, failures: 0 }, login: { post: slow(760, 1100) } }),
  // lines 131-153: v19 variants, Login POST 100 requests each with HTTP 500s; non-auth 500s on core pages.
  run({ prefix: 'hasil_test_v19_100u_nolimit', users: 100, durationS: 300, day: '2026-01-11T09:00:00', set: AUTH_ONLY, aggregated: { requests: 200, failures: 80 }, login: { post: { ...loginFailures(80), medianMs: 88000, p95Ms: 128000 }, get: slow(2600, 9000) } }),
  run({ prefix: 'hasil_test_v19_100u_nolimit_pool100', users: 100, durationS: 300, day: '2026-01-11T09:30:00', aggregated: { requests: 3838, failures: 221 }, login: { post: { ...loginFailures(64), medianMs: 60000, p95Ms: 120000 }, get: slow(2600, 9000) }, overrides: { ...QUEUED, ...pages500(['/dashboard/', '/api/v2/project/[id]/chart-data/', '/api/v2/project/[id]/assignments/', '/detail_project/[id]/list-pekerjaan/', '/api/project/[id]/tahapan/unassigned/'], 157) } }),
  run({ prefix: 'hasil_test_v19_100u_nolimit_pool140', users: 100, durationS: 300, day: '2026-01-11T10:00:00', aggregated: { requests: 4252, failures: 126 }, login: { post: { ...loginFailures(72), medianMs: 66000, p95Ms: 120000 }, get: slow(2400, 8000) }, overrides: { ...QUEUED, ...pages500(['/dashboard/', '/detail_project/[id]/list-pekerjaan/', '/detail_project/[id]/rincian-ahsp/', '/detail_project/[id]/rekap-rab/'], 54) } }),
  run({ prefix: 'hasil_test_v19_100u_nolimit_pool140_no_export', users: 100, durationS: 300, day: '2026-01-11T10:30:00', aggregated: { requests: 3385, failures: 429 }, login: { post: { ...loginFailures(53), medianMs: 80000, p95Ms: 122000 }, get: slow(2600, 9000) }, overrides: { ...QUEUED, ...pages500(['/dashboard/', '/detail_project/[id]/list-pekerjaan/', '/detail_project/[id]/rincian-ahsp/', '/detail_project/[id]/rekap-rab/', '/detail_project/[id]/template-ahsp/'], 376) } }),
  // line 156: v20: 3,919 requests, 102 failures; P95 hotspots rekap-kebutuhan/validate 120 s.
  run({ prefix: 'hasil_test_v20_100u_pool140_no_export', users: 100, durationS: 300, day: '2026-01-11T11:00:00', aggregated: { requests: 3919, failures: 102 }, login: { post: { ...loginFailures(67), medianMs: 58000, p95Ms: 121000 }, get: slow(2400, 8000) }, overrides: { ...QUEUED, '/api/project/[id]/rekap-kebutuhan/validate/': slow(31000, 120000), ...pages500(['/dashboard/', '/detail_project/[id]/list-pekerjaan/', '/detail_project/[id]/rincian-ahsp/', '/detail_project/[id]/rekap-rab/'], 35) } }),
  // line 163: v21: validate P95 180 ms (fixed); new hotspots tahapan/unassigned ~68 s.
  run({ prefix: 'hasil_test_v21_100u_pool140_no_export', users: 100, durationS: 300, day: '2026-01-11T11:30:00', aggregated: { requests: 4182, failures: 98 }, login: { post: { ...loginFailures(71), medianMs: 62000, p95Ms: 120000 }, get: slow(2400, 8000) }, overrides: { ...QUEUED, '/api/project/[id]/rekap-kebutuhan/validate/': slow(70, 180), '/api/project/[id]/tahapan/unassigned/': slow(18000, 68000), ...pages500(['/dashboard/', '/detail_project/[id]/list-pekerjaan/', '/detail_project/[id]/rekap-rab/'], 27) } }),
  // line 170: v23: export endpoints still in the stats despite --exclude-tags.
  run({ prefix: 'hasil_test_v23_100u_pool140_no_export_no_admin', users: 100, durationS: 300, day: '2026-01-11T12:00:00', extraEndpoints: EXPORTS, aggregated: { requests: 4305, failures: 216 }, login: { post: { ...loginFailures(73), medianMs: 70000, p95Ms: 121000 }, get: slow(2400, 8000) }, overrides: { ...QUEUED, ...pages500(['/dashboard/', '/detail_project/[id]/list-pekerjaan/', '/api/project/[id]/export/rekap-kebutuhan/pdf/', '/api/project/[id]/export/rekap-kebutuhan/xlsx/'], 143) } }),
  // line 177: v24: --tags api,page,phase1,phase2 is one tag: only the logins ran (200 requests, 82 failures).
  run({ prefix: 'hasil_test_v24_100u_pool140_no_export_no_admin', users: 100, durationS: 300, day: '2026-01-11T12:30:00', set: AUTH_ONLY, aggregated: { requests: 200, failures: 82 }, login: { post: { ...loginFailures(82), medianMs: 64000, p95Ms: 119000 }, get: slow(2300, 7800) } }),
  // lines 224-225: the clean baselines after the PgBouncer fix.
  run({ prefix: 'hasil_test_v26b_100u_r4_pool140_core_only', users: 100, day: '2026-01-12T02:00:00', aggregated: { requests: 8962, failures: 0, p95Ms: 600, p99Ms: 2100, rps: 29.9 }, login: { post: slow(620, 1100), get: slow(1200, 2100) }, overrides: { '/dashboard/': slow(480, 1300) } }),
  run({ prefix: 'hasil_test_v27b_100u_r1_pool140_core_only', users: 100, spawnRate: 1, day: '2026-01-12T03:00:00', aggregated: { requests: 7758, failures: 0, p95Ms: 710, p99Ms: 2100, rps: 25.9 }, login: { post: slow(900, 1900), get: slow(1200, 2100) }, overrides: { '/dashboard/': slow(560, 1600) } }),
  // line 231: v28: 61 login failures (15 rate-limit, 46 HTTP 500); chart-data P95 ~270 ms, dashboard ~250 ms.
  run({ prefix: 'hasil_test_v28_100u_r4_pool140_core_only', users: 100, day: '2026-01-12T05:00:00', aggregated: { requests: 9148, failures: 61, p95Ms: 210, p99Ms: 2000, rps: 30.6 }, login: { post: { ...loginFailures(61, [[http500(LOGIN_POST), 46], [RATE_LIMITED, 15]]), medianMs: 800, p95Ms: 1900 }, get: slow(1100, 2100) }, overrides: { '/dashboard/': slow(100, 250), '/api/v2/project/[id]/chart-data/': slow(110, 270) } }),
  // line 239: v31: dashboard P95 190 ms (P50 90), rekap-kebutuhan-weekly P95 160 ms (P50 66).
  run({ prefix: 'hasil_test_v31_100u_r4_pool140_core_only', users: 100, durationS: 300, day: '2026-01-12T07:00:00', aggregated: { requests: 9183, failures: 0 }, overrides: { '/dashboard/': slow(90, 190), '/api/v2/project/[id]/rekap-kebutuhan-weekly/': slow(66, 160) } }),
  // line 273: v34: every V2 endpoint P95 <= 150 ms, dashboard 140 ms.
  run({ prefix: 'hasil_test_v34_100u_r4_pool140_core_only', users: 100, durationS: 300, day: '2026-01-12T09:00:00', aggregated: { requests: 9152, failures: 0 }, overrides: { '/api/v2/project/[id]/kurva-s-data/': slow(60, 150), '/api/v2/project/[id]/chart-data/': slow(60, 150), '/api/v2/project/[id]/kurva-s-harga/': slow(45, 120), '/api/v2/project/[id]/assignments/': slow(38, 99), '/dashboard/': slow(55, 140) } }),
  // line 281: v35b (warm cache): chart-data 200 ms, kurva-s-data 160 ms, dashboard 180 ms.
  run({ prefix: 'hasil_test_v35b_100u_r4_pool140_core_only_warm', users: 100, durationS: 300, day: '2026-01-12T10:00:00', aggregated: { requests: 9104, failures: 0 }, overrides: { '/api/v2/project/[id]/chart-data/': slow(80, 200), '/api/v2/project/[id]/kurva-s-data/': slow(65, 160), '/dashboard/': slow(70, 180) } }),
  // line 314: v36: 8,843 requests, P95 640 ms, P99 2.2 s, RPS 29.58; login POST 7.1 s, login page 3.8 s, dashboard 930 ms.
  run({ prefix: 'hasil_test_v36_100u_r4_pool140_core_only', users: 100, day: '2026-01-12T12:00:00', html: true, aggregated: { requests: 8843, failures: 0, p95Ms: 640, p99Ms: 2200, rps: 29.58 }, login: { post: slow(2600, 7100), get: slow(1500, 3800) }, overrides: { '/dashboard/': slow(380, 930), '/api/project/[id]/rekap-kebutuhan/validate/': slow(360, 910), '/detail_project/[id]/template-ahsp/': slow(300, 770) } }),
  // line 321: v38: 8,965 requests, P95 690 ms, P99 2.1 s, RPS 29.98; dashboard 2.0 s, assignments 410 ms.
  run({ prefix: 'hasil_test_v38_100u_r4_pool140_core_only', users: 100, day: '2026-01-13T02:00:00', aggregated: { requests: 8965, failures: 0, p95Ms: 690, p99Ms: 2100, rps: 29.98 }, login: { post: slow(1000, 2100), get: slow(1000, 2100) }, overrides: { '/dashboard/': slow(700, 2000), '/api/v2/project/[id]/chart-data/': slow(100, 250), '/api/v2/project/[id]/kurva-s-data/': slow(120, 290), '/api/v2/project/[id]/assignments/': slow(160, 410) } }),
  // line 865: v39: 9,166 requests, 0 failures, P95 170 ms, P99 2.0 s, RPS 30.64 (the run with full history).
  run({ prefix: 'hasil_test_v39_100u_r4_pool140_core_only', users: 100, day: '2026-01-13T04:00:00', html: true, fullHistory: true, aggregated: { requests: 9166, failures: 0, p95Ms: 170, p99Ms: 2000, rps: 30.64 }, overrides: { '/api/v2/project/[id]/chart-data/': slow(60, 160), '/api/v2/project/[id]/kurva-s-data/': slow(75, 200), '/api/v2/project/[id]/assignments/': slow(50, 140), '/dashboard/': slow(70, 190) } }),
  // line 871: v40: 8,589 requests, P95 940 ms, P99 3.7 s, RPS 28.69; login POST 13 s, login GET 4.3 s, dashboard 1.7 s.
  run({ prefix: 'hasil_test_v40_100u_r4_pool140_core_only', users: 100, day: '2026-01-13T06:00:00', aggregated: { requests: 8589, failures: 0, p95Ms: 940, p99Ms: 3700, rps: 28.69 }, login: { post: slow(4200, 13000), get: slow(1700, 4300) }, overrides: { '/dashboard/': slow(650, 1700), '/api/v2/project/[id]/chart-data/': slow(330, 820), '/api/v2/project/[id]/kurva-s-data/': slow(330, 820), '/api/v2/project/[id]/assignments/': slow(320, 800) } }),
  // lines 354-358: scale tests in Docker: v44 (150 users) and v45 (200 users), login HTTP 500s and rate limiting.
  run({ prefix: 'hasil_test_v44_150u_r4_pool140_docker', users: 150, durationS: 300, day: '2026-01-13T09:00:00', aggregated: { requests: 12744, failures: 151, p95Ms: 100 }, logins: 300, login: { post: { ...loginFailures(151), medianMs: 180, p95Ms: 900 }, get: slow(120, 700) }, overrides: Object.fromEntries(CORE.map(([name]) => [name, slow(25, 70)])) }),
  run({ prefix: 'hasil_test_v45_200u_r4_pool140_docker', users: 200, durationS: 300, day: '2026-01-13T10:00:00', aggregated: { requests: 16774, failures: 200, p95Ms: 140 }, logins: 400, login: { post: { ...loginFailures(200, [[http500(LOGIN_POST), 164], [RATE_LIMITED, 36]]), medianMs: 220, p95Ms: 1100 }, get: slow(150, 900) }, overrides: Object.fromEntries(CORE.map(([name]) => [name, slow(32, 95)])) }),
  // line 485: Week 5 (100 users, MutationUser on): 8,498 requests, 3.80% failures, P95 96 ms.
  run({ prefix: 'hasil_test_week5_mutations_100u', users: 100, logins: 200, durationS: 300, day: '2026-01-14T06:00:00', aggregated: { requests: 8498, failures: 323, p95Ms: 96 }, login: { post: { ...loginFailures(123), medianMs: 150, p95Ms: 800 }, get: slow(120, 600) }, overrides: { ...Object.fromEntries(CORE.map(([name]) => [name, slow(35, 85)])), ...pages500(['/api/v2/project/[id]/assignments/', '/detail_project/[id]/list-pekerjaan/'], 200) } }),
  // line 532: Week 7 tagged tests: 39 requests, 0 failures, P95 320 ms.
  run({ prefix: 'hasil_test_week7_tagged', users: 1, spawnRate: 1, durationS: 60, day: '2026-01-15T03:00:00', logins: 1, set: [['POST /api/project/[id]/tahapan/ [POST]', 'POST', 1, 90, 320, 412], ['POST /api/v2/project/[id]/assign-weekly/', 'POST', 7, 80, 300, 388], ['/api/project/[id]/tahapan/validate/', 'GET', 10, 60, 200, 1204], ['/api/templates/', 'GET', 10, 50, 160, 8821], ['/detail_project/[id]/cleanup/volume/', 'POST', 9, 70, 240, 310]], overrides: { 'POST /api/project/[id]/tahapan/ [POST]': { requests: 1 }, 'POST /api/v2/project/[id]/assign-weekly/': { requests: 7 } }, aggregated: { requests: 39, failures: 0, p95Ms: 320 }, login: { post: slow(300, 600), get: slow(200, 400) } }),
  // line 551 and the metrics block: v47 (200 users): 17,938 requests, 213 failures, P95 70 ms, P99 440 ms, RPS 59.9; all failures at login.
  run({ prefix: 'hasil_test_v47_200u_integration', users: 200, day: '2026-01-15T06:00:00', logins: 400, aggregated: { requests: 17938, failures: 213, p95Ms: 70, p99Ms: 440, rps: 59.9 }, login: { post: { ...loginFailures(213), medianMs: 160, p95Ms: 900 }, get: slow(110, 600) }, overrides: Object.fromEntries(CORE.map(([name]) => [name, slow(24, 60)])) }),
];
