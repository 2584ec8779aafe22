import { readFileSync } from 'node:fs';

interface Point {
  x: number;
  y: number;
  on: boolean;
}

type Contour = Point[];

const MAX_COMPONENT_DEPTH = 8;

/**
 * The parts of a TrueType file the picture needs: which glyph draws a character, how far it
 * advances, and its outline as SVG path data (font units, y pointing down). Read once, cached.
 */
export class TrueTypeFont {
  readonly unitsPerEm: number;
  private readonly advances: Uint16Array;
  private readonly glyphOf = new Map<number, number>();
  private readonly glyphOffsets: Uint32Array;
  private readonly glyf: number;
  private readonly outlines = new Map<number, string>();

  private constructor(private readonly data: Buffer) {
    const tables = tableOffsets(data);
    const head = required(tables, 'head');
    const hhea = required(tables, 'hhea');
    const hmtx = required(tables, 'hmtx');
    const loca = required(tables, 'loca');
    const glyphCount = data.readUInt16BE(required(tables, 'maxp') + 4);
    this.unitsPerEm = data.readUInt16BE(head + 18);
    this.glyf = required(tables, 'glyf');
    const longOffsets = data.readInt16BE(head + 50) === 1;
    this.glyphOffsets = new Uint32Array(glyphCount + 1);
    for (let glyph = 0; glyph <= glyphCount; glyph += 1) {
      this.glyphOffsets[glyph] = longOffsets ? data.readUInt32BE(loca + glyph * 4) : data.readUInt16BE(loca + glyph * 2) * 2;
    }
    const metrics = data.readUInt16BE(hhea + 34);
    this.advances = new Uint16Array(glyphCount);
    for (let glyph = 0; glyph < glyphCount; glyph += 1) {
      this.advances[glyph] = data.readUInt16BE(hmtx + Math.min(glyph, metrics - 1) * 4);
    }
    readCmap(data, required(tables, 'cmap'), this.glyphOf);
  }

  static load(path: string): TrueTypeFont {
    return new TrueTypeFont(readFileSync(path));
  }

  /** The glyph for a character, or 0 (none) when the font does not have it. */
  glyph(codePoint: number): number {
    return this.glyphOf.get(codePoint) ?? 0;
  }

  /** Advance width in font units. */
  advance(glyph: number): number {
    return this.advances[glyph] ?? 0;
  }

  /** Width of `text` in pixels at `size` px (no kerning). */
  width(text: string, size: number): number {
    let units = 0;
    for (const char of text) units += this.advance(this.glyph(char.codePointAt(0)!));
    return (units / this.unitsPerEm) * size;
  }

  /** SVG path data of the glyph, in font units with y down; empty for blank glyphs such as the space. */
  outline(glyph: number): string {
    let path = this.outlines.get(glyph);
    if (path === undefined) {
      path = this.contours(glyph, 0).map(contourPath).join('');
      this.outlines.set(glyph, path);
    }
    return path;
  }

  private contours(glyph: number, depth: number): Contour[] {
    const start = this.glyf + this.glyphOffsets[glyph];
    if (this.glyphOffsets[glyph + 1] <= this.glyphOffsets[glyph] || depth > MAX_COMPONENT_DEPTH) return [];
    const contourCount = this.data.readInt16BE(start);
    return contourCount >= 0 ? this.simple(start, contourCount) : this.composite(start, depth);
  }

  private simple(start: number, contourCount: number): Contour[] {
    const { data } = this;
    const ends: number[] = [];
    for (let i = 0; i < contourCount; i += 1) ends.push(data.readUInt16BE(start + 10 + i * 2));
    const pointCount = contourCount ? ends[contourCount - 1] + 1 : 0;
    let at = start + 10 + contourCount * 2;
    at += 2 + data.readUInt16BE(at);
    const flags: number[] = [];
    while (flags.length < pointCount) {
      const flag = data[at++];
      flags.push(flag);
      if (flag & 0x08) for (let repeat = data[at++]; repeat > 0; repeat -= 1) flags.push(flag);
    }
    const read = (shortBit: number, sameBit: number): number[] => {
      const values: number[] = [];
      let value = 0;
      for (const flag of flags.slice(0, pointCount)) {
        if (flag & shortBit) {
          const delta = data[at++];
          value += flag & sameBit ? delta : -delta;
        } else if (!(flag & sameBit)) {
          value += data.readInt16BE(at);
          at += 2;
        }
        values.push(value);
      }
      return values;
    };
    const xs = read(0x02, 0x10);
    const ys = read(0x04, 0x20);
    const contours: Contour[] = [];
    let first = 0;
    for (const end of ends) {
      const contour: Contour = [];
      for (let i = first; i <= end; i += 1) contour.push({ x: xs[i], y: ys[i], on: (flags[i] & 0x01) !== 0 });
      contours.push(contour);
      first = end + 1;
    }
    return contours;
  }

  private composite(start: number, depth: number): Contour[] {
    const { data } = this;
    const contours: Contour[] = [];
    let at = start + 10;
    for (;;) {
      const flags = data.readUInt16BE(at);
      const component = data.readUInt16BE(at + 2);
      at += 4;
      const words = (flags & 0x0001) !== 0;
      const dx = words ? data.readInt16BE(at) : data.readInt8(at);
      const dy = words ? data.readInt16BE(at + 2) : data.readInt8(at + 1);
      at += words ? 4 : 2;
      let [a, b, c, d] = [1, 0, 0, 1];
      const f2dot14 = (offset: number): number => data.readInt16BE(offset) / 16384;
      if (flags & 0x0008) {
        a = d = f2dot14(at);
        at += 2;
      } else if (flags & 0x0040) {
        a = f2dot14(at);
        d = f2dot14(at + 2);
        at += 4;
      } else if (flags & 0x0080) {
        [a, b, c, d] = [f2dot14(at), f2dot14(at + 2), f2dot14(at + 4), f2dot14(at + 6)];
        at += 8;
      }
      // Components placed by matching points (ARGS_ARE_XY_VALUES unset) are rare in text faces; they keep their own position.
      const [offsetX, offsetY] = flags & 0x0002 ? [dx, dy] : [0, 0];
      for (const contour of this.contours(component, depth + 1)) {
        contours.push(contour.map((p) => ({ x: a * p.x + c * p.y + offsetX, y: b * p.x + d * p.y + offsetY, on: p.on })));
      }
      if (!(flags & 0x0020)) return contours;
    }
  }
}

/** A closed contour of on-curve and quadratic control points, with the implied on-curve midpoints made explicit. */
function contourPath(contour: Contour): string {
  if (contour.length < 2) return '';
  const firstOn = contour.findIndex((p) => p.on);
  const start = firstOn >= 0 ? contour[firstOn] : midpoint(contour[0], contour[1]);
  const ordered = firstOn >= 0 ? [...contour.slice(firstOn + 1), ...contour.slice(0, firstOn)] : [...contour.slice(1), contour[0]];
  const parts = [`M${n(start.x)} ${n(-start.y)}`];
  let control: Point | null = null;
  for (const point of [...ordered, start]) {
    if (point.on) {
      parts.push(control ? `Q${n(control.x)} ${n(-control.y)} ${n(point.x)} ${n(-point.y)}` : `L${n(point.x)} ${n(-point.y)}`);
      control = null;
    } else {
      if (control) {
        const middle = midpoint(control, point);
        parts.push(`Q${n(control.x)} ${n(-control.y)} ${n(middle.x)} ${n(-middle.y)}`);
      }
      control = point;
    }
  }
  if (control) parts.push(`Q${n(control.x)} ${n(-control.y)} ${n(start.x)} ${n(-start.y)}`);
  return `${parts.join('')}Z`;
}

function midpoint(a: Point, b: Point): Point {
  return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2, on: true };
}

function n(value: number): number {
  return Math.round(value * 10) / 10;
}

function tableOffsets(data: Buffer): Map<string, number> {
  const tables = new Map<string, number>();
  const count = data.readUInt16BE(4);
  for (let i = 0; i < count; i += 1) {
    const record = 12 + i * 16;
    tables.set(data.toString('latin1', record, record + 4), data.readUInt32BE(record + 8));
  }
  return tables;
}

function required(tables: Map<string, number>, tag: string): number {
  const offset = tables.get(tag);
  if (offset === undefined) throw new Error(`the font has no ${tag} table`);
  return offset;
}

/** Reads the Windows Unicode BMP subtable (format 4), which covers Latin, Cyrillic and Greek. */
function readCmap(data: Buffer, cmap: number, into: Map<number, number>): void {
  const count = data.readUInt16BE(cmap + 2);
  for (let i = 0; i < count; i += 1) {
    const record = cmap + 4 + i * 8;
    const subtable = cmap + data.readUInt32BE(record + 4);
    if (data.readUInt16BE(record) === 3 && data.readUInt16BE(record + 2) === 1 && data.readUInt16BE(subtable) === 4) {
      readFormat4(data, subtable, into);
      return;
    }
  }
  throw new Error('the font has no Unicode BMP cmap');
}

function readFormat4(data: Buffer, table: number, into: Map<number, number>): void {
  const segments = data.readUInt16BE(table + 6) / 2;
  const ends = table + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  for (let s = 0; s < segments; s += 1) {
    const end = data.readUInt16BE(ends + s * 2);
    const start = data.readUInt16BE(starts + s * 2);
    const delta = data.readInt16BE(deltas + s * 2);
    const rangeOffsetAt = rangeOffsets + s * 2;
    const rangeOffset = data.readUInt16BE(rangeOffsetAt);
    for (let code = start; code <= end && code !== 0xffff; code += 1) {
      let glyph: number;
      if (rangeOffset === 0) glyph = (code + delta) & 0xffff;
      else {
        const raw = data.readUInt16BE(rangeOffsetAt + rangeOffset + (code - start) * 2);
        glyph = raw === 0 ? 0 : (raw + delta) & 0xffff;
      }
      if (glyph) into.set(code, glyph);
    }
  }
}
