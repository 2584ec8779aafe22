import { CYRILLIC_REQUEST, sampleRequest } from './picture.fixtures';
import { CAPTION_LIMIT, pictureCaption } from './picture-caption';
import { NAME_TOP } from './card-face';
import { type Box, placeCards } from './picture-geometry';
import { BUILT_IN_LAYOUTS, layoutFor } from './spread-layouts';
import { SpreadPicture } from './spread-picture';
import { wrapText } from './svg-text';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
  expect(png.toString('latin1', 12, 16)).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

function overlaps(a: Box, b: Box): boolean {
  return a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;
}

describe('SpreadPicture', () => {
  const sut = new SpreadPicture();

  it.each(BUILT_IN_LAYOUTS.map(({ key }) => key))('renders the %s spread as a PNG of the laid-out size', (key) => {
    const request = key === 'daily' ? { ...sampleRequest('single'), spreadKey: 'daily' } : sampleRequest(key);

    const size = pngSize(sut.render(request));

    const geometry = placeCards(layoutFor(key, request.cards.length), 0);
    expect(size.width).toBe(geometry.width);
    expect(size.height).toBeGreaterThan(geometry.height);
    expect(size.width).toBeLessThanOrEqual(1280);
    expect(size.height).toBeLessThanOrEqual(1280);
  });

  it('renders the same PNG off the event loop as on it', async () => {
    const request = sampleRequest('celtic_cross');

    expect((await sut.renderAsync(request)).equals(sut.render(request))).toBe(true);
  });

  it('draws a reversed card differently from the same card upright', () => {
    const upright = sampleRequest('three_card');
    upright.cards = upright.cards.map((card) => ({ ...card, reversed: false }));
    const reversed = { ...upright, cards: upright.cards.map((card, i) => ({ ...card, reversed: i === 0 })) };

    expect(sut.render(reversed).equals(sut.render(upright))).toBe(false);
    expect(sut.svg(reversed)).toContain('rotate(180)');
    expect(sut.svg(upright)).not.toContain('rotate(180)');
  });

  it('draws Cyrillic names and positions with real glyphs, not the missing-glyph box', () => {
    const svg = sut.svg(CYRILLIC_REQUEST);

    expect(() => sut.render(CYRILLIC_REQUEST)).not.toThrow();
    expect(svg).not.toMatch(/href="#g[lnt]0"/);
    expect(svg).toContain('<title>Прошлое · Настоящее · Будущее</title>');
  });

  it('lays out a spread it does not know (6 cards) as a centred grid of two rows', () => {
    const request = { ...sampleRequest('life_path'), spreadKey: 'operators_spread' };
    request.cards = request.cards.slice(0, 6);

    const size = pngSize(sut.render(request));

    expect(layoutFor('operators_spread', 6).slots.map((slot) => slot.y)).toEqual([0, 0, 0, 1, 1, 1]);
    expect(size.width).toBeGreaterThan(0);
  });

  it('falls back to the grid when a known spread comes with another number of cards', () => {
    expect(layoutFor('celtic_cross', 4).slots.some((slot) => slot.across)).toBe(false);
  });

  it('lays the Celtic Cross challenge across the present and the staff of four on the right, read upwards', () => {
    const { cards } = placeCards(layoutFor('celtic_cross', 10), 0);
    const [present, challenge] = cards;
    const staff = cards.slice(6);

    expect(challenge).toMatchObject({ x: present.x, turn: 90, label: null, labelWith: 0 });
    // Raised over the present's picture, so the present's name band below stays in view.
    expect(challenge.box.top + challenge.box.height).toBeLessThan(present.y + NAME_TOP * present.scale);
    expect(challenge.box.top + challenge.box.height).toBeGreaterThan(present.box.top);
    expect(new Set(staff.map((card) => card.x)).size).toBe(1);
    expect(staff[0].x).toBeGreaterThan(Math.max(...cards.slice(0, 6).map((card) => card.box.left + card.box.width)));
    expect(staff.map((card) => card.y)).toEqual([...staff.map((card) => card.y)].sort((a, b) => b - a));
  });

  it.each(BUILT_IN_LAYOUTS.map(({ key, cards }) => [key, cards] as const))(
    'keeps every card and label of %s clear of the others (a crossing card crosses only its own)',
    (key, count) => {
      const { cards, width, height } = placeCards(layoutFor(key, count), 0);
      // A crossing card belongs with the card it crosses.
      const boxes = cards.flatMap((card, i) => [
        { owner: card.labelWith ?? i, box: card.box },
        ...(card.label ? [{ owner: i, box: card.label }] : []),
      ]);

      for (const [i, a] of boxes.entries()) {
        expect(a.box.left).toBeGreaterThanOrEqual(0);
        expect(a.box.left + a.box.width).toBeLessThanOrEqual(width);
        expect(a.box.top + a.box.height).toBeLessThanOrEqual(height);
        for (const b of boxes.slice(i + 1)) {
          if (a.owner !== b.owner) expect({ cards: [a.owner + 1, b.owner + 1], overlap: overlaps(a.box, b.box) }).toEqual({ cards: [a.owner + 1, b.owner + 1], overlap: false });
        }
      }
    },
  );

  it('escapes the spread name for XML', () => {
    const request = { ...sampleRequest('single'), spreadName: 'Love & <Fate> "now"' };

    expect(sut.svg(request)).toContain('<title>Love &amp; &lt;Fate&gt; &quot;now&quot;</title>');
    expect(() => sut.render(request)).not.toThrow();
  });
});

describe('pictureCaption', () => {
  it('is the spread name alone: the message after the picture lists the cards', () => {
    expect(pictureCaption(' Past · Present · Future ')).toBe('Past · Present · Future');
  });

  it('stays within 1,024 characters, ending with an ellipsis when cut', () => {
    const caption = pictureCaption('x'.repeat(2000));
    expect(caption.length).toBeLessThanOrEqual(CAPTION_LIMIT);
    expect(caption.endsWith('…')).toBe(true);
  });
});

describe('wrapText', () => {
  const measure = (line: string): number => line.length * 10;

  it('wraps at spaces, breaks over-long words where a syllable ends and ends a cut text with an ellipsis', () => {
    expect(wrapText('Queen of Pentacles', 100, measure, 3)).toEqual(['Queen of', 'Pentacles']);
    expect(wrapText('Supercalifragilistic', 100, measure, 3)).toEqual(['Supercali-', 'fragilis-', 'tic']);
    expect(wrapText('Справедливість', 100, measure, 3)).toEqual(['Справедли-', 'вість']);
    expect(wrapText('one two three four five six', 100, measure, 2)).toEqual(['one two', 'three fou…']);
  });
});
