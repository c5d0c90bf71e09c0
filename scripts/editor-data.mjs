// Editor data from custom-elements.json, run by `npm run build`: dist/vscode.html-custom-data.json (VS Code's
// `html.customData`) and dist/web-types.json (JetBrains IDEs, found through package.json's "web-types").
// Both list each element's attributes with their values where the type is a union of string literals
// (order: oldest | newest), their descriptions, and its events, slots, parts and custom properties.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** HTML's own attributes: editors know them already. */
const GLOBAL = new Set(['lang', 'dir', 'id', 'class', 'style', 'title', 'hidden']);

/** `'oldest' | 'newest' | undefined` → ['oldest', 'newest']; undefined when the type is not such a union. */
export function literalValues(typeText = '') {
  const parts = typeText
    .split('|')
    .map((p) => p.trim())
    .filter((p) => p && p !== 'undefined' && p !== 'null');
  if (!parts.length || !parts.every((p) => /^'[^']*'$|^"[^"]*"$/.test(p))) return undefined;
  return parts.map((p) => p.slice(1, -1));
}

/** Every custom element the manifest declares, with the module it is defined in. */
export function elementsOf(manifest) {
  return manifest.modules.flatMap((module) =>
    (module.declarations ?? [])
      .filter((d) => d.customElement || d.tagName)
      .map((declaration) => ({ declaration, module })),
  );
}

/** The attributes an author writes: those backed by a field, without HTML's global ones. */
export function attributesOf(declaration) {
  return (declaration.attributes ?? []).filter((a) => !GLOBAL.has(a.name));
}

/** The public properties without an attribute (objects such as `adapter`), for JS-side completion. */
export function propertiesOf(declaration) {
  return (declaration.members ?? []).filter(
    (m) => m.kind === 'field' && !m.static && !m.privacy && !m.name.startsWith('_') && m.description,
  );
}

function markdownSummary(d) {
  const lines = [d.summary || d.description || ''];
  const list = (title, items, format) => {
    if (items?.length) lines.push('', `**${title}**`, ...items.map((item) => `- ${format(item)}`));
  };
  list(
    'Events',
    d.events,
    (e) => `\`${e.name}\`${e.detail ? ` (detail \`${e.detail.text}\`)` : ''}: ${e.description ?? ''}`,
  );
  list(
    'Properties',
    propertiesOf(d).filter((m) => !m.attribute),
    (m) => `\`${m.name}\`: ${m.description}`,
  );
  list('Slots', d.slots, (s) => `\`${s.name || '(default)'}\`: ${s.description ?? ''}`);
  list('CSS parts', d.cssParts, (p) => `\`${p.name}\`: ${p.description ?? ''}`);
  list(
    'CSS custom properties',
    d.cssProperties,
    (p) => `\`${p.name}\`${p.default ? ` (${p.default})` : ''}: ${p.description ?? ''}`,
  );
  return lines.join('\n').trim();
}

/** VS Code's HTML custom data, version 1.1. */
export function vscodeData(manifest) {
  return {
    $schema: 'https://raw.githubusercontent.com/microsoft/vscode-html-languageservice/main/docs/customData.schema.json',
    version: 1.1,
    tags: elementsOf(manifest).map(({ declaration: d }) => ({
      name: d.tagName,
      description: { kind: 'markdown', value: markdownSummary(d) },
      attributes: attributesOf(d).map((a) => {
        const values = literalValues(a.type?.text);
        return {
          name: a.name,
          description: [a.description, a.type && `Type: \`${a.type.text}\``, a.default && `Default: \`${a.default}\``]
            .filter(Boolean)
            .join('\n\n'),
          ...(values && { values: values.map((name) => ({ name })) }),
        };
      }),
    })),
  };
}

/** JetBrains web-types, schema 2.0. */
export function webTypes(manifest, pkg) {
  return {
    $schema: 'https://json.schemastore.org/web-types',
    name: pkg.name,
    version: pkg.version,
    'description-markup': 'markdown',
    'js-types-syntax': 'typescript',
    contributions: {
      html: {
        elements: elementsOf(manifest).map(({ declaration: d }) => ({
          name: d.tagName,
          description: d.summary || d.description,
          source: { module: `${pkg.name}/define`, symbol: d.name },
          attributes: attributesOf(d).map((a) => {
            const values = literalValues(a.type?.text);
            return {
              name: a.name,
              description: a.description,
              value: { type: a.type?.text ?? 'string', ...(a.default && { default: a.default }) },
              ...(values && { values: values.map((name) => ({ name })) }),
            };
          }),
          events: (d.events ?? []).map((e) => ({ name: e.name, description: e.description })),
          slots: (d.slots ?? []).map((s) => ({ name: s.name, description: s.description })),
          js: {
            properties: propertiesOf(d).map((m) => ({
              name: m.name,
              description: m.description,
              value: { type: m.type?.text },
            })),
            events: (d.events ?? []).map((e) => ({
              name: e.name,
              description: e.description,
              value: { type: e.type?.text },
            })),
          },
          css: {
            parts: (d.cssParts ?? []).map((p) => ({ name: p.name, description: p.description })),
            properties: (d.cssProperties ?? []).map((p) => ({ name: p.name, description: p.description })),
          },
        })),
      },
    },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = new URL('../', import.meta.url);
  const manifest = JSON.parse(readFileSync(new URL('custom-elements.json', root), 'utf8'));
  const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
  writeFileSync(
    new URL('dist/vscode.html-custom-data.json', root),
    `${JSON.stringify(vscodeData(manifest), null, 2)}\n`,
  );
  writeFileSync(new URL('dist/web-types.json', root), `${JSON.stringify(webTypes(manifest, pkg), null, 2)}\n`);
}
