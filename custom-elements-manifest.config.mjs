// The analyzer reads `@fires` from the class JSDoc and also guesses events from `dispatchEvent(new X(…))`
// calls, where it cannot see the name. Keep one entry per event: its name from `@fires`, its type the
// event class that `src/events.ts` declares for that name.
const classes = {
  'comment-load': 'CommentLoadEvent',
  'comment-submit': 'CommentSubmitEvent',
  'comment-submitted': 'CommentSubmittedEvent',
  'comment-error': 'CommentErrorEvent',
};

export default {
  globs: ['src/**/*.ts'],
  litelement: true,
  plugins: [
    {
      name: 'comment-thread:events',
      packageLinkPhase({ customElementsManifest }) {
        for (const module of customElementsManifest.modules) {
          for (const declaration of module.declarations ?? []) {
            if (!declaration.events) continue;
            declaration.events = declaration.events
              .filter((event) => event.name)
              .map((event) => (classes[event.name] ? { ...event, type: { text: classes[event.name] } } : event));
          }
        }
      },
    },
  ],
};
