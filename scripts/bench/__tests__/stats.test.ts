// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { coveredTime, max, median, ratio } from '../stats';
import { minRequests } from '../min-requests';

describe('median', () => {
  it('takes the middle value, or the mean of the two middle ones, ignoring missing values', () => {
    expect(median([5, 1, 9])).toBe(5);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([undefined, 7, Number.NaN])).toBe(7);
    expect(median([])).toBeUndefined();
  });
  it('max and ratio skip missing values', () => {
    expect(max([1, undefined, 3])).toBe(3);
    expect(ratio(3, 2)).toBe(1.5);
    expect(ratio(3, 0)).toBeUndefined();
    expect(ratio(undefined, 2)).toBeUndefined();
  });
});

describe('coveredTime', () => {
  it('counts overlapping intervals once and clips at the end time', () => {
    const intervals = [{ start: 10, end: 110 }, { start: 50, end: 150 }, { start: 200, end: 300 }];
    expect(coveredTime(intervals, 1000)).toBe(240);
    expect(coveredTime(intervals, 120)).toBe(110);
    expect(coveredTime(intervals, 5)).toBe(0);
    expect(coveredTime([], 100)).toBe(0);
  });
});

describe('minRequests', () => {
  const limits = { maxTextsPerRequest: 3, maxCharsPerRequest: 100 };
  it('is bounded by the text count and by the characters', () => {
    expect(minRequests([], limits)).toBe(0);
    expect(minRequests([10, 10, 10, 10], limits)).toBe(2);
    expect(minRequests([60, 60, 60], limits)).toBe(3);
    expect(minRequests([40, 40, 40, 10], limits)).toBe(2);
  });
  it('gives a text over the character limit requests of its own', () => {
    expect(minRequests([10, 250, 10], limits)).toBe(5);
  });
});
