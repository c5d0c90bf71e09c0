/**
 * Locale resolution, lazily loaded catalogs and cached Intl formatters. English is built in; other
 * locales are chunks loaded only on pages that use them.
 */
import { en, type Messages } from './messages.js';

export type { Messages } from './messages.js';
export { en } from './messages.js';

const catalogs: Record<string, () => Promise<Messages>> = {
  fr: () => import('./fr.js').then((m) => m.messages),
};

/** Adds or replaces a locale's catalog, e.g. `registerLocale('de', () => import('./de.js').then(m => m.messages))`. */
export function registerLocale(lang: string, load: () => Promise<Messages>): void {
  catalogs[lang.toLowerCase()] = load;
}

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

const cache = new Map<string, Intl.DateTimeFormat | Intl.RelativeTimeFormat>();

function dateFormat(locale: string): Intl.DateTimeFormat {
  let format = cache.get(locale) as Intl.DateTimeFormat | undefined;
  if (!format) {
    // One formatter for date and time: the locale joins them in its own words ("at", "à", "um").
    format = new Intl.DateTimeFormat(safeLocale(locale), { dateStyle: 'long', timeStyle: 'short' });
    cache.set(locale, format);
  }
  return format;
}

function relativeFormat(locale: string): Intl.RelativeTimeFormat {
  let format = cache.get(`${locale}|rel`) as Intl.RelativeTimeFormat | undefined;
  if (!format) {
    format = new Intl.RelativeTimeFormat(safeLocale(locale), { numeric: 'auto' });
    cache.set(`${locale}|rel`, format);
  }
  return format;
}

function safeLocale(locale: string): string {
  try {
    return Intl.getCanonicalLocales(locale)[0] ?? 'en';
  } catch {
    return 'en';
  }
}

/** Locales warmed or being warmed: one worker per locale and page, however many threads load. */
const warming = new Map<string, Promise<void>>();

/**
 * Creates the formatters comments will use, before they are needed. The first date formatter of a page
 * costs 20–50 ms of main thread (ICU loading its data): a worker pays that instead, where one can start,
 * and the formatters made here afterwards are cheap. Without a worker (a script from another origin, a
 * policy that forbids it) they are made here after all, in a task of their own.
 */
export function warmFormatters(locale: string): Promise<void> {
  let warm = warming.get(locale);
  if (!warm) warming.set(locale, (warm = warmUp(locale)));
  return warm;
}

function warmUp(locale: string): Promise<void> {
  return new Promise<void>((resolve) => {
    let worker: Worker | undefined;
    let finished = false;
    const done = () => {
      if (finished) return;
      finished = true;
      worker?.terminate();
      clearTimeout(timer);
      const now = new Date();
      formatDate(now, locale);
      formatRelative(now, locale, now.getTime());
      resolve();
    };
    const timer = setTimeout(done, 1000);
    try {
      worker = new Worker(new URL('../intl-warm.js', import.meta.url), { type: 'module' });
      worker.onmessage = worker.onerror = done;
      worker.postMessage(safeLocale(locale));
    } catch {
      setTimeout(done);
    }
  });
}

/** "15 April 2013 at 1:10 pm", in the locale's own words and the reader's time zone. */
export function formatDate(date: Date, locale: string): string {
  return dateFormat(locale).format(date);
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

/** "3 days ago", "yesterday", "now". */
export function formatRelative(date: Date, locale: string, now = Date.now()): string {
  const seconds = (date.getTime() - now) / 1000;
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size || unit === 'second') {
      return relativeFormat(locale).format(Math.round(seconds / size), unit);
    }
  }
  return '';
}
