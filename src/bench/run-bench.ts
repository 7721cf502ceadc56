import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import fg from 'fast-glob';
import { loadTemplateSources } from '../build/load-template-sources.js';
import { builtInFormats } from '../load/format/format-registry.js';
import { compileTemplateSet, formView, layoutForm, unplacedCells, type RenderedFile } from '../layout/index.js';
import { loadFormSource } from '../load/index.js';
import { createDocxRenderer } from '../render/docx/index.js';
import { loadFontSet } from '../render/fonts/font-set.js';
import { fontMetrics } from '../render/fonts/font-metrics.js';
import { createPdfRenderer } from '../render/pdf/index.js';
import { scoreForm } from '../score/index.js';
import { seededRandom } from './seeded-random.js';
import { varyForm } from './vary-form.js';
import { benchBatch } from './bench-batch.js';
import { benchPack } from './bench-pack.js';
import { benchSign } from './bench-sign.js';
import { benchFresh } from './bench-fresh.js';
import { benchRss } from './bench-rss.js';

/**
 * `npm run bench [-- --warm N --warmup W --fresh F --forms M --jobs J --pack P --sign S --rss-forms R]`: first renders N seeded variations of the
 * sample forms in one warm process (per-stage timings, throughput, peak RSS, bytes per form),
 * times F one-form builds in a fresh process (bench-fresh.ts), then builds a synthetic tree of M forms end to end with the real CLI (bench-batch.ts), packs
 * a department (`--pack N`) and signs a batch (`--sign N`); `--rss-forms 10000` (off by default:
 * ~7 minutes) checks that memory stays flat over a long batch. A count of 0 skips that part.
 */
const { values } = parseArgs({
  options: {
    warm: { type: 'string', default: '100' },
    forms: { type: 'string', default: '1000' },
    jobs: { type: 'string' },
    pack: { type: 'string', default: '300' },
    sign: { type: 'string', default: '200' },
    fresh: { type: 'string', default: '11' },
    'rss-forms': { type: 'string', default: '0' },
    seed: { type: 'string', default: '2023' },
    warmup: { type: 'string', default: '10' },
  },
});
const count = Number(values.warm);
const random = seededRandom(Number(values.seed));
const samples = (await fg('data/**/*.yaml')).sort().map((file) => readFileSync(file, 'utf8'));
const inputs = Array.from({ length: count }, (_, i) => varyForm(samples[i % samples.length], i, random));

const fonts = loadFontSet('fonts/fonts.json');
const metrics = fontMetrics(fonts);
const templates = compileTemplateSet(loadTemplateSources());
const pdf = createPdfRenderer({ fonts });
const docx = createDocxRenderer({ fonts });
const date = new Date('2024-01-01T00:00:00Z');

// Warm up first (fonts opened, code compiled, caches filled) on forms of their own, so the
// figures below are those of a process that has been building for a while, as in a batch.
const warmupRandom = seededRandom(Number(values.seed) + 1);
for (let i = 0; i < Number(values.warmup) && count > 0; i++) {
  const loaded = loadFormSource(`warmup/${i}.yaml`, Buffer.from(varyForm(samples[i % samples.length], i, warmupRandom)));
  if (!loaded.ok) throw new Error(`warm-up input ${i} failed to load: ${loaded.diagnostics[0]?.message}`);
  const layout = layoutForm(formView(loaded.form.form, scoreForm(loaded.form.form).printed, builtInFormats().get(loaded.form.form.form)!.definition), templates.get(loaded.form.form.form)!, metrics);
  await pdf.render(layout, { date });
  await docx.render(layout, { date });
}

const stages = { load: [] as number[], score: [] as number[], layout: [] as number[], pdf: [] as number[], docx: [] as number[] };
const bytes = { pdf: 0, docx: 0 };
let peakRss = process.memoryUsage().rss;
// CPU time beside wall time: on a shared machine wall time measures the neighbours too.
const cpu = { load: 0, score: 0, layout: 0, pdf: 0, docx: 0 };
const time = async <T>(list: number[], work: () => T | Promise<T>, stage: keyof typeof cpu): Promise<T> => {
  const start = performance.now();
  const startCpu = process.cpuUsage();
  const result = await work();
  const used = process.cpuUsage(startCpu);
  cpu[stage] += (used.user + used.system) / 1000;
  list.push(performance.now() - start);
  return result;
};

const started = performance.now();
for (const [i, text] of inputs.entries()) {
  const loaded = await time(stages.load, () => loadFormSource(`bench/${i}.yaml`, Buffer.from(text)), 'load');
  if (!loaded.ok) throw new Error(`bench input ${i} failed to load: ${loaded.diagnostics[0]?.message}`);
  const scored = await time(stages.score, () => scoreForm(loaded.form.form), 'score');
  const layout = await time(stages.layout, () => layoutForm(formView(loaded.form.form, scored.printed, builtInFormats().get(loaded.form.form.form)!.definition), templates.get(loaded.form.form.form)!, metrics), 'layout');
  // Each stage includes the check that the file holds every cell, as a build does.
  const complete = async (file: Promise<RenderedFile>) => {
    const { bytes, placed } = await file;
    if (unplacedCells(layout, placed).length > 0) throw new Error(`bench input ${i} rendered incomplete`);
    return bytes;
  };
  bytes.pdf += (await time(stages.pdf, () => complete(pdf.render(layout, { date })), 'pdf')).length;
  bytes.docx += (await time(stages.docx, () => complete(docx.render(layout, { date })), 'docx')).length;
  if (i % 10 === 0) peakRss = Math.max(peakRss, process.memoryUsage().rss);
}
const wall = performance.now() - started;
peakRss = Math.max(peakRss, process.memoryUsage().rss);

const quantile = (list: number[], q: number) => {
  const sorted = [...list].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};
const perForm = stages.load.map((_, i) => Object.values(stages).reduce((sum, list) => sum + list[i], 0));
const row = (name: string, list: number[], cpuMs?: number) =>
  `${name.padEnd(8)} median ${quantile(list, 0.5).toFixed(2).padStart(7)} ms   p95 ${quantile(list, 0.95).toFixed(2).padStart(7)} ms` +
  (cpuMs === undefined ? '' : `   mean CPU ${(cpuMs / count).toFixed(2).padStart(6)} ms`);
if (count > 0) {
  console.log(`ziping bench: ${count} forms (seed ${values.seed}), one warm process (after ${values.warmup} warm-up forms), Node ${process.version}`);
  for (const [name, list] of Object.entries(stages)) console.log(row(name, list, cpu[name as keyof typeof cpu]));
  console.log(row('per form', perForm, Object.values(cpu).reduce((a, b) => a + b, 0)));
  console.log(`load average ${loadavg().map((l) => l.toFixed(2)).join(' ')} on ${availableParallelism()} cores`);
  console.log(`throughput ${(count / (wall / 1000)).toFixed(1)} forms/s (PDF + DOCX), wall ${(wall / 1000).toFixed(2)} s`);
  console.log(`peak RSS ${(peakRss / 1024 / 1024).toFixed(0)} MB`);
  console.log(`bytes per form: PDF ${(bytes.pdf / count / 1024).toFixed(1)} KB, DOCX ${(bytes.docx / count / 1024).toFixed(1)} KB`);
}

if (Number(values.fresh) > 0) benchFresh(Number(values.fresh));
if (Number(values.forms) > 0) benchBatch(Number(values.forms), Number(values.seed), values.jobs ? Number(values.jobs) : undefined);
if (Number(values.pack) > 0) benchPack(Number(values.pack), Number(values.seed));
if (Number(values.sign) > 0) await benchSign(Number(values.sign));
if (Number(values['rss-forms']) > 0) await benchRss(Number(values['rss-forms']), Number(values.seed));
