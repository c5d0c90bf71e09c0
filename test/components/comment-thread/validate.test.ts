import { expect } from '@open-wc/testing';
import { validate } from '../../../src/components/comment-thread/validate.js';
import { readWrite, type Capabilities } from '../../../src/model/capabilities.js';

const filled = { content: 'Nice post.', name: 'Kim', email: 'kim@example.org', url: '' };
const context = (capabilities: Capabilities = readWrite(), parentId: string | null = null) => ({ postId: '42', parentId, capabilities });
const errorsOf = (values: Partial<typeof filled>, capabilities?: Capabilities) => {
  const result = validate({ ...filled, ...values }, context(capabilities));
  return 'errors' in result ? result.errors : {};
};
const draftOf = (values: Partial<typeof filled>, capabilities?: Capabilities) => {
  const result = validate({ ...filled, ...values }, context(capabilities));
  if (!('draft' in result)) throw new Error(`expected a draft, got ${JSON.stringify(result.errors)}`);
  return result.draft;
};
const fields = (overrides: Partial<Capabilities['fields']>) => readWrite({ fields: { name: 'required', email: 'required', url: true, ...overrides } });

describe('validate', () => {
  it('makes a draft of trimmed values for the post and the comment replied to', () => {
    const result = validate({ content: '  Nice post.\n', name: ' Kim ', email: ' kim@example.org ', url: ' kim.example ' }, context(readWrite(), '7'));
    expect(result).to.deep.equal({
      draft: {
        postId: '42',
        parentId: '7',
        content: 'Nice post.',
        author: { name: 'Kim', email: 'kim@example.org', url: 'http://kim.example' },
      },
    });
  });

  it('asks for a comment: empty or only spaces', () => {
    expect(errorsOf({ content: '' })).to.deep.equal({ content: 'contentRequired' });
    expect(errorsOf({ content: ' \n\t ' })).to.deep.equal({ content: 'contentRequired' });
  });

  it('asks for a name unless the backend makes it optional', () => {
    expect(errorsOf({ name: '  ' })).to.deep.equal({ name: 'nameRequired' });
    expect(errorsOf({ name: '' }, readWrite({ fields: { email: 'required', url: true } })), 'required by default').to.deep.equal({ name: 'nameRequired' });
    expect(draftOf({ name: '' }, fields({ name: 'optional' })).author.name).to.equal('');
  });

  it('asks for an email where required, takes none where optional, and ignores a hidden one', () => {
    expect(errorsOf({ email: '' })).to.deep.equal({ email: 'emailRequired' });
    expect(draftOf({ email: '' }, fields({ email: 'optional' })).author.email).to.equal('');
    expect(errorsOf({ email: 'not an address' }, fields({ email: 'optional' })), 'optional, but checked when given').to.deep.equal({ email: 'emailInvalid' });
    expect(draftOf({ email: 'not an address' }, fields({ email: 'hidden' })).author.email).to.equal('');
  });

  it('takes an address with a domain that has a dot, as the email input does', () => {
    for (const email of ['kim@example.org', 'kim.lee+tag@mail.example.co.uk', "o'neil@example.org", 'KIM@EXAMPLE.ORG', 'k@x-y.example']) {
      expect(errorsOf({ email }), email).to.deep.equal({});
    }
    for (const email of ['kim', 'kim@', '@example.org', 'kim@example', 'kim@@example.org', 'kim lee@example.org', 'kim@-example.org', 'kim@example-.org', 'kim@example..org', 'kim@exa mple.org']) {
      expect(errorsOf({ email }), email).to.deep.equal({ email: 'emailInvalid' });
    }
  });

  it('reads a website without a scheme as http://, and refuses other schemes', () => {
    expect(draftOf({ url: 'example.org/me' }).author.url).to.equal('http://example.org/me');
    expect(draftOf({ url: 'https://kim.example/' }).author.url).to.equal('https://kim.example/');
    expect(draftOf({ url: 'HTTP://KIM.EXAMPLE' }).author.url).to.equal('HTTP://KIM.EXAMPLE');
    for (const url of ['javascript:alert(1)', 'ftp://kim.example', 'data:text/html,hi', 'http://', 'http:// kim.example', 'kim example.org']) {
      expect(errorsOf({ url }), url).to.deep.equal({ url: 'urlInvalid' });
    }
  });

  it('leaves the website out when empty or not offered', () => {
    expect(draftOf({ url: '  ' }).author).to.not.have.property('url');
    expect(draftOf({ url: 'javascript:alert(1)' }, fields({ url: false })).author).to.not.have.property('url');
  });

  it('asks a signed-in visitor for nothing but the comment, and posts under their name', () => {
    const signedIn = readWrite({ identity: { name: 'Ann' } });
    expect(draftOf({ name: '', email: '', url: 'javascript:alert(1)' }, signedIn).author).to.deep.equal({ name: 'Ann', email: '' });
    expect(draftOf({ name: 'Someone else', email: 'x@example.org' }, signedIn).author).to.deep.equal({ name: 'Ann', email: '' });
    expect(errorsOf({ content: '', name: '', email: '' }, signedIn)).to.deep.equal({ content: 'contentRequired' });
  });

  it('reports every field that is wrong, in the form’s order', () => {
    const errors = errorsOf({ content: '', name: '', email: 'kim@', url: 'ftp://x' });
    expect(Object.entries(errors)).to.deep.equal([
      ['content', 'contentRequired'],
      ['name', 'nameRequired'],
      ['email', 'emailInvalid'],
      ['url', 'urlInvalid'],
    ]);
  });
});
