// Every shipped catalog against English: the same keys and no other, the same placeholders, and a plural
// form for each category the language's CLDR rules use (and none for a category they do not).
import { expect } from '@open-wc/testing';
import { en, loadMessages, locales, type Messages, type PluralForms } from '../../src/i18n/index.js';

type Key = keyof Messages;
const keys = Object.keys(en).sort() as Key[];
const isPlural = (value: unknown): value is PluralForms => typeof value === 'object' && value !== null;
const placeholders = (text: string) => new Set(text.match(/\{\w+\}/g) ?? []);
const forms = (value: string | PluralForms) =>
  (isPlural(value) ? Object.entries(value) : [['', value]]) as [string, string][];

// The counts a reader can meet. A category that covers exactly one of them (English `one`: 1; Arabic
// `zero`: 0, `two`: 2) may spell the number out; any other must show it as `{count}`. Zero is met only by
// messages English gives a '0' form (the others, like "correct the fields marked", are never said of none),
// and there only when the catalog has no '0' form of its own to take it.
const counts = [...Array(1001).keys(), 10_000, 100_000, 1_000_000, 2_000_000, 1_000_001];
function soleNumber(tag: string, category: string, zeroMet: boolean): boolean {
  const rules = new Intl.PluralRules(tag);
  return counts.filter((n) => (n > 0 || zeroMet) && rules.select(n) === category).length === 1;
}

describe('the shipped catalogs', () => {
  it('are 40 or more, English aside', () => {
    expect(locales.length).to.be.at.least(40);
    expect(locales).not.to.include('en');
  });

  for (const tag of locales) {
    describe(tag, () => {
      let catalog: Messages;
      before(async () => {
        catalog = await loadMessages(tag);
      });

      it('loads as a catalog of its own, not the English fallback', () => {
        expect(catalog).not.to.equal(en);
      });

      it('has every key of English and no other, each a message of the same kind', () => {
        expect(Object.keys(catalog).sort()).to.deep.equal(keys);
        for (const key of keys) {
          expect(isPlural(catalog[key]), key).to.equal(isPlural(en[key]));
          for (const [form, text] of forms(catalog[key])) expect(text.trim(), `${key} ${form}`).not.to.equal('');
        }
      });

      it('keeps each English placeholder, and adds none', () => {
        for (const key of keys) {
          const english = new Set(forms(en[key]).flatMap(([, text]) => [...placeholders(text)]));
          const zeroMet = isPlural(en[key]) && '0' in en[key] && !('0' in (catalog[key] as PluralForms));
          for (const [form, text] of forms(catalog[key])) {
            const own = placeholders(text);
            const where = `${key}${form ? `.${form}` : ''}: “${text}”`;
            for (const name of own)
              expect(english.has(name), `${where} has ${name}, unknown in English`).to.equal(true);
            for (const name of english) {
              // Only the number may be spelled out, and only in a form that stands for one number.
              if (name === '{count}' && (form === '0' || soleNumber(tag, form, zeroMet))) continue;
              expect(own.has(name), `${where} lacks ${name}`).to.equal(true);
            }
          }
        }
      });

      it('has a form for every plural category of the language, and none for a category it lacks', () => {
        const categories: string[] = new Intl.PluralRules(tag).resolvedOptions().pluralCategories;
        expect(categories).to.include('other');
        for (const key of keys) {
          const value = catalog[key];
          if (!isPlural(value)) continue;
          for (const category of categories)
            expect(value[category as keyof PluralForms], `${key}.${category}`).to.be.a('string');
          for (const form of Object.keys(value)) {
            if (form !== '0') expect(categories, `${key}.${form} is not a category of ${tag}`).to.include(form);
          }
        }
      });
    });
  }
});

describe('Serbian in its two scripts', () => {
  // sr-Latn is sr letter for letter (the standard correspondence): a fix to one that misses the other fails here.
  const latin: Record<string, string> = Object.fromEntries(
    [...'абвгдђежзијклљмнњопрстћуфхцчџш'].map((c, i) => [
      c,
      [
        'a',
        'b',
        'v',
        'g',
        'd',
        'đ',
        'e',
        'ž',
        'z',
        'i',
        'j',
        'k',
        'l',
        'lj',
        'm',
        'n',
        'nj',
        'o',
        'p',
        'r',
        's',
        't',
        'ć',
        'u',
        'f',
        'h',
        'c',
        'č',
        'dž',
        'š',
      ][i],
    ]),
  );
  const transliterate = (text: string) =>
    [...text]
      .map(
        (c) =>
          latin[c] ??
          (latin[c.toLowerCase()] ? latin[c.toLowerCase()][0].toUpperCase() + latin[c.toLowerCase()].slice(1) : c),
      )
      .join('');

  it('says the same in Latin as in Cyrillic', async () => {
    const [cyrillic, roman] = await Promise.all([loadMessages('sr'), loadMessages('sr-Latn')]);
    for (const key of keys) {
      const expected = forms(cyrillic[key]).map(([form, text]) => [form, transliterate(text)]);
      expect(forms(roman[key]), key).to.deep.equal(expected);
    }
  });
});
