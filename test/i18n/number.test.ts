// Numbers as the locale writes them, small counts without building a number format.
import { expect } from '@open-wc/testing';
import { en, locales } from '../../src/i18n/index.js';
import { Words } from '../../src/i18n/words.js';

/** Runs `act` with Intl.NumberFormat's construction and format() calls counted. */
function counting(act: () => void): { made: number; formatted: number } {
  const counts = { made: 0, formatted: 0 };
  const Original = Intl.NumberFormat;
  const format = Object.getOwnPropertyDescriptor(Original.prototype, 'format')!;
  Intl.NumberFormat = new Proxy(Original, {
    construct(target, args: ConstructorParameters<typeof Intl.NumberFormat>) {
      counts.made++;
      return new target(...args);
    },
  });
  Object.defineProperty(Original.prototype, 'format', {
    configurable: true,
    get() {
      counts.formatted++;
      return format.get!.call(this);
    },
  });
  try {
    act();
  } finally {
    Intl.NumberFormat = Original;
    Object.defineProperty(Original.prototype, 'format', format);
  }
  return counts;
}

describe('Words.number', () => {
  it('writes numbers as the locale does, in every shipped locale and in other digits', () => {
    for (const tag of ['en', ...locales, 'ar-EG', 'fa-IR', 'ar-u-nu-latn', 'en-u-nu-arab']) {
      const words = new Words(en, tag);
      for (const value of [0, 7, 42, 999, 1000, 1234, 20_000, 1.5, -2, 7]) {
        expect(words.number(value), `${tag} ${value}`).to.equal(new Intl.NumberFormat(tag).format(value));
      }
    }
  });

  it('builds no number format for a small count where the locale writes 0–9', () => {
    const { made, formatted } = counting(() => {
      const words = new Words(en, 'en-NZ');
      for (let i = 0; i < 100; i++) words.number(i);
    });
    expect({ made, formatted }).to.deep.equal({ made: 0, formatted: 0 });
  });
});
