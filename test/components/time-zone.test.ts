// The `time-zone` attribute: dates in the site's zone, the reader's by default (New York in these tests),
// every shown date re-worded when it changes, an unknown zone falling back to the reader's without an
// error, and one formatter per (locale, zone).
import { expect, fixture, html } from '@open-wc/testing';
import type { CommentThread } from '../../src/components/comment-thread/comment-thread.js';
import '../../src/define.js';
import { formatDate } from '../../src/i18n/index.js';
import { seedThread } from '../fixtures.js';
import { article, loaded, parts, scripted } from '../helpers.js';

const dates = (el: CommentThread) => parts(el, 'date').map((t) => t.textContent!);
/** Comment 1 was written at 2012-01-20T20:30:00Z. */
const first = (el: CommentThread) => article(el, '1')!.querySelector('time')!;

const NEW_YORK = /^20 January 2012\b.* 15:30$/;
const LONDON = /^20 January 2012\b.* 20:30$/;
const TOKYO = /^21 January 2012\b.* 05:30$/;

async function render(zone?: string, dateStyle = 'absolute') {
  const el = await fixture<CommentThread>(
    html`<comment-thread
      lang="en-GB"
      dates=${dateStyle}
      time-zone=${zone ?? ''}
      loading="eager"
      post-id="1"
      .adapter=${scripted({ list: async () => ({ comments: seedThread }) })}
    ></comment-thread>`,
  );
  if (zone === undefined) el.removeAttribute('time-zone');
  await loaded(el);
  return el;
}

describe('<comment-thread> time-zone', () => {
  it('shows dates in the reader’s zone by default, and in the site’s when given', async () => {
    expect(first(await render()).textContent).to.match(NEW_YORK);
    expect(first(await render('')).textContent).to.match(NEW_YORK);
    const el = await render('Asia/Tokyo');
    expect(el.timeZone).to.equal('Asia/Tokyo');
    expect(first(el).textContent).to.match(TOKYO);
    // The machine-readable value is the instant itself, whatever the zone shown.
    expect(first(el).getAttribute('datetime')).to.equal('2012-01-20T20:30:00.000Z');
  });

  it('re-words every shown date when the zone changes, and back to the reader’s when it is removed', async () => {
    const el = await render('Asia/Tokyo');
    const inTokyo = dates(el);
    el.timeZone = 'Europe/London';
    await el.updateComplete;
    expect(first(el).textContent).to.match(LONDON);
    const inLondon = dates(el);
    expect(inLondon).to.have.length(seedThread.length);
    // Every date moved: Tokyo is 8 or 9 hours ahead of London, whatever the season.
    for (const [i, date] of inLondon.entries()) expect(date, `comment ${i + 1}`).not.to.equal(inTokyo[i]);
    el.removeAttribute('time-zone');
    await el.updateComplete;
    expect(first(el).textContent).to.match(NEW_YORK);
  });

  it('puts the site’s zone in the title of a relative date', async () => {
    const el = await render('Asia/Tokyo', 'relative');
    expect(first(el).textContent).to.match(/ago$/);
    expect(first(el).getAttribute('title')).to.match(TOKYO);
  });

  it('falls back to the reader’s zone for a zone it does not know, without an error', async () => {
    const errors: unknown[] = [];
    const record = (event: ErrorEvent) => errors.push(event.error);
    addEventListener('error', record);
    try {
      const el = await render('Mars/Olympus_Mons');
      let failed = false;
      el.addEventListener('comment-error', () => (failed = true));
      expect(first(el).textContent).to.match(NEW_YORK);
      el.timeZone = 'not a zone';
      await el.updateComplete;
      expect(first(el).textContent).to.match(NEW_YORK);
      el.timeZone = 'Asia/Tokyo';
      await el.updateComplete;
      expect(first(el).textContent).to.match(TOKYO);
      expect(failed).to.equal(false);
      expect(errors).to.deep.equal([]);
    } finally {
      removeEventListener('error', record);
    }
  });

  it('makes one formatter per (locale, zone), an unknown zone tried once', () => {
    const Original = Intl.DateTimeFormat;
    let made = 0;
    Intl.DateTimeFormat = new Proxy(Original, {
      construct(target, args: ConstructorParameters<typeof Intl.DateTimeFormat>) {
        made++;
        return Reflect.construct(target, args) as Intl.DateTimeFormat;
      },
    });
    try {
      // A locale no other test uses, so nothing is cached yet.
      const date = new Date('2012-01-20T20:30:00Z');
      expect(formatDate(date, 'en-IE', 'Pacific/Auckland')).to.match(/21 January 2012\b.* 09:30$/);
      expect(formatDate(date, 'en-IE', 'Pacific/Auckland')).to.match(/21 January 2012\b.* 09:30$/);
      expect(made).to.equal(1);
      expect(formatDate(date, 'en-IE', 'Europe/Dublin')).to.match(/20 January 2012\b.* 20:30$/);
      expect(made).to.equal(2);
      // An unknown zone: one failed attempt, then the reader's zone (made once, shared with no zone at all).
      expect(formatDate(date, 'en-IE', 'Nowhere/Nothing')).to.match(/20 January 2012\b.* 15:30$/);
      expect(formatDate(date, 'en-IE', 'Nowhere/Nothing')).to.match(/20 January 2012\b.* 15:30$/);
      expect(formatDate(date, 'en-IE')).to.match(/20 January 2012\b.* 15:30$/);
      expect(made).to.equal(4);
    } finally {
      Intl.DateTimeFormat = Original;
    }
  });
});
