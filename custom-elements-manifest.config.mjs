// custom-elements.json describes the package as it is installed: paths name the shipped dist/*.js files
// (their .d.ts sit beside them), each event carries its name, its event class and the type of its
// `detail`, union types written through an alias (`dates: DateStyle`) are spelled out so editors can
// offer the values, and each registering module (`dist/define.js`, `dist/components/comment-count/define.js`)
// holds the definition of each tag it registers.
// Editor data and JSX types are generated from this file: scripts/editor-data.mjs, scripts/jsx-types.mjs.
import { posix } from 'node:path';

// The analyzer reads `@fires` from the class JSDoc and also guesses events from `dispatchEvent(new X(…))`
// calls, where it cannot see the name. Keep one entry per event: its name from `@fires`, its type the
// event class that `src/events.ts` declares for that name.
const classes = {
  'comment-load': 'CommentLoadEvent',
  'comment-submit': 'CommentSubmitEvent',
  'comment-submitted': 'CommentSubmittedEvent',
  'comment-error': 'CommentErrorEvent',
  'comment-like': 'CommentLikeEvent',
  'comment-update': 'CommentUpdateEvent',
  'comment-updated': 'CommentUpdatedEvent',
  'comment-delete': 'CommentDeleteEvent',
  'comment-deleted': 'CommentDeletedEvent',
};

/** The modules that register elements: `comment-thread/define` (both) and `comment-thread/comment-count/define`. */
const DEFINES = ['src/define.ts', 'src/components/comment-count/define.ts'];

/** `src/a/b.ts` → `dist/a/b.js`; anything else unchanged. */
const shipped = (path) => path.replace(/^(?:\.\/)?src\/(.*)\.ts$/, 'dist/$1.js');

/** A module reference as the analyzer writes it (`src/x.ts`, or `./x.js` relative to `from`), as a dist path. */
function shippedModule(module, from) {
  if (!module) return module;
  if (module.startsWith('.')) return shipped(posix.join(posix.dirname(from), module).replace(/\.js$/, '.ts'));
  return shipped(module);
}

/** Collapses a type's source text to one line. */
const oneLine = (text) => text.replace(/\s+/g, ' ').replace(/\{ /g, '{ ').trim();

const aliases = new Map(); // type alias name → its union of string literals, spelled out
const details = new Map(); // event class name → the type of its `detail`

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/react.ts'],
  litelement: true,
  // package.json names the manifest already; the analyzer would otherwise rewrite the file.
  packagejson: false,
  plugins: [
    {
      name: 'comment-thread:types',
      analyzePhase({ ts, node }) {
        // `type DateStyle = 'auto' | 'absolute' | 'relative'`
        if (ts.isTypeAliasDeclaration(node) && ts.isUnionTypeNode(node.type)) {
          const literals = node.type.types.every((t) => ts.isLiteralTypeNode(t) && ts.isStringLiteral(t.literal));
          if (literals) aliases.set(node.name.text, node.type.types.map((t) => `'${t.literal.text}'`).join(' | '));
        }
        // `class CommentSubmitEvent extends Event { constructor(readonly detail: { … }) … }`
        if (ts.isClassDeclaration(node) && node.name) {
          const constructor = node.members.find(ts.isConstructorDeclaration);
          const detail = constructor?.parameters.find((p) => ts.isIdentifier(p.name) && p.name.text === 'detail');
          if (detail?.type) details.set(node.name.text, oneLine(detail.type.getText()));
        }
      },
    },
    {
      name: 'comment-thread:events',
      packageLinkPhase({ customElementsManifest }) {
        for (const module of customElementsManifest.modules) {
          for (const declaration of module.declarations ?? []) {
            if (!declaration.events) continue;
            declaration.events = declaration.events
              .filter((event) => event.name)
              .map((event) => {
                const type = classes[event.name];
                if (!type) return event;
                // `detail` is not in the manifest schema (1.0); tools that do not know it ignore it.
                return {
                  ...event,
                  type: { text: type },
                  ...(details.has(type) && { detail: { text: details.get(type) } }),
                };
              });
          }
        }
      },
    },
    {
      name: 'comment-thread:aliases',
      packageLinkPhase({ customElementsManifest }) {
        const expand = (type) => {
          if (!type?.text) return;
          const text = type.text
            .split('|')
            .map((part) => aliases.get(part.trim()) ?? part.trim())
            .join(' | ');
          if (text !== type.text) type.text = text;
        };
        for (const module of customElementsManifest.modules) {
          for (const declaration of module.declarations ?? []) {
            if (!declaration.tagName) continue;
            for (const member of declaration.members ?? []) expand(member.type);
            for (const attribute of declaration.attributes ?? []) expand(attribute.type);
          }
        }
      },
    },
    {
      name: 'comment-thread:shipped-paths',
      packageLinkPhase({ customElementsManifest }) {
        const elements = new Map(); // class name → { tagName, module }
        for (const module of customElementsManifest.modules) {
          for (const declaration of module.declarations ?? []) {
            if (declaration.tagName)
              elements.set(declaration.name, { tagName: declaration.tagName, module: module.path });
          }
        }
        for (const module of customElementsManifest.modules) {
          const from = module.path;
          // The analyzer reads `customElements.define(tag, this)` in `static define()` as a definition
          // named after the parameter; the real ones are made for the define modules, below.
          module.exports = (module.exports ?? []).filter((e) => e.kind !== 'custom-element-definition');
          if (DEFINES.includes(from)) {
            for (const e of [...module.exports]) {
              const element = e.kind === 'js' && elements.get(e.name);
              if (element) {
                module.exports.push({
                  kind: 'custom-element-definition',
                  name: element.tagName,
                  declaration: { name: e.name, module: element.module },
                });
              }
            }
          }
          for (const e of module.exports) {
            if (e.declaration?.module) e.declaration.module = shippedModule(e.declaration.module, from);
          }
          for (const declaration of module.declarations ?? []) {
            for (const ref of [declaration.superclass, ...(declaration.members ?? []).map((m) => m.inheritedFrom)]) {
              if (ref?.module) ref.module = shippedModule(ref.module, from);
            }
          }
          module.path = shipped(from);
          if (!module.exports.length) delete module.exports;
        }
      },
    },
  ],
};
