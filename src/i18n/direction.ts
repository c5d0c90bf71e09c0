import { isRtl } from './index.js';

const DIRS = new Set(['ltr', 'rtl', 'auto']);

/**
 * The direction the element's content needs of its own, or `undefined` when the page already decides it.
 * The nearest element (the element itself first, then its ancestors across shadow roots) that declares a
 * direction or a language decides: a valid `dir` is the page's word and is inherited as it is (`auto`
 * included); a `lang` met first gives that language's direction, so an Arabic thread on an English page
 * marked `dir="ltr"` still reads right to left, and an English one on a Hebrew page left to right. With
 * neither anywhere, the reader's language decides, as it decides the words.
 */
export function directionOf(element: Element): 'ltr' | 'rtl' | undefined {
  for (let node: Node | null = element; node;) {
    if (node instanceof Element) {
      // An invalid value counts as none (HTML: the element then takes its parent's direction).
      if (DIRS.has(node.getAttribute('dir')?.toLowerCase() ?? '')) return undefined;
      const lang = node.getAttribute('lang');
      if (lang) return isRtl(lang) ? 'rtl' : 'ltr';
    }
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return isRtl(navigator.language || 'en') ? 'rtl' : 'ltr';
}
