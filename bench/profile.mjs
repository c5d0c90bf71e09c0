// Where a profiled load spent its main-thread time, by what the code is: zod (validation), Lit
// (rendering), the element's own modules, garbage collection, and the browser's own work outside
// JavaScript (style, layout, paint, parsing: V8's "(program)"). Script positions are mapped back to
// their source modules through the build's source maps.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeMappings } from '../scripts/size.mjs';

function sourceMapper(build) {
  const maps = new Map();
  return (url, line, column) => {
    if (!/^https?:/.test(url)) return undefined;
    const path = new URL(url).pathname;
    if (!path.startsWith('/dist/')) return undefined;
    const file = join(build, path.slice('/dist/'.length));
    if (!maps.has(file)) {
      const mapFile = `${file}.map`;
      const map = existsSync(mapFile) ? JSON.parse(readFileSync(mapFile, 'utf8')) : undefined;
      maps.set(file, map && { sources: map.sources, lines: decodeMappings(map.mappings) });
    }
    const map = maps.get(file);
    if (!map) return undefined;
    const segments = map.lines[line] ?? [];
    let source;
    for (const [col, index] of segments) {
      if (col > column) break;
      if (index >= 0) source = map.sources[index];
    }
    return source;
  };
}

function category(frame, map) {
  const { functionName, url, lineNumber, columnNumber } = frame;
  if (functionName === '(garbage collector)') return 'gc';
  if (functionName === '(program)') return 'browser';
  if (functionName === '(idle)' || functionName === '(root)') return undefined;
  // No script, or the browser's own (V8's extensions name theirs like 'v8/LoadTimes'): the browser's time.
  if (!/^https?:/.test(url ?? '')) return 'browser';
  if (url.includes('/bench/')) return 'instrumentation';
  const source = map(url, lineNumber, columnNumber) ?? '';
  if (source.includes('node_modules/zod/')) return 'zod';
  if (/node_modules\/(lit|lit-html|lit-element|@lit)\//.test(source)) return 'lit';
  if (/(^|\/)src\/model\//.test(source)) return 'model';
  if (/(^|\/)src\//.test(source)) return 'element';
  return 'other';
}

/** Milliseconds of self time per category in a V8 CPU profile (Profiler.stop's `profile`). */
export function profileBreakdown(profile, build) {
  const map = sourceMapper(build);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const cat = new Map();
  const totals = {};
  profile.samples.forEach((id, i) => {
    if (!cat.has(id)) cat.set(id, category(byId.get(id).callFrame, map));
    const key = cat.get(id);
    if (!key) return;
    totals[key] = (totals[key] ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000;
  });
  if (process.env.BENCH_TOP) {
    // The heaviest functions by self time, with the module each comes from.
    const self = new Map();
    profile.samples.forEach((id, i) => {
      const { callFrame } = byId.get(id);
      const where = callFrame.url ? (map(callFrame.url, callFrame.lineNumber, callFrame.columnNumber) ?? callFrame.url) : '';
      const key = `${callFrame.functionName || '(anonymous)'} ${where.replace(/^.*node_modules\//, '').replace(/^(\.\.\/)+/, '')}`;
      self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000);
    });
    const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.BENCH_TOP) || 25);
    for (const [key, ms] of top) console.log(`${ms.toFixed(1).padStart(8)} ms  ${key}`);
  }
  const order = ['zod', 'model', 'element', 'lit', 'browser', 'gc', 'instrumentation', 'other'];
  return Object.fromEntries(order.filter((k) => totals[k]).map((k) => [k, Math.round(totals[k] * 10) / 10]));
}
