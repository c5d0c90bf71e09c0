import type { Capabilities } from '../../model/capabilities.js';

export type { Field } from './templates/view.js';

/** Visible fields and whether each is required, for these capabilities. */
export function fieldRules(capabilities: Capabilities) {
  const signedIn = capabilities.identity !== undefined;
  return {
    name: signedIn ? 'hidden' : (capabilities.fields.name ?? 'required'),
    email: signedIn ? 'hidden' : capabilities.fields.email,
    url: !signedIn && capabilities.fields.url,
  } as const;
}

