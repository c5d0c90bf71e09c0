/**
 * zod compiles object parsers with `new Function` when it may: under a strict Content-Security-Policy
 * (no 'unsafe-eval') even its probe for that is reported as a violation. The script-tag build parses
 * without it. A module of its own, imported first, so it runs before any schema is used.
 */
import { config } from 'zod/mini';

config({ jitless: true });
