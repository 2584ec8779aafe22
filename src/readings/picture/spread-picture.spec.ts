import { CYRILLIC_REQUEST, sampleRequest } from './picture.fixtures';
import { CAPTION_LIMIT, pictureCaption } from './picture-caption';
import { splitTitle } from './card-face';
import { PictureFonts } from './picture-fonts';
import { type Box, placeCards } from './picture-geometry';
import { BUILT_IN_LAYOUTS, type Layout, type ListLayout, layoutFor } from './spread-layouts';
import { type PictureRequest, SpreadPicture } from './spread-picture';
import { wrapText } from './svg-text';
import { LIST_MAX_HEIGHT, LIST_WIDTH, placeTiles } from './tile-geometry';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
  expect(png.toString('latin1', 12, 16)).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

const fonts = PictureFonts.load();

function tilesOf(layout: ListLayout, request: PictureRequest) {
  const texts = request.cards.map((card, i) => ({ label: `${i + 1} · ${card.positionName}`, name: splitTitle(card.name).main, title: splitTitle(card.name).title }));
  return placeTiles(layout, texts, 0, (line, role, size) => fonts.width(role, line, size));
}

/** What must not overlap another card's: each card and its label, or each tile (whose parts must stay on it). */
function laidOut(layout: Layout, request: PictureRequest): { width: number; height: number; boxes: Array<{ owner: number; box: Box }> } {
  if (layout.kind === 'cards') {
    const { cards, width, height } = placeCards(layout, 0);
    return { width, height, boxes: cards.flatMap((card, owner) => [{ owner, box: card.box }, { owner, box: card.label }]) };
  }
  const { tiles, width, height } = tilesOf(layout, request);
  for (const tile of tiles) {
    for (const part of [tile.card.box, tile.label.box, tile.name.box, ...(tile.title ? [tile.title.box] : [])]) expect(within(part, tile.box)).toBe(true);
    expect(overlaps(tile.card.box, tile.label.box) || overlaps(tile.card.box, tile.name.box)).toBe(false);
  }
  return { width, height, boxes: tiles.map((tile, owner) => ({ owner, box: tile.box })) };
}

function within(inner: Box, outer: Box): boolean {
  return inner.left >= outer.left && inner.top >= outer.top && inner.left + inner.width <= outer.left + outer.width + 0.01 && inner.top + inner.height <= outer.top + outer.height + 0.01;
}

function overlaps(a: Box, b: Box): boolean {
  return a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;
}

describe('SpreadPicture', () => {
  const sut = new SpreadPicture();

  it.each(BUILT_IN_LAYOUTS.map(({ key }) => key))('renders the %s spread as a PNG of the laid-out size', (key) => {
    const request = key === 'daily' ? { ...sampleRequest('single'), spreadKey: 'daily' } : sampleRequest(key);

    const size = pngSize(sut.render(request));

    const layout = layoutFor(key, request.cards.length);
    if (layout.kind === 'cards') {
      const geometry = placeCards(layout, 0);
      expect(size.width).toBe(geometry.width);
      expect(size.height).toBeGreaterThan(geometry.height);
    } else {
      // Twice the phone's photo box (252×352 dp) at most, so it is shown at half size, not less.
      expect(size.width).toBe(LIST_WIDTH);
      expect(size.height).toBeLessThanOrEqual(LIST_MAX_HEIGHT);
    }
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

  it('turns a reversed small card of a list upside down', () => {
    const upright = sampleRequest('life_path');
    upright.cards = upright.cards.map((card) => ({ ...card, reversed: false }));
    const reversed = { ...upright, cards: upright.cards.map((card, i) => ({ ...card, reversed: i === 3 })) };

    expect(sut.svg(upright)).not.toContain('rotate(180)');
    expect(sut.svg(reversed).match(/rotate\(180\)/g)).toHaveLength(1);
  });

  it('draws Cyrillic names and positions with real glyphs, not the missing-glyph box', () => {
    const svg = sut.svg(CYRILLIC_REQUEST);

    expect(() => sut.render(CYRILLIC_REQUEST)).not.toThrow();
    expect(svg).not.toMatch(/href="#g[lnt]0"/);
    expect(svg).toContain('<title>Прошлое · Настоящее · Будущее</title>');
  });

  it('lays out a spread it does not know as a grid up to four cards, and as a list past that', () => {
    const four = layoutFor('operators_spread', 4);
    const six = layoutFor('operators_spread', 6);
    const twelve = layoutFor('operators_spread', 12);

    expect(four.kind === 'cards' && four.slots.map((slot) => slot.y)).toEqual([0, 0, 0, 0]);
    expect(six).toMatchObject({ kind: 'list', columns: [[0, 1, 2, 3, 4, 5]] });
    expect(twelve).toMatchObject({ kind: 'list', columns: [[0, 1, 2, 3, 4, 5], [6, 7, 8, 9, 10, 11]] });
    const request = { ...sampleRequest('life_path'), spreadKey: 'operators_spread' };
    request.cards = request.cards.slice(0, 6);
    expect(pngSize(sut.render(request)).width).toBe(LIST_WIDTH);
  });

  it('falls back to the grid when a known spread comes with another number of cards', () => {
    expect(layoutFor('celtic_cross', 4).kind).toBe('cards');
  });

  it('lists the Celtic Cross as the cross down the left, the challenge turned across, and the staff on the right read upwards', () => {
    const layout = layoutFor('celtic_cross', 10);
    if (layout.kind !== 'list') throw new Error('the Celtic Cross is drawn as a list');
    const { tiles } = tilesOf(layout, sampleRequest('celtic_cross'));
    const cross = tiles.slice(0, 6);
    const staff = tiles.slice(6);

    expect(tiles.map((tile) => tile.card.turn)).toEqual([0, 90, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(tiles[1].card.box.width).toBeGreaterThan(tiles[1].card.box.height);
    expect(new Set(cross.map((tile) => tile.box.left)).size).toBe(1);
    expect(new Set(staff.map((tile) => tile.box.left)).size).toBe(1);
    expect(staff[0].box.left).toBeGreaterThan(cross[0].box.left + cross[0].box.width);
    expect(cross.map((tile) => tile.box.top)).toEqual([...cross.map((tile) => tile.box.top)].sort((a, b) => a - b));
    expect(staff.map((tile) => tile.box.top)).toEqual([...staff.map((tile) => tile.box.top)].sort((a, b) => b - a));
  });

  it('moves the break between two columns of a list to even their heights, keeping the reading order', () => {
    const layout = layoutFor('life_path', 15);
    if (layout.kind !== 'list') throw new Error('the life path is drawn as a list');
    const request = sampleRequest('life_path');
    // Long names at the start make the first column taller: the break moves up.
    request.cards = request.cards.map((card, i) => ({ ...card, name: i < 6 ? 'Eight of Swords (Interference) and a much longer name' : 'Sun' }));

    const { tiles } = tilesOf(layout, request);

    const lefts = tiles.map((tile) => tile.box.left);
    const firstColumn = lefts.filter((left) => left === lefts[0]).length;
    expect(firstColumn).toBeLessThan(8);
    expect(lefts.slice(0, firstColumn).every((left) => left === lefts[0])).toBe(true);
    expect(lefts.slice(firstColumn).every((left) => left > lefts[0])).toBe(true);
  });

  it.each(BUILT_IN_LAYOUTS.map(({ key, cards }) => [key, cards] as const))('keeps every card and label of %s clear of the others', (key, count) => {
    const layout = layoutFor(key, count);
    const request = key === 'daily' ? { ...sampleRequest('single'), spreadKey: 'daily' } : sampleRequest(key);
    const { boxes, width, height } = laidOut(layout, request);

    for (const [i, a] of boxes.entries()) {
      expect(a.box.left).toBeGreaterThanOrEqual(0);
      expect(a.box.left + a.box.width).toBeLessThanOrEqual(width);
      expect(a.box.top + a.box.height).toBeLessThanOrEqual(height);
      for (const b of boxes.slice(i + 1)) {
        if (a.owner !== b.owner) expect({ cards: [a.owner + 1, b.owner + 1], overlap: overlaps(a.box, b.box) }).toEqual({ cards: [a.owner + 1, b.owner + 1], overlap: false });
      }
    }
  });

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
