import type { Rng } from './prng';

/**
 * English news-like prose from a seeded PRNG. Not meaningful, but shaped like an article: sentences
 * of 8–28 words with capitals, commas, quotes and numbers, so text detection, batching and the
 * fake provider see realistic lengths. Every paragraph carries a running number, which makes each
 * text unique (the endless-page budget counts repeats by text).
 */
const NOUNS = [
  'government', 'minister', 'city', 'council', 'report', 'market', 'election', 'agency', 'company', 'court',
  'police', 'hospital', 'school', 'budget', 'policy', 'border', 'region', 'committee', 'official', 'spokesman',
  'economy', 'energy', 'price', 'vote', 'strike', 'union', 'investigation', 'reform', 'summit', 'treaty',
  'parliament', 'station', 'bridge', 'village', 'storm', 'harbour', 'factory', 'bank', 'ministry', 'festival',
];
const NAMES = ['Berlin', 'Vienna', 'Brussels', 'Madrid', 'Oslo', 'Lisbon', 'Prague', 'Warsaw', 'Dublin', 'Athens'];
const VERBS = [
  'announced', 'rejected', 'approved', 'criticised', 'confirmed', 'delayed', 'proposed', 'reported', 'expected',
  'warned about', 'welcomed', 'questioned', 'defended', 'reviewed', 'postponed', 'published', 'discussed', 'signed',
];
const ADJECTIVES = [
  'new', 'local', 'national', 'early', 'final', 'major', 'controversial', 'long-awaited', 'regional', 'public',
  'independent', 'official', 'preliminary', 'annual', 'temporary', 'emergency', 'historic', 'modest', 'sharp',
];
const LINKS = ['on Tuesday', 'according to officials', 'after weeks of talks', 'despite protests', 'for the first time', 'in a statement', 'late on Friday', 'by a narrow margin'];

function phrase(rng: Rng): string {
  return `the ${rng.pick(ADJECTIVES)} ${rng.pick(NOUNS)}`;
}

/** One sentence of roughly `words` words. */
export function sentence(rng: Rng, words = rng.int(8, 28)): string {
  const parts: string[] = [`${rng.pick(['The', 'A', 'This year\'s'])} ${rng.pick(ADJECTIVES)} ${rng.pick(NOUNS)} in ${rng.pick(NAMES)}`, rng.pick(VERBS), phrase(rng)];
  let count = 8;
  while (count < words) {
    const roll = rng.next();
    if (roll < 0.25) parts.push(`, ${rng.pick(LINKS)},`);
    else if (roll < 0.4) parts.push(`and ${rng.int(2, 950)} ${rng.pick(NOUNS)}s`);
    else if (roll < 0.5) parts.push(`"${rng.pick(VERBS)} ${phrase(rng)}"`);
    else parts.push(`${rng.pick(['while', 'because', 'as', 'with'])} ${phrase(rng)} ${rng.pick(VERBS)} ${phrase(rng)}`);
    count += 4;
  }
  return `${parts.join(' ').replace(/ ,/g, ',').replace(/,$/, '')}.`;
}

/** A paragraph of about `targetChars` characters (never much shorter), tagged with `serial`. */
export function paragraph(rng: Rng, targetChars: number, serial: number): string {
  let text = `(${serial}) ${sentence(rng)}`;
  // Short sentences near the end keep the paragraph close to its target (about 7 characters a word).
  while (text.length < targetChars * 0.9) text += ` ${sentence(rng, Math.min(28, Math.max(8, Math.floor((targetChars - text.length) / 7))))}`;
  return text;
}

export function headline(rng: Rng): string {
  const s = `${rng.pick(NAMES)}: ${phrase(rng)} ${rng.pick(VERBS)} ${phrase(rng)}`;
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** HTML-escapes text for element content and attribute values. */
export function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
