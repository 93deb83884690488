import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/app';

describe('GET /health', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await buildTestApp();
  });
  afterAll(async () => {
    await testApp.close();
  });

  it('when the database answers, reports ok and the database as up', async () => {
    const res = await request(testApp.app).get('/health').expect(200);
    expect(res.body).toMatchObject({ status: 'ok', database: { state: 'up' } });
    expect(['embedded', 'mongodb']).toContain(res.body.database.kind);
  });

  it('an unknown page answers 404 in the one error shape', async () => {
    const res = await request(testApp.app).get('/lti/nothing-here').expect(404);
    expect(res.body).toEqual({ error: { code: 'not_found', message: 'Not found.' } });
  });

  it('every answer tells browsers not to sniff types or leak URLs, and to run only Playroute’s own scripts', async () => {
    const res = await request(testApp.app).get('/health');
    expect(res.headers).toMatchObject({ 'x-content-type-options': 'nosniff', 'referrer-policy': 'same-origin' });
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).toContain("object-src 'none'");
  });

  it('the API, even an unknown path of it, asks for a launch session first', async () => {
    const res = await request(testApp.app).get('/api/nothing-here').expect(401);
    expect(res.body.error.code).toBe('not_authenticated');
  });

  it('a malformed JSON body answers 400 with a readable message, not a stack trace', async () => {
    const res = await request(testApp.app).post('/api/anything').set('Content-Type', 'application/json').send('{"broken":');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('bad_request');
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.js|SyntaxError/);
  });

  it('when the database connection is gone, reports 503 and the database as down', async () => {
    const other = await buildTestApp();
    await other.database.close();
    const res = await request(other.app).get('/health').expect(503);
    expect(res.body).toMatchObject({ status: 'unavailable', database: { state: 'down' } });
  });
});
