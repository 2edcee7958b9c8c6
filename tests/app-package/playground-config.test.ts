import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import Ajv07Module from 'ajv';
import addFormatsModule from 'ajv-formats';
import { parse as parseYaml } from 'yaml';
import { BOT, CHANNEL, GROUP_CHAT, ROOT, TEAM, TENANT_ID, USERS, configPath, renderConfig } from '../../playground/configs.js';

// CommonJS packages: under NodeNext the default import is module.exports, whose `.default`
// is the export itself (these packages set both).
const Ajv = Ajv07Module.default;
const addFormats = addFormatsModule.default;

const require = createRequire(import.meta.url);
const SCHEMA_ID = 'https://aka.ms/teams-app-test-tool-config/0.1.1/config.schema.json';

/** The Playground bundles its config schema as a JSON.parse('...') literal; take it from there. */
function bundledSchema(): object {
  const bundle = readFileSync(require.resolve('@microsoft/m365agentsplayground/dist/index.js'), 'utf8');
  const at = bundle.indexOf(`{"$id":"${SCHEMA_ID}"`);
  expect(at, 'config schema not found in the Playground bundle').toBeGreaterThan(0);
  const end = bundle.indexOf("')", at);
  return JSON.parse(vm.runInNewContext(`'${bundle.slice(at, end)}'`) as string) as object;
}

interface PlaygroundConfig {
  tenantId: string;
  bot: { id: string };
  currentUser: { id: string; name: string };
  users: Array<{ id: string; name: string }>;
  personalChat: { id: string };
  groupChat: { id: string };
  team: { id: string; name: string; channels: Array<{ id: string; name: string }> };
}

describe('Agents Playground configs', () => {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const validate = ajv.compile(bundledSchema());

  for (const user of USERS) {
    it(`${user.key}: the checked-in file is valid for the Playground and up to date`, () => {
      const text = readFileSync(configPath(ROOT, user), 'utf8');
      expect(text).toBe(renderConfig(user));
      const cfg = parseYaml(text) as PlaygroundConfig;
      expect(validate(cfg), JSON.stringify(validate.errors)).toBe(true);
      // The Playground's own business rules: unique user ids and unique conversation ids.
      const userIds = [cfg.currentUser.id, ...cfg.users.map((u) => u.id)];
      expect(new Set(userIds).size).toBe(userIds.length);
      const convIds = [cfg.personalChat.id, cfg.groupChat.id, cfg.team.id, ...cfg.team.channels.map((c) => c.id)];
      expect(new Set(convIds).size).toBe(convIds.length);
      expect(cfg.currentUser.id).toBe(user.id);
    });
  }

  it('one demo tenant: procesregisseur as the default user, the partners, a group chat and the team with a channel', () => {
    const cfg = parseYaml(readFileSync(`${ROOT}/.m365agentsplayground.yml`, 'utf8')) as PlaygroundConfig;
    expect(cfg.currentUser.name).toBe('Priya de Regisseur');
    expect(cfg.users.map((u) => u.name)).toEqual(expect.arrayContaining(['Willem Wijkagent', 'Jamila Jongerenwerk', 'Otto Officier', 'Sanne School']));
    expect(cfg.tenantId).toBe(TENANT_ID);
    expect(cfg.bot.id).toBe(BOT.id);
    expect(cfg.groupChat.id).toBe(GROUP_CHAT.id);
    expect(cfg.team).toMatchObject({ id: TEAM.id, name: 'Jeugdgroepenoverleg', channels: [CHANNEL] });
    expect(new Set(USERS.map((u) => u.port)).size).toBe(USERS.length);
  });
});
