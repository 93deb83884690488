// What the browser is told about Playroute's pages: which scripts may run, who may frame them, what may be cached,
// and that a missing file is a 404 rather than the app.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Express } from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import { buildTestApp, type TestApp } from '../support/app';

const LMS = { issuer: 'https://moodle.school.nl', authLoginUrl: 'https://login.school.nl/mod/lti/auth.php' };

function scriptPolicy(res: request.Response): string {
  const policy = String(res.headers['content-security-policy'] ?? '');
  return policy.split(';').map((part) => part.trim()).find((part) => part.startsWith('script-src')) ?? '';
}

function directive(res: request.Response, name: string): string {
  const policy = String(res.headers['content-security-policy'] ?? '');
  return policy.split(';').map((part) => part.trim()).find((part) => part.startsWith(`${name} `)) ?? '';
}

describe('page headers', () => {
  let testApp: TestApp;
  let app: Express;
  let clientDir: string;

  beforeAll(async () => {
    testApp = await buildTestApp({ PUBLIC_URL: 'http://localhost:3000', NODE_ENV: 'development' });
    clientDir = fs.mkdtempSync(path.join(os.tmpdir(), 'playroute-client-'));
    fs.writeFileSync(path.join(clientDir, 'index.html'), '<!doctype html><title>Playroute</title><div id="root"></div>');
    fs.writeFileSync(path.join(clientDir, 'icon.svg'), '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"><rect width="8" height="8"/></svg>');
    app = createApp({ config: testApp.config, logger: testApp.logger, database: testApp.database, lti: testApp.lti, clientDir });
    await testApp.lti.registry.register({
      ...LMS,
      clientId: 'headers-client',
      name: 'School Moodle',
      tokenUrl: 'https://moodle.school.nl/mod/lti/token.php',
      jwksUrl: 'https://moodle.school.nl/mod/lti/certs.php',
      deploymentIds: ['1'],
      registeredVia: 'manual',
    });
  });

  afterAll(async () => {
    await testApp.close();
    fs.rmSync(clientDir, { recursive: true, force: true });
  });

  it('a launch page runs its inline script by this answer’s nonce, and no other inline script may run', async () => {
    const res = await request(app)
      .get('/lti/login')
      .query({ iss: LMS.issuer, client_id: 'headers-client', login_hint: 'u1', target_link_uri: 'http://localhost:3000/lti/launch', lti_storage_target: '_parent' })
      .expect(200);
    const policy = scriptPolicy(res);
    expect(policy).not.toContain('unsafe-inline');
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(nonce).toBeTruthy();
    expect(res.text).toContain(`<script nonce="${nonce}">`);
    expect(res.text).not.toMatch(/<script>/);

    const again = await request(app).get('/health');
    expect(scriptPolicy(again)).not.toContain(`'nonce-${nonce}'`);
  });

  it('the app may be framed by the registered LMSs (issuer and login origins) and by Playroute itself, and by nobody else', async () => {
    const res = await request(app).get('/').expect(200);
    const ancestors = directive(res, 'frame-ancestors');
    expect(ancestors).toContain(LMS.issuer);
    expect(ancestors).toContain('https://login.school.nl');
    expect(ancestors).toContain("'self'");
    expect(ancestors).not.toContain('*');
    // X-Frame-Options cannot name origins; with it, no LMS could show Playroute.
    expect(res.headers['x-frame-options']).toBeUndefined();
  });

  it('the login and launch pages show in any LMS frame, since the first launch from a new course host comes before Playroute knows it', async () => {
    const res = await request(app)
      .get('/lti/login')
      .query({ iss: LMS.issuer, client_id: 'headers-client', login_hint: 'u1', target_link_uri: 'http://localhost:3000/lti/launch', lti_storage_target: '_parent' })
      .expect(200);
    expect(directive(res, 'frame-ancestors')).toBe('frame-ancestors *');
    const failed = await request(app).post('/lti/launch').type('form').send({ id_token: 'x', state: 'unknown' });
    expect(failed.text).toContain('Playroute could not open');
    expect(directive(failed, 'frame-ancestors')).toBe('frame-ancestors *');
  });

  it('in development the demo works at 127.0.0.1 as well as at localhost: both may frame and be framed', async () => {
    const res = await request(app).get('/').expect(200);
    expect(directive(res, 'frame-ancestors')).toContain('http://127.0.0.1:3000');
    expect(directive(res, 'frame-src')).toContain('http://localhost:3000');
    expect(directive(res, 'frame-src')).toContain('http://127.0.0.1:3000');
  });

  it('a personal API answer is never stored by a browser or proxy', async () => {
    const token = await testApp.lti.sessions.issue({ platformId: 'p1', deploymentId: '1', sub: 'u1', roles: ['student'], messageType: 'LtiResourceLinkRequest' });
    const res = await request(app).get('/api/session').set('Authorization', `Bearer ${token}`).expect(200);
    expect(res.headers['cache-control']).toBe('no-store');
    // The house policy, framed by no one else; no script nonce, as no API answer is a page.
    expect(directive(res, 'frame-ancestors')).toBe("frame-ancestors 'self'");
    expect(directive(res, 'object-src')).toBe("object-src 'none'");
    expect(res.headers['content-security-policy']).not.toContain('nonce-');
    const refused = await request(app).get('/api/session').expect(401);
    expect(refused.headers['cache-control']).toBe('no-store');
  });

  it('the tool icon is an image, and a file that does not exist is a 404, never the app page', async () => {
    const icon = await request(app).get('/icon.svg').expect(200);
    expect(icon.headers['content-type']).toContain('image/svg+xml');
    const missing = await request(app).get('/logo-that-is-not-there.png').expect(404);
    expect(missing.text).not.toContain('<div id="root">');
    const nestedMissing = await request(app).get('/assets/index-gone.js').expect(404);
    expect(nestedMissing.text).not.toContain('<div id="root">');
    // A page path the client's router handles still gets the app.
    const page = await request(app).get('/teacher/playbook').expect(200);
    expect(page.text).toContain('<div id="root">');
  });
});
