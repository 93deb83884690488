import { describe, expect, it } from 'vitest';
import { ConfigError, DEVELOPMENT_ENCRYPTION_KEY, loadConfig } from './config';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  throw new Error('expected the configuration to be refused');
}

describe('configuration from the environment', () => {
  it('when nothing is set, a newcomer gets working local defaults with the embedded store', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      env: 'development',
      port: 3000,
      host: '127.0.0.1',
      publicUrl: 'http://localhost:3000',
      mongodbUri: undefined,
      logLevel: 'info',
      demoLms: true,
      ltiEncryptionKey: DEVELOPMENT_ENCRYPTION_KEY,
    });
    expect(config.dataDir).toMatch(/[/\\]data$/);
  });

  it('when PORT is not a number, the start is refused with one line naming PORT and the value', () => {
    const problems = problemsOf({ PORT: 'eighty' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^PORT must be a whole number from 0 to 65535 \(got "eighty"\)$/);
  });

  it('when PORT is out of range or LOG_LEVEL unknown, each is named', () => {
    expect(problemsOf({ PORT: '70000' })[0]).toMatch(/^PORT /);
    expect(problemsOf({ LOG_LEVEL: 'loud' })[0]).toMatch(/^LOG_LEVEL must be one of fatal, error/);
  });

  it('when MONGODB_URI is not a MongoDB address, it is named but its value is not echoed', () => {
    const problems = problemsOf({ MONGODB_URI: 'postgres://user:secret@db/x' });
    expect(problems[0]).toMatch(/^MONGODB_URI must be a MongoDB connection string/);
    expect(problems.join()).not.toContain('secret');
  });

  it('in production, the start is refused without the encryption key, an https PUBLIC_URL and MONGODB_URI', () => {
    const problems = problemsOf({ NODE_ENV: 'production' });
    expect(problems).toEqual([
      expect.stringMatching(/^LTI_ENCRYPTION_KEY is required in production/),
      expect.stringMatching(/^PUBLIC_URL is required in production/),
      expect.stringMatching(/^MONGODB_URI is required in production/),
    ]);
    expect(problemsOf({ NODE_ENV: 'production', PUBLIC_URL: 'http://tool.example.edu', LTI_ENCRYPTION_KEY: 'k'.repeat(40), MONGODB_URI: 'mongodb://db/playroute' })).toEqual([
      expect.stringMatching(/^PUBLIC_URL must use https in production/),
    ]);
  });

  it('whatever the mode, a PUBLIC_URL others can reach is refused without a real encryption key (the development key is public)', () => {
    for (const NODE_ENV of ['development', 'test', 'production']) {
      for (const PUBLIC_URL of ['https://routes.school.nl', 'http://192.168.1.20:3000', 'http://[2001:db8::1]:3000']) {
        expect(problemsOf({ NODE_ENV, PUBLIC_URL, MONGODB_URI: 'mongodb://db/p' })).toContainEqual(expect.stringMatching(/^LTI_ENCRYPTION_KEY is required/));
      }
    }
  });

  it('on this machine only (localhost, 127.x, ::1) the development key still works, so a fresh checkout starts without setup', () => {
    for (const PUBLIC_URL of ['http://localhost:3000', 'http://127.0.0.1:4000', 'http://[::1]:3000', 'http://playroute.localhost:3000']) {
      expect(loadConfig({ PUBLIC_URL }).ltiEncryptionKey).toBe(DEVELOPMENT_ENCRYPTION_KEY);
    }
    expect(loadConfig({ PUBLIC_URL: 'https://routes.school.nl', LTI_ENCRYPTION_KEY: 'r'.repeat(40) }).ltiEncryptionKey).toBe('r'.repeat(40));
  });

  it('the login limits have safe defaults and refuse nonsense, naming the variable', () => {
    expect(loadConfig({}).loginLimits).toEqual({ perClientPerMinute: 300, waitingPerIssuer: 10_000 });
    expect(loadConfig({ LTI_LOGIN_RATE_LIMIT: '20', LTI_MAX_WAITING_LOGINS: '500' }).loginLimits).toEqual({ perClientPerMinute: 20, waitingPerIssuer: 500 });
    expect(problemsOf({ LTI_LOGIN_RATE_LIMIT: '0', LTI_MAX_WAITING_LOGINS: 'many' })).toEqual([
      expect.stringMatching(/^LTI_LOGIN_RATE_LIMIT must be a whole number of logins from 1/),
      expect.stringMatching(/^LTI_MAX_WAITING_LOGINS must be a whole number of logins from 1/),
    ]);
  });

  it('a short encryption key is refused without showing it', () => {
    const problems = problemsOf({ LTI_ENCRYPTION_KEY: 'short-secret' });
    expect(problems[0]).toBe('LTI_ENCRYPTION_KEY must be at least 32 characters long');
  });

  it('in production with everything set, the demo LMS is off and the server listens on all interfaces', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      PUBLIC_URL: 'https://playroute.example.edu/',
      LTI_ENCRYPTION_KEY: 'x'.repeat(48),
      MONGODB_URI: 'mongodb+srv://cluster.example.net/playroute',
    });
    expect(config).toMatchObject({ demoLms: false, host: '0.0.0.0', publicUrl: 'https://playroute.example.edu' });
    expect(() => loadConfig({ NODE_ENV: 'production', PUBLIC_URL: 'https://p.example.edu', LTI_ENCRYPTION_KEY: 'x'.repeat(48), MONGODB_URI: 'mongodb://db/p', DEMO_LMS: 'true' })).toThrow(/DEMO_LMS cannot be switched on in production/);
  });

  it('an empty variable counts as not set', () => {
    expect(loadConfig({ PORT: '', MONGODB_URI: '' })).toMatchObject({ port: 3000, mongodbUri: undefined });
  });
});
