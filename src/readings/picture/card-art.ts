// The project's own card art: suit emblems and the major arcana's sun, drawn as plain shapes
// in 100×100 boxes and placed with <use>; one background gradient per suit.

export type ArtKey = 'wands' | 'cups' | 'swords' | 'pentacles' | 'major';

const GRADIENTS: Record<ArtKey, [string, string]> = {
  major: ['#4a3385', '#1c1540'],
  wands: ['#8a3a22', '#3a140c'],
  cups: ['#245a8c', '#0e2441'],
  swords: ['#56627a', '#1d2230'],
  pentacles: ['#356b3a', '#132d17'],
};

const WAND = `<symbol id="art-wands" viewBox="0 0 100 100">
<rect x="40" y="8" width="20" height="86" rx="8" fill="#c8874a" stroke="#5e3416" stroke-width="3"/>
<path d="M47 14 V86" stroke="#e3b07a" stroke-width="3" stroke-linecap="round"/>
<path d="M42 22 C26 8 12 16 16 28 C26 24 34 26 42 22 Z" fill="#86bb6c" stroke="#33521f" stroke-width="2.5"/>
<path d="M58 44 C74 30 88 38 84 50 C74 46 66 48 58 44 Z" fill="#86bb6c" stroke="#33521f" stroke-width="2.5"/>
<path d="M42 66 C26 52 12 60 16 72 C26 68 34 70 42 66 Z" fill="#86bb6c" stroke="#33521f" stroke-width="2.5"/>
</symbol>`;

const CUP = `<symbol id="art-cups" viewBox="0 0 100 100">
<path d="M20 14 H80 C80 48 66 60 50 60 C34 60 20 48 20 14 Z" fill="#e8c25a" stroke="#7a5716" stroke-width="3"/>
<path d="M26 22 H74" stroke="#fff1c0" stroke-width="3" stroke-linecap="round"/>
<rect x="45" y="59" width="10" height="22" fill="#d6ab43" stroke="#7a5716" stroke-width="2.5"/>
<ellipse cx="50" cy="86" rx="22" ry="7" fill="#e8c25a" stroke="#7a5716" stroke-width="3"/>
</symbol>`;

const SWORD = `<symbol id="art-swords" viewBox="0 0 100 100">
<path d="M50 3 L56 14 V66 H44 V14 Z" fill="#e4eaf1" stroke="#4d5b6d" stroke-width="2.5" stroke-linejoin="round"/>
<path d="M50 12 V62" stroke="#9aa7b8" stroke-width="2"/>
<rect x="28" y="65" width="44" height="8" rx="4" fill="#d9b45a" stroke="#6e5518" stroke-width="2"/>
<rect x="46" y="73" width="8" height="16" fill="#7b4b2a" stroke="#3f2412" stroke-width="2"/>
<circle cx="50" cy="93" r="5.5" fill="#d9b45a" stroke="#6e5518" stroke-width="2"/>
</symbol>`;

const PENTACLE = `<symbol id="art-pentacles" viewBox="0 0 100 100">
<circle cx="50" cy="50" r="44" fill="#e3c05a" stroke="#6f5214" stroke-width="3"/>
<circle cx="50" cy="50" r="35" fill="none" stroke="#6f5214" stroke-width="2.5"/>
<polygon points="${star(50, 52, 31, 12, 5)}" fill="#fff0bf" stroke="#6f5214" stroke-width="2.5" stroke-linejoin="round"/>
</symbol>`;

const SUN = `<symbol id="art-major" viewBox="0 0 100 100">
${rays(16)}
<circle cx="50" cy="50" r="24" fill="#f6d56e" stroke="#a8741c" stroke-width="2.5"/>
<circle cx="50" cy="50" r="17" fill="none" stroke="#a8741c" stroke-width="1.5"/>
<polygon points="${star(50, 50, 13, 5, 8)}" fill="#fff6d8"/>
</symbol>`;

const GLOW = `<radialGradient id="art-glow"><stop offset="0" stop-color="#fff3c4" stop-opacity="0.45"/><stop offset="1" stop-color="#fff3c4" stop-opacity="0"/></radialGradient>`;

/** Everything the cards refer to, for the picture's <defs>. */
export function cardDefinitions(): string {
  const gradients = (Object.keys(GRADIENTS) as ArtKey[]).map((key) => {
    const [top, bottom] = GRADIENTS[key];
    return `<linearGradient id="card-${key}" x1="0" y1="0" x2="0.3" y2="1"><stop offset="0" stop-color="${top}"/><stop offset="1" stop-color="${bottom}"/></linearGradient>`;
  });
  return [...gradients, GLOW, WAND, CUP, SWORD, PENTACLE, SUN].join('\n');
}

/** A crown with `points` spikes (two for a page up to five for a king), width 44, height 22, centred on (cx, cy). */
export function crown(cx: number, cy: number, points: number): string {
  const left = cx - 22;
  const step = 44 / points;
  const outline = [`${left},${cy + 11}`];
  for (let i = 0; i < points; i += 1) {
    outline.push(`${round(left + i * step + step / 2)},${cy - 11}`, `${round(left + (i + 1) * step)},${cy + 2}`);
  }
  outline.push(`${cx + 22},${cy + 11}`);
  return `<polygon points="${outline.join(' ')}" fill="#e8c25a" stroke="#6f5214" stroke-width="1.6" stroke-linejoin="round"/>`;
}

/** Pip centres for minor cards two to ten, in a unit box: the familiar playing-card arrangements. */
export function pipPositions(count: number): Array<[number, number]> {
  const L = 0.15;
  const C = 0.5;
  const R = 0.85;
  const pairs = (ys: number[]): Array<[number, number]> => ys.flatMap((y): Array<[number, number]> => [[L, y], [R, y]]);
  switch (count) {
    case 2:
      return [[C, 0.1], [C, 0.9]];
    case 3:
      return [[C, 0.08], [C, 0.5], [C, 0.92]];
    case 4:
      return pairs([0.12, 0.88]);
    case 5:
      return [...pairs([0.12, 0.88]), [C, 0.5]];
    case 6:
      return pairs([0.08, 0.5, 0.92]);
    case 7:
      return [...pairs([0.08, 0.5, 0.92]), [C, 0.29]];
    case 8:
      return [...pairs([0.08, 0.5, 0.92]), [C, 0.29], [C, 0.71]];
    case 9:
      return [...pairs([0.06, 0.35, 0.65, 0.94]), [C, 0.5]];
    default:
      return [...pairs([0.06, 0.35, 0.65, 0.94]), [C, 0.2], [C, 0.8]];
  }
}

function star(cx: number, cy: number, outer: number, inner: number, points: number): string {
  const corners: string[] = [];
  for (let i = 0; i < points * 2; i += 1) {
    const radius = i % 2 === 0 ? outer : inner;
    const angle = (Math.PI * i) / points - Math.PI / 2;
    corners.push(`${round(cx + radius * Math.cos(angle))},${round(cy + radius * Math.sin(angle))}`);
  }
  return corners.join(' ');
}

function rays(count: number): string {
  const shapes: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const angle = (2 * Math.PI * i) / count;
    const length = i % 2 === 0 ? 47 : 38;
    const spread = Math.PI / count / 1.6;
    const tip = [50 + length * Math.sin(angle), 50 - length * Math.cos(angle)];
    const left = [50 + 20 * Math.sin(angle - spread), 50 - 20 * Math.cos(angle - spread)];
    const right = [50 + 20 * Math.sin(angle + spread), 50 - 20 * Math.cos(angle + spread)];
    shapes.push(`<polygon points="${[left, tip, right].map(([x, y]) => `${round(x)},${round(y)}`).join(' ')}" fill="#f2b84b"/>`);
  }
  return shapes.join('');
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
