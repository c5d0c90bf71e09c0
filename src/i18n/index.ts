/**
 * Locale resolution and lazily loaded catalogs. English is built in; other locales are chunks loaded
 * only on pages that use them.
 */
import { en, type Messages } from './messages.js';

export type { Messages, PluralForms } from './messages.js';
export { en } from './messages.js';
export { formatDate, formatRelative, warmFormatters } from './format.js';
export { Words, type DateStyle } from './words.js';
export { isRtl } from './direction.js';

type Loader = () => Promise<Messages>;
const english: Loader = () => Promise.resolve(en);

// The tags of the catalogs in locales/ (a test checks this list against the files). Their loaders are a
// chunk of their own (locales/index.ts), fetched with the first catalog a page needs.
const shipped =
  'ar bg ca cs da de el es et fa fi fr he hi hr hu id it ja ko lt lv nb nl pl pt pt-BR ro ru sk sl sr sr-Latn sv th tr uk ur vi zh-CN zh-TW'.split(
    ' ',
  );

/** The locales shipped with the element, as BCP 47 tags (English is built in and not listed). */
export const locales: readonly string[] = Object.freeze(shipped);

// Keys are lower-case tags, and lookups are too: BCP 47 tags are case-insensitive.
const catalogs: Record<string, Loader> = { en: english };
for (const tag of locales) catalogs[tag.toLowerCase()] = () => import('./locales/index.js').then((m) => m.load(tag));

// Tags that name a shipped catalog by another name: a script subtag for the Chinese written forms
// (Traditional in Taiwan, Hong Kong and Macao, Simplified elsewhere), Norwegian's macrolanguage and
// Nynorsk (whose readers read Bokmål), and Hebrew's withdrawn ISO 639 code, which Java and old Android send.
const aliases: Record<string, string> = {
  zh: 'zh-cn',
  'zh-hans': 'zh-cn',
  'zh-sg': 'zh-cn',
  'zh-my': 'zh-cn',
  'zh-hant': 'zh-tw',
  'zh-hk': 'zh-tw',
  'zh-mo': 'zh-tw',
  no: 'nb',
  nn: 'nb',
  iw: 'he',
};

/**
 * The catalog key for a tag, by RFC 4647 lookup: the whole tag, then with its last subtag cut, and so on
 * (`zh-Hant-HK` → `zh-hant-hk`, `zh-hant`, `zh`), each also through its alias; `undefined` when none is known.
 */
function lookup(lang: string): string | undefined {
  const subtags = lang.toLowerCase().replace(/_/g, '-').split('-');
  for (let n = subtags.length; n > 0; n--) {
    const tag = subtags.slice(0, n).join('-');
    if (tag in catalogs) return tag;
    const alias = aliases[tag];
    if (alias && alias in catalogs) return alias;
  }
  return undefined;
}

/**
 * The tag of the catalog `lang` is shown in: its own, else its base language's, else the document's
 * language's (a page in German with an element marked in a language no catalog covers), else `en`.
 */
export function resolveLocale(lang: string): string {
  const documentLang = typeof document === 'undefined' ? '' : document.documentElement.lang;
  return lookup(lang) ?? lookup(documentLang) ?? 'en';
}

/** Adds or replaces a locale's catalog, e.g. `registerLocale('de', () => import('./de.js').then(m => m.messages))`. */
export function registerLocale(lang: string, load: () => Promise<Messages>): void {
  catalogs[lang.toLowerCase().replace(/_/g, '-')] = load;
}

/** The language of an element: its own `lang`, else its nearest ancestor's (across shadow roots), else the document's. */
export function languageOf(element: Element): string {
  for (let node: Node | null = element; node;) {
    if (node instanceof Element && node.getAttribute('lang')) return node.getAttribute('lang')!;
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return navigator.language || 'en';
}

/** The catalog for a BCP 47 tag, chosen by `resolveLocale`; English when its chunk fails to load. */
export async function loadMessages(lang: string): Promise<Messages> {
  try {
    return await catalogs[resolveLocale(lang)]();
  } catch {
    return en;
  }
}

/** Whether `lang` needs a catalog other than the built-in English (so the element can wait for it). */
export const needsCatalog = (lang: string) => catalogs[resolveLocale(lang)] !== english;
