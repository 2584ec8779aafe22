// The project's own card art: suit emblems and an emblem for each major arcana card, drawn as plain shapes
// in 100×100 boxes and placed with <use>; one background gradient per suit.

export type ArtKey = 'wands' | 'cups' | 'swords' | 'pentacles' | 'major';
/** A major arcana card's own emblem: `major-0` (the Fool) to `major-21` (the World). */
export type EmblemKey = ArtKey | `major-${number}`;

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

const GOLD = '#f2c45a';
const GOLD_DARK = '#8a5a16';
const CREAM = '#fff3cf';
const sym = (n: number, body: string): string => `<symbol id="art-major-${n}" viewBox="0 0 100 100">${body}</symbol>`;
const line = (d: string, width = 5, colour = GOLD): string => `<path d="${d}" fill="none" stroke="${colour}" stroke-width="${width}" stroke-linecap="round" stroke-linejoin="round"/>`;
const shape = (d: string, fill = GOLD): string => `<path d="${d}" fill="${fill}" stroke="${GOLD_DARK}" stroke-width="2.5" stroke-linejoin="round"/>`;
const circle = (cx: number, cy: number, r: number, fill = GOLD): string => `<circle cx="${cx}" cy="${cy}" r="${r}" fill="${fill}" stroke="${GOLD_DARK}" stroke-width="2.5"/>`;

/** One emblem per major arcana card, 0 (the Fool) to 21 (the World), each from the card's own imagery. */
const MAJOR_EMBLEMS: string[] = [
  // 0 The Fool: the bundle on a stick, the step over the edge, the white rose.
  sym(0, `${line('M22 84 L70 18')}${circle(72, 20, 11)}${line('M8 92 H48 L56 78', 4, CREAM)}${circle(30, 40, 8, CREAM)}${circle(30, 40, 3.5)}`),
  // 1 The Magician: the lemniscate over the raised wand.
  sym(1, `${line('M50 50 C38 30 18 30 18 42 C18 54 38 54 50 42 C62 30 82 30 82 42 C82 54 62 54 50 42', 5)}${line('M50 56 V94', 7, CREAM)}${circle(50, 56, 5)}`),
  // 2 The High Priestess: two pillars and the moon between them.
  sym(2, `${shape('M12 16 H28 V92 H12 Z', '#3b3358')}${shape('M72 16 H88 V92 H72 Z', CREAM)}${shape('M58 32 A18 18 0 1 0 58 72 A14 14 0 1 1 58 32 Z')}`),
  // 3 The Empress: the sign of Venus crowned with wheat.
  sym(3, `${circle(50, 38, 20, 'none')}${line('M50 58 V92 M36 76 H64', 6)}${line('M30 20 L36 8 M50 16 V4 M70 20 L64 8', 4, CREAM)}`),
  // 4 The Emperor: the throne's ram and the ankh sceptre.
  sym(4, `${shape('M22 92 V34 L32 22 L50 34 L68 22 L78 34 V92 Z', '#7a3a22')}${circle(50, 46, 9, 'none')}${line('M50 55 V86 M38 66 H62', 6, CREAM)}`),
  // 5 The Hierophant: the triple cross.
  sym(5, `${line('M50 6 V94', 7)}${line('M38 20 H62 M32 34 H68 M26 48 H74', 6)}`),
  // 6 The Lovers: two hearts, one answering the other.
  sym(6, `${shape('M36 78 C14 62 10 46 18 36 C26 26 36 30 36 40 C36 30 46 26 54 36 C62 46 58 62 36 78 Z', '#e8737a')}${shape('M64 70 C44 56 40 42 48 33 C55 24 64 28 64 37 C64 28 73 24 80 33 C88 42 84 56 64 70 Z')}`),
  // 7 The Chariot: the canopy of stars over the car and its wheels.
  sym(7, `${shape('M20 40 H80 V70 H20 Z', '#4a5a8c')}${line('M18 36 Q50 10 82 36', 5)}${circle(30, 78, 10, CREAM)}${circle(70, 78, 10, CREAM)}${circle(50, 54, 5)}`),
  // 8 Strength: the lion, tamed.
  sym(8, `${Array.from({ length: 12 }, (_, i) => { const a = (i * Math.PI) / 6; return circle(round(50 + 30 * Math.cos(a)), round(54 + 30 * Math.sin(a)), 10, '#d98a2b'); }).join('')}${circle(50, 54, 24)}${circle(41, 48, 3, GOLD_DARK)}${circle(59, 48, 3, GOLD_DARK)}${shape('M44 60 H56 L50 68 Z', GOLD_DARK)}${line('M38 24 C44 14 56 14 62 24', 4, CREAM)}`),
  // 9 The Hermit: the lantern with its star, on the staff.
  sym(9, `${line('M30 8 V94', 5, CREAM)}${line('M30 20 H54', 3, CREAM)}${shape('M44 24 H76 L80 64 H40 Z', '#3b3358')}<polygon points="${star(60, 44, 13, 5, 6)}" fill="${CREAM}"/>`),
  // 10 The Wheel of Fortune: the eight-spoked wheel.
  sym(10, `${circle(50, 50, 40, 'none')}${circle(50, 50, 12)}${Array.from({ length: 8 }, (_, i) => { const a = (i * Math.PI) / 4; return line(`M${round(50 + 12 * Math.cos(a))} ${round(50 + 12 * Math.sin(a))} L${round(50 + 40 * Math.cos(a))} ${round(50 + 40 * Math.sin(a))}`, 4); }).join('')}`),
  // 11 Justice: the scales.
  sym(11, `${line('M50 12 V88 M34 90 H66', 6)}${line('M16 28 H84', 5)}${shape('M6 56 L16 30 L26 56 Z', CREAM)}${shape('M74 56 L84 30 L94 56 Z', CREAM)}${line('M4 58 H28 M72 58 H96', 5)}`),
  // 12 The Hanged Man: the living tree and the figure hanging calm, upside down.
  sym(12, `${line('M14 12 H86 M26 12 V94 M74 12 V94', 7, '#6a9a52')}${line('M50 12 V36', 4, CREAM)}${circle(50, 76, 9, CREAM)}${shape('M40 36 H60 L56 64 H44 Z', '#4a5a8c')}`),
  // 13 Death: the scythe.
  sym(13, `${line('M30 94 L62 10', 7, CREAM)}${shape('M62 10 C86 10 96 30 92 46 C84 32 72 26 56 26 Z', '#d8dde6')}`),
  // 14 Temperance: water poured from one cup into the other.
  sym(14, `${shape('M8 20 H38 L34 44 H12 Z', CREAM)}${shape('M62 56 H92 L88 80 H66 Z', CREAM)}${line('M34 30 C56 30 70 40 76 56', 5, '#7fb8e8')}${line('M22 44 V54 M78 80 V90', 5)}`),
  // 15 The Devil: the inverted star, and the chain below it.
  sym(15, `<polygon points="${star(50, 44, 36, 14, 5, true)}" fill="#b3423a" stroke="${GOLD_DARK}" stroke-width="2.5" stroke-linejoin="round"/>${line('M30 90 H70', 4, CREAM)}${circle(38, 90, 5, 'none')}${circle(62, 90, 5, 'none')}`),
  // 16 The Tower: the tower struck by lightning, its crown thrown off.
  sym(16, `${shape('M34 94 V30 H66 V94 Z', '#7a6a5a')}${shape('M30 30 L36 18 L44 26 L50 14 L56 26 L64 18 L70 30 Z')}${shape('M70 4 L54 36 H66 L52 66 L80 26 H66 L78 4 Z', CREAM)}`),
  // 17 The Star: the great star and the seven small ones.
  sym(17, `<polygon points="${star(50, 44, 34, 10, 8)}" fill="${CREAM}" stroke="${GOLD_DARK}" stroke-width="2"/>${[18, 34, 50, 66, 82].map((x, i) => `<polygon points="${star(x, i % 2 ? 88 : 82, 6, 2.5, 8)}" fill="${GOLD}"/>`).join('')}`),
  // 18 The Moon: the moon over the path, its dew falling.
  sym(18, `${shape('M62 12 A34 34 0 1 0 62 78 A26 26 0 1 1 62 12 Z', '#cfd6ee')}${[30, 44, 58].map((x, i) => shape(`M${x} ${84 - i * 4} q4 -8 8 0 q-4 6 -8 0 Z`, '#7fb8e8')).join('')}`),
  // 19 The Sun.
  sym(19, `${rays(16)}<circle cx="50" cy="50" r="24" fill="#f6d56e" stroke="#a8741c" stroke-width="2.5"/><circle cx="50" cy="50" r="17" fill="none" stroke="#a8741c" stroke-width="1.5"/><polygon points="${star(50, 50, 13, 5, 8)}" fill="#fff6d8"/>`),
  // 20 Judgement: the angel's trumpet and its banner.
  sym(20, `${shape('M12 70 L70 30 L78 40 L22 80 Z', GOLD)}${shape('M70 30 C82 16 96 22 92 34 C88 44 80 42 78 40 Z')}${shape('M30 64 V92 H54 V74 Z', CREAM)}${line('M42 70 V88 M34 79 H50', 3, '#b3423a')}`),
  // 21 The World: the laurel wreath around the dancer's star.
  sym(21, `<ellipse cx="50" cy="50" rx="30" ry="42" fill="none" stroke="#6a9a52" stroke-width="9"/><ellipse cx="50" cy="50" rx="30" ry="42" fill="none" stroke="#a9d18e" stroke-width="3" stroke-dasharray="6 5"/><polygon points="${star(50, 50, 16, 7, 5)}" fill="${CREAM}" stroke="${GOLD_DARK}" stroke-width="2"/>`),
];

const GLOW = `<radialGradient id="art-glow"><stop offset="0" stop-color="#fff3c4" stop-opacity="0.45"/><stop offset="1" stop-color="#fff3c4" stop-opacity="0"/></radialGradient>`;

/** Everything the cards refer to, for the picture's <defs>. */
export function cardDefinitions(): string {
  const gradients = (Object.keys(GRADIENTS) as ArtKey[]).map((key) => {
    const [top, bottom] = GRADIENTS[key];
    return `<linearGradient id="card-${key}" x1="0" y1="0" x2="0.3" y2="1"><stop offset="0" stop-color="${top}"/><stop offset="1" stop-color="${bottom}"/></linearGradient>`;
  });
  return [...gradients, GLOW, WAND, CUP, SWORD, PENTACLE, ...MAJOR_EMBLEMS].join('\n');
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

function star(cx: number, cy: number, outer: number, inner: number, points: number, inverted = false): string {
  const corners: string[] = [];
  for (let i = 0; i < points * 2; i += 1) {
    const radius = i % 2 === 0 ? outer : inner;
    const angle = (Math.PI * i) / points + (inverted ? Math.PI / 2 : -Math.PI / 2);
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
