/**
 * The one door backend HTML goes through on its way to the DOM. Two steps, the same on every browser:
 * 1. an engine removes what could run: the browser's own sanitizer (`Element.setHTML`, the Sanitizer
 *    API) where it exists, DOMPurify otherwise (loaded only then). Both are told to remove REMOVED
 *    elements with their content and to leave everything else for step 2.
 * 2. `tidy()` applies the policy to the inert result: allow-listed elements stay, RENAMED ones change
 *    name, every other element is unwrapped (its text kept), attributes are checked one by one, nesting
 *    is capped. Only then does anything reach the page.
 * An engine's own allow-list would remove unknown elements with their words (`setHTML` deleted
 * `<div><p>…</p></div>` whole), so the allow-list lives here. docs/security.md states the policy.
 */

/** Elements a comment body may hold: the formatting of WordPress, Markdown renderers and Mastodon. */
export const ALLOWED_ELEMENTS = [
  'a', 'abbr', 'b', 'bdi', 'bdo', 'blockquote', 'br', 'caption', 'cite', 'code', 'dd', 'del', 'details',
  'dfn', 'div', 'dl', 'dt', 'em', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'img', 'ins', 'kbd', 'li', 'mark', 'ol', 'p',
  'pre', 'q', 'rp', 'rt', 'ruby', 's', 'samp', 'small', 'span', 'strike', 'strong', 'sub', 'summary',
  'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'time', 'tr', 'u', 'ul', 'var', 'wbr',
] as const;

/**
 * Elements kept under another name: block containers become a plain div, so the words of two sections
 * do not run together as they would unwrapped. (Headings are renamed too: see FIRST_HEADING.)
 */
export const RENAMED: Readonly<Record<string, string>> = {
  menu: 'ul', listing: 'pre',
  ...Object.fromEntries(
    ['address', 'article', 'aside', 'center', 'dialog', 'fieldset', 'figcaption', 'figure', 'footer', 'form',
      'header', 'hgroup', 'legend', 'main', 'nav', 'search', 'section'].map((tag) => [tag, 'div']),
  ),
};

/**
 * Elements removed with everything inside: what runs, loads or embeds, form controls, foreign (SVG,
 * MathML) content, and elements whose content is a fallback or raw text rather than words of the comment.
 */
export const REMOVED_ELEMENTS = [
  'applet', 'audio', 'base', 'button', 'canvas', 'datalist', 'embed', 'fencedframe', 'frame', 'frameset',
  'head', 'iframe', 'input', 'keygen', 'link', 'math', 'meta', 'noembed', 'noframes', 'noscript', 'object',
  'optgroup', 'option', 'param', 'plaintext', 'portal', 'script', 'select', 'source', 'style', 'svg',
  'template', 'textarea', 'title', 'track', 'video', 'xmp',
] as const;

const GLOBAL_ATTRIBUTES = ['title', 'lang', 'dir'];
/** Attributes each element may keep, beyond the global ones. */
const ELEMENT_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  a: ['href'],
  img: ['src', 'alt', 'width', 'height'],
  ol: ['start'],
  td: ['colspan', 'rowspan', 'align'],
  th: ['colspan', 'rowspan', 'align'],
};
export const ALLOWED_ATTRIBUTES = [...new Set([...GLOBAL_ATTRIBUTES, ...Object.values(ELEMENT_ATTRIBUTES).flat()])];

/**
 * The level of a body's highest heading. A comment's headings sit under the thread's h2 and never
 * outrank it: the levels a body uses become h3, h4 … in order (gaps closed, h6 at most). h3, not h4,
 * because the comments come between the thread's h2 and the form's h3, and a jump from h2 to h4 breaks
 * the heading outline screen readers navigate by (axe's heading-order rule).
 */
export const FIRST_HEADING = 3;
const HEADINGS = 'h1, h2, h3, h4, h5, h6';

/** Deeper nesting is flattened: 20,000 nested quotes froze the page for seconds and show nothing more. */
export const MAX_DEPTH = 32;
/** The largest width or height attribute an image keeps: beyond it no box is reserved (CSS caps the rest). */
export const MAX_IMAGE_SIDE = 2000;
const MAX_SPAN = 100;

/** `rel` on every link in a comment: no endorsement, user content, no window.opener. */
export const LINK_REL = 'nofollow ugc noopener';

// Absolute only: a relative URL would be fetched from (or lead to) the host page's own site, and
// "https:path" without slashes resolves against that page too. Browsers read "\" as "/" in http(s) URLs.
const ABSOLUTE_HTTP = /^https?:[\\/]{2}[^\\/?#]/i;

/** Whether a URL may be a link target (a permalink, a link in a body): absolute http(s), or mailto. */
export function isSafeLink(url: string): boolean {
  const value = stripInvisible(url);
  return ABSOLUTE_HTTP.test(value) || /^mailto:/i.test(value);
}

/** Whether a URL may be an image source (an avatar, an image in a body): absolute http(s) only. */
export function isSafeImage(url: string): boolean {
  return ABSOLUTE_HTTP.test(stripInvisible(url));
}

/** Whether a URL may be an author's website: absolute http(s) only. */
export function isHttpUrl(url: string): boolean {
  return /^https?:\/\/[^\s/]/i.test(stripInvisible(url));
}

// Browsers ignore tabs, newlines and leading control characters in a URL's scheme ("java\tscript:").
// eslint-disable-next-line no-control-regex -- the control characters are exactly what must go
const stripInvisible = (url: string) => url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');

const HTML_NS = 'http://www.w3.org/1999/xhtml';
const ALLOWED = new Set<string>(ALLOWED_ELEMENTS);
const REMOVED = new Set<string>(REMOVED_ELEMENTS);
const VOID = new Set(['br', 'hr', 'img', 'wbr']);

/** An attribute's value if the policy keeps it as written, else null. */
function checked(tag: string, name: string, value: string): string | null {
  switch (name) {
    case 'href':
      return isSafeLink(value) ? value : null;
    case 'width':
    case 'height':
      return /^\d{1,4}$/.test(value) && +value >= 1 && +value <= MAX_IMAGE_SIDE ? value : null;
    case 'colspan':
    case 'rowspan':
      return /^\d{1,3}$/.test(value) && +value >= 1 && +value <= MAX_SPAN ? value : null;
    case 'align':
      return /^(?:left|center|right|justify)$/i.test(value) ? value : null;
    case 'dir':
      return /^(?:ltr|rtl|auto)$/i.test(value) ? value : null;
    case 'start':
      return /^-?\d{1,9}$/.test(value) ? value : null;
    default:
      return GLOBAL_ATTRIBUTES.includes(name) || ELEMENT_ATTRIBUTES[tag]?.includes(name) ? value : null;
  }
}

/** Keeps only the attributes the policy allows on `el`, and adds what links and images always carry. */
function cleanAttributes(el: Element, tag: string): void {
  const allowed = ELEMENT_ATTRIBUTES[tag] ?? [];
  for (const name of el.getAttributeNames()) {
    const raw = el.getAttribute(name)!;
    // Trimmed as DOMPurify trims every value, so both paths keep the same thing.
    const value = GLOBAL_ATTRIBUTES.includes(name) || allowed.includes(name) ? checked(tag, name, raw.trim()) : null;
    if (value === null) el.removeAttribute(name);
    else if (value !== raw) el.setAttribute(name, value);
  }
  if (tag === 'a') el.setAttribute('rel', LINK_REL);
  if (tag === 'img') {
    // A box needs both sides; one alone (the other refused) reserves nothing useful.
    if (!el.hasAttribute('width') || !el.hasAttribute('height')) {
      el.removeAttribute('width');
      el.removeAttribute('height');
    }
    el.setAttribute('loading', 'lazy');
    el.setAttribute('decoding', 'async');
    el.setAttribute('referrerpolicy', 'no-referrer');
  }
}

/** `el` as a `tag` element with its children and global attributes. */
function rename(el: Element, tag: string): Element {
  const twin = el.ownerDocument.createElement(tag);
  for (const name of GLOBAL_ATTRIBUTES) {
    const value = el.getAttribute(name);
    if (value !== null) twin.setAttribute(name, value);
  }
  twin.append(...el.childNodes);
  el.replaceWith(twin);
  return twin;
}

/**
 * Applies the policy to `root`'s inert content, in place. Iterative, since the parser nests up to 512
 * levels deep and a recursion that deep is what the nesting cap is there to avoid.
 */
export function tidy(root: ParentNode): void {
  const levels = [...new Set([...root.querySelectorAll(HEADINGS)].map((h) => h.localName))].sort();
  const heading = (tag: string) => `h${Math.min(6, FIRST_HEADING + levels.indexOf(tag))}`;
  let depth = 1;
  /** The node after `from` and its subtree, tracking the depth. */
  const after = (from: Node): Node | null => {
    for (let n: Node | null = from; n && n !== root; n = n.parentNode, depth--) {
      if (n.nextSibling) return n.nextSibling;
    }
    return null;
  };
  let node: Node | null = root.firstChild;
  while (node) {
    if (node.nodeType === Node.TEXT_NODE) {
      node = after(node);
      continue;
    }
    const el = node as Element;
    const tag = el.namespaceURI === HTML_NS ? el.localName : '';
    if (node.nodeType !== Node.ELEMENT_NODE || !tag || REMOVED.has(tag)) {
      node = after(el);
      el.remove();
      continue;
    }
    const renamed = levels.includes(tag) ? heading(tag) : RENAMED[tag];
    if ((!ALLOWED.has(tag) && !renamed) || (depth > MAX_DEPTH && !VOID.has(tag))) {
      const first = el.firstChild;
      node = first ?? after(el);
      el.replaceWith(...el.childNodes);
      continue;
    }
    const kept = renamed && renamed !== tag ? rename(el, renamed) : el;
    const keptTag = renamed ?? tag;
    if (keptTag === 'img' && !isSafeImage(kept.getAttribute('src') ?? '')) {
      // The picture cannot be shown; its description still can.
      const alt = kept.ownerDocument.createTextNode(kept.getAttribute('alt') ?? '');
      kept.replaceWith(alt);
      node = after(alt);
      continue;
    }
    cleanAttributes(kept, keptTag);
    if (kept.firstChild) {
      node = kept.firstChild;
      depth++;
    } else {
      node = after(kept);
    }
  }
}

type Purify = (html: string) => DocumentFragment | null;
let purify: Purify | undefined;
let loading: Promise<Purify> | undefined;

/** Test hook: force the DOMPurify path even where `setHTML` exists. */
export const sanitizerOptions = { forceFallback: false };

const hasNative = () =>
  !sanitizerOptions.forceFallback && typeof (Element.prototype as { setHTML?: unknown }).setHTML === 'function';

/** What the engines may leave for `tidy()`: the allowed elements and the ones it renames. */
const ENGINE_ELEMENTS = [...ALLOWED_ELEMENTS, 'h1', 'h2', ...Object.keys(RENAMED)];

function loadPurify(): Promise<Purify> {
  loading ??= import('./sanitize-fallback.js').then(
    (fallback) => (purify = (html) => fallback.purify(html, ENGINE_ELEMENTS, ALLOWED_ATTRIBUTES, REMOVED_ELEMENTS)),
  );
  // A failed chunk load (offline, a deploy replaced the file) is tried again next time, not cached.
  loading.catch(() => (loading = undefined));
  return loading;
}

let inertDocument: Document | undefined;
/** A document without a browsing context: nothing in it loads or runs while `tidy()` works on it. */
const inert = () => (inertDocument ??= document.implementation.createHTMLDocument(''));

/** The text of `html`, read from an inert document: what a body shows when the fallback cannot load. */
function textOf(html: string): string {
  return new DOMParser().parseFromString(html, 'text/html').body?.textContent ?? '';
}

let native: object | undefined;
/**
 * One Sanitizer for every body: given a configuration instead, `setHTML` builds a sanitizer from it on
 * each call, which doubled its cost in Chromium. A remove-list, not an allow-list: unknown elements must
 * reach `tidy()` to be unwrapped. `setHTML` still removes every script-running element and attribute
 * whatever its configuration (the "safe" baseline of the Sanitizer API).
 */
function nativeSanitizer(): object {
  if (native) return native;
  const config = {
    removeElements: REMOVED_ELEMENTS.map((name) =>
      name === 'svg' ? { name, namespace: 'http://www.w3.org/2000/svg' }
      : name === 'math' ? { name, namespace: 'http://www.w3.org/1998/Math/MathML' }
      : name,
    ),
    attributes: ALLOWED_ATTRIBUTES,
  };
  const Sanitizer = (globalThis as { Sanitizer?: new (config: object) => object }).Sanitizer;
  try {
    native = typeof Sanitizer === 'function' ? new Sanitizer(config) : config;
  } catch {
    native = config; // an older shape of the API
  }
  return native;
}

/**
 * Replaces `target`'s children with the sanitized `html`. Synchronous when the browser sanitizes
 * natively or DOMPurify is already loaded; otherwise resolves once the fallback has loaded.
 */
export function sanitizeInto(target: Element, html: string): void | Promise<void> {
  if (hasNative()) {
    const box = inert().createElement('div');
    (box as unknown as { setHTML(html: string, options: object): void }).setHTML(html, { sanitizer: nativeSanitizer() });
    tidy(box);
    target.replaceChildren(...box.childNodes);
    return;
  }
  const fill = (sanitize: Purify) => {
    // DOMPurify parses a whole document and returns null when it has no body: `<frameset>` input.
    const fragment = sanitize(html) ?? document.createDocumentFragment();
    tidy(fragment);
    target.replaceChildren(fragment);
  };
  if (purify) return fill(purify);
  return loadPurify().then(fill, () => {
    target.textContent = textOf(html);
  });
}

/** The sanitized HTML as a string (for tests and for adapters that need text). */
export async function sanitize(html: string): Promise<string> {
  const box = document.createElement('div');
  await sanitizeInto(box, html);
  return box.innerHTML;
}
