/** Registers `<comment-thread>` and `<comment-count>`. Import this module (or load dist/comment-thread.js) once per page. */
import { CommentCount } from './components/comment-count/comment-count.js';
import { CommentThread } from './components/comment-thread/comment-thread.js';

CommentThread.define();
CommentCount.define();

export { CommentCount, CommentThread };

declare global {
  interface HTMLElementTagNameMap {
    'comment-thread': CommentThread;
  }
}
