import { expect } from '@open-wc/testing';
import { loadDrafts, loadIdentity, loadPending, saveDrafts, saveIdentity, savePending } from '../src/storage.js';
import { comment } from './fixtures.js';

const DAY = 24 * 3600 * 1000;
const kim = { name: 'Kim', email: 'kim@example.org', url: 'https://kim.example' };
const draft = { content: 'Half-way', name: 'Kim', email: 'kim@example.org', url: '' };
const pending = (id: string) => comment(id, null, '2020-01-01T00:00:00Z', 'Kim', { status: 'pending' });
const keys = (store: Storage) => Array.from({ length: store.length }, (_, i) => store.key(i)!);

/** Runs `fn` with Date.now() reading `time`. */
function at<T>(time: number, fn: () => T): T {
  const real = Date.now;
  Date.now = () => time;
  try {
    return fn();
  } finally {
    Date.now = real;
  }
}

/** Replaces `Storage.prototype[name]` with `fn`; the returned function puts the original back. */
function replace(name: 'getItem' | 'setItem' | 'removeItem', fn: () => never): () => void {
  const original = Object.getOwnPropertyDescriptor(Storage.prototype, name)!;
  Object.defineProperty(Storage.prototype, name, { ...original, value: fn });
  return () => Object.defineProperty(Storage.prototype, name, original);
}

/** Runs `fn` with every write to web storage failing as a full (or disabled) storage does. */
function full<T>(fn: () => T): T {
  const quota = () => {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  };
  const restore = [replace('setItem', quota), replace('removeItem', quota)];
  try {
    return fn();
  } finally {
    for (const undo of restore) undo();
  }
}

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});

describe('identity', () => {
  it('is kept in localStorage only when saved (the visitor’s consent), and forgotten when cleared', () => {
    expect(loadIdentity()).to.equal(undefined);
    saveDrafts('post-1', { replyTo: null, forms: { top: draft } });
    expect(keys(localStorage), 'a draft holding a name and email is no consent').to.deep.equal([]);
    saveIdentity(kim);
    expect(keys(localStorage)).to.deep.equal(['comment-thread:identity']);
    expect(loadIdentity()).to.deep.equal(kim);
    saveIdentity(undefined);
    expect(loadIdentity()).to.equal(undefined);
    expect(keys(localStorage)).to.deep.equal([]);
  });

  it('reads a tampered or half-written value as none', () => {
    for (const raw of ['{"name":"Kim"', '{"name":"Kim","email":7,"url":""}', 'null', '"Kim"']) {
      localStorage.setItem('comment-thread:identity', raw);
      expect(loadIdentity(), raw).to.equal(undefined);
    }
  });
});

describe('drafts', () => {
  it('are kept in sessionStorage, one set per scope', () => {
    const drafts = { replyTo: '7', forms: { top: draft, '7': { ...draft, content: 'A reply' } } };
    saveDrafts('post-1', drafts);
    expect(keys(sessionStorage)).to.deep.equal(['comment-thread:drafts:post-1']);
    expect(keys(localStorage), 'gone with the tab').to.deep.equal([]);
    expect(loadDrafts('post-1')).to.deep.equal(drafts);
    expect(loadDrafts('post-2')).to.deep.equal({ replyTo: null, forms: {} });
  });

  it('leave nothing behind once every form is closed or posted', () => {
    saveDrafts('post-1', { replyTo: null, forms: { top: draft } });
    saveDrafts('post-1', { replyTo: null, forms: {} });
    expect(keys(sessionStorage)).to.deep.equal([]);
    saveDrafts('post-1', { replyTo: '3', forms: {} });
    expect(loadDrafts('post-1'), 'an open reply form with nothing typed yet').to.deep.equal({ replyTo: '3', forms: {} });
  });

  it('read as none when tampered with', () => {
    for (const raw of ['{', '{"replyTo":null}', '{"replyTo":null,"forms":{"top":{"content":1}}}', '[]']) {
      sessionStorage.setItem('comment-thread:drafts:post-1', raw);
      expect(loadDrafts('post-1'), raw).to.deep.equal({ replyTo: null, forms: {} });
    }
  });
});

describe('pending comments', () => {
  it('are shown to their author, per scope, until the backend lists them', () => {
    savePending('post-1', pending('a'));
    savePending('post-1', pending('b'));
    expect(loadPending('post-1', new Set()).map((c) => c.id)).to.deep.equal(['a', 'b']);
    expect(loadPending('post-2', new Set())).to.deep.equal([]);
    expect(loadPending('post-1', new Set(['a'])).map((c) => c.id), 'listed: no longer kept').to.deep.equal(['b']);
    expect(loadPending('post-1', new Set()).map((c) => c.id), 'dropped for good').to.deep.equal(['b']);
    expect(loadPending('post-1', new Set(['b']))).to.deep.equal([]);
    expect(keys(localStorage)).to.deep.equal([]);
  });

  it('keep one entry per comment: saving it again replaces it', () => {
    savePending('post-1', pending('a'));
    savePending('post-1', { ...pending('a'), body: { format: 'text', value: 'Edited' } });
    const kept = loadPending('post-1', new Set());
    expect(kept).to.have.length(1);
    expect(kept[0]!.body.value).to.equal('Edited');
  });

  it('expire 30 days after they were saved', () => {
    const saved = Date.UTC(2024, 0, 1);
    at(saved, () => savePending('post-1', pending('a')));
    at(saved + 10 * DAY, () => savePending('post-1', pending('b')));
    expect(at(saved + 30 * DAY - 1, () => loadPending('post-1', new Set())).map((c) => c.id)).to.deep.equal(['a', 'b']);
    expect(at(saved + 30 * DAY, () => loadPending('post-1', new Set())).map((c) => c.id)).to.deep.equal(['b']);
    expect(at(saved + 40 * DAY, () => loadPending('post-1', new Set()))).to.deep.equal([]);
    expect(keys(localStorage)).to.deep.equal([]);
  });

  it('read as none when tampered with', () => {
    for (const raw of ['[{"savedAt":1}]', '{"a":1}', '[{"savedAt":"x","comment":{}}]', 'not json']) {
      localStorage.setItem('comment-thread:pending:post-1', raw);
      expect(loadPending('post-1', new Set()), raw).to.deep.equal([]);
    }
  });
});

describe('a full or disabled storage', () => {
  it('never throws: what cannot be kept is simply not kept', () => {
    full(() => {
      expect(() => saveIdentity(kim)).not.to.throw();
      expect(() => saveIdentity(undefined)).not.to.throw();
      expect(() => saveDrafts('post-1', { replyTo: null, forms: { top: draft } })).not.to.throw();
      expect(() => savePending('post-1', pending('a'))).not.to.throw();
    });
    expect(loadIdentity()).to.equal(undefined);
    expect(loadDrafts('post-1')).to.deep.equal({ replyTo: null, forms: {} });
    expect(loadPending('post-1', new Set())).to.deep.equal([]);
  });

  it('never throws when storage cannot even be read', () => {
    const restore = replace('getItem', () => {
      throw new DOMException('Access is denied for this document.', 'SecurityError');
    });
    try {
      expect(loadIdentity()).to.equal(undefined);
      expect(loadDrafts('post-1')).to.deep.equal({ replyTo: null, forms: {} });
      expect(loadPending('post-1', new Set())).to.deep.equal([]);
      expect(() => savePending('post-1', pending('a'))).not.to.throw();
    } finally {
      restore();
    }
  });
});
