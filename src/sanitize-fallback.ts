/**
 * The first step of sanitizing for browsers without `Element.setHTML`: DOMPurify, loaded on demand by
 * sanitize.ts the first time such a browser shows an HTML body. sanitize.ts passes its policy in, so the
 * policy stays in one module and this one imports nothing of ours (no cycle).
 */
import DOMPurify from 'dompurify';

const instance = DOMPurify(window);

/**
 * `html` sanitized into a fragment of an inert document; null for input without a body (`<frameset>`).
 * Elements outside `elements` are unwrapped (DOMPurify's KEEP_CONTENT), those in `removed` go with their
 * content, as the native path does; sanitize.ts then applies the rest of the policy to both alike.
 */
export const purify = (
  html: string,
  elements: readonly string[],
  attributes: readonly string[],
  removed: readonly string[],
): DocumentFragment | null =>
  instance.sanitize(html, {
    ALLOWED_TAGS: [...elements],
    ALLOWED_ATTR: [...attributes],
    FORBID_CONTENTS: [...removed],
    KEEP_CONTENT: true,
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    RETURN_DOM_FRAGMENT: true,
  });
