// A Vite plugin for the script-tag build: squeezes the whitespace out of Lit's html`` and css``
// templates, which no JS minifier touches, including templates nested in other templates' `${…}`.
// In html: whitespace holding a line break goes entirely next to a tag (`>` before it or `<` after it)
// and becomes one space elsewhere (between two expressions, or text), so rendering is unchanged outside
// <pre>, which the templates do not use. In css: comments go and whitespace around punctuation goes,
// except before a colon, where it may be a descendant combinator.
// Expressions are scanned, never rewritten, except for the templates nested in them.

function squeezeHtml(text, first, last) {
  return text.replace(/\s*\n\s*/g, (match, offset) => {
    const before = offset === 0 ? (first ? '' : '$') : text[offset - 1];
    const after = offset + match.length === text.length ? (last ? '' : '$') : text[offset + match.length];
    return before === '>' || after === '<' || before === '' || after === '' ? '' : ' ';
  });
}

export function squeezeCss(text) {
  return (
    text
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\s+/g, ' ')
      .replace(/\s*([{};,>])\s*/g, '$1')
      // Before a colon only where a space follows it too (`color : red`): a space before `:is(…)` or
      // `:hover` is a descendant combinator in a selector (`li :is(a, b)`), not padding.
      .replace(/\s+:(?=\s)/g, ':')
      .replace(/:\s+/g, ':')
      .replace(/;}/g, '}')
      // [part~='header'] → [part~=header]: an identifier needs no quotes in an attribute selector.
      .replace(/(\[[\w-]+[~|^$*]?=)'([A-Za-z_][\w-]*)'\]/g, '$1$2]')
      // 0.5rem → .5rem, not 10.5rem.
      .replace(/(^|[^\w.#-])0\.(\d)/g, '$1.$2')
      // Selectors (up to a `{`): no space around `+` and `~`. Declarations (up to a `}` or `;`): none
      // around `*` and `/`; a `+` in calc() keeps its spaces, which it needs. Not in a piece with a
      // quoted string, whose spaces are its own.
      .replace(/[^{};]*[{};]?/g, (piece) =>
        /['"]/.test(piece) ? piece
        : piece.endsWith('{') ? piece.replace(/\s*([+~])\s*/g, '$1')
        : piece.replace(/\s*([*/])\s*/g, '$1'),
      )
  );
}

const IDENT = /[\w$]/;

/** Transforms `code`, rewriting the static parts of every html`` / css`` template at any depth. */
export function minifySource(code) {
  let out = '';
  let i = 0;
  // Copies code up to the end of a string literal starting at i (quote char at code[i]).
  const copyString = (quote) => {
    let j = i + 1;
    while (j < code.length && code[j] !== quote) j += code[j] === '\\' ? 2 : 1;
    out += code.slice(i, j + 1);
    i = j + 1;
  };
  // Reads a template literal starting after its backtick at i; returns the rewritten literal body.
  const template = (tag) => {
    const statics = [];
    const exprs = [];
    let chunk = '';
    while (i < code.length && code[i] !== '`') {
      if (code[i] === '\\') {
        chunk += code.slice(i, i + 2);
        i += 2;
      } else if (code[i] === '$' && code[i + 1] === '{') {
        statics.push(chunk);
        chunk = '';
        i += 2;
        exprs.push(expression());
      } else {
        chunk += code[i++];
      }
    }
    statics.push(chunk);
    i++; // closing backtick
    const squeezed = statics.map((s, n) =>
      tag === 'css' ? squeezeCss(s) : tag === 'html' ? squeezeHtml(s, n === 0, n === statics.length - 1) : s,
    );
    if (tag === 'css') squeezed[0] = squeezed[0].trimStart();
    return squeezed.map((s, n) => s + (n < exprs.length ? '${' + exprs[n] + '}' : '')).join('');
  };
  // Reads an expression inside ${…} up to its closing brace; returns it with nested templates rewritten.
  const expression = () => {
    const saved = out;
    out = '';
    let depth = 0;
    while (i < code.length) {
      const c = code[i];
      if (c === '}' && depth === 0) break;
      if (c === '{') depth++;
      if (c === '}') depth--;
      if (c === "'" || c === '"') {
        copyString(c);
        continue;
      }
      if (c === '`') {
        const tag = tagBefore();
        i++;
        out += '`' + template(tag) + '`';
        continue;
      }
      out += c;
      i++;
    }
    i++; // closing brace
    const result = out;
    out = saved;
    return result;
  };
  const tagBefore = () => {
    const m = /(html|css)\s*$/.exec(out.slice(-8));
    return m && !IDENT.test(out[out.length - m[0].length - 1] ?? '') ? m[1] : null;
  };
  while (i < code.length) {
    const c = code[i];
    if (c === "'" || c === '"') {
      copyString(c);
    } else if (c === '/' && code[i + 1] === '/') {
      const end = code.indexOf('\n', i);
      out += code.slice(i, end === -1 ? code.length : end);
      i = end === -1 ? code.length : end;
    } else if (c === '/' && code[i + 1] === '*') {
      const end = code.indexOf('*/', i + 2);
      out += code.slice(i, end + 2);
      i = end + 2;
    } else if (c === '`') {
      const tag = tagBefore();
      i++;
      out += '`' + template(tag) + '`';
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

export function minifyTemplates() {
  return {
    name: 'comment-thread:minify-templates',
    apply: 'build',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !/\b(html|css)`/.test(code)) return null;
      return { code: minifySource(code), map: null };
    },
  };
}
