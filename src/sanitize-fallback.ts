/**
 * The sanitizer for browsers without `Element.setHTML`: DOMPurify with the same allow-list. Loaded on
 * demand by sanitize.ts, the first time such a browser shows an HTML body.
 */
import DOMPurify from 'dompurify';
import { ALLOWED_ATTRIBUTES, ALLOWED_ELEMENTS } from './sanitize.js';

const instance = DOMPurify(window);

/** `html` sanitized into a fragment; null for input without a body (`<frameset>`). */
export const purify = (html: string): DocumentFragment | null =>
  instance.sanitize(html, {
    ALLOWED_TAGS: [...ALLOWED_ELEMENTS],
    ALLOWED_ATTR: [...ALLOWED_ATTRIBUTES],
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    RETURN_DOM_FRAGMENT: true,
  });
