// The privacy settings as the operator writes them in the environment: PRIVACY_ADMIN_TOKEN (a secret of its own, long
// enough, never echoed in an error) and RETENTION_DAYS (the school's period, 30 days to 10 years, one year by default).
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig({ NODE_ENV: 'test', ...env });
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('privacy settings in the environment', () => {
  it('without them: no privacy admin token, and personal data is kept 365 days after a course ends', () => {
    const config = loadConfig({ NODE_ENV: 'test' });
    expect(config.privacyAdminToken).toBeUndefined();
    expect(config.retentionDays).toBe(365);
  });

  it('takes a token of 32 characters or more and a period from 30 to 3650 days', () => {
    const config = loadConfig({ NODE_ENV: 'test', PRIVACY_ADMIN_TOKEN: 't'.repeat(32), RETENTION_DAYS: '730' });
    expect(config.privacyAdminToken).toBe('t'.repeat(32));
    expect(config.retentionDays).toBe(730);
    expect(loadConfig({ NODE_ENV: 'test', RETENTION_DAYS: '30' }).retentionDays).toBe(30);
    expect(loadConfig({ NODE_ENV: 'test', RETENTION_DAYS: '3650' }).retentionDays).toBe(3650);
  });

  it('refuses a short token without repeating it, and a period outside 30–3650 days or not whole', () => {
    const secret = 'short-secret-value-abc';
    const problems = problemsOf({ PRIVACY_ADMIN_TOKEN: secret });
    expect(problems).toEqual(['PRIVACY_ADMIN_TOKEN must be at least 32 characters long']);
    expect(problems.join(' ')).not.toContain(secret);
    for (const days of ['29', '3651', '90.5', 'a year']) expect(problemsOf({ RETENTION_DAYS: days })).toEqual([`RETENTION_DAYS must be a whole number of days from 30 to 3650 (got "${days}")`]);
  });
});
