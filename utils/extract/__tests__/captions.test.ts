// @vitest-environment jsdom
/** Caption text and repeated captions (captions.ts), and lines with nothing to translate (rules.ts). */
import { beforeEach, describe, expect, it } from 'vitest';
import { extractUnits } from '..';
import { unitText } from '../captions';

const para = (n: number): string =>
  `Paragraph ${n} of the story tells, in a full sentence with commas, what happened in the town hall, why it matters, and who said what about it afterwards.`;

function units(inner: string): { text: string; kind: string }[] {
  document.title = 'Council approves the new budget';
  document.body.innerHTML = `<article><h1>Council approves the new budget</h1><div class="body">
    <p>${para(1)}</p><p>${para(2)}</p>${inner}<p>${para(3)}</p></div></article>`;
  return extractUnits(document).units.map((u) => ({ text: u.text, kind: u.kind }));
}

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('unitText: a photo credit at the end is not translated', () => {
  it('drops a bracketed credit after any text', () => {
    expect(unitText('The protests kicked off in June (Image: GETTY )', 'paragraph')).toBe('The protests kicked off in June');
    expect(unitText('Braun and Borchetta pose for a photo. (Photo by Kevin Mazur/Getty Images)', 'caption')).toBe(
      'Braun and Borchetta pose for a photo.',
    );
    expect(unitText('The Islanders won 5-4. (AP Photo/Gene J. Puskar)', 'caption')).toBe('The Islanders won 5-4.');
  });

  it('drops "Credit: …" after a caption’s last sentence, but not inside a paragraph', () => {
    expect(unitText('A module for a crewed Mars mission. Credit: ESA', 'caption')).toBe('A module for a crewed Mars mission.');
    expect(unitText('He said it plainly. Credit: the team did the work', 'paragraph')).toBe('He said it plainly. Credit: the team did the work');
  });

  it('keeps a caption that mentions a photo in its sentence, and never empties a text', () => {
    expect(unitText('Fans take a photo by the stadium gate before the match.', 'caption')).toBe(
      'Fans take a photo by the stadium gate before the match.',
    );
    expect(unitText('(Photo: Getty Images)', 'caption')).toBe('(Photo: Getty Images)');
  });

  it('drops a caption’s "less" toggle', () => {
    expect(unitText('The Islanders won 5-4. less', 'caption')).toBe('The Islanders won 5-4.');
  });
});

describe('captions on the page', () => {
  const full = 'Brock Nelson puts the game-winning overtime goal behind Matt Murray in Pittsburgh. The Islanders won 5-4.';

  it('translates a shortened copy of a caption once, as the full caption', () => {
    const u = units(
      `<figure><img src="a.jpg" alt=""><figcaption><div class="caption-full">${full} <a href="#">less</a></div>` +
        `<div class="caption-truncated">Brock Nelson puts the game-winning overtime goal behind Matt Murray in Pittsburgh. The Islanders ... <a href="#">more</a></div></figcaption></figure>`,
    );
    expect(u.filter((x) => x.kind === 'caption').map((x) => x.text)).toEqual([full]);
  });

  it('keeps two different captions that share no prefix', () => {
    const u = units(
      '<figure><figcaption>The council chamber on Tuesday evening.</figcaption></figure>' +
        '<figure><figcaption>The mayor speaks to reporters ...</figcaption></figure>',
    );
    expect(u.filter((x) => x.kind === 'caption')).toHaveLength(2);
  });

  it('leaves out screen-reader labels and a player’s fallback line', () => {
    const u = units(
      '<figure><div class="player">Media playback is unsupported on your device</div>' +
        '<figcaption><span class="off-screen">Image caption</span>The mayor speaks to reporters after the vote.</figcaption></figure>',
    );
    const t = u.map((x) => x.text);
    expect(t).toContain('The mayor speaks to reporters after the vote.');
    expect(t.join('\n')).not.toMatch(/Image caption|playback/);
  });

  it('leaves out lines that are only an address, and a bare "Caption" toggle', () => {
    const t = units('<p class="toggle">Caption</p><p><em>jane.doe@paper.example</em></p><p>twitter.com/janedoe</p>').map((x) => x.text);
    expect(t).toContain(para(3));
    for (const line of ['Caption', 'jane.doe@paper.example', 'twitter.com/janedoe']) expect(t).not.toContain(line);
  });

  it('leaves out a wire story’s staff credit like a byline, but keeps a sentence about reporting', () => {
    const keep = 'Reporting by local papers, the mayor said, was unfair to the council and to the town.';
    const t = units(
      `<p>(Reporting by Jane Doe; Editing by John Roe)</p><p>Fox News' Jane Doe contributed to this report.</p><p>${keep}</p>`,
    ).map((x) => x.text);
    expect(t).toContain(keep);
    expect(t.join('\n')).not.toMatch(/Editing by|contributed to this report/);
  });

  it('leaves out page furniture lines: list titles, counters, copyright, category, reading time, a lone date', () => {
    const lines = ['You may also like...', 'More:', '1 - 5 of 36', 'Copyright @ 2019 The Town News.', 'Filed under: Politics |',
      'Tempo de leitura: 1 minuto', '4 min read', 'November 15, 2019', '15 Nov. 2019'];
    const t = units(lines.map((l) => `<p>${l}</p>`).join('')).map((x) => x.text);
    expect(t).toContain(para(3));
    for (const line of lines) expect(t, line).not.toContain(line);
  });

  it('keeps sentences that start like furniture', () => {
    const lines = ['More than 4,000 people are expected to receive notice in coming weeks.', 'November 15, 2019 was the day the council met again.'];
    const t = units(lines.map((l) => `<p>${l}</p>`).join('')).map((x) => x.text);
    for (const line of lines) expect(t).toContain(line);
  });

  it('keeps a name with a dot in it: it is not an address', () => {
    expect(units('<h2>Booking.com</h2>').map((x) => x.text)).toContain('Booking.com');
  });
});
