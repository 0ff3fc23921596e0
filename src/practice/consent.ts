import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Exercise } from './exercise.js';

/**
 * Consent to run a roadmap's exercise code (issue 17, DESIGN.md "Evidence"). Exercises from a
 * roadmap other than the shipped one run that roadmap's code on the learner's machine: the tests,
 * and the starter until the learner replaces it. The learner agrees once per version of that
 * code: the consent is kept with the fingerprint below, and asked again when it changes. Pure.
 */

/** Where consents are kept: `consents.json` in the config folder, next to the settings (consent-store.ts). */
export const consentFile = (configDir: string): string => join(configDir, 'consents.json');

/** What the learner agreed to: one roadmap file and the fingerprint of its exercises' code then. */
export interface Consent {
  roadmap: string;
  fingerprint: string;
  /** When (ISO). */
  at: string;
}

/** The exercises that need consent: those a roadmap other than the shipped one carries. */
export const needingConsent = (exercises: readonly Exercise[], roadmap: string): Exercise[] =>
  exercises.filter((x) => x.roadmap === roadmap);

/**
 * A hash of every piece of code the roadmap's exercises bring, by exercise id: what a consent
 * covers. Titles, tasks and hints are words, not code, and do not change it.
 */
export function consentFingerprint(exercises: readonly Exercise[]): string {
  const hash = createHash('sha256');
  for (const x of [...exercises].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)))
    hash.update(JSON.stringify([x.id, x.file, x.starter, x.tests, x.requires ?? []])).update('\n');
  return hash.digest('hex').slice(0, 16);
}

export type ConsentState = 'given' | 'never' | 'changed';

/** Whether the learner agreed to this version of the roadmap's code, never agreed, or agreed to another. */
export function consentState(stored: Consent | undefined, fingerprint: string): ConsentState {
  if (!stored) return 'never';
  return stored.fingerprint === fingerprint ? 'given' : 'changed';
}
