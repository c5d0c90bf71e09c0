/**
 * How the element says things in one locale: a catalog with the site's overrides over it, placeholders
 * filled, plurals through `Intl.PluralRules`, numbers through `Intl.NumberFormat`, dates through the
 * shared `Intl` formatters, and errors turned from codes into words. One object per (catalog, overrides,
 * locale, date style, time zone): templates re-render exactly when it is replaced, and never because of a new object
 * that says the same.
 */
import type { CommentThreadError } from '../model/errors.js';
import { isRtl } from './direction.js';
import { formatDate, formatRelative, numberFormat, pluralRules } from './format.js';
import type { Messages, PluralForms } from './messages.js';

export type DateStyle = 'auto' | 'absolute' | 'relative';
type Keys<T> = { [K in keyof Messages]: Messages[K] extends T ? K : never }[keyof Messages];
export type TextKey = Keys<string>;
export type PluralKey = Keys<PluralForms>;

const WEEK = 7 * 24 * 3600 * 1000;
/** Server text shown to a visitor is cut here: a paragraph, not a page (a server once sent 200,000 characters). */
const SERVER_TEXT = 300;

const REFUSALS: Record<string, TextKey> = {
  duplicate: 'refusedDuplicate',
  flood: 'refusedFlood',
  closed: 'refusedClosed',
  'login-required': 'refusedLogin',
  'cross-origin': 'refusedCrossOrigin',
  'email-required': 'refusedAuthor',
  'url-invalid': 'urlInvalid',
  'author-required': 'refusedAuthor',
  'content-invalid': 'refusedContent',
  'invalid-post': 'refusedPost',
  captcha: 'refusedCaptcha',
  'rate-limited': 'refusedRateLimited',
  spam: 'refusedSpam',
  'too-fast': 'tooFast',
};

/** `template` with each `{key}` replaced by its value; unknown placeholders stay as written. */
export const fill = (template: string, params: Readonly<Record<string, string | number>> = {}): string =>
  template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));

/** The form of `forms` for `count` in `locale`: the exact `'0'` form first, then the language's category. */
export function pluralForm(forms: PluralForms, count: number, locale: string): string {
  if (count === 0 && forms['0'] !== undefined) return forms['0'];
  return forms[pluralRules(locale).select(count)] ?? forms.other;
}

/** Cuts text a server sent for the visitor to a readable length, at a word boundary where one is near. */
export function readable(text: string, max = SERVER_TEXT): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.8 ? cut.slice(0, space) : cut}…`;
}

// Letters of the right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, N'Ko and the others up to U+08FF,
// their presentation forms, and the historic and Adlam blocks); any other letter is strong left to right.
const RTL = '\\u0590-\\u08ff\\ufb1d-\\ufdff\\ufe70-\\ufefc\\u{10800}-\\u{10fff}\\u{1e800}-\\u{1efff}';
const RTL_LETTER = new RegExp(`[${RTL}]`, 'u');
const LTR_LETTER = new RegExp(`(?![${RTL}])\\p{L}`, 'u');

/**
 * A name or other text put into a sentence, wrapped in first-strong isolates (U+2068 … U+2069) where its
 * direction could be the other one's: a Hebrew name in an English sentence ("Reply to {name}"), a Latin
 * one in an Arabic sentence. Without them the bidi algorithm lets the name's direction reorder the words
 * and punctuation around it. Text that cannot disagree with its sentence is left as it is.
 */
export function isolate(value: string, rtlSentence: boolean): string {
  return (rtlSentence ? LTR_LETTER : RTL_LETTER).test(value) ? `\u2068${value}\u2069` : value;
}

export class Words {
  constructor(
    readonly messages: Messages,
    readonly locale: string,
    readonly dates: DateStyle = 'auto',
    /** The IANA zone dates are shown in; the reader's when undefined (or not a zone Intl knows). */
    readonly timeZone?: string,
  ) {}

  /** A message, its placeholders filled. */
  text(key: TextKey, params?: Readonly<Record<string, string | number>>): string {
    if (!params) return this.messages[key];
    const rtl = isRtl(this.locale);
    const isolated: Record<string, string | number> = {};
    for (const [name, value] of Object.entries(params)) isolated[name] = typeof value === 'string' ? isolate(value, rtl) : value;
    return fill(this.messages[key], isolated);
  }

  /** A plural message for `count`, with `{count}` as the locale writes numbers ("20,000", "20 000"). */
  count(key: PluralKey, count: number): string {
    const form = pluralForm(this.messages[key], count, this.locale);
    // Written only where the form says it: the heading's "Comments" while a thread loads needs no number,
    // and the first number of a page may need the locale's formatters (10 ms of main thread), which then
    // come while the request is in flight instead of before it goes out.
    return form.includes('{count}') ? fill(form, { count: this.number(count) }) : form;
  }

  /** A number as the locale writes it ("20,000", "20 000", "٢٠٬٠٠٠"). */
  number(value: number): string {
    // Its format is made by the warm-up (format.ts), with the dates', before the first count is written.
    return numberFormat(this.locale).format(value);
  }

  /** A comment's date line: the `<time>`'s value, its text, and the absolute date as a title when the text is relative. */
  date(iso: string, now: number): { iso: string; text: string; title: string | undefined } {
    const date = new Date(iso);
    const absolute = formatDate(date, this.locale, this.timeZone);
    const relative = this.dates === 'relative' || (this.dates === 'auto' && Math.abs(now - date.getTime()) < WEEK);
    return {
      iso: date.toISOString(),
      text: relative ? formatRelative(date, this.locale, now) : absolute,
      title: relative ? absolute : undefined,
    };
  }

  /**
   * What a reader is told about an error: the catalog's sentence for its code and reason. A server's own
   * words are shown only where they are its reason for refusing, cut to a readable length; the developer's
   * `message` (with URLs and schema paths) never reaches the page.
   */
  error(error: CommentThreadError, backend = ''): string {
    switch (error.code) {
      case 'network':
      case 'aborted':
        return this.messages.errorNetwork;
      case 'timeout':
        return this.messages.errorTimeout;
      case 'http':
        return this.messages.errorHttp;
      case 'invalid-response':
        return error.reason === 'unknown-backend'
          ? this.text('errorUnknownBackend', { name: backend })
          : this.messages.errorInvalid;
      case 'rejected':
        if (error.serverMessage) return readable(error.serverMessage);
        return this.messages[(error.reason && REFUSALS[error.reason]) || 'refused'];
    }
  }
}
