import type { Unit } from '../../utils/extract';

/** Duet's prediction: the text of every unit but the headline (title block), separated by blank lines. */
export function predictionText(units: Unit[]): string {
  return units
    .filter((u) => u.kind !== 'headline')
    .map((u) => u.text)
    .join('\n\n');
}
