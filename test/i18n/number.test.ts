// Numbers as the locale writes them.
import { expect } from '@open-wc/testing';
import { en, locales } from '../../src/i18n/index.js';
import { Words } from '../../src/i18n/words.js';

describe('Words.number', () => {
  it('writes numbers as the locale does, in every shipped locale and in other digits', () => {
    for (const tag of ['en', ...locales, 'ar-EG', 'fa-IR', 'ar-u-nu-latn', 'en-u-nu-arab']) {
      const words = new Words(en, tag);
      for (const value of [0, 7, 42, 999, 1000, 1234, 20_000, 1.5, -2, 7]) {
        expect(words.number(value), `${tag} ${value}`).to.equal(new Intl.NumberFormat(tag).format(value));
      }
    }
  });
});
