// Prometheus metrics as an operator scrapes them: only with the token (or on their own port), and moving as launches,
// API calls and grade deliveries happen against the simulated LMS over real HTTP.
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { startMetricsServer } from '../../server/http/metrics-routes';
import { createMetrics } from '../../server/metrics/index';
import { buildTestApp } from '../support/app';
import { DEPLOYMENT_ID, startLtiHarness, type LtiHarness } from '../support/lti-harness';

const TOKEN = 'metrics-token-0123456789-abcdefghij';

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

function samples(body: string): Sample[] {
  const parsed: Sample[] = [];
  for (const line of body.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match?.[1] || match[3] === undefined) continue;
    const labels = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1] ?? '', m[2] ?? '']));
    parsed.push({ name: match[1], labels, value: Number(match[3]) });
  }
  return parsed;
}

/** The value of one series, 0 when it does not exist yet (a counter not yet incremented). */
function valueOf(body: string, name: string, labels: Record<string, string> = {}): number {
  const found = samples(body).find((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));
  return found?.value ?? 0;
}

describe('metrics are not public', () => {
  it('without a token or a port configured, /metrics does not exist', async () => {
    const testApp = await buildTestApp({}, { metrics: createMetrics() });
    try {
      await request(testApp.app).get('/metrics').expect(404);
      await request(testApp.app).get('/metrics').set('authorization', `Bearer ${TOKEN}`).expect(404);
    } finally {
      await testApp.close();
    }
  });

  it('with METRICS_TOKEN, /metrics answers 401 without it or with another, and the token never reaches the logs', async () => {
    const testApp = await buildTestApp({ METRICS_TOKEN: TOKEN }, { metrics: createMetrics() });
    try {
      const none = await request(testApp.app).get('/metrics').expect(401);
      expect(none.headers['www-authenticate']).toMatch(/^Bearer/);
      await request(testApp.app).get('/metrics').set('authorization', `Bearer ${TOKEN.slice(0, -1)}x`).expect(401);
      await request(testApp.app).get('/metrics').set('authorization', `Bearer ${TOKEN}-and-more`).expect(401);
      await request(testApp.app).get('/metrics').set('authorization', TOKEN).expect(401);
      const scraped = await request(testApp.app).get('/metrics').set('authorization', `Bearer ${TOKEN}`).expect(200);
      expect(scraped.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
      expect(scraped.text).toContain('# TYPE playroute_http_request_duration_seconds histogram');
      expect(testApp.logLines.join('')).not.toContain(TOKEN.slice(8));
    } finally {
      await testApp.close();
    }
  });

  it('a too short METRICS_TOKEN refuses to start, without echoing it', async () => {
    const { loadConfig } = await import('../../server/config');
    expect(() => loadConfig({ NODE_ENV: 'test', METRICS_TOKEN: 'short-secret' })).toThrow(/METRICS_TOKEN must be at least 24 characters long$/);
  });

  it('on a port of its own, /metrics answers without a token and nothing else is there', async () => {
    const metrics = createMetrics();
    const server = await startMetricsServer({ metrics, port: 0, host: '127.0.0.1' });
    try {
      const scraped = await fetch(`http://127.0.0.1:${server.port}/metrics`);
      expect(scraped.status).toBe(200);
      expect(await scraped.text()).toContain('playroute_process_resident_memory_bytes');
      expect((await fetch(`http://127.0.0.1:${server.port}/health`)).status).toBe(404);
    } finally {
      await server.close();
    }
  });
});

describe('metrics move as the tool is used', () => {
  let h: LtiHarness;
  afterEach(async () => h.close());

  const scrape = async () => {
    const res = await fetch(`${h.toolBase}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(200);
    return res.text();
  };

  it('a launch the LMS makes counts as accepted, a forged one under its rejection code, and latency is filed by route, never by id', async () => {
    h = await startLtiHarness({ metrics: true, env: { METRICS_TOKEN: TOKEN } });
    const before = await scrape();
    expect(valueOf(before, 'playroute_lti_launches_total', { outcome: 'accepted' })).toBe(0);

    const outcome = await h.browser().launch({ user: h.lms.member('student').userId });
    expect(outcome.sessionToken).toBeDefined();
    const browser = h.browser();
    const login = await browser.login(h.lms.startLaunch({ user: h.lms.member('student').userId }).url);
    if (!('state' in login)) throw new Error('no login');
    const forged = await browser.postLaunch(h.lti.urls.launch, { id_token: 'not.a.jwt', state: 'a-state-nobody-issued' });
    expect(forged.status).toBe(401);
    await h.api(outcome.sessionToken ?? '', '/api/assessment/attempts/attempt-4711-of-ayla');

    const after = await scrape();
    expect(valueOf(after, 'playroute_lti_launches_total', { outcome: 'accepted' })).toBe(1);
    expect(valueOf(after, 'playroute_lti_launches_total', { outcome: 'state_unknown' })).toBe(1);
    expect(valueOf(after, 'playroute_http_request_duration_seconds_count', { method: 'POST', route: '/lti/launch', status_code: '303' })).toBe(1);
    expect(valueOf(after, 'playroute_http_request_duration_seconds_count', { method: 'POST', route: '/lti/launch', status_code: '401' })).toBe(1);
    expect(valueOf(after, 'playroute_http_request_duration_seconds_count', { route: '/api/assessment/attempts/:attemptId' })).toBe(1);
    expect(after).not.toContain('attempt-4711');
    // The launch's own login, too, by its route.
    expect(valueOf(after, 'playroute_http_request_duration_seconds_count', { route: '/lti/login' })).toBeGreaterThanOrEqual(2);
  });

  it('grades waiting show as outbox depth and age; once delivered the depth is 0 and each counts as sent', async () => {
    h = await startLtiHarness({ metrics: true, passback: true, env: { METRICS_TOKEN: TOKEN } });
    const grades = h.grades;
    if (!grades) throw new Error('no outbox');
    await grades.worker.stop();
    const lineItemsUrl = h.lms.urls.lineItems(h.lms.course.id);
    for (const userId of ['u-student-daan', 'u-student-fleur']) {
      await grades.outbox.enqueue({
        platformId: h.platform.id,
        deploymentId: DEPLOYMENT_ID,
        contextId: h.lms.course.id,
        userId,
        lineItem: { lineItemsUrl, resourceId: 'lu-1', tag: 'outcome', label: 'Outcome lu-1', scoreMaximum: 10 },
        score: { scoreGiven: 7, scoreMaximum: 10, activityProgress: 'Completed', gradingProgress: 'FullyGraded' },
      });
    }
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const waiting = await scrape();
    expect(valueOf(waiting, 'playroute_grade_outbox_depth')).toBe(2);
    expect(valueOf(waiting, 'playroute_grade_outbox_oldest_waiting_seconds')).toBeGreaterThanOrEqual(1);
    expect(valueOf(waiting, 'playroute_grade_deliveries_total', { result: 'sent' })).toBe(0);

    grades.worker.start();
    await expect.poll(async () => valueOf(await scrape(), 'playroute_grade_outbox_depth')).toBe(0);
    const delivered = await scrape();
    expect(valueOf(delivered, 'playroute_grade_outbox_oldest_waiting_seconds')).toBe(0);
    expect(valueOf(delivered, 'playroute_grade_deliveries_total', { result: 'sent' })).toBe(2);
    expect(h.lms.scores().filter((score) => score.accepted)).toHaveLength(2);
  });

  it('the database round trip is measured, and shows the database as up', async () => {
    h = await startLtiHarness({ metrics: true, env: { METRICS_TOKEN: TOKEN } });
    const stop = h.metrics?.pingDatabase(h.database, 50);
    try {
      await expect.poll(async () => valueOf(await scrape(), 'playroute_database_ping_seconds_count')).toBeGreaterThanOrEqual(2);
      const body = await scrape();
      expect(valueOf(body, 'playroute_database_up')).toBe(1);
      expect(valueOf(body, 'playroute_database_ping_seconds_sum')).toBeGreaterThan(0);
    } finally {
      stop?.();
    }
  });
});
