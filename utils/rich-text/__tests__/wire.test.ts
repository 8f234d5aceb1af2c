import { describe, expect, it } from 'vitest';
import { checkedTranslation, markupInstruction } from '../llm-markup';
import { escapeText, hasPlaceholders, markupToPlain, placeholderSignature, plainToMarkup, textLength } from '../wire';

describe('markup strings', () => {
  it('plain ⇄ markup round-trips any text, tags and entities included', () => {
    const text = 'Tom & Jerry <a0>not a tag</a0> &amp; 3 < 4\nnext';
    expect(markupToPlain(plainToMarkup(text))).toBe(text);
    expect(escapeText('<b>&')).toBe('&lt;b&gt;&amp;');
  });

  it('markupToPlain drops placeholders, reads <br> as a newline (or what is asked) and decodes entities', () => {
    expect(markupToPlain('Lesen <a0>hier</a0>&nbsp;&#8222;PDF&#8220;<br>zwei')).toBe('Lesen hier\u00a0„PDF“\nzwei');
    expect(markupToPlain('a<br>b', ' ')).toBe('a b');
  });

  it('placeholderSignature lists the tags, whatever order or quoting a provider wrote', () => {
    expect(placeholderSignature('<i1>x</i1> <A0>y</A0>')).toEqual(placeholderSignature('<a0>y</a0><i1>x</i1>'));
    expect(placeholderSignature('<a0>y')).not.toEqual(placeholderSignature('<a0>y</a0>'));
    expect(hasPlaceholders('plain &amp; text<br>')).toBe(false);
    expect(hasPlaceholders('<b3>x</b3>')).toBe(true);
  });

  it('chat models: a translation keeps its tags only when they are exactly the source\'s', () => {
    const source = 'Lesen Sie <a0>hier</a0> &amp; <b1>jetzt</b1>.';
    expect(checkedTranslation(source, 'Read <b1>now</b1> <a0>here</a0> &amp; more.')).toBe('Read <b1>now</b1> <a0>here</a0> &amp; more.');
    // Dropped, duplicated or invented tags: the words stay, as plain text.
    expect(checkedTranslation(source, 'Read <a0>here</a0> now.')).toBe('Read here now.');
    expect(checkedTranslation(source, 'Read <a0>here</a0> <a0>again</a0> <b1>now</b1>.')).toBe('Read here again now.');
    expect(checkedTranslation(source, 'Read <a0>here</a0> <b1>now</b1> <a5 href="javascript:x">x</a5>.')).toBe('Read here now x.');
    expect(markupInstruction()).toMatch(/<a0>/);
  });
});

describe('textLength (what request packing charges)', () => {
  it('counts the text only: placeholders and <br> are free, an entity is one character', () => {
    expect(textLength('Lesen Sie <a0>hier</a0> &amp; <b12>jetzt</b12>.<br>Ende')).toBe('Lesen Sie hier & jetzt.Ende'.length);
    expect(textLength('plain text')).toBe(10);
  });
});

describe('request packing with markup', () => {
  it('packs markup into exactly the requests its plain text made', async () => {
    const { packTexts } = await import('../../translate/packing');
    const limits = { maxTextsPerRequest: 20, maxCharsPerRequest: 100, requestsPerSecond: 1, concurrency: 1, timeoutMs: 1 };
    const plain = Array.from({ length: 9 }, (_, i) => `Absatz ${i} mit einem Link und etwas mehr Text.`);
    const markup = plain.map((t) => t.replace('einem Link', '<a0>einem Link</a0>').replace('mehr', '<b1>mehr</b1>'));
    const sizes = (texts: string[]) => packTexts(texts.map((text) => ({ text })), limits).map((c) => c.length);
    expect(sizes(markup)).toEqual(sizes(plain));
    expect(sizes(plain).length).toBeGreaterThan(1);
  });
});
