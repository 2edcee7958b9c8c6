/**
 * Builds build/appPackage.zip (manifest.json + color.png + outline.png) for upload to Teams.
 *
 *   npm run package
 *
 * Placeholders `${{NAME}}` in appPackage/manifest.json are filled from the environment:
 *   TEAMS_APP_ID   Teams app id (GUID); default: a fixed development GUID
 *   BOT_ID         default: MicrosoftAppId, else the development bot id of the Playground config
 *   BOT_DOMAIN     default: host of PUBLIC_URL, else 'localhost'
 *   WEBSITE_URL    default: PUBLIC_URL, else https://www.example.org/groepsaanpak
 *   DEVELOPER_NAME default: 'Gemeente'
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import yazl from 'yazl';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const APP_PACKAGE_DIR = path.join(ROOT, 'appPackage');
export const PACKAGE_FILES = ['manifest.json', 'color.png', 'outline.png'] as const;

/** Development ids: the bot id matches `.m365agentsplayground.yml`. */
export const DEV_TEAMS_APP_ID = '3c8b5f0e-7a21-4d6e-9f43-0b1d2e3f4a5b';
export const DEV_BOT_ID = '6f1c2b8e-2d4a-4c1e-9b7a-3e5d8c9a1f20';

export function manifestVariables(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const publicUrl = env.PUBLIC_URL?.trim() || undefined;
  return {
    TEAMS_APP_ID: env.TEAMS_APP_ID?.trim() || DEV_TEAMS_APP_ID,
    BOT_ID: env.BOT_ID?.trim() || env.MicrosoftAppId?.trim() || DEV_BOT_ID,
    BOT_DOMAIN: env.BOT_DOMAIN?.trim() || (publicUrl ? new URL(publicUrl).host : 'localhost'),
    WEBSITE_URL: (env.WEBSITE_URL?.trim() || publicUrl || 'https://www.example.org/groepsaanpak').replace(/\/+$/, ''),
    DEVELOPER_NAME: env.DEVELOPER_NAME?.trim() || 'Gemeente',
  };
}

/** Replaces every `${{NAME}}`; throws on a placeholder without a value. Values are JSON-escaped. */
export function renderManifest(template: string, vars: Record<string, string>): string {
  const rendered = template.replace(/\$\{\{\s*([A-Z0-9_]+)\s*\}\}/g, (_m, name: string) => {
    const value = vars[name];
    if (value === undefined) throw new Error(`manifest placeholder \${{${name}}} has no value`);
    return JSON.stringify(value).slice(1, -1);
  });
  JSON.parse(rendered); // fail here, not in Teams
  return rendered;
}

export function readManifestTemplate(): string {
  return readFileSync(path.join(APP_PACKAGE_DIR, 'manifest.json'), 'utf8');
}

export async function buildAppPackage(outFile = path.join(ROOT, 'build', 'appPackage.zip'), env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const manifest = renderManifest(readManifestTemplate(), manifestVariables(env));
  mkdirSync(path.dirname(outFile), { recursive: true });
  const zip = new yazl.ZipFile();
  // Fixed mtime: the same inputs give the same zip.
  const mtime = new Date('2025-01-01T00:00:00Z');
  zip.addBuffer(Buffer.from(manifest, 'utf8'), 'manifest.json', { mtime });
  for (const file of PACKAGE_FILES.filter((f) => f !== 'manifest.json')) {
    zip.addBuffer(readFileSync(path.join(APP_PACKAGE_DIR, file)), file, { mtime });
  }
  zip.end();
  await new Promise<void>((resolve, reject) => {
    const out = createWriteStream(outFile);
    out.on('close', () => resolve());
    out.on('error', reject);
    zip.outputStream.on('error', reject).pipe(out);
  });
  return outFile;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  buildAppPackage().then(
    (file) => console.log(`Teams app package: ${path.relative(process.cwd(), file)}`),
    (err: unknown) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    },
  );
}
