/**
 * The per-page character budget (issue 10): how much page text Duet sends for translation without the reader
 * asking. A page that stacks thousands of paragraphs (hidden or not, an endless feed) could otherwise drain a
 * paid provider's quota from one click. Past the budget, sends are held (not dropped) until the reader says
 * "continue"; a reader's own action (popup, shortcut, menu) grants a new budget.
 */

/** The budget is a few times the visible article's length, and never less than this many characters. */
export const BUDGET_MIN_CHARS = 50_000;
export const BUDGET_ARTICLE_FACTOR = 3;

export function budgetFor(articleChars: number): number {
  return Math.max(BUDGET_MIN_CHARS, Math.round(articleChars * BUDGET_ARTICLE_FACTOR));
}

export class SendBudget {
  private limit = BUDGET_MIN_CHARS;
  private spent = 0;
  private held: (() => void)[] = [];
  private onExceeded: ((spent: number) => void) | undefined;

  /** Starts a new budget (on load, or a reader's action: then sends held so far go too). */
  grant(limit: number, onExceeded?: (spent: number) => void): void {
    this.limit = limit;
    if (onExceeded) this.onExceeded = onExceeded;
    this.resume();
  }

  /**
   * True when `texts` may go now (and counts them). Otherwise keeps `send` to run on `resume` and tells the
   * owner once per pause. A single send larger than the whole budget goes when nothing has been sent yet.
   */
  admit(texts: readonly { text: string }[], send: () => void): boolean {
    const chars = texts.reduce((n, t) => n + t.text.length, 0);
    if (this.held.length === 0 && (this.spent + chars <= this.limit || this.spent === 0)) {
      this.spent += chars;
      return true;
    }
    const first = this.held.length === 0;
    this.held.push(send);
    if (first) this.onExceeded?.(this.spent);
    return false;
  }

  /** The reader said continue: a fresh budget of the same size, and every held send goes out (each counted). */
  resume(): void {
    this.spent = 0;
    const held = this.held;
    this.held = [];
    for (const send of held) send();
  }

  /** Forgets held sends (the page is left or translation stopped). */
  clear(): void {
    this.held = [];
    this.spent = 0;
  }

  get heldCount(): number {
    return this.held.length;
  }
  get spentChars(): number {
    return this.spent;
  }
}

/** One content script is one page: the port client and the controller share this budget. */
export const pageBudget = new SendBudget();
