// The site's comments, written into each page at build time: crawlers and readers without JavaScript
// see them, and <comment-thread> starts from them (no request for the first page) once its script runs.
import { renderThread } from 'comment-thread/render';

export default function (config) {
  // {{ thread.comments | comments: { postId, post: { url, headline } } | safe }}
  config.addFilter('comments', (thread, options) =>
    renderThread(thread.comments, { ...options, total: thread.total, cursor: thread.cursor ?? undefined }),
  );
  config.addPassthroughCopy({ 'node_modules/comment-thread/dist': 'comment-thread' });
  return { dir: { input: 'src', output: '_site' } };
}
