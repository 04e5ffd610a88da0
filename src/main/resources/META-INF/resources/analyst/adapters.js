// Where the page reads the answers of the newer endpoints (simulations, regressions, table downloads).
// Each shape is read in exactly one function here, so a renamed field is fixed in one place.
// They accept both the names of the first design and those the service answers with now.

const first = (...values) => values.find(v => v !== undefined && v !== null);

/** The body of POST /api/v1/rulesets/simulations. */
export function simulationRequest({ candidate, baseline, sample }) {
  const body = { candidate };
  if (baseline) body.baseline = baseline;
  if (sample) body.sample = sample;
  return body;
}

/** GET /api/v1/rulesets/simulations/{id} (and the 202 of the start): where the simulation stands. */
export function simulationStatus(json) {
  const total = first(json.total);
  const done = first(json.done, 0);
  const percent = first(json.percent, total ? Math.min(100, (done * 100) / total) : null);
  return {
    id: first(json.simulationId, json.id),
    status: first(json.status, 'RUNNING'),
    done,
    total,
    percent,
    rate: first(json.casesPerSecond, json.rate),
    etaSeconds: first(json.etaSeconds, json.eta),
    error: json.error,
    candidate: json.candidate,
    baseline: json.baseline,
    report: json.report ? simulationReport(json.report) : null,
  };
}

/**
 * The report: counts before and after by next action, bucket, classification and rating, the transitions of the
 * next action, and the expected loss per currency. Counts come as {KEY: {before, after}} or as {before: {KEY: n},
 * after: {KEY: n}}; both become [{key, before, after, change}].
 */
export function simulationReport(r) {
  const counts = (byKey, dimension) => {
    if (byKey) {
      return Object.entries(byKey).map(([key, c]) => row(key, c.before, c.after));
    }
    const before = r.before?.[dimension] ?? {};
    const after = r.after?.[dimension] ?? {};
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.map(key => row(key, before[key], after[key]));
  };
  const row = (key, before, after) => ({ key, before: Number(before ?? 0), after: Number(after ?? 0),
    change: Number(after ?? 0) - Number(before ?? 0) });
  const loss = first(r.expectedLoss, {});
  return {
    decided: first(r.decided, r.total),
    failed: first(r.failed, 0),
    changed: first(r.changed, 0),
    byNextAction: counts(r.byNextAction, 'nextAction'),
    byBucket: counts(r.byBucket, 'bucket'),
    byClassification: counts(r.byClassification, 'classification'),
    byRating: counts(r.byRating, 'rating'),
    // {before: {after: cases}}
    transitions: first(r.transitions, {}),
    expectedLoss: Object.entries(loss).map(([currency, a]) => ({
      currency, before: Number(a.before ?? 0), after: Number(a.after ?? 0),
      change: Number(first(a.change, Number(a.after ?? 0) - Number(a.before ?? 0))),
    })),
  };
}

/** Where the changed cases of a simulation are downloaded as CSV. */
export function simulationChangesPath(id) {
  return `rulesets/simulations/${encodeURIComponent(id)}/changes?format=csv`;
}

/** The body of POST /api/v1/rulesets/regressions. */
export function regressionRequest(candidate) {
  return { candidate };
}

/** The answer of a regression run: how many cases passed, and each expectation that did not hold. */
export function regressionResult(json) {
  return {
    candidate: json.candidate,
    passed: first(json.passed, 0),
    failed: first(json.failed, 0),
    total: first(json.total, (json.passed ?? 0) + (json.failed ?? 0)),
    failures: (json.failures ?? []).map(f => ({
      name: first(f.case, f.name, ''),
      where: f.source && f.source !== 'corpus' ? `${f.source}${f.row ? ', row ' + f.row : ''}` : null,
      pointer: first(f.pointer, ''),
      expected: f.expected,
      actual: f.actual,
      error: f.error,
    })),
  };
}

/** Where one table of a version is downloaded, in its own format or converted. */
export function tableDownloadPath(version, file, format) {
  const name = file.replace(/^.*\//, '').replace(/\.drl\.(xlsx|csv)$/, '');
  return `rulesets/${encodeURIComponent(version)}/tables/${encodeURIComponent(name)}?format=${format}`;
}
