import { expect } from '@open-wc/testing';
import { formatDate, warmFormatters } from '../../src/i18n/index.js';

describe('warmFormatters', () => {
  it('warms each locale once, however many threads ask, and resolves', async () => {
    const first = warmFormatters('en-GB');
    expect(warmFormatters('en-GB')).to.equal(first);
    expect(warmFormatters('fr')).not.to.equal(first);
    await Promise.all([first, warmFormatters('fr')]);
  });

  it('leaves formatters that write dates in the locale’s words', async () => {
    await warmFormatters('fr');
    expect(formatDate(new Date('2013-04-15T13:10:00Z'), 'fr')).to.match(/avril 2013/);
  });
});
