import type { Comment } from 'comment-thread';

/** The post's comments so far: the memory adapter starts from them and keeps what readers post. */
export const comments: Comment[] = [
  {
    id: '1',
    parentId: null,
    author: { name: 'Ada' },
    createdAt: '2024-05-01T10:00:00Z',
    body: { format: 'text', value: 'Rendered by Vue, upgraded by the element.' },
    status: 'approved',
  },
  {
    id: '2',
    parentId: '1',
    author: { name: 'Evan' },
    createdAt: '2024-05-02T10:00:00Z',
    body: { format: 'text', value: 'And the adapter went in as a property.' },
    status: 'approved',
  },
];
