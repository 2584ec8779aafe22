/**
 * What each position of each spread does in a reading. A card is read through its position's
 * role: the same Sun is encouragement in "Advice", a glare in "Challenge", a person in "The
 * Other Person". Language-independent; the phrasing of each role lives in the phrase books.
 */
export const POSITION_ROLES = [
  'focus',
  'situation',
  'theme',
  'challenge',
  'past',
  'foundation',
  'future',
  'outcome',
  'aim',
  'self',
  'other',
  'bond',
  'environment',
  'hopes_fears',
  'strength',
  'advice',
  'lesson',
  'shadow',
  'wound',
  'period',
  'area',
] as const;
export type PositionRole = (typeof POSITION_ROLES)[number];

/** The life areas a position (or a question) can be about; each has its own reading of every card. */
export type LifeArea = 'love' | 'work' | 'money' | 'self';

export interface PositionSpec {
  role: PositionRole;
  /** For `area` positions: which reading of the card applies. */
  area?: LifeArea;
  /** For timeline positions, their unit; the order is the spread's own. */
  period?: 'day' | 'week' | 'month' | 'stage';
}

const p = (role: PositionRole, extra: Omit<PositionSpec, 'role'> = {}): PositionSpec => ({ role, ...extra });
const day = p('period', { period: 'day' });
const week = p('period', { period: 'week' });
const month = p('period', { period: 'month' });

const SPREAD_ROLES: Record<string, Record<string, PositionSpec>> = {
  single: { focus: p('focus') },
  daily: { card_of_the_day: p('focus') },
  three_card: { past: p('past'), present: p('situation'), future: p('future') },
  celtic_cross: {
    present: p('situation'),
    challenge: p('challenge'),
    foundation: p('foundation'),
    recent_past: p('past'),
    crown: p('aim'),
    near_future: p('future'),
    self: p('self'),
    environment: p('environment'),
    hopes_fears: p('hopes_fears'),
    outcome: p('outcome'),
  },
  relationship: { you: p('self'), partner: p('other'), connection: p('bond'), challenge: p('challenge'), potential: p('outcome') },
  career: { current_role: p('situation'), strengths: p('strength'), obstacles: p('challenge'), next_step: p('advice') },
  week_ahead: { monday: day, tuesday: day, wednesday: day, thursday: day, friday: day, saturday: day, sunday: day },
  monthly_guidance: {
    theme: p('theme'),
    week_1: week,
    week_2: week,
    week_3: week,
    week_4: week,
    work: p('area', { area: 'work' }),
    love: p('area', { area: 'love' }),
    health_energy: p('area', { area: 'self' }),
    money: p('area', { area: 'money' }),
    growth: p('lesson'),
    challenge: p('challenge'),
    outcome: p('outcome'),
  },
  yearly_path: {
    theme: p('theme'),
    ...Object.fromEntries(
      ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'].map((m) => [m, month]),
    ),
  },
  life_path: {
    roots: p('foundation', { period: 'stage' }),
    childhood: p('past', { period: 'stage' }),
    inheritance: p('foundation'),
    gifts: p('strength'),
    wounds: p('wound'),
    lessons: p('lesson'),
    turning_points: p('past', { period: 'stage' }),
    relationships: p('area', { area: 'love' }),
    calling: p('area', { area: 'work' }),
    shadow: p('shadow'),
    present_self: p('self', { period: 'stage' }),
    hidden_potential: p('strength'),
    next_chapter: p('future', { period: 'stage' }),
    purpose: p('aim'),
    legacy: p('outcome', { period: 'stage' }),
  },
};

/** Positions an operator added get a role from their key when it names one, else "situation". */
const BY_KEY: Record<string, PositionSpec> = {
  present: p('situation'),
  past: p('past'),
  future: p('future'),
  outcome: p('outcome'),
  challenge: p('challenge'),
  obstacle: p('challenge'),
  obstacles: p('challenge'),
  advice: p('advice'),
  foundation: p('foundation'),
  hopes_fears: p('hopes_fears'),
  environment: p('environment'),
  self: p('self'),
  you: p('self'),
  partner: p('other'),
};

export function positionSpec(spreadKey: string, positionKey: string): PositionSpec {
  const own = Object.hasOwn(SPREAD_ROLES, spreadKey) ? SPREAD_ROLES[spreadKey][positionKey] : undefined;
  return own ?? (Object.hasOwn(BY_KEY, positionKey) ? BY_KEY[positionKey] : p('situation'));
}

/** Chapters of the larger spreads, by their positions; a chapter's title is in the phrase books. */
export const SPREAD_CHAPTERS: Record<string, { key: string; positions: string[] }[]> = {
  celtic_cross: [
    { key: 'heart', positions: ['present', 'challenge'] },
    { key: 'roots', positions: ['foundation', 'recent_past'] },
    { key: 'horizon', positions: ['crown', 'near_future'] },
    { key: 'world', positions: ['self', 'environment', 'hopes_fears'] },
    { key: 'outcome', positions: ['outcome'] },
  ],
  week_ahead: [
    { key: 'week_start', positions: ['monday', 'tuesday'] },
    { key: 'midweek', positions: ['wednesday', 'thursday', 'friday'] },
    { key: 'weekend', positions: ['saturday', 'sunday'] },
  ],
  monthly_guidance: [
    { key: 'month_theme', positions: ['theme'] },
    { key: 'weeks', positions: ['week_1', 'week_2', 'week_3', 'week_4'] },
    { key: 'areas', positions: ['work', 'love', 'health_energy', 'money', 'growth'] },
    { key: 'month_end', positions: ['challenge', 'outcome'] },
  ],
  yearly_path: [
    { key: 'year_theme', positions: ['theme'] },
    { key: 'winter_spring', positions: ['january', 'february', 'march'] },
    { key: 'spring_summer', positions: ['april', 'may', 'june'] },
    { key: 'summer_autumn', positions: ['july', 'august', 'september'] },
    { key: 'autumn_winter', positions: ['october', 'november', 'december'] },
  ],
  life_path: [
    { key: 'origins', positions: ['roots', 'childhood', 'inheritance'] },
    { key: 'gifts_wounds', positions: ['gifts', 'wounds', 'lessons', 'turning_points'] },
    { key: 'love_work', positions: ['relationships', 'calling'] },
    { key: 'depths', positions: ['shadow', 'present_self', 'hidden_potential'] },
    { key: 'road_ahead', positions: ['next_chapter', 'purpose', 'legacy'] },
  ],
};

/** Pairs of positions a reader reads against each other, most telling first (the Celtic Cross's classic crossings). */
export const POSITION_PAIRS: Record<string, [string, string, string][]> = {
  celtic_cross: [
    ['present', 'challenge', 'crossing'],
    ['foundation', 'crown', 'below_above'],
    ['recent_past', 'near_future', 'before_after'],
  ],
  relationship: [
    ['you', 'partner', 'mirror'],
    ['connection', 'challenge', 'bond_strain'],
  ],
  career: [['strengths', 'obstacles', 'strength_obstacle']],
  monthly_guidance: [['challenge', 'outcome', 'strain_result']],
  life_path: [
    ['wounds', 'gifts', 'wound_gift'],
    ['shadow', 'hidden_potential', 'shadow_potential'],
    ['roots', 'legacy', 'roots_legacy'],
  ],
};
