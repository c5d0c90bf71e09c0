// Languages whose usual script runs right to left (CLDR's characterOrder), among those shipped or likely
// to be registered, and the right-to-left scripts a tag may name (ISO 15924): a script subtag decides
// (`pa-Arab` is right to left, `sd-Deva` is not), else the base language (`ar-EG`, `fa-IR`).
const rtl = new Set(['ar', 'fa', 'he', 'iw', 'ur', 'ps', 'sd', 'ug', 'yi', 'ckb', 'dv']);
const rtlScripts = new Set(['arab', 'hebr', 'thaa', 'syrc', 'nkoo', 'adlm', 'rohg', 'mand', 'samr']);

/** Whether text in `lang` runs right to left (Arabic, Persian, Hebrew, Urdu and their regional tags). */
export function isRtl(lang: string): boolean {
  const [base, next = ''] = lang.toLowerCase().split(/[-_]/);
  return /^[a-z]{4}$/.test(next) ? rtlScripts.has(next) : rtl.has(base);
}

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
