// A Vite plugin for the script-tag build: squeezes the whitespace out of Lit's html`` and css``
// templates, which no JS minifier touches. Conservative: in html, a run of whitespace that holds a
// line break becomes one space (the same rendering outside <pre>, which the templates do not use);
// in css, comments go and whitespace around punctuation goes.
const TEMPLATE = /\b(html|css)`((?:[^`\\$]|\\.|\$(?!\{)|\$\{(?:[^{}]|\{[^{}]*\})*\})*)`/g;

function squeezeHtml(text) {
  return text.replace(/[ \t]*\n\s*/g, ' ');
}

function squeezeCss(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};:,>])\s*/g, '$1')
    .replace(/;}/g, '}')
    .trim();
}

/** Only the static parts change: `${…}` expressions are left exactly as written. */
function squeeze(source, fn) {
  let out = '';
  let depth = 0;
  let chunk = '';
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (depth === 0 && ch === '$' && source[i + 1] === '{') {
      out += fn(chunk);
      chunk = '';
      depth = 1;
      out += '${';
      i++;
      continue;
    }
    if (depth > 0) {
      if (ch === '{') depth++;
      if (ch === '}') depth--;
      out += ch;
      continue;
    }
    chunk += ch;
  }
  return out + fn(chunk);
}

export function minifyTemplates() {
  return {
    name: 'comment-thread:minify-templates',
    apply: 'build',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !/\b(html|css)`/.test(code)) return null;
      const result = code.replace(TEMPLATE, (match, tag, body) =>
        `${tag}\`${squeeze(body, tag === 'css' ? squeezeCss : squeezeHtml)}\``,
      );
      return { code: result, map: null };
    },
  };
}
