/**
 * What the XSS tests watch: every way a payload could run (the recorder functions the corpus calls,
 * the dialogs, and Content-Security-Policy violation reports) and what a safe rendering looks like.
 */
import { expect } from '@open-wc/testing';
import type { CommentThread } from '../../src/components/comment-thread/comment-thread.js';
import { ALLOWED_ATTRIBUTES, ALLOWED_ELEMENTS, LINK_REL } from '../../src/sanitize.js';

export interface Recorded {
  /** Calls of alert, confirm, prompt and __xss, each with where it came from. */
  calls: string[];
  /** `securitypolicyviolation` reports. */
  violations: string[];
}

type Recorders = Record<'alert' | 'confirm' | 'prompt' | '__xss', (...args: unknown[]) => unknown>;

/** Replaces the dialogs and installs `__xss`, counting calls; listens for CSP violation reports. */
export function installRecorders(): Recorded {
  const recorded: Recorded = { calls: [], violations: [] };
  const target = window as unknown as Recorders;
  for (const name of ['alert', 'confirm', 'prompt', '__xss'] as const) {
    target[name] = (...args: unknown[]) => {
      recorded.calls.push(`${name}(${args.map(String).join(', ')})`);
      return name === 'prompt' ? null : false;
    };
  }
  const onViolation = (event: SecurityPolicyViolationEvent) =>
    recorded.violations.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`);
  document.addEventListener('securitypolicyviolation', onViolation, true);
  return recorded;
}

/**
 * Waits for anything a payload could have started: eager image loads and errors, two frames of
 * rendering, then a task. Lazy images (all avatars and body images) are not awaited: off screen they
 * never load, and none of them may carry a handler (assertInert checks).
 */
export async function settle(root: ParentNode): Promise<void> {
  const images = [...root.querySelectorAll('img')].filter((img) => !img.complete && img.loading !== 'lazy');
  await Promise.all(
    images.map((img) => new Promise((resolve) => {
      img.addEventListener('load', resolve, { once: true });
      img.addEventListener('error', resolve, { once: true });
    })),
  );
  for (let i = 0; i < 2; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
  await new Promise((resolve) => setTimeout(resolve, 20));
}

/** Every element the element's own templates create; anything else outside a body was injected. */
const TEMPLATE_TAGS = new Set([
  'SECTION', 'A', 'H2', 'H3', 'SLOT', 'DIV', 'P', 'OL', 'LI', 'ARTICLE', 'HEADER', 'IMG', 'SPAN', 'TIME',
  'BUTTON', 'FORM', 'LABEL', 'INPUT', 'TEXTAREA', 'BR',
]);
const BODY_TAGS = new Set(ALLOWED_ELEMENTS.map((t) => t.toUpperCase()));
/** What `harden()` adds to what the allow-list lets through. */
const BODY_ATTRIBUTES = new Set<string>([...ALLOWED_ATTRIBUTES, 'rel', 'loading', 'decoding', 'referrerpolicy']);
const NEVER = /^(?:on|style$|srcdoc$|formaction$|action$|xlink:|xmlns|srcset$|background$|ping$|data$)/i;

const ABSOLUTE = /^\s*(?:https?:\/\/|mailto:)/i;

/** The protocol a URL attribute resolves to, the way the browser would follow it. */
const protocol = (value: string) => new URL(value, document.baseURI).protocol;

/**
 * Asserts what a rendering holds is inert: only the allow-listed elements and attributes in bodies,
 * only the template's own elements elsewhere, no handler or style attribute anywhere, links only to
 * absolute http(s) or mailto with `rel="nofollow ugc noopener"` in bodies, author links only to
 * absolute http(s), images only from absolute http(s); the element's own ids not clobbered. Returns the number
 * of elements checked, so a caller can tell a check of nothing from a pass.
 */
export function assertInert(el: CommentThread): number {
  const root = el.shadowRoot!;
  const problems: string[] = [];
  const fail = (what: string) => problems.length < 20 && problems.push(what);
  let checked = 0;
  for (const node of root.querySelectorAll('*')) {
    checked++;
    const where = `<${node.tagName.toLowerCase()}> in ${node.closest('article')?.getAttribute('data-comment-id') ?? 'the element'}`;
    const inBody = node.parentElement?.closest('[part~="body"]') != null;
    const names = node.getAttributeNames();
    if (inBody) {
      if (!BODY_TAGS.has(node.tagName)) fail(`${where}: element not on the allow-list`);
      for (const name of names) if (!BODY_ATTRIBUTES.has(name)) fail(`${where}: attribute ${name} not on the allow-list`);
    } else if (!TEMPLATE_TAGS.has(node.tagName)) {
      fail(`${where}: not an element of the template`);
    }
    for (const name of names) if (NEVER.test(name)) fail(`${where}: attribute ${name}`);
    if (node instanceof HTMLAnchorElement) {
      const href = node.getAttribute('href');
      const author = node.matches('[part~="author-link"]');
      if (href !== null) {
        const allowed = author ? ['http:', 'https:'] : ['http:', 'https:', 'mailto:'];
        if (!allowed.includes(protocol(href))) fail(`${where}: href ${JSON.stringify(href)}`);
        // A relative link from a backend leads into the host site (the template's own "#respond" is not one).
        const fromBackend = author || inBody || node.matches('[part~="permalink"]');
        if (fromBackend && !ABSOLUTE.test(href)) fail(`${where}: link not absolute: ${JSON.stringify(href)}`);
      }
      if (inBody && node.getAttribute('rel') !== LINK_REL) fail(`${where}: rel ${JSON.stringify(node.getAttribute('rel'))}`);
    }
    if (node instanceof HTMLImageElement || (node instanceof HTMLSpanElement && node.matches('[part~="avatar"]'))) {
      // An avatar far from the viewport is a placeholder with its address in data-src (templates/avatar.ts): checked the same.
      const src = node.getAttribute('src') ?? (node.matches('[part~="avatar"]') ? (node.dataset.src ?? null) : null);
      if (src === null || !['http:', 'https:'].includes(protocol(src))) fail(`${where}: src ${JSON.stringify(src)}`);
      // A relative image is fetched from the host site by the reader's browser.
      else if (!/^\s*https?:\/\//i.test(src)) fail(`${where}: image not absolute: ${JSON.stringify(src)}`);
    }
  }
  // The element's own landmarks are still its own (no body can clobber an id it looks up).
  if (root.getElementById('heading')?.getAttribute('part') !== 'heading') fail('#heading clobbered');
  const respond = root.getElementById('respond');
  if (respond && respond.getAttribute('part') !== 'respond') fail('#respond clobbered');
  expect(problems, 'unsafe rendering').to.deep.equal([]);
  return checked;
}

/** Asserts nothing ran: no recorder call, no dialog, no CSP violation. */
export function assertNothingRan(recorded: Recorded): void {
  expect(recorded.calls, 'script ran').to.deep.equal([]);
  expect(recorded.violations, 'CSP violations').to.deep.equal([]);
}
