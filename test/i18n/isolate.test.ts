// Names and other inserted text keep their own direction inside a sentence of the other direction.
import { expect } from '@open-wc/testing';
import { en } from '../../src/i18n/index.js';
import { isolate, Words } from '../../src/i18n/words.js';

const FSI = '\u2068';
const PDI = '\u2069';

describe('bidi isolation of inserted text', () => {
  it('isolates a right-to-left name in a left-to-right sentence, and leaves a Latin one as it is', () => {
    expect(isolate('דנה', false)).to.equal(`${FSI}דנה${PDI}`);
    expect(isolate('محمد', false)).to.equal(`${FSI}محمد${PDI}`);
    expect(isolate('Dana', false)).to.equal('Dana');
    expect(isolate('42', false)).to.equal('42');
  });

  it('isolates a left-to-right name in a right-to-left sentence, and leaves an Arabic one as it is', () => {
    expect(isolate('Dana', true)).to.equal(`${FSI}Dana${PDI}`);
    expect(isolate('Ωμέγα', true)).to.equal(`${FSI}Ωμέγα${PDI}`);
    expect(isolate('محمد', true)).to.equal('محمد');
  });

  it('is applied by Words.text to every string placeholder, by the sentence\'s language', () => {
    const english = new Words(en, 'en');
    expect(english.text('replyTo', { name: 'דנה' })).to.equal(en.replyTo.replace('{name}', `${FSI}דנה${PDI}`));
    expect(english.text('replyTo', { name: 'Dana' })).to.equal(en.replyTo.replace('{name}', 'Dana'));
    const arabic = new Words({ ...en, replyTo: 'الرد على {name}' }, 'ar');
    expect(arabic.text('replyTo', { name: 'Dana' })).to.equal(`الرد على ${FSI}Dana${PDI}`);
  });

  it('keeps the name readable in the rendered sentence: the isolate marks are format characters only', () => {
    const text = new Words(en, 'en').text('replyTo', { name: 'דנה' });
    expect(text.replace(/[\u2068\u2069]/g, '')).to.equal(en.replyTo.replace('{name}', 'דנה'));
  });
});
