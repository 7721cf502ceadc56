import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import fg from 'fast-glob';
import { parse, parseAllDocuments } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeSyntheticTree } from '../src/bench/write-synthetic-tree.js';
import { ROOT } from './support/run-cli.js';

/**
 * The examples in docs/sharding.md, run as the engines would run them: the Kubernetes Indexed Job's
 * container script once per completion index (each in its own copy of the project, sharing only the
 * mounted volume), then the merge Job; the GitHub Actions workflow's steps once per matrix value,
 * artifacts passed as upload/download-artifact pass them, then the merge job. Each merged result
 * must equal, byte for byte and entry for entry, one ordinary build of the same data.
 */

const DOCS = join(ROOT, 'docs/examples');
/** Variables of the machine running the tests that would change what the examples do. */
const FOREIGN = /^(SOURCE_DATE_EPOCH|ZIPING_.*|JOB_COMPLETION_INDEX|CI_NODE_INDEX|CI_NODE_TOTAL)$/;

function cleanEnv(extra: Record<string, string>): Record<string, string> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name, value]) => !FOREIGN.test(name) && value !== undefined)) as Record<string, string>;
  return { ...env, ...extra };
}

/** The sample data plus generated forms, so that each of 4 shards has work. */
let project: string;
/** `ziping` on PATH, as an image with `npm install -g ziping` has it. */
let binDir: string;

function copyProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ziping-engine-'));
  cpSync(project, dir, { recursive: true });
  return dir;
}

function zipingShim(file: string): void {
  writeFileSync(file, `#!/bin/sh\nexec "${process.execPath}" "${join(ROOT, 'bin/ziping.js')}" "$@"\n`);
  chmodSync(file, 0o755);
}

function run(shell: string[], script: string, cwd: string, env: Record<string, string>) {
  const result = spawnSync(shell[0], [...shell.slice(1), script], { cwd, env: cleanEnv({ ...env, PATH: `${binDir}:${process.env.PATH}` }), encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

/** Every file below `dir` (hidden ones too), relative, sorted. */
const filesIn = (dir: string) => fg.sync('**/*', { cwd: dir, dot: true, onlyFiles: true }).sort();
const isManifest = (file: string) => /^\.ziping-manifest(\.shard-\d+-of-\d+)?\.json$/.test(file);

/** One ordinary build of the same data, with the date the examples set. */
function referenceBuild(epoch: string): string {
  const dir = copyProject();
  const result = run(['sh', '-c'], 'ziping build data', dir, { SOURCE_DATE_EPOCH: epoch });
  expect(result.status, result.output).toBe(0);
  return join(dir, 'out');
}

/** The merged folder holds the reference build's files with the same bytes, and the same manifest. */
function expectSameAsOneBuild(merged: string, reference: string, count: number): void {
  const outputs = filesIn(reference).filter((file) => !isManifest(file));
  expect(outputs.filter((file) => file.endsWith('.pdf')).length).toBeGreaterThanOrEqual(count);
  expect(filesIn(merged).filter((file) => !isManifest(file))).toEqual(outputs);
  for (const file of outputs) expect(readFileSync(join(merged, file)).equals(readFileSync(join(reference, file))), file).toBe(true);
  const manifests = filesIn(merged).filter(isManifest);
  expect(manifests).toEqual(['.ziping-manifest.json', ...Array.from({ length: count }, (_, i) => `.ziping-manifest.shard-${i + 1}-of-${count}.json`)].sort());
  const read = (dir: string) => JSON.parse(readFileSync(join(dir, '.ziping-manifest.json'), 'utf8'));
  expect(read(merged)).toEqual(read(reference));
}

beforeAll(() => {
  project = mkdtempSync(join(tmpdir(), 'ziping-engine-project-'));
  cpSync(join(ROOT, 'data'), join(project, 'data'), { recursive: true });
  writeSyntheticTree(join(project, 'data'), 9, 11, join(ROOT, 'data'));
  binDir = mkdtempSync(join(tmpdir(), 'ziping-bin-'));
  zipingShim(join(binDir, 'ziping'));
});

interface Container {
  name: string;
  image: string;
  workingDir: string;
  command: string[];
  args: string[];
  env?: { name: string; value: string }[];
  volumeMounts: { name: string; mountPath: string }[];
}
interface Job {
  kind: string;
  spec: { completionMode?: string; completions?: number; parallelism?: number; template: { spec: { restartPolicy: string; containers: Container[]; volumes: { name: string; persistentVolumeClaim: { claimName: string } }[] } } };
}

function readJob(file: string): { job: Job; container: Container; script: string; env: Record<string, string>; claim: string } {
  const docs = parseAllDocuments(readFileSync(join(DOCS, 'kubernetes', file), 'utf8'));
  expect(docs.length).toBe(1);
  const job = docs[0].toJS() as Job;
  expect(job.kind).toBe('Job');
  const { containers, volumes, restartPolicy } = job.spec.template.spec;
  expect(restartPolicy).toBe('Never');
  expect(containers.length).toBe(1);
  const [container] = containers;
  // The script runs in a shell, as given: `sh -c <script>`.
  expect(container.command).toEqual(['sh', '-c']);
  expect(container.args.length).toBe(1);
  // The shared volume is mounted at parts/ of the working folder, which is all the scripts name.
  expect(container.volumeMounts).toEqual([{ name: 'parts', mountPath: posix.join(container.workingDir, 'parts') }]);
  const claim = volumes.find((volume) => volume.name === 'parts')!.persistentVolumeClaim.claimName;
  const env = Object.fromEntries((container.env ?? []).map((e) => [e.name, String(e.value)]));
  return { job, container, script: container.args[0], env, claim };
}

describe('docs/examples/kubernetes: an Indexed Job of 4 shards, then the merge Job', () => {
  it('each index builds its share; the merge gives the same bytes and manifest as one build', () => {
    const build = readJob('ziping-build-job.yaml');
    const merge = readJob('ziping-merge-job.yaml');
    expect(build.job.spec.completionMode).toBe('Indexed');
    const count = build.job.spec.completions!;
    expect(count).toBe(4);
    expect(build.job.spec.parallelism).toBe(count);
    // Kubernetes does not tell a pod the Job's completions: the count the manifest passes must equal it.
    expect(Number(build.env.ZIPING_SHARD_COUNT)).toBe(count);
    expect(build.script).toMatch(/ziping build data --shard auto\b/);
    expect(merge.script).toContain('ziping build --merge-manifests');
    expect(merge.container.image).toBe(build.container.image);
    expect(merge.claim).toBe(build.claim);
    const epoch = build.env.SOURCE_DATE_EPOCH;
    expect(epoch).toMatch(/^\d+$/);

    const parts = mkdtempSync(join(tmpdir(), 'ziping-volume-'));
    for (let index = 0; index < count; index += 1) {
      // Each pod has its own copy of the image's /project; only parts/ is shared.
      const pod = copyProject();
      symlinkSync(parts, join(pod, 'parts'));
      const result = run(['sh', '-c'], build.script, pod, { ...build.env, JOB_COMPLETION_INDEX: String(index) });
      expect(result.status, result.output).toBe(0);
      const built = filesIn(join(parts, `shard-${index}`)).filter((file) => file.endsWith('.pdf'));
      expect(built.length, `index ${index} had no forms to build`).toBeGreaterThan(0);
      expect(existsSync(join(parts, `shard-${index}`, `.ziping-manifest.shard-${index + 1}-of-${count}.json`))).toBe(true);
    }
    const pod = copyProject();
    symlinkSync(parts, join(pod, 'parts'));
    const merged = run(['sh', '-c'], merge.script, pod, merge.env);
    expect(merged.status, merged.output).toBe(0);
    expect(merged.output).toContain(`共 ${count} 片`);
    expectSameAsOneBuild(join(parts, 'merged'), referenceBuild(epoch), count);
  });

  it('a pod without ZIPING_SHARD_COUNT fails at once with exit 2, naming what is missing, and copies nothing', () => {
    const build = readJob('ziping-build-job.yaml');
    const parts = mkdtempSync(join(tmpdir(), 'ziping-volume-'));
    const pod = copyProject();
    symlinkSync(parts, join(pod, 'parts'));
    const { ZIPING_SHARD_COUNT: _count, ...env } = build.env;
    const result = run(['sh', '-c'], build.script, pod, { ...env, JOB_COMPLETION_INDEX: '0' });
    expect(result.status).toBe(2);
    expect(result.output).toContain('ZIPING_SHARD_COUNT');
    expect(result.output).toContain('E_SHARD_ENV');
    expect(readdirSync(parts)).toEqual([]);
  });
});

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, string | number | boolean>;
  env?: Record<string, string>;
}
interface Workflow {
  env?: Record<string, string>;
  jobs: Record<string, { needs?: string; env?: Record<string, string>; strategy?: { matrix: { shard: number[] } }; steps: Step[] }>;
}

/** `${{ matrix.shard }}` and nothing else: any other expression would be a value the test does not know. */
function expand(text: string, shard: number | undefined): string {
  const expanded = shard === undefined ? text : text.replaceAll('${{ matrix.shard }}', String(shard));
  expect(expanded, text).not.toContain('${{');
  return expanded;
}

/** A glob of artifact names (`out-*`) as a RegExp. */
const namePattern = (glob: string) => new RegExp(`^${glob.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);

/**
 * Runs one job of the workflow in `dir` (a fresh checkout): `npm ci` installs ziping (here: the
 * built bin/ziping.js as node_modules/.bin/ziping), each `run:` goes to bash as on a GitHub runner,
 * upload-artifact copies its path into `artifacts/<name>` (hidden files only when asked), and
 * download-artifact copies the matching artifacts back.
 */
function runJob(workflow: Workflow, name: string, artifacts: string, shard?: number): string {
  const job = workflow.jobs[name];
  const dir = mkdtempSync(join(tmpdir(), `ziping-runner-${name}-`));
  for (const step of job.steps) {
    const env = { ...workflow.env, ...job.env, ...step.env } as Record<string, string>;
    if (step.uses?.startsWith('actions/checkout@')) cpSync(project, dir, { recursive: true });
    else if (step.uses?.startsWith('actions/setup-node@')) continue;
    else if (step.run === 'npm ci') {
      mkdirSync(join(dir, 'node_modules/.bin'), { recursive: true });
      zipingShim(join(dir, 'node_modules/.bin/ziping'));
    } else if (step.run !== undefined) {
      const result = run(['bash', '--noprofile', '--norc', '-eo', 'pipefail', '-c'], expand(step.run, shard), dir, env);
      expect(result.status, `${step.run}\n${result.output}`).toBe(0);
    } else if (step.uses?.startsWith('actions/upload-artifact@')) {
      const target = join(artifacts, expand(String(step.with!.name), shard));
      const hidden = step.with!['include-hidden-files'] === true;
      cpSync(join(dir, String(step.with!.path)), target, { recursive: true, filter: (source) => hidden || !source.split('/').pop()!.startsWith('.') });
    } else if (step.uses?.startsWith('actions/download-artifact@')) {
      expect(step.with!['merge-multiple']).toBe(true);
      const pattern = namePattern(String(step.with!.pattern));
      const names = readdirSync(artifacts).filter((artifact) => pattern.test(artifact));
      expect(names.length).toBeGreaterThan(0);
      for (const artifact of names) cpSync(join(artifacts, artifact), join(dir, String(step.with!.path)), { recursive: true });
    } else {
      throw new Error(`step the test cannot run: ${JSON.stringify(step)}`);
    }
  }
  return dir;
}

describe('docs/examples/github-actions: a matrix of 4 shards, then the merge job', () => {
  it('each matrix job builds its share; the merged artifact has the same bytes and manifest as one build', () => {
    const workflow = parse(readFileSync(join(DOCS, 'github-actions/ziping-shards.yml'), 'utf8')) as Workflow;
    const shards = workflow.jobs.build.strategy!.matrix.shard;
    const count = shards.length;
    expect(count).toBe(4);
    expect(shards).toEqual(Array.from({ length: count }, (_, i) => i + 1));
    const buildStep = workflow.jobs.build.steps.find((step) => step.run?.includes('ziping build'))!;
    // The count written in the command is the matrix's size.
    expect(buildStep.run).toContain(`--shard \${{ matrix.shard }}/${count}`);
    expect(workflow.jobs.merge.needs).toBe('build');
    const epoch = workflow.env!.SOURCE_DATE_EPOCH;
    expect(epoch).toMatch(/^\d+$/);

    const artifacts = mkdtempSync(join(tmpdir(), 'ziping-artifacts-'));
    for (const shard of shards) {
      runJob(workflow, 'build', artifacts, shard);
      const built = filesIn(join(artifacts, `out-${shard}`)).filter((file) => file.endsWith('.pdf'));
      expect(built.length, `shard ${shard} had no forms to build`).toBeGreaterThan(0);
    }
    const merge = runJob(workflow, 'merge', artifacts);
    expectSameAsOneBuild(join(artifacts, 'out'), referenceBuild(epoch), count);
    expect(filesIn(join(merge, 'out'))).toEqual(filesIn(join(artifacts, 'out')));
  });
});
