// <comment-thread>'s attributes, properties and `oncomment-*` event attributes for svelte-check and
// editors, generated from the package's custom-elements.json.
import type {} from 'comment-thread/jsx/svelte';
