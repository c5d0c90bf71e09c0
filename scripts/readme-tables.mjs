// Writes the README's API tables (attributes and properties, events, slots, parts, custom properties)
// from custom-elements.json, between <!-- api:NAME --> and <!-- /api:NAME --> markers. Run by `npm run docs`.
import { readFileSync, writeFileSync } from 'node:fs';

const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
const element = manifest.modules
  .flatMap((m) => m.declarations ?? [])
  .find((d) => d.tagName === 'comment-thread');
if (!element) throw new Error('comment-thread not found in custom-elements.json: run npm run build first');

const cell = (text = '') => String(text).replace(/\|/g, '\\|').replace(/\n+/g, ' ');
const code = (text) => (text ? `\`${text}\`` : '');
const table = (head, rows) =>
  [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n');

const publicFields = (element.members ?? []).filter(
  (m) => m.kind === 'field' && m.privacy !== 'private' && m.privacy !== 'protected' && !m.static && m.description,
);
const attributes = table(
  ['Attribute', 'Property', 'Type', 'Default', 'Description'],
  publicFields.map((f) => {
    const attribute = (element.attributes ?? []).find((a) => a.fieldName === f.name);
    return [code(attribute?.name) || '(property only)', code(f.name), code(f.type?.text), code(f.default), f.description];
  }),
);
const events = table(
  ['Event', 'Detail and meaning'],
  (element.events ?? []).filter((e) => e.name).map((e) => [code(e.name), e.description]),
);
const slots = table(['Slot', 'Description'], (element.slots ?? []).map((s) => [code(s.name), s.description]));
const parts = table(['Part', 'Description'], (element.cssParts ?? []).map((p) => [code(p.name), p.description]));
const props = table(
  ['Custom property', 'Default', 'Description'],
  (element.cssProperties ?? []).map((p) => [code(p.name), code(p.default), p.description]),
);

let readme = readFileSync('README.md', 'utf8');
for (const [name, content] of Object.entries({ attributes, events, slots, parts, props })) {
  const pattern = new RegExp(`(<!-- api:${name} -->)[\\s\\S]*?(<!-- /api:${name} -->)`);
  if (!pattern.test(readme)) throw new Error(`README.md has no <!-- api:${name} --> markers`);
  readme = readme.replace(pattern, `$1\n${content}\n$2`);
}
writeFileSync('README.md', readme);
console.log('README.md API tables updated from custom-elements.json');
