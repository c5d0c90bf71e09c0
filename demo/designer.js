// The theme designer: every public custom property of <comment-thread> as a labelled input, applied live
// to the preview thread, and the resulting CSS to copy into a site's stylesheet. Colours come in pairs,
// one for each scheme, written as light-dark(): the thread follows its page's color-scheme, and so do
// the copied values. Only values that differ from the element's defaults are written out.

/** Colour tokens with the element's defaults for the light and the dark scheme. */
export const COLORS = [
  { name: 'color', label: 'Text', light: '#1d2327', dark: '#f0f0f1' },
  { name: 'background', label: 'Background', light: 'transparent', dark: '#1d2327' },
  { name: 'muted', label: 'Dates and notices', light: '#50575e', dark: '#c3c4c7' },
  { name: 'accent', label: 'Links and buttons', light: '#2271b1', dark: '#72aee6' },
  { name: 'on-accent', label: 'Text on buttons', light: '#ffffff', dark: '#101517' },
  { name: 'surface', label: 'Field background', light: '#ffffff', dark: '#2c3338' },
  { name: 'border', label: 'Borders and reply lines', light: '#8c8f94', dark: '#8c8f94' },
  { name: 'error', label: 'Errors', light: '#b32d2e', dark: '#ff8085' },
  { name: 'highlight', label: 'New and linked comment', light: '#fcf9e8', dark: '#3c3a21' },
];

/** Tokens that are one value in both schemes, with the element's defaults. */
export const SIZES = [
  { name: 'font', label: 'Font family', value: 'inherit', check: 'font-family' },
  { name: 'font-size', label: 'Font size', value: '1rem', check: 'font-size' },
  { name: 'gap', label: 'Space between comments', value: '1.5rem', check: 'row-gap' },
  { name: 'indent', label: 'Reply indent', value: '2.5rem', check: 'padding-inline-start' },
  { name: 'radius', label: 'Corner radius', value: '4px', check: 'border-radius' },
  { name: 'avatar-size', label: 'Avatar size', value: '2.5rem', check: 'width' },
];

const SELECTOR = 'comment-thread';

/** `{ name: value }` → the stylesheet a site owner pastes. */
export function cssFor(values, selector = SELECTOR) {
  const lines = Object.entries(values).map(([name, value]) => `  --comment-thread-${name}: ${value};`);
  return lines.length ? `${selector} {\n${lines.join('\n')}\n}\n` : `/* Nothing changed: the defaults apply. */\n`;
}

/** The value of a colour pair: one colour when both schemes agree. */
const pair = (light, dark) => (light === dark ? light : `light-dark(${light}, ${dark})`);

/**
 * Builds the controls inside `form`, applies them to `preview` as they change and writes the CSS into
 * `output` (a textarea); `copy` copies it, `status` (a live region) says what happened.
 */
export function mount({ form, preview, output, copy, status }) {
  const doc = form.ownerDocument;
  const id = (name) => `designer-${name}`;

  const colours = doc.createElement('fieldset');
  colours.innerHTML = '<legend>Colours, for the light and the dark scheme</legend>';
  for (const token of COLORS) {
    const row = doc.createElement('div');
    row.className = 'designer-row';
    row.setAttribute('role', 'group');
    row.setAttribute('aria-labelledby', id(token.name));
    row.innerHTML = `<span class="designer-name" id="${id(token.name)}">${token.label}</span>`;
    for (const scheme of ['light', 'dark']) {
      const label = doc.createElement('label');
      const input = doc.createElement('input');
      input.type = 'color';
      input.id = id(`${token.name}-${scheme}`);
      input.name = `${token.name}-${scheme}`;
      input.value = token[scheme] === 'transparent' ? '#ffffff' : token[scheme];
      label.append(input, ` ${token.label}, ${scheme}`);
      label.className = 'designer-swatch';
      row.append(label);
      if (token[scheme] === 'transparent') {
        const none = doc.createElement('label');
        none.className = 'designer-swatch';
        const box = doc.createElement('input');
        box.type = 'checkbox';
        box.name = `${token.name}-${scheme}-none`;
        box.checked = true;
        none.append(box, ` No ${token.label.toLowerCase()}, ${scheme}`);
        row.append(none);
      }
    }
    colours.append(row);
  }

  const sizes = doc.createElement('fieldset');
  sizes.innerHTML = '<legend>Type, space and shape</legend>';
  for (const token of SIZES) {
    const label = doc.createElement('label');
    label.className = 'demo-field';
    const input = doc.createElement('input');
    input.type = 'text';
    input.name = token.name;
    input.value = token.value;
    input.spellcheck = false;
    label.append(token.label, input);
    sizes.append(label);
  }

  const scheme = doc.createElement('fieldset');
  scheme.innerHTML = `<legend>Preview in</legend>
    <label><input type="radio" name="preview-scheme" value="" checked /> the page's scheme</label>
    <label><input type="radio" name="preview-scheme" value="light" /> light</label>
    <label><input type="radio" name="preview-scheme" value="dark" /> dark</label>`;
  form.append(scheme, colours, sizes);

  /** The tokens that differ from the defaults, as CSS values; invalid entries are marked and left out. */
  const read = () => {
    const data = new FormData(form);
    const values = {};
    for (const token of COLORS) {
      const [light, dark] = ['light', 'dark'].map((s) =>
        data.get(`${token.name}-${s}-none`) ? 'transparent' : String(data.get(`${token.name}-${s}`)),
      );
      if (light !== token.light || dark !== token.dark) values[token.name] = pair(light, dark);
    }
    for (const token of SIZES) {
      const input = form.elements.namedItem(token.name);
      const value = input.value.trim();
      const valid = value === '' || CSS.supports(token.check, value);
      input.setAttribute('aria-invalid', String(!valid));
      if (valid && value && value !== token.value) values[token.name] = value;
    }
    return values;
  };

  const applied = new Set();
  const update = () => {
    const values = read();
    for (const name of applied) if (!(name in values)) preview.style.removeProperty(`--comment-thread-${name}`);
    applied.clear();
    for (const [name, value] of Object.entries(values)) {
      preview.style.setProperty(`--comment-thread-${name}`, value);
      applied.add(name);
    }
    const chosen = new FormData(form).get('preview-scheme');
    if (chosen) preview.setAttribute('theme', String(chosen));
    else preview.removeAttribute('theme');
    output.value = cssFor(values);
  };
  form.addEventListener('input', update);
  form.addEventListener('change', update);
  form.addEventListener('submit', (event) => event.preventDefault());

  copy.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(output.value);
      status.textContent = 'Copied the CSS.';
    } catch {
      // No clipboard (an insecure origin, a refused permission): the text is selected for the reader's own copy.
      output.focus();
      output.select();
      status.textContent = 'Could not copy: the CSS is selected, press Ctrl+C (⌘C on a Mac) to copy it.';
    }
  });

  update();
  return { update };
}

const root = typeof document === 'undefined' ? null : document.getElementById('designer');
if (root) {
  mount({
    form: root,
    preview: document.getElementById('preview'),
    output: document.getElementById('designer-css'),
    copy: document.getElementById('designer-copy'),
    status: document.getElementById('designer-status'),
  });
}
