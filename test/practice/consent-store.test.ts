import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { consentFile } from '../../src/practice/consent.js';
import { ConsentStore } from '../../src/practice/consent-store.js';
import { tempDir } from '../helpers/cli.js';

const tmp = tempDir('pyroad-consents-');
afterAll(tmp.cleanup);

describe('the consent store', () => {
  it('keeps one consent per roadmap file, the latest, in a private consents.json', () => {
    const dir = join(tmp.dir, 'a');
    const store = new ConsentStore(dir);
    expect(store.get('/r/one.yaml')).toBeUndefined();
    store.give({ roadmap: '/r/one.yaml', fingerprint: 'aaaa', at: '2026-12-01T00:00:00.000Z' });
    store.give({ roadmap: '/r/two.v1.yaml', fingerprint: 'bbbb', at: '2026-12-02T00:00:00.000Z' });
    store.give({ roadmap: '/r/one.yaml', fingerprint: 'cccc', at: '2026-12-03T00:00:00.000Z' });
    const again = new ConsentStore(dir);
    expect(again.get('/r/one.yaml')).toEqual({
      roadmap: '/r/one.yaml',
      fingerprint: 'cccc',
      at: '2026-12-03T00:00:00.000Z',
    });
    // A path with dots is one key, not a nested one.
    expect(again.get('/r/two.v1.yaml')?.fingerprint).toBe('bbbb');
    expect(again.list().map((c) => c.roadmap)).toEqual(['/r/one.yaml', '/r/two.v1.yaml']);
    expect(JSON.parse(readFileSync(consentFile(dir), 'utf8'))).toHaveProperty('roadmaps');
    expect(statSync(consentFile(dir)).mode & 0o777).toBe(0o600);
  });

  it('a file that is not JSON is a data error naming it, and is left alone', () => {
    const dir = join(tmp.dir, 'b');
    new ConsentStore(dir).give({ roadmap: '/r', fingerprint: 'x', at: '2026-12-01T00:00:00.000Z' });
    writeFileSync(consentFile(dir), '{ not json');
    expect(() => new ConsentStore(dir).get('/r')).toThrow(`cannot use ${consentFile(dir)}: it is not valid JSON`);
    expect(readFileSync(consentFile(dir), 'utf8')).toBe('{ not json');
  });
});
