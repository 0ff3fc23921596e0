/**
 * A small seeded PRNG, so `--seed N` makes shuffles repeatable. Each list is shuffled with its own
 * stream derived from the seed and a key (a topic or question id): the order of one question's
 * choices does not depend on which questions came before it, so a resumed session shows the same
 * orders as the one it continues.
 */

/** FNV-1a over a string, mixed with the seed: a 32-bit stream key. */
export function streamKey(seed: number, key: string): number {
  let h = (0x811c9dc5 ^ (seed >>> 0)) >>> 0;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** mulberry32: tiny, fast and good enough for shuffling quiz items. Returns floats in [0, 1). */
export function mulberry32(state: number): () => number {
  let a = state >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A Fisher–Yates shuffle of a copy of `items`, repeatable for the same seed and key. */
export function seededShuffle<T>(items: readonly T[], seed: number, key: string): T[] {
  const out = items.slice();
  const random = mulberry32(streamKey(seed, key));
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** The largest seed `--seed` accepts. */
export const MAX_SEED = 0xffffffff;
