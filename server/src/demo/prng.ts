// Seeded randomness for the demo generator: the same seed always gives the same organisation.
// Nothing here may call Math.random or crypto.randomBytes.

/** A 32-bit hash (FNV-1a) of the given parts, used to derive independent seeds. */
export function hashSeed(...parts: (string | number)[]): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    const text = `${part}\u0000`;
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
  }
  return h >>> 0;
}

/** A small seeded pseudo-random generator (mulberry32) with the helpers the generator needs. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A generator seeded from a hash of the given parts (one stream per person and week, say). */
  static of(...parts: (string | number)[]): Rng {
    return new Rng(hashSeed(...parts));
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** A 32-bit unsigned integer. */
  uint32(): number {
    return Math.floor(this.next() * 4294967296) >>> 0;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One element of a non-empty list. */
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)] as T;
  }

  /** One element, chosen with the given relative weights. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [value, weight] of entries) {
      r -= weight;
      if (r < 0) return value;
    }
    return (entries.at(-1) as readonly [T, number])[0];
  }

  /** `n` distinct elements of a list, in random order (fewer when the list is shorter). */
  sample<T>(list: readonly T[], n: number): T[] {
    const copy = [...list];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
    }
    return copy.slice(0, Math.max(0, n));
  }
}

/**
 * Deterministic ids in the layout of `newId` (UUID version 7, hex without dashes): the first six
 * bytes are the record's own time, so ids stay time-ordered; the rest comes from the seeded stream.
 */
export class IdSource {
  private readonly rng: Rng;

  constructor(seed: number) {
    this.rng = Rng.of(seed, 'ids');
  }

  /** A new id for a record made at `ms` (milliseconds since the epoch). */
  at(ms: number): string {
    const bytes = Buffer.alloc(16);
    bytes.writeUIntBE(Math.max(0, Math.floor(ms)), 0, 6);
    bytes.writeUInt32BE(this.rng.uint32(), 6);
    bytes.writeUInt32BE(this.rng.uint32(), 10);
    bytes.writeUInt16BE(this.rng.uint32() & 0xffff, 14);
    bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x70;
    bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
    return bytes.toString('hex');
  }
}
