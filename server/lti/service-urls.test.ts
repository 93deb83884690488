import { describe, expect, it } from 'vitest';
import { launchServiceUrlProblem, serviceUrlProblem, trustedServiceHosts } from './service-urls';

const moodle = {
  issuer: 'https://moodle.school.nl',
  authLoginUrl: 'https://moodle.school.nl/mod/lti/auth.php',
  tokenUrl: 'https://moodle.school.nl/mod/lti/token.php',
  jwksUrl: 'https://moodle.school.nl/mod/lti/certs.php',
};
const canvas = {
  issuer: 'https://canvas.instructure.com',
  authLoginUrl: 'https://sso.canvaslms.com/api/lti/authorize_redirect',
  tokenUrl: 'https://sso.canvaslms.com/login/oauth2/token',
  jwksUrl: 'https://sso.canvaslms.com/api/lti/security/jwks',
  productFamily: 'canvas',
};

describe('service URLs a platform token may go to', () => {
  it.each([
    ['http://169.254.169.254/latest/meta-data/', false],
    ['https://169.254.169.254/latest/meta-data/', false],
    ['https://[fe80::1]/x', false],
    ['http://moodle.school.nl/mod/lti/services.php', false],
    ['ftp://moodle.school.nl/', false],
    ['https://user:pw@moodle.school.nl/', false],
    ['not a url', false],
    ['https://moodle.school.nl/mod/lti/services.php/2/lineitems', true],
  ])('%s is a service address: %s (production)', (url, ok) => {
    expect(serviceUrlProblem(url, { production: true }) === undefined).toBe(ok);
  });

  it('plain http and private addresses only outside production, and then only on this machine', () => {
    expect(serviceUrlProblem('http://127.0.0.1:4000/lms/api', { production: false })).toBeUndefined();
    expect(serviceUrlProblem('http://localhost:4000/lms/api', { production: false })).toBeUndefined();
    expect(serviceUrlProblem('http://127.0.0.1:4000/lms/api', { production: true })).toBeDefined();
    expect(serviceUrlProblem('http://10.0.0.5/lms/api', { production: false })).toBeDefined();
    expect(serviceUrlProblem('https://10.0.0.5/lms/api', { production: true })).toBeDefined();
    expect(serviceUrlProblem('https://[fd00::5]/lms/api', { production: true })).toBeDefined();
  });

  it("Moodle: only the registration's own host", () => {
    const hosts = trustedServiceHosts(moodle, { returnUrls: ['https://elsewhere.example.com/course/view.php'] });
    expect(launchServiceUrlProblem('https://moodle.school.nl/mod/lti/services.php/2/lineitems', hosts, { production: true })).toBeUndefined();
    expect(launchServiceUrlProblem('https://elsewhere.example.com/lineitems', hosts, { production: true })).toBeDefined();
  });

  it("Canvas: also the school's host its launch returns to, never a host only the claims name", () => {
    const hosts = trustedServiceHosts(canvas, { returnUrls: ['https://school.instructure.com/courses/2/external_content/success/external_tool_redirect'] });
    expect(launchServiceUrlProblem('https://school.instructure.com/api/lti/courses/2/names_and_roles', hosts, { production: true })).toBeUndefined();
    expect(launchServiceUrlProblem('https://collector.example.com/api/lti/courses/2/line_items', hosts, { production: true })).toBeDefined();
  });
});
