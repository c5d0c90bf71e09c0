/** Registers `<comment-thread>`. Import this module (or load dist/comment-thread.js) once per page. */
import { CommentThread } from './components/comment-thread/comment-thread.js';

CommentThread.define();

export { CommentThread };

declare global {
  interface HTMLElementTagNameMap {
    'comment-thread': CommentThread;
  }
}
