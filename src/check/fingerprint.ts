import { crypto } from '../lazy-crypto.js';
import type { Check } from './schema.js';

/**
 * Which version of a project's checks ran: a hash of their definitions. A result counts as proof
 * only for the checks as they are now (coach/evidence.ts, isProven).
 */
export const checksFingerprint = (checks: readonly Check[]): string =>
  crypto().createHash('sha256').update(JSON.stringify(checks)).digest('hex').slice(0, 16);
