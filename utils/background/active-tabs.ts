import { browser } from 'wxt/browser';

/**
 * Which tabs the reader is looking at (the active tab of each window), as queue lanes (`tab-<id>`):
 * their requests go first (rate-limit.ts). Kept up to date from tabs events; a lane not known yet is
 * simply not urgent.
 */
export function trackActiveTabs(): (lane: string) => boolean {
  const activeByWindow = new Map<number, number>();
  const lanes = new Set<string>();
  const rebuild = () => {
    lanes.clear();
    for (const tabId of activeByWindow.values()) lanes.add(`tab-${tabId}`);
  };
  browser.tabs.onActivated.addListener(({ tabId, windowId }) => {
    activeByWindow.set(windowId, tabId);
    rebuild();
  });
  browser.tabs.onRemoved.addListener((tabId, { windowId }) => {
    if (activeByWindow.get(windowId) === tabId) activeByWindow.delete(windowId);
    rebuild();
  });
  void browser.tabs
    .query({ active: true })
    .then((tabs) => {
      for (const tab of tabs) if (tab.id !== undefined && tab.windowId !== undefined && !activeByWindow.has(tab.windowId)) activeByWindow.set(tab.windowId, tab.id);
      rebuild();
    })
    .catch(() => {});
  return (lane) => lanes.has(lane);
}
