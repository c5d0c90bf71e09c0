/**
 * The one door backend HTML goes through on its way to the DOM. The browser's own sanitizer
 * (`Element.setHTML`, the Sanitizer API) where it exists; DOMPurify otherwise, loaded only then. Both get
 * the same allow-list, and both results get the same URL checks afterwards, because neither default is
 * enough on its own: `setHTML` keeps `data:` and `vbscript:` link targets, and a blog comment needs
 * neither. One test suite runs every payload through both paths.
 */

/** Elements a comment body may hold: the formatting of WordPress, Markdown renderers and Mastodon. */
export const ALLOWED_ELEMENTS = [
  'a', 'abbr', 'b', 'blockquote', 'br', 'code', 'dd', 'del', 'dl', 'dt', 'em', 'h3', 'h4', 'h5', 'h6',
  'hr', 'i', 'img', 'ins', 'kbd', 'li', 'mark', 'ol', 'p', 'pre', 'q', 's', 'small', 'span', 'strike',
  'strong', 'sub', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'u', 'ul',
] as const;

export const ALLOWED_ATTRIBUTES = ['href', 'src', 'alt', 'title', 'width', 'height', 'lang', 'dir', 'colspan', 'rowspan'] as const;

/** `rel` on every link in a comment: no endorsement, user content, no window.opener. */
export const LINK_REL = 'nofollow ugc noopener';

const SAFE_LINK = /^(?:https?|mailto):/i;
const SAFE_IMAGE = /^https?:/i;
const SCHEME = /^[a-z][a-z\d+.-]*:/i;

/** Whether a URL from a backend may be a link target: http(s), mailto, or relative (no scheme). */
export function isSafeLink(url: string): boolean {
  const value = stripInvisible(url);
  return SCHEME.test(value) ? SAFE_LINK.test(value) : true;
}

/** Whether a URL may be an image source: http(s) or relative. */
export function isSafeImage(url: string): boolean {
  const value = stripInvisible(url);
  return SCHEME.test(value) ? SAFE_IMAGE.test(value) : true;
}

/** Whether a URL may be an author's website: absolute http(s) only. */
export function isHttpUrl(url: string): boolean {
  return /^https?:\/\/[^\s/]/i.test(stripInvisible(url));
}

// Browsers ignore tabs, newlines and leading control characters in a URL's scheme ("java\tscript:").
// eslint-disable-next-line no-control-regex -- the control characters are exactly what must go
const stripInvisible = (url: string) => url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');

type Purify = (html: string) => DocumentFragment | null;
let purify: Purify | undefined;
let loading: Promise<Purify> | undefined;

/** Test hook: force the DOMPurify path even where `setHTML` exists. */
export const sanitizerOptions = { forceFallback: false };

const hasNative = () =>
  !sanitizerOptions.forceFallback && typeof (Element.prototype as { setHTML?: unknown }).setHTML === 'function';

function loadPurify(): Promise<Purify> {
  loading ??= import('./sanitize-fallback.js').then(
    (fallback) => (purify = (html) => fallback.purify(html, ALLOWED_ELEMENTS, ALLOWED_ATTRIBUTES)),
  );
  // A failed chunk load (offline, a deploy replaced the file) is tried again next time, not cached.
  loading.catch(() => (loading = undefined));
  return loading;
}

/** The text of `html`, read from an inert document (no scripts run, nothing loads): what a body shows
 * when the sanitizer itself cannot be loaded. */
function textOf(html: string): string {
  return new DOMParser().parseFromString(html, 'text/html').body?.textContent ?? '';
}

/** Makes what either sanitizer left safe to link and load: URL schemes, rel, lazy images. */
function harden(root: ParentNode): void {
  for (const link of root.querySelectorAll('a')) {
    const href = link.getAttribute('href');
    if (href !== null && !isSafeLink(href)) link.removeAttribute('href');
    link.setAttribute('rel', LINK_REL);
  }
  for (const image of root.querySelectorAll('img')) {
    const src = image.getAttribute('src');
    if (src === null || !isSafeImage(src)) {
      image.remove();
      continue;
    }
    image.setAttribute('loading', 'lazy');
    image.setAttribute('decoding', 'async');
    image.setAttribute('referrerpolicy', 'no-referrer');
  }
}

let native: object | undefined;
/**
 * One Sanitizer for every body: given a configuration instead, `setHTML` builds a sanitizer from it on
 * each call, which doubled its cost in Chromium. The configuration itself where the constructor is missing.
 */
function nativeSanitizer(): object {
  if (native) return native;
  const config = { elements: ALLOWED_ELEMENTS, attributes: ALLOWED_ATTRIBUTES };
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
    (target as Element & { setHTML(html: string, options: object): void }).setHTML(html, { sanitizer: nativeSanitizer() });
    harden(target);
    return;
  }
  const fill = (sanitize: Purify) => {
    // DOMPurify parses a whole document and returns null when it has no body: `<frameset>` input.
    const fragment = sanitize(html) ?? document.createDocumentFragment();
    harden(fragment);
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
