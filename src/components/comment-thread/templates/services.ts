/** Services named the way they call themselves: not translated ("Reply on Mastodon", "on Bluesky"). */
const SERVICES: Readonly<Record<string, string>> = {
  mastodon: 'Mastodon',
  bluesky: 'Bluesky',
  github: 'GitHub',
  webmention: 'Webmention',
};

export const serviceName = (service: string) => SERVICES[service] ?? service;
