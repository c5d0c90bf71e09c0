// Numbers as the locale writes them, each small count formatted once per Words.
import { expect } from '@open-wc/testing';
import { en } from '../../src/i18n/index.js';
import { Words } from '../../src/i18n/words.js';

describe('Words.number', () => {
  it('writes numbers as the locale does, the same the second time', () => {
    const german = new Words(en, 'de');
    for (const value of [3, 3, 1234, 1234, 20_000, 1.5, -2]) {
      expect(german.number(value)).to.equal(new Intl.NumberFormat('de').format(value));
    }
    expect(new Words(en, 'ar-EG').number(12)).to.equal(new Intl.NumberFormat('ar-EG').format(12));
  });

  it('formats a repeated small count once per Words, not once per comment', () => {
    let calls = 0;
    const counting = Object.getOwnPropertyDescriptor(Intl.NumberFormat.prototype, 'format')!;
    Object.defineProperty(Intl.NumberFormat.prototype, 'format', {
      configurable: true,
      get() {
        calls++;
        return counting.get!.call(this);
      },
    });
    try {
      const words = new Words(en, 'en');
      for (let i = 0; i < 1000; i++) words.number(i % 7);
      expect(calls).to.equal(7);
    } finally {
      Object.defineProperty(Intl.NumberFormat.prototype, 'format', counting);
    }
    expect(new Intl.NumberFormat('en').format(1000)).to.equal('1,000');
  });
});
