// The one place that reads the environment: parses it once into a typed Config, or fails naming what is wrong.
import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Used only outside production, so that a fresh checkout starts with no setup. */
export const DEVELOPMENT_ENCRYPTION_KEY = 'playroute-development-only-key-do-not-use-in-production';

const booleanFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production'], { message: 'must be development, test or production' }).default('development'),
  PORT: z.coerce
    .number({ message: 'must be a whole number from 0 to 65535' })
    .int('must be a whole number from 0 to 65535')
    .min(0, 'must be a whole number from 0 to 65535')
    .max(65535, 'must be a whole number from 0 to 65535')
    .default(3000),
  HOST: z.string().min(1, 'must not be empty').optional(),
  PUBLIC_URL: z.url({ message: 'must be an absolute http(s) URL, e.g. https://playroute.example.edu' }).optional(),
  MONGODB_URI: z
    .string()
    .regex(/^mongodb(\+srv)?:\/\/.+/, 'must be a MongoDB connection string (mongodb:// or mongodb+srv://)')
    .optional(),
  DATA_DIR: z.string().min(1, 'must not be empty').default('./data'),
  LTI_ENCRYPTION_KEY: z.string().min(32, 'must be at least 32 characters long').optional(),
  LOG_LEVEL: z.enum(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
  DEMO_LMS: booleanFromEnv.optional(),
  LTI_REGISTRATION_KEY: z.string().min(16, 'must be at least 16 characters long').optional(),
  PRIVACY_ADMIN_TOKEN: z.string().min(32, 'must be at least 32 characters long').optional(),
  RETENTION_DAYS: z.coerce
    .number({ message: 'must be a whole number of days from 30 to 3650' })
    .int('must be a whole number of days from 30 to 3650')
    .min(30, 'must be a whole number of days from 30 to 3650')
    .max(3650, 'must be a whole number of days from 30 to 3650')
    .default(365),
  LTI_CLOCK_LEEWAY_SECONDS: z.coerce
    .number({ message: 'must be a whole number of seconds from 0 to 300' })
    .int('must be a whole number of seconds from 0 to 300')
    .min(0, 'must be a whole number of seconds from 0 to 300')
    .max(300, 'must be a whole number of seconds from 0 to 300')
    .default(30),
  LTI_LOGIN_RATE_LIMIT: wholeNumberOfLogins(1, 100_000).default(300),
  LTI_MAX_WAITING_LOGINS: wholeNumberOfLogins(1, 1_000_000).default(10_000),
  TRUST_PROXY: trustProxySetting().default(false),
  METRICS_TOKEN: z.string().min(24, 'must be at least 24 characters long').optional(),
  METRICS_PORT: z.coerce
    .number({ message: 'must be a whole number from 0 to 65535' })
    .int('must be a whole number from 0 to 65535')
    .min(0, 'must be a whole number from 0 to 65535')
    .max(65535, 'must be a whole number from 0 to 65535')
    .optional(),
  SHUTDOWN_DRAIN_SECONDS: z.coerce
    .number({ message: 'must be a number of seconds from 0 to 120' })
    .min(0, 'must be a number of seconds from 0 to 120')
    .max(120, 'must be a number of seconds from 0 to 120')
    .default(0),
});

function wholeNumberOfLogins(min: number, max: number) {
  const message = `must be a whole number of logins from ${min} to ${max}`;
  return z.coerce.number({ message }).int(message).min(min, message).max(max, message);
}

// express's own names for address ranges ('trust proxy' in https://expressjs.com/en/guide/behind-proxies.html).
const PROXY_RANGES = ['loopback', 'linklocal', 'uniquelocal'];
const TRUST_PROXY_RULE = 'must be false, true, a number of proxies (1, 2, …), or a comma-separated list of proxy addresses (10.0.0.5, 10.0.0.0/8, loopback)';

/** An address (IPv4/IPv6), a subnet in CIDR notation, or one of express's range names. */
function isProxyAddress(value: string): boolean {
  if (PROXY_RANGES.includes(value)) return true;
  const [address = '', prefix, ...rest] = value.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
}

// Which proxies may tell us the client's address and protocol (X-Forwarded-For/-Proto): passed to express's 'trust proxy'.
function trustProxySetting() {
  return z
    .string()
    .trim()
    .transform((value, ctx): boolean | number | string[] => {
      if (value === 'false') return false;
      if (value === 'true') return true;
      if (/^\d+$/.test(value)) {
        const hops = Number(value);
        if (hops <= 100) return hops;
      } else {
        const addresses = value.split(',').map((item) => item.trim());
        if (addresses.every(isProxyAddress)) return addresses;
      }
      ctx.addIssue({ code: 'custom', message: TRUST_PROXY_RULE });
      return z.NEVER;
    });
}

export type LogLevel = (typeof LOG_LEVELS)[number];

export interface Config {
  env: 'development' | 'test' | 'production';
  port: number;
  host: string;
  /** The address the LMS and browsers reach us on; no trailing slash. */
  publicUrl: string;
  /** Set when a real MongoDB is used; otherwise the embedded store runs under dataDir. */
  mongodbUri: string | undefined;
  dataDir: string;
  ltiEncryptionKey: string;
  logLevel: LogLevel;
  /** The simulated LMS, offered on the start page; never in production. */
  demoLms: boolean;
  /** How far the LMS's clock may be off when checking exp and iat of its tokens. */
  clockLeewaySeconds: number;
  /** The key an LMS must present to register dynamically; without it, production refuses dynamic registration. */
  registrationKey: string | undefined;
  /**
   * The operator's bearer token for the privacy admin API (erasure, retention per course). Its own secret, not the
   * registration key, which LMS administrators type into their LMS. Unset: the admin privacy routes do not exist.
   */
  privacyAdminToken: string | undefined;
  /** Days after a course's last activity that its personal data is removed, unless the operator set the course apart. */
  retentionDays: number;
  /** Guards on the unauthenticated login initiation, which writes a login state per request. */
  loginLimits: {
    /** Logins one client address may start per minute for one platform (a whole class behind one NAT shares it). */
    perClientPerMinute: number;
    /** Logins of one platform waiting for their launch at once; beyond it new logins get 503. */
    waitingPerIssuer: number;
  };
  /**
   * express's 'trust proxy': which proxies in front of Playroute may set X-Forwarded-For/-Proto, so that req.ip (logs,
   * the login rate limit) is the client's. false (the default) trusts none: a client could otherwise claim any address.
   */
  trustProxy: boolean | number | string[];
  /**
   * Prometheus metrics, never public: `/metrics` on the app's port only with `Authorization: Bearer <token>`, and/or
   * alone on a port of its own (which the reverse proxy does not forward). Neither set: no metrics endpoint at all.
   */
  metrics: { token: string | undefined; port: number | undefined };
  /** After SIGTERM, how long readiness says "draining" while requests are still taken, before the port closes. */
  drainSeconds: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'ConfigError';
  }
}

/** Builds the Config from an environment (process.env in production code), or throws ConfigError. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(withoutEmptyValues(env));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? 'environment');
      return `${name} ${issue.message}${describeValue(name, env[name])}`;
    });
    throw new ConfigError(problems);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  const problems: string[] = [];
  if (production && !e.LTI_ENCRYPTION_KEY) problems.push('LTI_ENCRYPTION_KEY is required in production (at least 32 random characters)');
  // The development key is in this source: with it, anyone could sign a teacher's session. Only this machine may use it.
  else if (!e.LTI_ENCRYPTION_KEY && e.PUBLIC_URL && !isLoopback(e.PUBLIC_URL)) {
    problems.push('LTI_ENCRYPTION_KEY is required when PUBLIC_URL is reachable from other machines (the development key is public); set at least 32 random characters');
  }
  if (production && !e.PUBLIC_URL) problems.push('PUBLIC_URL is required in production (the https address the LMS reaches Playroute on)');
  if (production && e.PUBLIC_URL && !e.PUBLIC_URL.startsWith('https://')) problems.push('PUBLIC_URL must use https in production (LMSs refuse plain http tools)');
  if (production && !e.MONGODB_URI) problems.push('MONGODB_URI is required in production (the embedded store is for trying Playroute out)');
  if (production && e.DEMO_LMS) problems.push('DEMO_LMS cannot be switched on in production');
  if (problems.length > 0) throw new ConfigError(problems);

  const host = e.HOST ?? (production ? '0.0.0.0' : '127.0.0.1');
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    mongodbUri: e.MONGODB_URI,
    dataDir: path.resolve(e.DATA_DIR),
    ltiEncryptionKey: e.LTI_ENCRYPTION_KEY ?? DEVELOPMENT_ENCRYPTION_KEY,
    logLevel: e.LOG_LEVEL,
    demoLms: !production && (e.DEMO_LMS ?? true),
    clockLeewaySeconds: e.LTI_CLOCK_LEEWAY_SECONDS,
    registrationKey: e.LTI_REGISTRATION_KEY,
    privacyAdminToken: e.PRIVACY_ADMIN_TOKEN,
    retentionDays: e.RETENTION_DAYS,
    loginLimits: { perClientPerMinute: e.LTI_LOGIN_RATE_LIMIT, waitingPerIssuer: e.LTI_MAX_WAITING_LOGINS },
    trustProxy: e.TRUST_PROXY,
    metrics: { token: e.METRICS_TOKEN, port: e.METRICS_PORT },
    drainSeconds: e.SHUTDOWN_DRAIN_SECONDS,
  };
}

/** localhost, *.localhost (RFC 6761), 127.0.0.0/8 and ::1: addresses no other machine can reach. */
export function isLoopback(url: string): boolean {
  const host = new URL(url).hostname.toLowerCase();
  return host === 'localhost' || host.endsWith('.localhost') || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);
}

// An empty variable (FOO=) means "not set", as most deployment tools intend it.
function withoutEmptyValues(env: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== ''));
}

// Secrets are never echoed back, even in an error.
function describeValue(name: string, value: string | undefined): string {
  if (value === undefined || value === '' || /KEY|SECRET|PASSWORD|TOKEN|URI/i.test(name)) return '';
  return ` (got "${value.slice(0, 60)}")`;
}
