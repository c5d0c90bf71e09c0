// JSX typing for the elements, from custom-elements.json, run by `npm run build`. Writes dist/jsx/:
//   index.d.ts   framework-neutral: each element's attributes (HTML names), properties and events
//   react.d.ts   React 19's JSX.IntrinsicElements: attributes, properties, `oncomment-submit` handlers
//   preact.d.ts  Preact's, with the same handler names
//   solid.d.ts   Solid's, with `on:comment-submit` handlers
//   svelte.d.ts  Svelte 5's SvelteHTMLElements (svelte/elements), with `oncomment-submit` event attributes
// and an empty .js beside each, so `import 'comment-thread/jsx/react'` also works where a bundler sees it.
// Types are indexed from the element class (`CommentThread['order']`), so they cannot drift from it.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { attributesOf, elementsOf, propertiesOf } from './editor-data.mjs';

const HEADER = '// Generated from custom-elements.json by scripts/jsx-types.mjs: do not edit.\n';

/** `comment-thread` → `CommentThread`. */
const pascal = (tag) => tag.replace(/(^|-)([a-z])/g, (_, __, c) => c.toUpperCase());
const quote = (name) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : `'${name}'`);
const doc = (text, indent = '  ') =>
  text ? `${indent}/** ${text.replace(/\*\//g, '*\\/').replace(/\s*\n\s*/g, ' ')} */\n` : '';

/** `dist/components/comment-thread/comment-thread.js` → `../components/comment-thread/comment-thread.js` from dist/jsx/. */
const fromJsxDir = (path) => `../${path.replace(/^dist\//, '')}`;

export function neutralTypes(manifest) {
  const out = [HEADER];
  const imports = new Map(); // module → names
  const use = (module, name) => imports.set(module, new Set([...(imports.get(module) ?? []), name]));
  const body = [];
  for (const { declaration: d, module } of elementsOf(manifest)) {
    const name = pascal(d.tagName);
    use(fromJsxDir(module.path), d.name);
    const fields = new Map((d.members ?? []).map((m) => [m.name, m]));
    body.push(`/** \`<${d.tagName}>\`'s attributes, by their HTML names, typed as the properties behind them. */`);
    body.push(`export interface ${name}Attributes {`);
    for (const a of attributesOf(d)) {
      const type = a.fieldName && fields.has(a.fieldName) ? `NonNullable<${d.name}['${a.fieldName}']>` : 'string';
      body.push(`${doc(a.description)}  ${quote(a.name)}?: ${type};`);
    }
    body.push('}', '');
    body.push(`/** \`<${d.tagName}>\`'s properties that have no attribute: objects, set as properties. */`);
    body.push(`export interface ${name}Properties {`);
    for (const m of propertiesOf(d).filter((m) => !(d.attributes ?? []).some((a) => a.fieldName === m.name))) {
      if (m.readonly) continue;
      body.push(`${doc(m.description)}  ${quote(m.name)}?: ${d.name}['${m.name}'];`);
    }
    body.push('}', '');
    body.push(`/** \`<${d.tagName}>\`'s events by name, with their event classes (typed \`detail\`). */`);
    body.push(`export interface ${name}Events {`);
    for (const e of d.events ?? []) {
      const type = e.type?.text && /^[A-Z]\w*$/.test(e.type.text) ? e.type.text : 'Event';
      if (type !== 'Event') use('../index.js', type);
      body.push(`${doc(e.description)}  ${quote(e.name)}: ${type};`);
    }
    body.push('}', '');
    body.push(
      `/** Handlers for \`<${d.tagName}>\`'s events, named \`\${Prefix}\${event name}\`: \`oncomment-submit\`, \`on:comment-submit\`. */`,
    );
    body.push(`export type ${name}Handlers<Prefix extends string> = {`);
    body.push(
      `  [Name in keyof ${name}Events as \`\${Prefix}\${Name & string}\`]?: (event: ${name}Events[Name]) => void;`,
    );
    body.push('};', '');
    body.push(`/** Everything a JSX \`<${d.tagName}>\` takes besides a framework's own HTML attributes. */`);
    body.push(
      `export type ${name}JsxProps<Prefix extends string> = ${name}Attributes & ${name}Properties & ${name}Handlers<Prefix>;`,
      '',
    );
  }
  for (const [module, names] of imports) out.push(`import type { ${[...names].sort().join(', ')} } from '${module}';`);
  out.push('', ...body);
  return out.join('\n');
}

function frameworkTypes(
  manifest,
  { module, prefix, element, note, imports, elements = ['namespace JSX', 'interface IntrinsicElements'] },
) {
  const tags = elementsOf(manifest).map(({ declaration: d }) => d);
  const names = tags.map((d) => `${pascal(d.tagName)}JsxProps`);
  // `namespace JSX { interface IntrinsicElements {` for JSX; Svelte's interface sits in the module itself.
  const open = elements.map((line, depth) => `${'  '.repeat(depth + 1)}${line} {`);
  const close = elements.map((_, depth) => `${'  '.repeat(elements.length - depth)}}`);
  const indent = '  '.repeat(elements.length + 1);
  return [
    HEADER,
    `// ${note}`,
    `import type { ${tags.map((d) => d.name).join(', ')} } from '../index.js';`,
    `import type { ${names.join(', ')} } from './index.js';`,
    ...(imports ? [imports] : []),
    '',
    `declare module '${module}' {`,
    ...open,
    ...tags.map((d) => `${indent}'${d.tagName}': ${element(d.name)} & ${pascal(d.tagName)}JsxProps<'${prefix}'>;`),
    ...close,
    '}',
    '',
  ].join('\n');
}

export const frameworks = {
  react: {
    module: 'react',
    prefix: 'on',
    element: (cls) => `DetailedHTMLProps<HTMLAttributes<${cls}>, ${cls}>`,
    note: "React 19 sets a prop as a property when the element has one (adapter, messages), else as an attribute, and adds `on` + event name as a listener: `oncomment-submit`. Import 'comment-thread/define' before the first render.",
  },
  preact: {
    module: 'preact',
    prefix: 'on',
    element: (cls) => `HTMLAttributes<${cls}>`,
    // Preact 11 keeps HTMLAttributes beside JSX, not in it.
    imports: "import type { HTMLAttributes } from 'preact';",
    note: 'Preact sets a prop as a property when the element has one, else as an attribute; `oncomment-submit` listens to `comment-submit`.',
  },
  solid: {
    module: 'solid-js',
    prefix: 'on:',
    element: (cls) => `HTMLAttributes<${cls}>`,
    // solid-js re-exports JSX from its jsx-runtime; TypeScript merges the augmentation through that
    // re-export only where the declaring file imports solid-js itself (else: "module cannot be found").
    imports: "import type {} from 'solid-js';",
    note: 'Solid: `on:comment-submit` adds a listener for the event of that exact name.',
  },
  svelte: {
    module: 'svelte/elements',
    prefix: 'on',
    element: (cls) => `HTMLAttributes<${cls}>`,
    imports: "import type { HTMLAttributes } from 'svelte/elements';",
    elements: ['interface SvelteHTMLElements'],
    note: "Svelte 5 sets a prop as a property when the element has one, else as an attribute, and `oncomment-submit={…}` listens to `comment-submit`. For svelte-check and editors: `import type {} from 'comment-thread/jsx/svelte'` in a .d.ts of the project.",
  },
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = new URL('../', import.meta.url);
  const manifest = JSON.parse(readFileSync(new URL('custom-elements.json', root), 'utf8'));
  const dir = new URL('dist/jsx/', root);
  mkdirSync(dir, { recursive: true });
  const write = (name, types) => {
    writeFileSync(new URL(`${name}.d.ts`, dir), types);
    writeFileSync(new URL(`${name}.js`, dir), '// Types only: see the .d.ts beside this file.\nexport {};\n');
  };
  write('index', neutralTypes(manifest));
  for (const [name, framework] of Object.entries(frameworks)) write(name, frameworkTypes(manifest, framework));
}
