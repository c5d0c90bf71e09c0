// A small React 19 app, bundled by test/node/react.test.mjs from the built package: the @lit/react
// wrapper (`comment-thread/react`) and React 19's own rendering of `<comment-thread>`, side by side.
// Each reports what its events said in an <output>, so the test reads React's state, not the element's.
/* global document -- the page's */
import { memory } from 'comment-thread/adapters/memory';
import { CommentThread } from 'comment-thread/react';
import { createElement as h, useState } from 'react';
import { createRoot } from 'react-dom/client';

const seed = (text) => [
  {
    id: '1',
    parentId: null,
    author: { name: 'Ann' },
    createdAt: '2020-01-01T00:00:00Z',
    body: { format: 'text', value: text },
    status: 'approved',
  },
];
// Made once: a new adapter object on each render would reload the thread.
const wrappedAdapter = memory({ comments: seed('Hello from the wrapper.') });
const nativeAdapter = memory({ comments: seed('Hello from React itself.') });

function App() {
  const [wrapped, setWrapped] = useState('');
  const [submitted, setSubmitted] = useState('');
  const [native, setNative] = useState('');
  return h(
    'main',
    null,
    h(CommentThread, {
      id: 'wrapped',
      postId: 'p1',
      loading: 'eager',
      minFillTime: 0,
      adapter: wrappedAdapter,
      onCommentLoad: (e) => setWrapped(`loaded ${e.detail.count}`),
      onCommentSubmit: (e) => {
        e.preventDefault();
        setSubmitted(`submit ${e.detail.draft.content}`);
      },
    }),
    h('output', { id: 'wrapped-events' }, wrapped),
    h('output', { id: 'wrapped-submit' }, submitted),
    h('comment-thread', {
      id: 'native',
      'post-id': 'p2',
      loading: 'eager',
      adapter: nativeAdapter,
      'oncomment-load': (e) => setNative(`loaded ${e.detail.count}`),
    }),
    h('output', { id: 'native-events' }, native),
  );
}

createRoot(document.getElementById('root')).render(h(App));
