import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../fixture-server';

describe('startFixtureServer', () => {
  let dir: string;
  let server: FixtureServer;

  beforeEach(async () => {
    const parent = await mkdtemp(join(tmpdir(), 'duet-fixtures-'));
    dir = join(parent, 'news');
    await mkdir(dir);
    await writeFile(join(dir, 'one.html'), '<p>one</p>');
    await writeFile(join(parent, 'secret.txt'), 'outside');
    server = await startFixtureServer(dir);
  });
  afterEach(async () => {
    await server.close();
    await rm(join(dir, '..'), { recursive: true, force: true });
  });

  it('serves files on 127.0.0.1 with their content type', async () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(server.url('one.html'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(await res.text()).toBe('<p>one</p>');
  });

  it('lists the HTML pages on an index page', async () => {
    const html = await (await fetch(`${server.origin}/`)).text();
    expect(html).toContain('href="/one.html"');
  });

  it('does not serve files outside its folder, and 404s unknown ones', async () => {
    expect((await fetch(`${server.origin}/..%2Fsecret.txt`)).status).toBe(403);
    expect((await fetch(server.url('missing.html'))).status).toBe(404);
  });
});
