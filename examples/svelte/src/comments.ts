import type { Comment } from 'comment-thread';

/** The post's comments so far: the memory adapter starts from them and keeps what readers post. */
export const comments: Comment[] = [
  {
    id: '1',
    parentId: null,
    author: { name: 'Rich' },
    createdAt: '2024-05-01T10:00:00Z',
    body: { format: 'text', value: 'Mounted by Svelte, upgraded by the element.' },
    status: 'approved',
  },
  {
    id: '2',
    parentId: '1',
    author: { name: 'Simon' },
    createdAt: '2024-05-02T10:00:00Z',
    body: { format: 'text', value: 'Svelte saw the adapter property and set it.' },
    status: 'approved',
  },
];
