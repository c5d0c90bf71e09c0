/** Every string the element shows. A locale is one object of this shape in its own file. */
export interface Messages {
  /** Heading above the thread. */
  heading(count: number): string;
  skipToForm: string;
  loading: string;
  empty: string;
  loadError: string;
  retry: string;
  loadMore: string;
  loadingMore: string;
  reply: string;
  replyTo(name: string): string;
  cancelReply: string;
  leaveReply: string;
  postAuthor: string;
  inReplyTo(name: string): string;
  awaitingModeration: string;
  // The form.
  commentLabel: string;
  nameLabel: string;
  emailLabel: string;
  websiteLabel: string;
  consent: string;
  privacyNotice: string;
  requiredNotice: string;
  privacyPolicy: string;
  postComment: string;
  posting: string;
  loggedInAs(name: string): string;
  commentsClosed: string;
  /** Honeypot label, read only by bots and screen readers that reach it. */
  honeypot: string;
  // Validation.
  contentRequired: string;
  nameRequired: string;
  emailRequired: string;
  emailInvalid: string;
  urlInvalid: string;
  fixErrors(count: number): string;
  // Outcomes, shown and announced.
  commentPosted: string;
  commentPending: string;
  submitFailed: string;
  spamRejected: string;
  unknownBackend(name: string): string;
  offline: string;
  droppedComments(count: number): string;
}

export const en: Messages = {
  heading: (count) => (count === 0 ? 'Comments' : count === 1 ? 'One comment' : `${count} comments`),
  skipToForm: 'Skip to comment form',
  loading: 'Loading comments…',
  empty: 'No comments yet. Be the first to leave one.',
  loadError: 'The comments could not be loaded.',
  retry: 'Retry',
  loadMore: 'Load more comments',
  loadingMore: 'Loading more comments…',
  reply: 'Reply',
  replyTo: (name) => `Reply to ${name}`,
  cancelReply: 'Cancel reply',
  leaveReply: 'Leave a Reply',
  postAuthor: 'Post author',
  inReplyTo: (name) => `in reply to ${name}`,
  awaitingModeration: 'Your comment is awaiting moderation.',
  commentLabel: 'Comment',
  nameLabel: 'Name',
  emailLabel: 'Email',
  websiteLabel: 'Website',
  consent: 'Save my name, email, and website in this browser for the next time I comment.',
  privacyNotice: 'Your email address will not be published.',
  requiredNotice: 'Required fields are marked *',
  privacyPolicy: 'Learn how your comment data is processed.',
  postComment: 'Post Comment',
  posting: 'Posting…',
  loggedInAs: (name) => `Logged in as ${name}.`,
  commentsClosed: 'Comments are closed.',
  honeypot: 'Leave this field empty',
  contentRequired: 'Please type your comment.',
  nameRequired: 'Please enter your name.',
  emailRequired: 'Please enter your email address.',
  emailInvalid: 'Please enter a valid email address, like name@example.com.',
  urlInvalid: 'Please enter a web address starting with http:// or https://.',
  fixErrors: (count) => (count === 1 ? 'Please correct the field marked below.' : `Please correct the ${count} fields marked below.`),
  commentPosted: 'Comment posted.',
  commentPending: 'Comment sent. It is awaiting moderation.',
  submitFailed: 'Your comment could not be posted. It is kept here: try again.',
  spamRejected: 'Your comment could not be posted. Please try again in a moment.',
  unknownBackend: (name) => `No comment backend named “${name}” is available on this page.`,
  offline: 'You are offline. The comments will load when the connection is back.',
  droppedComments: (count) =>
    count === 1 ? 'One comment could not be shown: the server sent it damaged.' : `${count} comments could not be shown: the server sent them damaged.`,
};
