/**
 * Locale resolution and lazily loaded catalogs. English is built in; other locales are chunks loaded
 * only on pages that use them.
 */
import { en, type Messages } from './messages.js';

export type { Messages, PluralForms } from './messages.js';
export { en } from './messages.js';
export { formatDate, formatRelative, warmFormatters } from './format.js';
export { Words, type DateStyle } from './words.js';

const catalogs: Record<string, () => Promise<Messages>> = {
  fr: () => import('./fr.js').then((m) => m.messages),
};

/** Adds or replaces a locale's catalog, e.g. `registerLocale('de', () => import('./de.js').then(m => m.messages))`. */
export function registerLocale(lang: string, load: () => Promise<Messages>): void {
  catalogs[lang.toLowerCase()] = load;
}

// Scripts written right to left among the languages shipped or likely to be registered (CLDR's
// characterOrder); a tag's base language decides, so `ar-EG` and `fa-IR` count too.
const rtl = new Set(['ar', 'fa', 'he', 'iw', 'ur', 'ps', 'sd', 'ug', 'yi', 'ckb', 'dv']);

/** Whether text in `lang` runs right to left (Arabic, Persian, Hebrew, Urdu and their regional tags). */
export const isRtl = (lang: string): boolean => rtl.has(lang.toLowerCase().split(/[-_]/)[0]);

/** The language of an element: its own `lang`, else its nearest ancestor's (across shadow roots), else the document's. */
export function languageOf(element: Element): string {
  for (let node: Node | null = element; node; ) {
    if (node instanceof Element && node.getAttribute('lang')) return node.getAttribute('lang')!;
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return navigator.language || 'en';
}

/** The catalog for a BCP 47 tag (exact, then base language); English when none is registered. */
export async function loadMessages(lang: string): Promise<Messages> {
  const tag = lang.toLowerCase();
  const load = catalogs[tag] ?? catalogs[tag.split('-')[0]];
  if (!load) return en;
  try {
    return await load();
  } catch {
    return en;
  }
}

/** Whether `lang` needs a catalog other than English (so the element can wait for it). */
export const needsCatalog = (lang: string) => {
  const tag = lang.toLowerCase();
  return tag in catalogs || tag.split('-')[0] in catalogs;
};
