/**
 * The shipped catalogs, one literal import() each so the bundler makes each a chunk of its own. This
 * table is itself a chunk: a page in English never fetches it, and a page in another language fetches it
 * with that language's catalog.
 */
import type { Messages } from '../messages.js';

const catalogs: Record<string, () => Promise<{ messages: Messages }>> = {
  ar: () => import('./ar.js'),
  bg: () => import('./bg.js'),
  ca: () => import('./ca.js'),
  cs: () => import('./cs.js'),
  da: () => import('./da.js'),
  de: () => import('./de.js'),
  el: () => import('./el.js'),
  es: () => import('./es.js'),
  et: () => import('./et.js'),
  fa: () => import('./fa.js'),
  fi: () => import('./fi.js'),
  fr: () => import('./fr.js'),
  he: () => import('./he.js'),
  hi: () => import('./hi.js'),
  hr: () => import('./hr.js'),
  hu: () => import('./hu.js'),
  id: () => import('./id.js'),
  it: () => import('./it.js'),
  ja: () => import('./ja.js'),
  ko: () => import('./ko.js'),
  lt: () => import('./lt.js'),
  lv: () => import('./lv.js'),
  nb: () => import('./nb.js'),
  nl: () => import('./nl.js'),
  pl: () => import('./pl.js'),
  pt: () => import('./pt.js'),
  'pt-BR': () => import('./pt-BR.js'),
  ro: () => import('./ro.js'),
  ru: () => import('./ru.js'),
  sk: () => import('./sk.js'),
  sl: () => import('./sl.js'),
  sr: () => import('./sr.js'),
  'sr-Latn': () => import('./sr-Latn.js'),
  sv: () => import('./sv.js'),
  th: () => import('./th.js'),
  tr: () => import('./tr.js'),
  uk: () => import('./uk.js'),
  ur: () => import('./ur.js'),
  vi: () => import('./vi.js'),
  'zh-CN': () => import('./zh-CN.js'),
  'zh-TW': () => import('./zh-TW.js'),
};

/** The catalog of a shipped locale (a tag as `locales` lists it). */
export const load = (tag: string): Promise<Messages> => catalogs[tag]().then((m) => m.messages);
