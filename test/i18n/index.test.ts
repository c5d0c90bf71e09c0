import { expect } from '@open-wc/testing';
import { en, isRtl, loadMessages, locales, needsCatalog, registerLocale, resolveLocale, type Messages } from '../../src/i18n/index.js';
import { fill, pluralForm, readable } from '../../src/i18n/words.js';

describe('registerLocale and loadMessages', () => {
  it('adds a language, found by its exact tag and by its base language, case-insensitively', async () => {
    const catalog: Messages = { ...en, reply: 'Svara' };
    registerLocale('sv', async () => catalog);
    expect(needsCatalog('sv-SE')).to.equal(true);
    expect(await loadMessages('sv')).to.equal(catalog);
    expect(await loadMessages('SV-se')).to.equal(catalog);
  });

  it('prefers an exact regional catalog over its base language', async () => {
    const base: Messages = { ...en, reply: 'Responder' };
    const brazil: Messages = { ...en, reply: 'Responder (BR)' };
    registerLocale('xx', async () => base);
    registerLocale('xx-BR', async () => brazil);
    expect(await loadMessages('xx-br')).to.equal(brazil);
    expect(await loadMessages('xx-PT')).to.equal(base);
  });

  it('falls back to English for an unknown language, and when a catalog fails to load', async () => {
    expect(needsCatalog('zz')).to.equal(false);
    expect(await loadMessages('zz')).to.equal(en);
    registerLocale('yy', () => Promise.reject(new Error('chunk failed')));
    expect(await loadMessages('yy')).to.equal(en);
  });
});

describe('resolveLocale', () => {
  const documentLang = document.documentElement.lang;
  afterEach(() => {
    document.documentElement.lang = documentLang;
  });

  it('finds a shipped regional catalog by its exact tag, case-insensitively, and others by their base language', () => {
    expect(resolveLocale('pt-BR')).to.equal('pt-br');
    expect(resolveLocale('PT-br')).to.equal('pt-br');
    expect(resolveLocale('pt-PT')).to.equal('pt');
    expect(resolveLocale('de-AT')).to.equal('de');
    expect(resolveLocale('zh-TW')).to.equal('zh-tw');
    expect(resolveLocale('sr_RS')).to.equal('sr');
    expect(resolveLocale('sr-Cyrl-RS')).to.equal('sr');
    expect(resolveLocale('sr-Latn-ME')).to.equal('sr-latn');
  });

  it('reads script subtags and other names for a catalog: zh-Hant, zh-HK, zh-Hans, zh, no, nn', () => {
    expect(resolveLocale('zh-Hant')).to.equal('zh-tw');
    expect(resolveLocale('zh-Hant-HK')).to.equal('zh-tw');
    expect(resolveLocale('zh-HK')).to.equal('zh-tw');
    expect(resolveLocale('zh-Hans')).to.equal('zh-cn');
    expect(resolveLocale('zh-Hans-SG')).to.equal('zh-cn');
    expect(resolveLocale('zh')).to.equal('zh-cn');
    expect(resolveLocale('no')).to.equal('nb');
    expect(resolveLocale('nn-NO')).to.equal('nb');
    expect(resolveLocale('nb-NO')).to.equal('nb');
  });

  it('falls back to the document’s language for an unknown one, then to English; English stays English', async () => {
    document.documentElement.lang = 'de-CH';
    expect(resolveLocale('tlh')).to.equal('de');
    expect(needsCatalog('tlh')).to.equal(true);
    expect((await loadMessages('tlh')).reply).to.equal('Antworten');
    expect(resolveLocale('en-GB')).to.equal('en');
    expect(needsCatalog('en-GB')).to.equal(false);
    document.documentElement.lang = 'tlh';
    expect(resolveLocale('qya')).to.equal('en');
    expect(await loadMessages('qya')).to.equal(en);
  });

  it('loads each shipped locale from its own chunk: two languages, two catalogs', async () => {
    const [de, ja] = await Promise.all([loadMessages('de'), loadMessages('ja')]);
    expect(de).not.to.equal(ja);
    expect(de.reply).to.equal('Antworten');
    expect(ja.reply).to.equal('返信');
    expect(locales).to.include.members(['ar', 'he', 'pt-BR', 'zh-CN', 'zh-TW']);
  });
});

describe('message helpers', () => {
  it('fills placeholders and leaves unknown ones as written', () => {
    expect(fill('Reply to {name}', { name: 'Ann' })).to.equal('Reply to Ann');
    expect(fill('{count} of {total}', { count: 2 })).to.equal('2 of {total}');
  });

  it('picks plural forms by the language’s rules, with an exact zero first', () => {
    const polish = { one: '{count} komentarz', few: '{count} komentarze', many: '{count} komentarzy', other: '{count} komentarza' };
    expect(pluralForm(polish, 1, 'pl')).to.equal('{count} komentarz');
    expect(pluralForm(polish, 2, 'pl')).to.equal('{count} komentarze');
    expect(pluralForm(polish, 5, 'pl')).to.equal('{count} komentarzy');
    expect(pluralForm({ '0': 'none', one: 'one', other: 'many' }, 0, 'en')).to.equal('none');
    expect(pluralForm({ one: 'one', other: 'many' }, 0, 'en')).to.equal('many');
  });

  it('cuts a server’s text to a readable length at a word boundary', () => {
    const long = 'word '.repeat(40_000);
    const cut = readable(long);
    expect(cut.length).to.be.at.most(301);
    expect(cut.endsWith('…')).to.equal(true);
    expect(readable('  Duplicate   comment\n detected. ')).to.equal('Duplicate comment detected.');
  });
});

describe('isRtl', () => {
  it('is true for Arabic, Persian, Hebrew and Urdu and their regional tags, false otherwise', () => {
    for (const tag of ['ar', 'AR-eg', 'fa', 'fa-IR', 'he', 'he-IL', 'ur', 'ur-PK']) expect(isRtl(tag), tag).to.equal(true);
    for (const tag of ['en', 'fr', 'zh-TW', 'hi', 'arn', '']) expect(isRtl(tag), tag).to.equal(false);
  });

  it('follows a script subtag over the language’s usual script', () => {
    for (const tag of ['pa-Arab', 'az-Arab-IR', 'ar-Arab']) expect(isRtl(tag), tag).to.equal(true);
    for (const tag of ['sd-Deva', 'uz-Latn', 'zh-Hant-TW']) expect(isRtl(tag), tag).to.equal(false);
  });
});
