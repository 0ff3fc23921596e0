import type Conf from 'conf';
import { confFile } from '../settings/conf-file.js';
import { dataError } from '../errors.js';
import { consentFile, type Consent } from './consent.js';

/**
 * Where consents to run a roadmap's exercise code are kept: `consents.json` in the config folder,
 * next to the settings, written through conf (atomic, private). A consent is a preference, not
 * progress: losing it only means being asked again. Loaded only by `pyroad practice check`.
 */

type Stored = Record<string, { fingerprint: string; at: string }>;

export class ConsentStore {
  private readonly conf: Conf<{ roadmaps: Stored }>;

  constructor(readonly configDir: string) {
    try {
      this.conf = confFile<{ roadmaps: Stored }>(configDir, 'consents');
    } catch (error) {
      throw unusable(consentFile(configDir), error);
    }
  }

  private all(): Stored {
    let value: unknown;
    try {
      value = this.conf.get('roadmaps');
    } catch (error) {
      throw unusable(consentFile(this.configDir), error);
    }
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Stored) : {};
  }

  /** The consent on record for a roadmap file (an absolute path), if any. */
  get(roadmap: string): Consent | undefined {
    const entry = this.all()[roadmap];
    return entry && typeof entry.fingerprint === 'string' && typeof entry.at === 'string'
      ? { roadmap, fingerprint: entry.fingerprint, at: entry.at }
      : undefined;
  }

  /** Every consent on record. */
  list(): Consent[] {
    return Object.keys(this.all())
      .map((roadmap) => this.get(roadmap))
      .filter((c): c is Consent => c !== undefined);
  }

  /** Records a consent, replacing the roadmap's earlier one. */
  give(consent: Consent): void {
    try {
      this.conf.set('roadmaps', {
        ...this.all(),
        [consent.roadmap]: { fingerprint: consent.fingerprint, at: consent.at },
      });
    } catch (error) {
      throw dataError(`cannot save ${consentFile(this.configDir)}: ${(error as Error).message}`);
    }
  }
}

function unusable(file: string, error: unknown) {
  const reason = error instanceof SyntaxError ? 'it is not valid JSON' : (error as Error).message;
  return dataError(`cannot use ${file}: ${reason}`, [
    '  Fix it, or delete it: pyroad then asks again before running a roadmap’s exercises.',
  ]);
}
