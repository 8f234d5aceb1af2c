import type { Unit } from '../../utils/extract';

/**
 * Duet's prediction: the text of every unit but the headline, separated by blank lines. The headline is the
 * first unit of the title block; the standfirst under it (also reported as a headline unit) is article text
 * and counts, as both data sets' truths hold it.
 */
export function predictionText(units: Unit[]): string {
  const headline = units.find((u) => u.kind === 'headline');
  return units
    .filter((u) => u !== headline)
    .map((u) => u.text)
    .join('\n\n');
}
