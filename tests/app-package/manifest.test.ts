import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import AjvDraft04Module from 'ajv-draft-04';
import addFormatsModule from 'ajv-formats';
import { PNG } from 'pngjs';
import { APP_PACKAGE_DIR, DEV_BOT_ID, buildAppPackage, manifestVariables, readManifestTemplate, renderManifest } from '../../scripts/package-app.js';

// CommonJS packages: under NodeNext the default import is module.exports, whose `.default`
// is the export itself (these packages set both).
const Ajv = AjvDraft04Module.default;
const addFormats = addFormatsModule.default;

const require = createRequire(import.meta.url);

interface Manifest {
  manifestVersion: string;
  id: string;
  name: { short: string; full?: string };
  description: { short: string; full: string };
  icons: { color: string; outline: string };
  bots: Array<{ botId: string; scopes: string[]; commandLists: Array<{ scopes: string[]; commands: Array<{ title: string }> }> }>;
  validDomains: string[];
}

function loadSchema(version: string): object {
  // Shipped by @microsoft/app-manifest: no download at test time.
  return require(`@microsoft/app-manifest/build/json-schemas/teams/v${version}/MicrosoftTeams.schema.json`) as object;
}

function validate(manifest: unknown, version: string) {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const check = ajv.compile(loadSchema(version));
  const ok = check(manifest);
  return { ok, errors: check.errors ?? [] };
}

const rendered = (env: NodeJS.ProcessEnv = {}): Manifest => JSON.parse(renderManifest(readManifestTemplate(), manifestVariables(env))) as Manifest;

describe('Teams app manifest', () => {
  it('is on the newest manifest schema shipped by @microsoft/app-manifest', () => {
    const dir = path.dirname(require.resolve('@microsoft/app-manifest/build/json-schemas/teams/v1.0/MicrosoftTeams.schema.json'));
    const versions = readdirVersions(path.dirname(dir));
    const newest = versions.sort((a, b) => compareVersions(b, a))[0];
    expect(rendered().manifestVersion).toBe(newest);
  });

  it('validates against its JSON schema with development values and with production values', () => {
    const dev = rendered();
    const devResult = validate(dev, dev.manifestVersion);
    expect(devResult.errors).toEqual([]);
    expect(devResult.ok).toBe(true);

    const prod = rendered({ MicrosoftAppId: '0f0e0d0c-0b0a-4909-8807-060504030201', PUBLIC_URL: 'https://groepsaanpak.gemeente.example', TEAMS_APP_ID: '12345678-90ab-4cde-8f01-234567890abc' });
    expect(validate(prod, prod.manifestVersion).errors).toEqual([]);
    expect(prod.bots[0]?.botId).toBe('0f0e0d0c-0b0a-4909-8807-060504030201');
    expect(prod.validDomains).toEqual(['groepsaanpak.gemeente.example']);
  });

  it('the schema check catches a broken manifest (the validator is live)', () => {
    const broken = { ...rendered(), id: 'not-a-guid' };
    expect(validate(broken, broken.manifestVersion).ok).toBe(false);
  });

  it('fills every placeholder, defaulting the bot id to the Playground bot', () => {
    const text = renderManifest(readManifestTemplate(), manifestVariables({}));
    expect(text).not.toMatch(/\$\{\{/);
    expect(rendered().bots[0]?.botId).toBe(DEV_BOT_ID);
    expect(() => renderManifest('{"id":"${{NOPE}}"}', {})).toThrow(/NOPE/);
  });

  it('has a Dutch name and description, the bot in personal, team and groupChat, and the Dutch commands', () => {
    const m = rendered();
    expect(m.name.short).toBe('Groepsaanpak');
    expect(m.description.short).toMatch(/jeugdgroep/);
    const bot = m.bots[0]!;
    expect(bot.scopes.sort()).toEqual(['groupChat', 'personal', 'team']);
    const titles = new Set(bot.commandLists.flatMap((l) => l.commands.map((c) => c.title)));
    for (const cmd of ['help', 'nieuwe aanpak', 'status', 'deelnemers', 'stap', 'checklist', 'rondvraag', 'duiding', 'informatievragen', 'namenlijst', 'acties', 'mijn taken', 'overzicht']) {
      expect(titles.has(cmd), cmd).toBe(true);
    }
    const personal = bot.commandLists.find((l) => l.scopes.includes('personal'))!;
    expect(personal.commands.map((c) => c.title)).toContain('mijn taken');
  });

  it('has a 192×192 colour icon and a 32×32 transparent outline icon in white', () => {
    const m = rendered();
    const color = PNG.sync.read(readFileSync(path.join(APP_PACKAGE_DIR, m.icons.color)));
    expect([color.width, color.height]).toEqual([192, 192]);
    const outline = PNG.sync.read(readFileSync(path.join(APP_PACKAGE_DIR, m.icons.outline)));
    expect([outline.width, outline.height]).toEqual([32, 32]);
    let transparent = 0;
    let opaque = 0;
    for (let i = 0; i < outline.data.length; i += 4) {
      const [r, g, b, a] = [outline.data[i]!, outline.data[i + 1]!, outline.data[i + 2]!, outline.data[i + 3]!];
      if (a === 0) transparent++;
      else {
        opaque++;
        expect([r, g, b]).toEqual([255, 255, 255]);
      }
    }
    expect(transparent).toBeGreaterThan(0);
    expect(opaque).toBeGreaterThan(0);
  });

  it('npm run package builds a zip with manifest.json and both icons at the root', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'apppkg-'));
    try {
      const file = await buildAppPackage(path.join(dir, 'appPackage.zip'), {});
      const names = zipEntryNames(readFileSync(file));
      expect(names.sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

function readdirVersions(dir: string): string[] {
  return readdirSync(dir)
    .filter((d) => /^v\d+\.\d+$/.test(d))
    .map((d) => d.slice(1));
}

function compareVersions(a: string, b: string): number {
  const [a1, a2] = a.split('.').map(Number) as [number, number];
  const [b1, b2] = b.split('.').map(Number) as [number, number];
  return a1 - b1 || a2 - b2;
}

/** File names from a zip's central directory (signature PK\x01\x02). */
function zipEntryNames(buf: Buffer): string[] {
  const names: string[] = [];
  for (let i = 0; i + 46 <= buf.length; i++) {
    if (buf.readUInt32LE(i) !== 0x02014b50) continue;
    const nameLen = buf.readUInt16LE(i + 28);
    const extraLen = buf.readUInt16LE(i + 30);
    const commentLen = buf.readUInt16LE(i + 32);
    names.push(buf.toString('utf8', i + 46, i + 46 + nameLen));
    i += 45 + nameLen + extraLen + commentLen;
  }
  return names;
}
