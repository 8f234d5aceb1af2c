// @vitest-environment node
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { sendStartPageEarly, takeStartPage } from '../early-start';

describe('the early startPage hand-over', () => {
  let asked = 0;
  beforeEach(() => {
    fakeBrowser.reset();
    asked = 0;
    // The fake browser answers through sendResponse (returning true), as Chrome's callback style does.
    fakeBrowser.runtime.onMessage.addListener((_message, _sender, sendResponse) => {
      sendResponse({ settings: { answer: ++asked } });
      return true;
    });
  });

  it('the main script gets the answer to the message sent at document_start, without asking again', async () => {
    const world = {};
    sendStartPageEarly(world);
    expect(asked).toBe(1);
    await expect(takeStartPage(world)).resolves.toEqual({ settings: { answer: 1 } });
    expect(asked).toBe(1);
    // Taken once: a second start (a new instance of the script) asks afresh.
    await expect(takeStartPage(world)).resolves.toEqual({ settings: { answer: 2 } });
  });

  it('asks itself when no early message was sent (the script was injected later)', async () => {
    await expect(takeStartPage({})).resolves.toEqual({ settings: { answer: 1 } });
    expect(asked).toBe(1);
  });

  it('a failed early message fails the taker, not the page (no unhandled rejection meanwhile)', async () => {
    fakeBrowser.reset();
    fakeBrowser.runtime.onMessage.addListener(() => Promise.reject(new Error('background gone')));
    const world = {};
    sendStartPageEarly(world);
    await new Promise((r) => setTimeout(r, 0));
    await expect(takeStartPage(world)).rejects.toThrow('background gone');
  });
});
