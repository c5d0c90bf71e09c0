// Server commands of the WordPress tests (web-test-runner.wordpress.config.mjs), for what a test checks
// in WordPress itself or does to the plugin as a site owner would:
//   wp-comment {id}             the comment as WordPress stored it (php/inspect.php): status, user, content
//   wp-before-plugin            the site before the plugin was installed (saved by scripts/test-wordpress.mjs):
//                               the post page's HTML per theme, and every option name
//   wp-options                  every option name now
//   wp-page {path}              a page as WordPress serves it to a visitor without cookies (any path:
//                               the test server passes only WordPress's own paths on)
//   wp-plugin {action}          uninstall: deactivate, uninstall_plugin() and delete its files (php/plugin.php);
//                               reinstall: copy the built plugin back and activate it
import { execFile } from 'node:child_process';
import { request } from 'node:http';
import { cpSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

const php = (args) =>
  new Promise((resolve, reject) =>
    execFile('php', args, { env: process.env }, (error, stdout, stderr) =>
      error ? reject(new Error(`php ${args[0]} failed: ${stderr || error.message}`)) : resolve(JSON.parse(stdout)),
    ),
  );

/** GETs `path` from WordPress's PHP server with the Host WordPress knows itself by (WP_HOME). */
export function getPage(path, port = process.env.WP_PORT, home = process.env.WP_HOME) {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: Number(port), path, headers: { Host: new URL(home).host } }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () => (response.statusCode === 200 ? resolve(body) : reject(new Error(`GET ${path}: ${response.statusCode}`))));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Runs `command`, or answers undefined when it is not one of these. `state` is the site's state directory. */
export async function wordpressCommand(command, payload, state) {
  const site = join(state, 'site');
  switch (command) {
    case 'wp-comment':
      return php([join(here, 'php/inspect.php'), site, 'comment', String(Number(payload?.id))]);
    case 'wp-options':
      return php([join(here, 'php/inspect.php'), site, 'options']);
    case 'wp-page':
      return getPage(String(payload?.path ?? '/'));
    case 'wp-before-plugin':
      return JSON.parse(readFileSync(join(state, 'before-plugin.json'), 'utf8'));
    case 'wp-plugin':
      if (payload?.action === 'uninstall') return php([join(here, 'php/plugin.php'), site, 'uninstall']);
      if (payload?.action === 'reinstall') {
        cpSync(join(state, 'plugin-build/comment-thread'), join(site, 'wp-content/plugins/comment-thread'), { recursive: true });
        return php([join(here, 'php/plugin.php'), site, 'activate']);
      }
      throw new Error(`wp-plugin: unknown action ${payload?.action}`);
    default:
      return undefined;
  }
}
