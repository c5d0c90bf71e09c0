import type { Comment } from 'comment-thread';

/** The post's comments: written into the page at build time, and the memory adapter's seed in the browser. */
export const comments: Comment[] = [
  {
    id: '1',
    parentId: null,
    author: { name: 'Fred' },
    createdAt: '2024-05-01T10:00:00Z',
    body: { format: 'text', value: 'Written into the page when Astro built it.' },
    status: 'approved',
  },
  {
    id: '2',
    parentId: '1',
    author: { name: 'Sarah' },
    createdAt: '2024-05-02T10:00:00Z',
    body: { format: 'text', value: 'Then the element took over in the browser.' },
    status: 'approved',
  },
];
