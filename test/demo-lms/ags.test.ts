// Assignment and Grade Services as a tool meets them: line items, paging, scores recorded, and each LMS's refusals.
import { afterEach, describe, expect, it } from 'vitest';
import { MediaType, Scope } from '../../server/lti/claims';
import type { LmsQuirks } from '../../server/demo-lms/index';
import { accessToken, startHarness, type Harness } from './harness';

let h: Harness;
afterEach(async () => {
  await h?.close();
});

const ALL = [Scope.lineItem, Scope.score, Scope.resultReadOnly];

function call(token: string, method: string, url: string, body?: unknown, contentType: string = MediaType.lineItem): Promise<Response> {
  return fetch(url, {
    method,
    headers: { authorization: `Bearer ${token}`, accept: 'application/json', ...(body === undefined ? {} : { 'content-type': contentType }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

function resultsUrl(lineItemId: string, userId: string): string {
  const url = new URL(lineItemId);
  url.pathname += '/results';
  url.searchParams.set('user_id', userId);
  return url.toString();
}

async function setup(quirks: LmsQuirks = 'standard') {
  h = await startHarness({ quirks });
  const token = await accessToken(h, ALL);
  const query = quirks === 'moodle' ? '?type_id=1' : '';
  const container = `${h.lmsBase}/ags/${h.lms.course.id}/lineitems${query}`;
  const resourceLinkId = h.lms.placements()[0]?.resourceLinkId ?? '';
  const created = await call(token, 'POST', container, { label: 'Leeruitkomst 1', scoreMaximum: 10, resourceLinkId, tag: 'outcome', resourceId: 'lo-1' });
  expect(created.status).toBe(201);
  const lineItem = (await created.json()) as { id: string };
  const scoresUrl = (id: string) => {
    const url = new URL(id);
    url.pathname += '/scores';
    return url.toString();
  };
  const score = (body: Record<string, unknown>) =>
    call(
      token,
      'POST',
      scoresUrl(lineItem.id),
      { activityProgress: 'Completed', gradingProgress: 'FullyGraded', timestamp: new Date().toISOString(), ...body },
      MediaType.score,
    );
  return { token, container, lineItem, resourceLinkId, score, scoresUrl };
}

describe('line items', () => {
  it('a tool creates a line item, reads it back, replaces it and deletes it', async () => {
    const { token, lineItem, resourceLinkId } = await setup();
    expect(lineItem).toMatchObject({ label: 'Leeruitkomst 1', scoreMaximum: 10, resourceLinkId, tag: 'outcome', resourceId: 'lo-1' });
    const read = await call(token, 'GET', lineItem.id);
    expect(read.headers.get('content-type')).toContain(MediaType.lineItem);
    expect(await read.json()).toEqual(lineItem);
    const put = await call(token, 'PUT', lineItem.id, { label: 'Leeruitkomst 1 (herzien)', scoreMaximum: 20 });
    expect(await put.json()).toMatchObject({ label: 'Leeruitkomst 1 (herzien)', scoreMaximum: 20, resourceLinkId });
    expect((await call(token, 'DELETE', lineItem.id)).status).toBe(204);
    expect((await call(token, 'GET', lineItem.id)).status).toBe(404);
  });

  it('the container filters by resource_link_id, resource_id and tag, and pages with a Link rel="next"', async () => {
    const { token, container } = await setup();
    for (let i = 2; i <= 5; i++) await call(token, 'POST', container, { label: `Item ${i}`, scoreMaximum: 1, tag: 'extra' });
    const filtered = (await (await call(token, 'GET', `${container}?tag=outcome`)).json()) as unknown[];
    expect(filtered).toHaveLength(1);
    expect(await (await call(token, 'GET', `${container}?resource_id=lo-1`)).json()).toHaveLength(1);
    const byLink = (await (await call(token, 'GET', `${container}?resource_link_id=${h.lms.placements()[0]?.resourceLinkId}`)).json()) as unknown[];
    expect(byLink).toHaveLength(1);

    const seen: string[] = [];
    let next: string | undefined = `${container}?limit=2`;
    while (next) {
      const page: Response = await call(token, 'GET', next);
      expect(page.headers.get('content-type')).toContain(MediaType.lineItemContainer);
      seen.push(...((await page.json()) as { label: string }[]).map((item) => item.label));
      next = /<([^>]+)>;\s*rel="next"/.exec(page.headers.get('link') ?? '')?.[1];
    }
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
  });

  it('refuses a line item without scoreMaximum, a wrong content type, and a token without the lineitem scope', async () => {
    const { token, container } = await setup();
    const missing = await call(token, 'POST', container, { label: 'No maximum' });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({ error: 'invalid_request', error_description: expect.stringContaining('scoreMaximum') });
    expect((await call(token, 'POST', container, { label: 'x', scoreMaximum: 1 }, 'application/json')).status).toBe(415);
    const scoreOnly = await accessToken(h, [Scope.score]);
    const forbidden = await call(scoreOnly, 'POST', container, { label: 'x', scoreMaximum: 1 });
    expect(forbidden.status).toBe(403);
    expect(forbidden.headers.get('www-authenticate')).toContain('insufficient_scope');
    expect((await call('not-a-token', 'GET', container)).status).toBe(401);
  });
});

describe('scores', () => {
  it('records what it receives, headers included, and keeps the result on the line item scale', async () => {
    const { token, lineItem, score } = await setup();
    const student = h.lms.member('student');
    const response = await score({ userId: student.userId, scoreGiven: 4, scoreMaximum: 5, comment: 'Goed gedaan' });
    expect(response.status).toBe(204);
    const [recorded] = h.lms.scores();
    expect(recorded).toMatchObject({ userId: student.userId, accepted: true, status: 204, body: { scoreGiven: 4, comment: 'Goed gedaan' } });
    expect(recorded?.headers['content-type']).toBe(MediaType.score);
    const results = await call(token, 'GET', `${lineItem.id}/results`);
    expect(results.headers.get('content-type')).toContain(MediaType.resultContainer);
    expect(await results.json()).toEqual([expect.objectContaining({ userId: student.userId, resultScore: 8, resultMaximum: 10, scoreOf: lineItem.id })]);
  });

  it('standard: a timestamp not after the last one is a 409; a missing scoreMaximum with scoreGiven is a 400', async () => {
    const { score } = await setup();
    const userId = h.lms.member('student').userId;
    const at = new Date();
    expect((await score({ userId, scoreGiven: 1, scoreMaximum: 2, timestamp: at.toISOString() })).status).toBe(204);
    expect((await score({ userId, scoreGiven: 2, scoreMaximum: 2, timestamp: at.toISOString() })).status).toBe(409);
    expect((await score({ userId, scoreGiven: 2 })).status).toBe(400);
    expect(h.lms.scores().map((recorded) => recorded.status)).toEqual([204, 409, 400]);
  });

  it('a score must use the score media type and a token with the score scope', async () => {
    const { lineItem, scoresUrl } = await setup();
    const body = { userId: h.lms.member('student').userId, activityProgress: 'Completed', gradingProgress: 'FullyGraded', timestamp: new Date().toISOString() };
    const token = await accessToken(h, [Scope.score]);
    expect((await call(token, 'POST', scoresUrl(lineItem.id), body, 'application/json')).status).toBe(415);
    const readOnly = await accessToken(h, [Scope.lineItem]);
    expect((await call(readOnly, 'POST', scoresUrl(lineItem.id), body, MediaType.score)).status).toBe(403);
  });

  it('canvas: an earlier timestamp is a 400; no scoreMaximum or a non-student is a 422; success answers a resultUrl', async () => {
    const { score } = await setup('canvas');
    const userId = h.lms.member('student').userId;
    const now = Date.now();
    const ok = await score({ userId, scoreGiven: 1, scoreMaximum: 2, timestamp: new Date(now).toISOString() });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ resultUrl: expect.stringContaining('/results/') });
    expect((await score({ userId, scoreGiven: 1, scoreMaximum: 2, timestamp: new Date(now - 1000).toISOString() })).status).toBe(400);
    expect((await score({ userId, scoreGiven: 1, timestamp: new Date(now + 1000).toISOString() })).status).toBe(422);
    expect((await score({ userId: h.lms.member('teacher').userId, scoreGiven: 1, scoreMaximum: 2 })).status).toBe(422);
  });

  it('moodle: URLs carry ?type_id=1 and a tool that drops it is refused; same whole second is a 409; only FullyGraded keeps scoreGiven', async () => {
    const { token, lineItem, score, scoresUrl } = await setup('moodle');
    expect(lineItem.id).toMatch(/\/lineitems\/[^/?]+\?type_id=1$/);
    expect(scoresUrl(lineItem.id)).toMatch(/\/scores\?type_id=1$/);
    const naive = `${lineItem.id.replace('?type_id=1', '')}/scores`;
    const userId = h.lms.member('student').userId;
    expect((await call(token, 'POST', naive, { userId }, MediaType.score)).status).toBe(400);

    const second = Math.floor(Date.now() / 1000) * 1000;
    const at = (ms: number) => new Date(second + ms).toISOString();
    expect((await score({ userId, scoreGiven: 5, scoreMaximum: 10, gradingProgress: 'Pending', timestamp: at(100) })).status).toBe(200);
    expect(h.lms.results()[0]).toMatchObject({ userId, resultScore: undefined, gradingProgress: 'Pending' });
    expect((await score({ userId, scoreGiven: 6, scoreMaximum: 10, timestamp: at(900) })).status).toBe(409);
    expect((await score({ userId, scoreGiven: 6, scoreMaximum: 10, timestamp: at(1000) })).status).toBe(200);
    expect(h.lms.results()[0]).toMatchObject({ resultScore: 6 });
  });

  // What the issue saw in Moodle: a teacher's 10 in the gradebook, then a progress-only score, and the grade is gone.
  for (const quirks of ['moodle', 'canvas', 'brightspace', 'standard'] as const) {
    it(`${quirks}: a progress-only score after a grade leaves the gradebook cell empty, as the real LMS does`, async () => {
      const { token, lineItem, score } = await setup(quirks);
      const userId = h.lms.member('student').userId;
      const t0 = Date.now();
      expect((await score({ userId, scoreGiven: 10, scoreMaximum: 10, comment: '10.0', timestamp: new Date(t0).toISOString() })).ok).toBe(true);
      expect(h.lms.results()[0]).toMatchObject({ resultScore: 10 });
      const progress = await score({ userId, activityProgress: 'Started', gradingProgress: 'NotReady', timestamp: new Date(t0 + 2000).toISOString() });
      expect(progress.ok).toBe(true);
      expect(h.lms.results()[0]).toMatchObject({ userId, resultScore: undefined });
      const [read] = (await (await call(token, 'GET', resultsUrl(lineItem.id, userId))).json()) as { resultScore?: number }[];
      expect(read).toMatchObject({ userId });
      expect(read?.resultScore).toBeUndefined();
    });
  }

  it('canvas keeps scoreGiven for PendingManual but ignores it for NotReady, Failed and Pending', async () => {
    const { score } = await setup('canvas');
    const userId = h.lms.member('student').userId;
    const t0 = Date.now();
    await score({ userId, scoreGiven: 6, scoreMaximum: 10, gradingProgress: 'PendingManual', activityProgress: 'Submitted', timestamp: new Date(t0).toISOString() });
    expect(h.lms.results()[0]).toMatchObject({ resultScore: 6 });
    await score({ userId, scoreGiven: 7, scoreMaximum: 10, gradingProgress: 'Pending', timestamp: new Date(t0 + 1000).toISOString() });
    expect(h.lms.results()[0]).toMatchObject({ resultScore: undefined });
  });

  for (const quirks of ['standard', 'moodle'] as const) {
    it(`${quirks}: the results service reads back what the gradebook holds, also after a teacher changed it in the LMS`, async () => {
      const { token, lineItem, score } = await setup(quirks);
      const userId = h.lms.member('student').userId;
      await score({ userId, scoreGiven: 7, scoreMaximum: 10 });
      const item = h.lms.lineItems()[0];
      h.lms.setGradebookValue({ lineItemId: item?.id ?? '', userId, resultScore: 4 });
      const read = async () => (await (await call(token, 'GET', resultsUrl(lineItem.id, userId))).json()) as Record<string, unknown>[];
      expect(await read()).toEqual([expect.objectContaining({ userId, resultScore: 4, resultMaximum: 10 })]);
      h.lms.setGradebookValue({ lineItemId: item?.id ?? '', userId, resultScore: undefined });
      const [empty] = await read();
      // Moodle (result_for_json) leaves out score, maximum and comment of an empty grade.
      if (quirks === 'moodle') expect(empty).toEqual({ id: expect.any(String), userId });
      else expect(empty?.resultScore).toBeUndefined();
    });
  }

  it('brightspace: a user never enrolled is a 404, a user who left the course is a 403', async () => {
    const { score } = await setup('brightspace');
    const leaving = h.lms.member('student').userId;
    h.lms.removeMember(leaving);
    expect((await score({ userId: leaving, scoreGiven: 1, scoreMaximum: 1 })).status).toBe(403);
    expect((await score({ userId: 'u-stranger', scoreGiven: 1, scoreMaximum: 1 })).status).toBe(404);
  });
});
