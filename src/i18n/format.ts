/**
 * Cached Intl formatters, shared by every element of a page, and their warm-up: dates in the locale's
 * own words and in the reader's or the site's time zone, relative dates ("3 days ago"), with no date
 * library.
 */
const cache = new Map<string, Intl.DateTimeFormat | Intl.RelativeTimeFormat>();

/** The formatter for `locale` in `timeZone` (the reader's zone when absent or not a zone Intl knows). */
function dateFormat(locale: string, timeZone = ''): Intl.DateTimeFormat {
  const key = `${locale}|date|${timeZone}`;
  let format = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!format) {
    // One formatter for date and time: the locale joins them in its own words ("at", "à", "um").
    const options: Intl.DateTimeFormatOptions = { dateStyle: 'long', timeStyle: 'short' };
    try {
      format = new Intl.DateTimeFormat(safeLocale(locale), timeZone ? { ...options, timeZone } : options);
    } catch {
      // A zone this browser does not know (a typo, or one newer than its tz data): the reader's own zone
      // rather than no dates. Cached under the bad name too, so it is tried once.
      format = dateFormat(locale);
    }
    cache.set(key, format);
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

export function safeLocale(locale: string): string {
  try {
    return Intl.getCanonicalLocales(locale)[0] ?? 'en';
  } catch {
    return 'en';
  }
}

const plurals = new Map<string, Intl.PluralRules>();
const numbers = new Map<string, Intl.NumberFormat>();

/** The locale's plural rules ("1 comment", "2 comments"), made once per page. */
export function pluralRules(locale: string): Intl.PluralRules {
  let rules = plurals.get(locale);
  if (!rules) plurals.set(locale, (rules = new Intl.PluralRules(safeLocale(locale))));
  return rules;
}

/** The locale's way of writing numbers ("20,000", "20 000"), made once per page. */
export function numberFormat(locale: string): Intl.NumberFormat {
  let format = numbers.get(locale);
  if (!format) numbers.set(locale, (format = new Intl.NumberFormat(safeLocale(locale))));
  return format;
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

/**
 * Where the script tag's loader leaves the warm-up it starts when it asks for the element's code
 * (src/script-tag.ts), further along than one started here.
 */
const LOADER_WARM_UP = Symbol.for('comment-thread:intl');

function warmUp(locale: string): Promise<void> {
  // ICU's data is loaded once per process, whatever the locale: once it is, this locale's formatters
  // take a fraction of a millisecond.
  const early = (globalThis as { [LOADER_WARM_UP]?: Promise<void> })[LOADER_WARM_UP];
  const loaded = early ?? import('./warm-up.js').then((m) => m.warmInWorker(safeLocale(locale)));
  return loaded.catch(() => undefined).then(() => made(locale));
}

/** Makes the formatters a thread in `locale` uses. */
function made(locale: string) {
  const now = new Date();
  formatDate(now, locale);
  formatRelative(now, locale, now.getTime());
  pluralRules(locale).select(1);
  numberFormat(locale).format(1000);
}

/** "15 April 2013 at 1:10 pm", in the locale's own words, in `timeZone` (an IANA name) or the reader's. */
export function formatDate(date: Date, locale: string, timeZone?: string): string {
  return dateFormat(locale, timeZone).format(date);
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
