/**
 * The sanitizer for browsers without `Element.setHTML`: DOMPurify with the same allow-list. Loaded on
 * demand by sanitize.ts, the first time such a browser shows an HTML body. sanitize.ts passes its
 * allow-list in, so the policy stays in one module and this one imports nothing of ours (no cycle).
 */
import DOMPurify from 'dompurify';

const instance = DOMPurify(window);

/** `html` sanitized into a fragment; null for input without a body (`<frameset>`). */
export const purify = (
  html: string,
  elements: readonly string[],
  attributes: readonly string[],
): DocumentFragment | null =>
  instance.sanitize(html, {
    ALLOWED_TAGS: [...elements],
    ALLOWED_ATTR: [...attributes],
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    RETURN_DOM_FRAGMENT: true,
  });
