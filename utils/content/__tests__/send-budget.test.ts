import { describe, expect, it } from 'vitest';
import { BUDGET_MIN_CHARS, SendBudget, budgetFor } from '../send-budget';

const texts = (n: number, size: number) => Array.from({ length: n }, () => ({ text: 'x'.repeat(size) }));

describe('SendBudget (issue 10: a page cannot drain a paid quota from one click)', () => {
  it('is a few times the article, never below the floor', () => {
    expect(budgetFor(0)).toBe(BUDGET_MIN_CHARS);
    expect(budgetFor(40_000)).toBe(120_000);
  });

  it('holds sends past the budget, tells once, and sends them when the reader continues', () => {
    const budget = new SendBudget();
    const told: number[] = [];
    budget.grant(1_000, (spent) => told.push(spent));
    const sent: number[] = [];
    for (let i = 0; i < 5; i++) if (budget.admit(texts(1, 300), () => sent.push(i))) sent.push(i);
    // 3 × 300 fit; the 4th and 5th wait, and the page is told once.
    expect(sent).toEqual([0, 1, 2]);
    expect(budget.heldCount).toBe(2);
    expect(told).toEqual([900]);
    budget.resume();
    expect(sent).toEqual([0, 1, 2, 3, 4]);
    expect(budget.heldCount).toBe(0);
  });

  it('a hostile page stacking 3,000 paragraphs gets only its budget through', () => {
    const budget = new SendBudget();
    budget.grant(budgetFor(2_000));
    let chars = 0;
    for (let i = 0; i < 3_000; i++) {
      const batch = texts(1, 76);
      if (budget.admit(batch, () => {})) chars += 76;
    }
    expect(chars).toBeLessThanOrEqual(BUDGET_MIN_CHARS);
    expect(chars).toBeGreaterThan(BUDGET_MIN_CHARS - 100);
  });
});
