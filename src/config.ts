import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * Runtime configuration, validated once at start.
 *
 * mode:
 *  - 'local' when MicrosoftAppId is unset: no Bot Framework auth, embedded store, for the
 *    Microsoft 365 Agents Playground.
 *  - 'production' otherwise: JWT validation of every inbound activity, tenant allowlist,
 *    DATA_ENCRYPTION_KEY required.
 *
 * MicrosoftAppType defaults to 'SingleTenant': Azure no longer creates new multi-tenant bot
 * registrations, and a single-tenant bot fits one gemeente. SingleTenant and UserAssignedMSI
 * need MicrosoftAppTenantId; SingleTenant and MultiTenant need MicrosoftAppPassword.
 *
 * Variables: PORT (3978), HOST, DATA_DIR (./data), MONGODB_URI, DATA_ENCRYPTION_KEY (base64 of
 * 32 bytes), MicrosoftAppId, MicrosoftAppPassword, MicrosoftAppTenantId, MicrosoftAppType,
 * ALLOWED_TENANTS (comma list; default MicrosoftAppTenantId), CONVENANT_CONFIG (JSON file),
 * LOG_LEVEL (info), BODY_LIMIT (256kb), PUBLIC_URL.
 */
export type AppType = 'SingleTenant' | 'MultiTenant' | 'UserAssignedMSI';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface Config {
  mode: 'local' | 'production';
  port: number;
  /** Bind address: 127.0.0.1 in local mode (no auth there), 0.0.0.0 in production; HOST overrides. */
  host: string;
  dataDir: string;
  mongodbUri?: string;
  /**
   * SQLite durability: FULL (default) survives power loss; NORMAL (WAL) survives a process crash
   * but may lose the last writes on power loss, and is much faster.
   */
  sqliteSynchronous: 'FULL' | 'NORMAL';
  /** 32 raw bytes (master key for per-aanpak data keys); optional in local mode only. */
  dataEncryptionKey?: Buffer;
  bot: {
    appId?: string;
    appPassword?: string;
    tenantId?: string;
    appType: AppType;
  };
  /** Lower-cased tenant ids; enforced in production only. */
  allowedTenants: string[];
  /** Per-gemeente settings (partners, retention terms, cadence); validated by the domain. */
  convenant?: { path: string; settings: Record<string, unknown> };
  logLevel: LogLevel;
  /** express/body-parser size string, e.g. '256kb'. */
  bodyLimit: string;
  publicUrl?: string;
}

export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(problems.map((p) => `Configuratiefout / configuration error: ${p}`).join('\n'));
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

export interface LoadConfigOptions {
  /** Reads CONVENANT_CONFIG; injectable for tests. */
  readFile?: (file: string) => string;
  cwd?: string;
}

const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalString = z.preprocess(emptyToUndefined, z.string().trim().optional());

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SIZE = /^\d+(\.\d+)?\s*(b|kb|mb)?$/i;

const EnvSchema = z.object({
  PORT: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ invalid_type_error: 'PORT moet een getal zijn / must be a number' })
      .int('PORT moet een geheel getal zijn / must be an integer')
      .min(0, 'PORT moet tussen 0 en 65535 liggen / must be between 0 and 65535')
      .max(65535, 'PORT moet tussen 0 en 65535 liggen / must be between 0 and 65535')
      .default(3978),
  ),
  HOST: optionalString,
  DATA_DIR: optionalString,
  MONGODB_URI: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^mongodb(\+srv)?:\/\//, 'MONGODB_URI moet met mongodb:// of mongodb+srv:// beginnen / must start with mongodb:// or mongodb+srv://')
      .optional(),
  ),
  DATA_ENCRYPTION_KEY: optionalString,
  SQLITE_SYNCHRONOUS: z.preprocess(
    emptyToUndefined,
    z
      .enum(['FULL', 'NORMAL'], { errorMap: () => ({ message: 'SQLITE_SYNCHRONOUS moet FULL of NORMAL zijn / must be FULL or NORMAL' }) })
      .default('FULL'),
  ),
  MicrosoftAppId: optionalString,
  MicrosoftAppPassword: optionalString,
  MicrosoftAppTenantId: optionalString,
  MicrosoftAppType: z.preprocess(
    emptyToUndefined,
    z
      .enum(['SingleTenant', 'MultiTenant', 'UserAssignedMSI'], {
        errorMap: () => ({ message: 'MicrosoftAppType moet SingleTenant, MultiTenant of UserAssignedMSI zijn / must be SingleTenant, MultiTenant or UserAssignedMSI' }),
      })
      .default('SingleTenant'),
  ),
  ALLOWED_TENANTS: optionalString,
  CONVENANT_CONFIG: optionalString,
  LOG_LEVEL: z.preprocess(
    emptyToUndefined,
    z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
        errorMap: () => ({ message: 'LOG_LEVEL moet fatal, error, warn, info, debug, trace of silent zijn / must be one of fatal, error, warn, info, debug, trace, silent' }),
      })
      .default('info'),
  ),
  BODY_LIMIT: z.preprocess(
    emptyToUndefined,
    z.string().trim().regex(SIZE, "BODY_LIMIT moet een grootte zijn zoals '256kb' / must be a size like '256kb'").default('256kb'),
  ),
  PUBLIC_URL: z.preprocess(
    emptyToUndefined,
    z.string().url('PUBLIC_URL moet een URL zijn / must be a URL').optional(),
  ),
});

function decodeKey(value: string): Buffer | undefined {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(value)) return undefined;
  const buf = Buffer.from(value, 'base64');
  return buf.length === 32 ? buf : undefined;
}

/**
 * Validates the environment. Throws ConfigError listing every problem (bilingual), never
 * echoing secret values.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, options: LoadConfigOptions = {}): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => (i.message.includes(String(i.path[0])) ? i.message : `${String(i.path[0])}: ${i.message}`)));
  }
  const e = parsed.data;
  const problems: string[] = [];
  const mode: Config['mode'] = e.MicrosoftAppId ? 'production' : 'local';
  const production = mode === 'production';

  let dataEncryptionKey: Buffer | undefined;
  if (e.DATA_ENCRYPTION_KEY) {
    dataEncryptionKey = decodeKey(e.DATA_ENCRYPTION_KEY);
    if (!dataEncryptionKey) {
      problems.push('DATA_ENCRYPTION_KEY moet base64 van precies 32 bytes zijn / must be base64 of exactly 32 bytes (e.g. `openssl rand -base64 32`)');
    }
  } else if (production) {
    problems.push('DATA_ENCRYPTION_KEY ontbreekt / is missing (required in production)');
  }

  if (production) {
    const appId = e.MicrosoftAppId ?? '';
    if (!GUID.test(appId)) problems.push('MicrosoftAppId moet een GUID zijn / must be a GUID');
    if (e.MicrosoftAppType !== 'MultiTenant' && !e.MicrosoftAppTenantId) {
      problems.push(`MicrosoftAppTenantId ontbreekt / is missing (required for ${e.MicrosoftAppType})`);
    }
    if (e.MicrosoftAppTenantId && !GUID.test(e.MicrosoftAppTenantId)) {
      problems.push('MicrosoftAppTenantId moet een GUID zijn / must be a GUID');
    }
    if (e.MicrosoftAppType === 'UserAssignedMSI') {
      if (e.MicrosoftAppPassword) problems.push('MicrosoftAppPassword moet leeg zijn bij UserAssignedMSI / must be empty for UserAssignedMSI');
    } else if (!e.MicrosoftAppPassword) {
      problems.push(`MicrosoftAppPassword ontbreekt / is missing (required for ${e.MicrosoftAppType})`);
    }
  }

  const listed = (e.ALLOWED_TENANTS ?? '')
    .split(',')
    .map((t) => t.trim().toLowerCase())
    .filter((t) => t.length > 0);
  const allowedTenants = listed.length > 0 ? listed : e.MicrosoftAppTenantId ? [e.MicrosoftAppTenantId.toLowerCase()] : [];
  for (const t of listed) {
    if (!GUID.test(t)) problems.push(`ALLOWED_TENANTS bevat een ongeldige tenant-id / contains an invalid tenant id: '${t}'`);
  }
  if (production && allowedTenants.length === 0) {
    problems.push('ALLOWED_TENANTS ontbreekt / is missing (required in production; defaults to MicrosoftAppTenantId)');
  }

  let convenant: Config['convenant'];
  if (e.CONVENANT_CONFIG) {
    const file = path.resolve(options.cwd ?? process.cwd(), e.CONVENANT_CONFIG);
    const read = options.readFile ?? ((f: string) => readFileSync(f, 'utf8'));
    let text: string | undefined;
    try {
      text = read(file);
    } catch {
      problems.push(`CONVENANT_CONFIG: bestand niet leesbaar / file not readable: ${file}`);
    }
    if (text !== undefined) {
      try {
        const settings: unknown = JSON.parse(text);
        if (settings === null || typeof settings !== 'object' || Array.isArray(settings)) {
          problems.push(`CONVENANT_CONFIG: geen JSON-object / not a JSON object: ${file}`);
        } else {
          convenant = { path: file, settings: settings as Record<string, unknown> };
        }
      } catch {
        problems.push(`CONVENANT_CONFIG: ongeldige JSON / invalid JSON: ${file}`);
      }
    }
  }

  if (problems.length > 0) throw new ConfigError(problems);

  return {
    mode,
    port: e.PORT,
    host: e.HOST ?? (production ? '0.0.0.0' : '127.0.0.1'),
    dataDir: path.resolve(options.cwd ?? process.cwd(), e.DATA_DIR ?? './data'),
    mongodbUri: e.MONGODB_URI,
    sqliteSynchronous: e.SQLITE_SYNCHRONOUS,
    dataEncryptionKey,
    bot: {
      appId: e.MicrosoftAppId,
      appPassword: e.MicrosoftAppPassword,
      tenantId: e.MicrosoftAppTenantId,
      appType: e.MicrosoftAppType,
    },
    allowedTenants,
    convenant,
    logLevel: e.LOG_LEVEL,
    bodyLimit: e.BODY_LIMIT,
    publicUrl: e.PUBLIC_URL,
  };
}
