// npm run docs: writes the generated parts of the docs, between <!-- NAME --> and <!-- /NAME --> markers.
// - docs/api.md: the API tables (attributes and properties, events, slots, parts, custom properties) from
//   custom-elements.json (`api:*` markers).
// - docs/performance.md: the latest benchmark run from bench/results/latest.json (`bench:latest`), which
//   `npm run bench` overwrites, and the sizes of the build in dist/ (`size:latest`), as `npm run size`
//   measures them; these numbers are quoted nowhere else.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { budgetsOf, firstLoadSet, lazyFeatureChunks, loaderFiles, partShares, readBuild } from './size.mjs';

/** Replaces what stands between each `<!-- name -->` and `<!-- /name -->` of a file. */
function fill(file, sections) {
  let text = readFileSync(file, 'utf8');
  for (const [name, content] of Object.entries(sections)) {
    const pattern = new RegExp(`(<!-- ${name} -->)[\\s\\S]*?(<!-- /${name} -->)`);
    if (!pattern.test(text)) throw new Error(`${file} has no <!-- ${name} --> markers`);
    text = text.replace(pattern, (_, open, close) => `${open}\n${content}\n${close}`);
  }
  writeFileSync(file, text);
}

const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
const element = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === 'comment-thread');
if (!element) throw new Error('comment-thread not found in custom-elements.json: run npm run build first');

const cell = (text = '') => String(text).replace(/\|/g, '\\|').replace(/\n+/g, ' ');
const code = (text) => (text ? `\`${text}\`` : '');
const table = (head, rows) =>
  [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ].join('\n');

const publicFields = (element.members ?? []).filter(
  (m) => m.kind === 'field' && m.privacy !== 'private' && m.privacy !== 'protected' && !m.static && m.description,
);
const attributes = table(
  ['Attribute', 'Property', 'Type', 'Default', 'Description'],
  publicFields.map((f) => {
    const attribute = (element.attributes ?? []).find((a) => a.fieldName === f.name);
    return [
      code(attribute?.name) || '(property only)',
      code(f.name),
      code(f.type?.text),
      code(f.default),
      f.description,
    ];
  }),
);
const events = table(
  ['Event', 'Detail and meaning'],
  (element.events ?? []).filter((e) => e.name).map((e) => [code(e.name), e.description]),
);
const slots = table(
  ['Slot', 'Description'],
  (element.slots ?? []).map((s) => [code(s.name), s.description]),
);
const parts = table(
  ['Part', 'Description'],
  (element.cssParts ?? []).map((p) => [code(p.name), p.description]),
);
const props = table(
  ['Custom property', 'Default', 'Description'],
  (element.cssProperties ?? []).map((p) => [code(p.name), code(p.default), p.description]),
);

fill('docs/api.md', {
  'api:attributes': attributes,
  'api:events': events,
  'api:slots': slots,
  'api:parts': parts,
  'api:props': props,
});
console.log('docs/api.md: API tables updated from custom-elements.json');

// The benchmark: the table the run printed (stored in the file), then what it measured beside it.
const bench = JSON.parse(readFileSync('bench/results/latest.json', 'utf8'));
if (!bench.table) throw new Error('bench/results/latest.json has no table: run npm run bench');
const n = (v) => Math.round(v).toLocaleString('en-US');
const ms = (v) => (v < 10 ? v.toFixed(1) : n(v));
const MB = (bytes) => (bytes / 2 ** 20).toFixed(1);
const { machine: m, settings } = bench;
const lines = [
  `Measured on ${bench.date.slice(0, 10)} at commit \`${bench.commit ?? 'uncommitted'}\`: ${m.cpu}, ${m.cores} cores, ` +
    `${m.memoryGB} GB, ${m.os}, ${m.browser}, Node ${m.node}; median of ${settings.runs} run${settings.runs === 1 ? '' : 's'} after ${settings.warmup} ` +
    `warm-up, viewport ${settings.viewport}, gzip ${settings.gzip}. The whole run: ` +
    `[bench/results/latest.json](../bench/results/latest.json).`,
  '',
  bench.table,
];
if (bench.budgets?.length) {
  lines.push(
    '',
    'Budgets in this run:',
    '',
    ...bench.budgets.map((b) => `- ${b.ok ? '**Met**' : '**Missed**'}: ${b.text}.`),
  );
}
const revealed = bench.sizes.filter((s) => s.revealAll);
if (revealed.length) {
  lines.push('', 'Past the render limit, "Load more comments" clicked until every comment is in the DOM:', '');
  for (const { n: size, revealAll: r } of revealed) {
    lines.push(
      `- ${n(size)} comments: ${r.clicks} clicks, ${n(r.ms)} ms, longest task ${ms(r.longestTask)} ms, ` +
        `TBT ${n(r.totalBlockingTime)} ms; JS heap ${MB(r.heap)} MB, JS + DOM heap ${MB(r.heap + r.domHeap)} MB, ` +
        `${n(r.domNodes)} DOM nodes.`,
    );
  }
}
const profiled = bench.sizes.filter((s) => s.ours.profile);
if (profiled.length) {
  const keys = [...new Set(profiled.flatMap((s) => Object.keys(s.ours.profile)))];
  lines.push('', "`<comment-thread>`'s main-thread time by module, one profiled load (ms):", '');
  lines.push(
    table(
      ['comments', ...keys],
      profiled.map((s) => [n(s.n), ...keys.map((k) => (k in s.ours.profile ? ms(s.ours.profile[k]) : ''))]),
    ),
  );
}
if (bench.reply) {
  const { n: size, domNodes, open, post } = bench.reply;
  lines.push(
    '',
    `A reply into the ${n(size)}-comment thread (${n(domNodes)} DOM nodes): opening the form ${ms(open.ms)} ms, ` +
      `${open.added} nodes added, ${open.removed} removed, ${open.attributes} attributes changed; posting ` +
      `${ms(post.ms)} ms with the round trip, ${post.added} nodes added, ${post.removed} removed, ` +
      `${post.attributes} attributes and ${post.text} texts changed; ${post.subtrees} top-level subtree touched.`,
  );
}
fill('docs/performance.md', { 'bench:latest': lines.join('\n') });
console.log(
  `docs/performance.md: benchmark results of ${bench.date.slice(0, 10)} (${bench.commit}) from bench/results/latest.json`,
);

// The sizes: the build in dist/ as `npm run size` measures it (run `npm run build` first).
if (!existsSync('dist/comment-thread.js')) throw new Error('dist/ has no build: run npm run build first');
const graph = readBuild();
const gzipOf = (files) => files.reduce((total, f) => total + graph.get(f).gzip, 0);
const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
const first = firstLoadSet(graph, 'wordpress');
const loaderGzip = gzipOf([...loaderFiles(graph)]);
const firstGzip = gzipOf(first.files);
const commit = (() => {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    return 'uncommitted';
  }
})();
const sizeLines = [
  `The build at commit \`${commit}\`, gzip level 9 (\`npm run size\` prints the same, file by file):`,
  '',
  table(
    ['budget', 'measured', 'limit', 'ratio', ''],
    budgetsOf(loaderGzip, firstGzip).map((b) => [
      b.name,
      kB(b.value),
      kB(b.limit),
      `${(b.value / b.limit).toFixed(2)}×`,
      b.value <= b.limit ? 'met' : b.enforced ? '**over: the build fails**' : 'not met yet',
    ]),
  ),
  '',
  `Where the ${kB(firstGzip)} of a WordPress thread's first load go (what each part adds, gzip):`,
  '',
  table(
    ['part', 'gzip bytes'],
    partShares(graph, first.files).map((share) => [share.name, share.gzip.toLocaleString('en-US')]),
  ),
  '',
  'Loaded when first used, never in the first load: ' +
    lazyFeatureChunks(graph)
      .map(({ name, file }) => `${name} (${kB(graph.get(file).gzip)})`)
      .join(', ') +
    '; every other backend, language, source of a merged thread, the submit path, likes and edits, the ' +
    'search for a linked comment, and the DOMPurify fallback for browsers without `Element.setHTML`.',
];
fill('docs/performance.md', { 'size:latest': sizeLines.join('\n') });
console.log(`docs/performance.md: sizes of the build at ${commit}`);

