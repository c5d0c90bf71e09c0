import type { Comment } from '../src/model/schemas.js';

/** A comment with defaults, for tests. */
export function comment(id: string, parentId: string | null, createdAt: string, name = `Author ${id}`, extra: Partial<Comment> = {}): Comment {
  return {
    id,
    parentId,
    author: { name },
    createdAt,
    body: { format: 'text', value: `Comment ${id}` },
    status: 'approved',
    ...extra,
  };
}

/** The model page's thread (reference seed): top-level comments with replies, oldest first. */
export const seedThread: Comment[] = [
  comment('1', null, '2012-01-20T20:30:00Z', 'Michelle', {
    body: { format: 'text', value: 'Very interesting post! What do you think about legalizing prostitution as a way to combat this issue?' },
  }),
  comment('2', '1', '2012-01-23T17:38:00Z', 'Sarah Anderson', {
    author: { name: 'Sarah Anderson', isPostAuthor: true },
    body: { format: 'text', value: 'That’s interesting Michelle.\n\nThank you for your comment! Very interesting perspective.' },
  }),
  comment('3', null, '2012-06-10T13:00:00Z', 'Gerald Kleyer', {
    author: { name: 'Gerald Kleyer', url: 'http://gerald.example.org/' },
    body: { format: 'html', value: '<p>I am writing my <em>Masters Thesis</em> on <a href="http://gerald.example.org/thesis">this</a>.</p>' },
  }),
  comment('4', null, '2012-11-23T23:55:00Z', 'Sarah Bernolet'),
  comment('5', null, '2013-04-15T17:10:00Z', 'christopher sims', {
    body: { format: 'text', value: 'I am also looking to research this topic for a potential graduate thesis.\n\nAre there any groups dedicated to this cause?' },
  }),
  comment('6', '5', '2013-04-16T02:08:00Z', 'Sarah Anderson', { author: { name: 'Sarah Anderson', isPostAuthor: true } }),
];
