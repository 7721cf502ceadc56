import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from './support/run-cli.js';

/**
 * The package as users get it: `npm pack`, then install the tarball into an empty project (or,
 * for intranet PCs, the all-in-one offline tarball with no registry and an empty cache) and run
 * what they would run. Dependencies come from npm's cache that `npm ci` filled (--prefer-offline).
 */
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const EPOCH = { SOURCE_DATE_EPOCH: '1704067200' };

function run(command: string, args: string[], options: SpawnSyncOptions & { env?: NodeJS.ProcessEnv } = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 30, ...options, env: { ...process.env, ...options.env } });
  return { status: result.status ?? -1, stdout: String(result.stdout), stderr: String(result.stderr) };
}

/** Every file under `dir`, relative, sorted. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

let checkoutOut: string | undefined;
/** The outputs the checkout's own command writes for data/, to compare bytes with (built once). */
function checkoutBuild(): string {
  if (checkoutOut) return checkoutOut;
  const out = join(work, 'checkout-out');
  const built = runCli(['build', 'data', '-o', out], { env: EPOCH });
  expect(built.status, built.stderr).toBe(0);
  return (checkoutOut = out);
}

/** The installed `bin` builds data/ (copied into `project`) to the same bytes as the checkout; returns the checkout's out/. */
function expectSameBuild(bin: string, project: string): string {
  cpSync(join(ROOT, 'data'), join(project, 'data'), { recursive: true });
  const built = run(bin, ['build', 'data', '-o', 'out'], { cwd: project, env: EPOCH });
  expect(built.status, built.stderr).toBe(0);
  const reference = checkoutBuild();
  const outputs = filesUnder(join(project, 'out')).filter((path) => /\.(pdf|docx)$/.test(path));
  expect(outputs).toEqual(filesUnder(reference).filter((path) => /\.(pdf|docx)$/.test(path)));
  expect(outputs.length).toBeGreaterThan(0);
  for (const path of outputs) expect(readFileSync(join(project, 'out', path)).equals(readFileSync(join(reference, path))), path).toBe(true);
  return reference;
}

let work: string;
let tarball: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'ziping-package-'));
  // dist/ is built by the test setup; --ignore-scripts keeps `prepack` from rebuilding it under running tests.
  const packed = run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], { cwd: ROOT });
  expect(packed.status, packed.stderr).toBe(0);
  tarball = join(work, (JSON.parse(packed.stdout) as { filename: string }[])[0].filename);
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('npm pack → npm install → npx ziping', () => {
  it('ships what runs (the bundle, the library and its types, templates, fonts config, schema) and nothing of the development tree', () => {
    const listed = run('tar', ['-tzf', tarball]);
    const files = listed.stdout.split('\n').filter(Boolean).map((path) => path.replace(/^package\//, ''));
    for (const needed of ['bin/ziping.js', 'dist/bundle/main.js', 'dist/bundle/build-worker.js', 'dist/bundle/index.js', 'dist/index.d.ts', 'templates/项目支出/template.hbs', 'fonts/fonts.json', 'data/form.schema.json', 'README.md']) {
      expect(files).toContain(needed);
    }
    expect(files.filter((path) => /^(src|test|node_modules|out|dist\/bench|dist\/release)\//.test(path) || path.endsWith('.test.js'))).toEqual([]);
  });

  it('installs into an empty project without a warning; the installed command builds the same bytes as the checkout; the library builds, checks and type-checks strictly', () => {
    const project = join(work, 'consumer');
    mkdirSync(project);
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    // @types/node at the checkout's version, only so the consumer below may import node:fs.
    const typesNode = (JSON.parse(readFileSync(join(ROOT, 'node_modules/@types/node/package.json'), 'utf8')) as { version: string }).version;
    const installed = run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', tarball, `@types/node@${typesNode}`], { cwd: project });
    expect(installed.status, installed.stderr).toBe(0);
    // No EBADENGINE (docx's nanoid@6 wants Node ≥ 22), no install scripts awaiting approval.
    expect(installed.stderr.split('\n').filter((line) => /warn/i.test(line))).toEqual([]);

    const bin = join(project, 'node_modules/.bin/ziping');
    const version = run(bin, ['--version'], { cwd: project });
    expect(version.stdout.trim()).toBe(VERSION);

    const reference = expectSameBuild(bin, project);

    // The library, as a TypeScript user writes it.
    writeFileSync(
      join(project, 'use.ts'),
      `import { writeFileSync } from 'node:fs';
import { checkForms, createFormBuilder, type BuiltForm, type FormReport } from 'ziping';

const builder = createFormBuilder({ formats: ['pdf', 'docx'], date: new Date(${Number(EPOCH.SOURCE_DATE_EPOCH) * 1000}) });
const built: BuiltForm = await builder.build('data/2023/yuzhong-gov-office/summer-visits.yaml');
if (built.ok) for (const output of built.outputs) writeFileSync('api.' + output.format, output.bytes);
const reports: FormReport[] = await checkForms(['data']);
console.log(JSON.stringify({ ok: built.ok, scores: reports.map((report) => [report.file, report.printed?.selfScore ?? null]) }));
`,
    );
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { target: 'ES2022', lib: ['ES2022'], module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, skipLibCheck: false, types: ['node'], outDir: 'js' }, files: ['use.ts'] }),
    );
    const tsc = run(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', '.'], { cwd: project });
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
    const used = run(process.execPath, ['js/use.js'], { cwd: project });
    expect(used.status, used.stderr).toBe(0);
    const result = JSON.parse(used.stdout) as { ok: boolean; scores: [string, string | null][] };
    expect(result.ok).toBe(true);
    for (const format of ['pdf', 'docx']) {
      expect(readFileSync(join(project, `api.${format}`)).equals(readFileSync(join(reference, `2023/yuzhong-gov-office/summer-visits.${format}`))), format).toBe(true);
    }
    // The library scores as `ziping check` does.
    const checked = JSON.parse(runCli(['check', 'data', '--json']).stdout) as { forms: { file: string; printed?: { selfScore: string } }[] };
    expect(result.scores).toEqual(checked.forms.map((form) => [form.file, form.printed?.selfScore ?? null]));
  });
});

describe('npm run pack:offline → install on a PC with no registry', () => {
  it('one tarball with every dependency installs with --offline and an empty cache, and builds the same bytes', () => {
    const made = run(process.execPath, [join(ROOT, 'dist/release/pack-offline.js'), work], { cwd: ROOT });
    expect(made.status, made.stderr).toBe(0);
    const offline = join(work, `ziping-${VERSION}-offline.tgz`);
    expect(made.stdout).toContain(offline);

    const prefix = join(work, 'intranet-prefix');
    const installed = run('npm', ['install', '-g', '--offline', '--no-audit', '--no-fund', '--prefix', prefix, '--cache', join(work, 'empty-cache'), offline], { cwd: work });
    expect(installed.status, installed.stderr).toBe(0);
    const bin = join(prefix, 'bin/ziping');
    expect(run(bin, ['--version']).stdout.trim()).toBe(VERSION);

    const project = join(work, 'intranet');
    expectSameBuild(bin, project);
  });
});
