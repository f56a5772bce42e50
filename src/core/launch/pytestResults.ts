// pytest results from the files it writes: JUnit XML (--junitxml) for the counts and Cobertura XML
// (--cov-report=xml:...) for coverage; the terminal summary line as a fallback when only output is at hand.

export interface PytestCounts {
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
  readonly errors: number;
}

export interface PytestSummary extends PytestCounts {
  /** Line coverage in percent (two decimals), or null when coverage was not measured. */
  readonly coveragePercent: number | null;
}

const attribute = (tag: string, name: string): number => {
  const match = new RegExp(String.raw`\s${name}="(\d+)"`).exec(tag);
  return match ? Number(match[1]) : 0;
};

/** Sums every `<testsuite>` of a JUnit XML file; undefined when there is none. */
export function parseJunitXml(xml: string): PytestCounts | undefined {
  const suites = [...xml.matchAll(/<testsuite\b[^>]*>/g)].map((m) => m[0]);
  if (suites.length === 0) return undefined;
  let tests = 0;
  let failed = 0;
  let skipped = 0;
  let errors = 0;
  for (const suite of suites) {
    tests += attribute(suite, 'tests');
    failed += attribute(suite, 'failures');
    skipped += attribute(suite, 'skipped');
    errors += attribute(suite, 'errors');
  }
  return { passed: Math.max(0, tests - failed - skipped - errors), failed, skipped, errors };
}

/** Line coverage of a Cobertura XML report (`<coverage line-rate="0.8734"`), in percent. */
export function parseCoverageXml(xml: string): number | null {
  const match = /<coverage\b[^>]*\sline-rate="([\d.]+)"/.exec(xml);
  if (!match) return null;
  const rate = Number(match[1]);
  return Number.isFinite(rate) ? Math.round(rate * 10000) / 100 : null;
}

/** The final summary line (`=== 3 passed, 1 failed, 2 skipped, 1 error in 0.12s ===`) and the coverage TOTAL row. */
export function parsePytestOutput(output: string): PytestSummary | undefined {
  const lines = output.split(/\r?\n/);
  const summary = [...lines].reverse().find((line) => /\bin [\d.]+s\b/.test(line) && /\b(passed|failed|skipped|errors?|no tests ran)\b/.test(line));
  if (!summary) return undefined;
  const count = (word: RegExp) => Number(new RegExp(String.raw`(\d+) ${word.source}`).exec(summary)?.[1] ?? 0);
  const total = [...lines].reverse().find((line) => /^TOTAL\s/.test(line));
  const percent = total ? /(\d+(?:\.\d+)?)%\s*$/.exec(total.trim()) : null;
  return {
    passed: count(/passed/),
    failed: count(/failed/),
    skipped: count(/skipped/),
    errors: count(/errors?\b/),
    coveragePercent: percent ? Number(percent[1]) : null,
  };
}
