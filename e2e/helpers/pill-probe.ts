import type { Page } from 'playwright-core';

/**
 * Duet's on-page control lives in a closed shadow root, out of reach of page scripts and of
 * Playwright's selectors. The accessibility tree reaches it, as a screen reader does: read its texts
 * and click its buttons through Chrome DevTools Protocol.
 */
interface AXNode {
  nodeId: string;
  role?: { value?: string };
  name?: { value?: string };
  ignored?: boolean;
  backendDOMNodeId?: number;
}

async function axNodes(page: Page): Promise<AXNode[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: AXNode[] };
    return nodes.filter((n) => !n.ignored);
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/** Names of the pill's region children that screen readers hear: status texts and buttons. */
export async function pillControls(page: Page): Promise<{ buttons: string[]; texts: string[] }> {
  const nodes = await axNodes(page);
  const named = (role: string) => nodes.filter((n) => n.role?.value === role).map((n) => n.name?.value ?? '');
  return { buttons: named('button'), texts: [...named('status'), ...named('StaticText')] };
}

/** Clicks the button the accessibility tree names `name` (closed shadow roots included). */
export async function clickAccessibleButton(page: Page, name: string): Promise<void> {
  const node = (await axNodes(page)).find((n) => n.role?.value === 'button' && n.name?.value === name);
  if (!node?.backendDOMNodeId) throw new Error(`no button named "${name}"`);
  const cdp = await page.context().newCDPSession(page);
  try {
    // A real mouse click at the button's box: Duet's buttons act only on trusted clicks (page-ui/trusted-click.ts),
    // so a scripted this.click() would be ignored, as a page script's would.
    await cdp.send('DOM.scrollIntoViewIfNeeded', { backendNodeId: node.backendDOMNodeId });
    const { model } = (await cdp.send('DOM.getBoxModel', { backendNodeId: node.backendDOMNodeId })) as { model: { content: number[] } };
    const [x1, y1, , , x3, y3] = model.content as [number, number, number, number, number, number];
    await page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/** Direction and language of the pill's box, read through DOM.describeNode (closed shadow root). */
export async function pillDirection(page: Page): Promise<{ dir: string | null; lang: string | null } | null> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const find = (n: DomNode): DomNode | undefined => {
      if (n.nodeName === 'DIV' && attr(n, 'class')?.split(' ').includes('pill')) return n;
      for (const c of [...(n.children ?? []), ...(n.shadowRoots ?? [])]) {
        const hit = find(c);
        if (hit) return hit;
      }
      return undefined;
    };
    const pill = find(root);
    return pill ? { dir: attr(pill, 'dir'), lang: attr(pill, 'lang') } : null;
  } finally {
    await cdp.detach().catch(() => {});
  }
}

interface DomNode {
  nodeName: string;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
}
function attr(n: DomNode, name: string): string | null {
  const a = n.attributes ?? [];
  for (let i = 0; i < a.length; i += 2) if (a[i] === name) return a[i + 1] ?? null;
  return null;
}
