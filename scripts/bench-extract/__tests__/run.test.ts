// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { Unit } from '../../../utils/extract';
import { predictionText } from '../run';

describe('predictionText', () => {
  it('leaves the headline units out and keeps block boundaries as blank lines', () => {
    const el = document.createElement('p');
    const units: Unit[] = [
      { id: 'u0', element: el, text: 'The title', kind: 'headline' },
      { id: 'u1', element: el, text: 'First paragraph.', kind: 'paragraph' },
      { id: 'u2', element: el, text: 'A subheading', kind: 'heading' },
      { id: 'u3', element: el, text: 'A caption.', kind: 'caption' },
    ];
    expect(predictionText(units)).toBe('First paragraph.\n\nA subheading\n\nA caption.');
  });
});
