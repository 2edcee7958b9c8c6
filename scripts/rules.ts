// npm run rules: prints the rule registry with the tests that cover each enforced rule, and
// fails when an enforced rule has no test. Tests are found by the rule ID in their names.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { RULES } from '../src/workflow/rules.js';

const ROOT = new URL('..', import.meta.url).pathname;
const DIGEST = join(ROOT, '..', 'shared', 'domain', '7-stappenmodel.md');
const ID_RE = /\b(?:R-(?:0|1|2A|2B|3|4|5|6|7|X|F|G)-\d+|D-(?:1|2A|2B|3|4|5|6|7)-\d+|T-\d{2})\b/g;
// it('…') / test("…") / describe(`…`) titles.
const TITLE_RE = /\b(?:it|test|describe)(?:\.each\([^)]*\))?\(\s*(['"`])((?:\\.|(?!\1).)*)\1/g;

function testFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name === 'node_modules' ? [] : testFiles(p);
    return /\.test\.ts$/.test(name) ? [p] : [];
  });
}

function coverage(root = ROOT): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const file of testFiles(join(root, 'tests'))) {
    const src = readFileSync(file, 'utf8');
    for (const m of src.matchAll(TITLE_RE)) {
      const title = m[2]!;
      for (const id of title.match(ID_RE) ?? []) {
        const list = map.get(id) ?? [];
        list.push(`${relative(root, file)}: ${title.slice(0, 90)}`);
        map.set(id, list);
      }
    }
  }
  return map;
}

function main() {
  const cov = coverage();
  const verbose = process.argv.includes('--verbose');
  const missing: string[] = [];
  const counts = { enforced: 0, guidance: 0, out_of_scope: 0 };
  for (const r of RULES) {
    counts[r.status]++;
    const tests = cov.get(r.id) ?? [];
    if (r.status === 'enforced' && tests.length === 0) missing.push(r.id);
    const mark = r.status === 'enforced' ? (tests.length ? '✔' : '✘') : '·';
    console.log(`${mark} ${r.id.padEnd(8)} ${r.status.padEnd(12)} ${r.summary}`);
    if (r.status === 'enforced') {
      for (const t of verbose ? tests : tests.slice(0, 2)) console.log(`      ${t}`);
      if (!verbose && tests.length > 2) console.log(`      … and ${tests.length - 2} more`);
    }
  }
  console.log(`\n${RULES.length} rules: ${counts.enforced} enforced, ${counts.guidance} guidance, ${counts.out_of_scope} out of scope.`);

  if (existsSync(DIGEST)) {
    const digestIds = new Set(readFileSync(DIGEST, 'utf8').match(ID_RE) ?? []);
    const known = new Set(RULES.map((r) => r.id));
    const notInRegistry = [...digestIds].filter((id) => !known.has(id)).sort();
    console.log(
      notInRegistry.length
        ? `Digest IDs not yet in the registry (${notInRegistry.length}): ${notInRegistry.join(' ')}`
        : `Every digest ID (${digestIds.size}) is in the registry.`,
    );
  } else {
    console.log('Digest not found next to the project (../shared/domain/7-stappenmodel.md): registry not compared.');
  }

  if (missing.length) {
    console.error(`\nEnforced rules without a test: ${missing.join(' ')}`);
    process.exit(1);
  }
}

main();
