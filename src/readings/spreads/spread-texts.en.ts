import type { SpreadText } from './spread-text';

/** English texts of every spread; position keys are listed in draw order. */
export const SPREAD_TEXTS_EN: Record<string, SpreadText> = {
  single: {
    name: 'Single Card',
    description: 'One card, one clear message for the question on your mind.',
    positions: {
      focus: {
        name: 'The Focus',
        meaning: 'the heart of your question and the message most worth hearing right now',
      },
    },
  },

  three_card: {
    name: 'Past · Present · Future',
    description:
      'Three cards that trace where you have been, where you stand and where you are heading.',
    positions: {
      past: {
        name: 'Past',
        meaning: 'the events and choices behind you that still colour the situation',
      },
      present: {
        name: 'Present',
        meaning: 'where things stand now and the energy you are working with today',
      },
      future: {
        name: 'Future',
        meaning: 'the direction things are taking if the current course is kept',
      },
    },
  },

  celtic_cross: {
    name: 'Celtic Cross',
    description: 'The classic ten-card spread for a deep, many-sided look at one situation.',
    positions: {
      present: {
        name: 'The Present',
        meaning: 'the heart of the matter as it stands at this moment',
      },
      challenge: {
        name: 'The Challenge',
        meaning: 'what crosses you: the obstacle or tension you must meet',
      },
      foundation: {
        name: 'The Foundation',
        meaning: 'what is quietly shaping the situation beneath the surface',
      },
      recent_past: {
        name: 'The Recent Past',
        meaning: 'what is just passing away and loosening its hold',
      },
      crown: {
        name: 'The Crown',
        meaning: 'your conscious aim and the best that can be reached here',
      },
      near_future: {
        name: 'The Near Future',
        meaning: 'what is approaching in the weeks ahead',
      },
      self: {
        name: 'Yourself',
        meaning: 'how you see yourself and the attitude you bring to the situation',
      },
      environment: {
        name: 'Your Surroundings',
        meaning: 'the people and circumstances around you and how they bear on the matter',
      },
      hopes_fears: {
        name: 'Hopes and Fears',
        meaning: 'what you secretly hope for and what you fear, often two sides of one wish',
      },
      outcome: {
        name: 'The Outcome',
        meaning: 'where all of these threads are leading if nothing changes',
      },
    },
  },

  relationship: {
    name: 'Relationship',
    description: 'Five cards on the bond between you and another person, and where it can grow.',
    positions: {
      you: {
        name: 'You',
        meaning: 'what you bring to this relationship and how you feel within it',
      },
      partner: {
        name: 'The Other Person',
        meaning: 'what the other person brings and how they may be experiencing things',
      },
      connection: {
        name: 'The Connection',
        meaning: 'the living bond between you and what holds it together',
      },
      challenge: {
        name: 'The Challenge',
        meaning: 'the friction or unspoken issue that asks for attention between you',
      },
      potential: {
        name: 'The Potential',
        meaning: 'what this relationship can become if both of you tend it',
      },
    },
  },

  career: {
    name: 'Career Path',
    description: 'Four cards on your work: where you are, what you have and the next step to take.',
    positions: {
      current_role: {
        name: 'Where You Stand',
        meaning: 'your present work situation and how it truly feels to you',
      },
      strengths: {
        name: 'Your Strengths',
        meaning: 'the skills and qualities you can lean on in your working life',
      },
      obstacles: {
        name: 'The Obstacles',
        meaning: 'what is blocking or slowing your progress, inside you or around you',
      },
      next_step: {
        name: 'The Next Step',
        meaning: 'the practical move that would carry your career forward now',
      },
    },
  },

  week_ahead: {
    name: 'Week Ahead',
    description: 'A card for each day, to meet the coming week with a little foresight.',
    positions: {
      monday: {
        name: 'Monday',
        meaning: 'the tone of Monday and how best to open the week',
      },
      tuesday: {
        name: 'Tuesday',
        meaning: 'the energy of Tuesday and where your effort is best spent',
      },
      wednesday: {
        name: 'Wednesday',
        meaning: 'the midweek turn on Wednesday and what needs balancing',
      },
      thursday: {
        name: 'Thursday',
        meaning: 'what Thursday brings forward and what it asks of you',
      },
      friday: {
        name: 'Friday',
        meaning: 'how Friday closes the working week and what it rewards',
      },
      saturday: {
        name: 'Saturday',
        meaning: 'the mood of Saturday and what will truly refresh you',
      },
      sunday: {
        name: 'Sunday',
        meaning: 'the quiet of Sunday and what to carry over into the next week',
      },
    },
  },

  monthly_guidance: {
    name: 'Month Ahead',
    description: 'Twelve cards mapping the month: its theme, each week and every part of life.',
    positions: {
      theme: {
        name: 'Theme of the Month',
        meaning: 'the overarching lesson and energy running through the whole month',
      },
      week_1: {
        name: 'First Week',
        meaning: 'how the month opens and what the first week sets in motion',
      },
      week_2: {
        name: 'Second Week',
        meaning: 'what builds during the second week and where to put your attention',
      },
      week_3: {
        name: 'Third Week',
        meaning: 'the turning point of the third week and what it asks you to adjust',
      },
      week_4: {
        name: 'Fourth Week',
        meaning: 'how the month winds down and what the final week brings to a close',
      },
      work: {
        name: 'Work',
        meaning: 'your working life this month, its tasks and its opportunities',
      },
      love: {
        name: 'Love',
        meaning: 'your heart and close relationships over the coming month',
      },
      health_energy: {
        name: 'Energy and Wellbeing',
        meaning: 'your vitality this month and how to look after your energy',
      },
      money: {
        name: 'Money',
        meaning: 'your material world this month and a wise attitude towards resources',
      },
      growth: {
        name: 'Personal Growth',
        meaning: 'the inner growth this month invites and the habit worth building',
      },
      challenge: {
        name: 'The Challenge',
        meaning: 'the main difficulty of the month and how to meet it with grace',
      },
      outcome: {
        name: 'The Outcome',
        meaning: 'what you can expect to hold in your hands as the month ends',
      },
    },
  },

  yearly_path: {
    name: 'Year Ahead',
    description: 'A card for the year as a whole and one for each month, to plan your path ahead.',
    positions: {
      theme: {
        name: 'Theme of the Year',
        meaning: 'the great lesson and guiding energy of the year as a whole',
      },
      january: {
        name: 'January',
        meaning: 'fresh beginnings in January and the intention to set',
      },
      february: {
        name: 'February',
        meaning: 'what February asks you to nurture while things are still quiet',
      },
      march: {
        name: 'March',
        meaning: 'the first stirrings of change in March and what starts to grow',
      },
      april: {
        name: 'April',
        meaning: 'the momentum of April and where to direct your growing energy',
      },
      may: {
        name: 'May',
        meaning: 'what comes into bloom in May and what deserves your delight',
      },
      june: {
        name: 'June',
        meaning: 'the fullness of June and the connections that matter most',
      },
      july: {
        name: 'July',
        meaning: 'the peak of summer in July and what to enjoy or rest into',
      },
      august: {
        name: 'August',
        meaning: 'what ripens in August and the rewards of earlier effort',
      },
      september: {
        name: 'September',
        meaning: 'the return to focus in September and what to take up again',
      },
      october: {
        name: 'October',
        meaning: 'the harvest and letting go of October, and what to release',
      },
      november: {
        name: 'November',
        meaning: 'the inward turn of November and what reflection will reveal',
      },
      december: {
        name: 'December',
        meaning: 'how the year closes in December and what you carry into the next',
      },
    },
  },

  life_path: {
    name: 'Life Path',
    description:
      'Fifteen cards on the story of your life: your roots, your gifts and your purpose.',
    positions: {
      roots: {
        name: 'Roots',
        meaning: 'the soil you grew from: family, place and the values you were given',
      },
      childhood: {
        name: 'Childhood',
        meaning: 'the early experiences that formed your first sense of yourself',
      },
      inheritance: {
        name: 'Inherited Patterns',
        meaning: 'the habits and beliefs passed down to you that still shape your choices',
      },
      gifts: {
        name: 'Natural Gifts',
        meaning: 'the talents you were born with and the light you naturally bring',
      },
      wounds: {
        name: 'Old Wounds',
        meaning: 'the hurts you have carried and the tenderness they left behind',
      },
      lessons: {
        name: 'Life Lessons',
        meaning: 'the lessons your life keeps returning to until they are learned',
      },
      turning_points: {
        name: 'Turning Points',
        meaning: 'the crossroads that changed your course and what they taught you',
      },
      relationships: {
        name: 'Relationships',
        meaning: 'the way you love and connect, and what others mirror back to you',
      },
      calling: {
        name: 'Work and Calling',
        meaning: 'the work that gives you meaning and the contribution you are drawn to',
      },
      shadow: {
        name: 'The Shadow',
        meaning: 'the hidden side of yourself that asks to be seen and accepted',
      },
      present_self: {
        name: 'Who You Are Now',
        meaning: 'the person you have become and where you stand on your path today',
      },
      hidden_potential: {
        name: 'Hidden Potential',
        meaning: 'the untapped strength within you that is waiting to be used',
      },
      next_chapter: {
        name: 'The Next Chapter',
        meaning: 'the season of life that is opening before you',
      },
      purpose: {
        name: 'Purpose',
        meaning: 'the deeper reason that runs through your life and gives it direction',
      },
      legacy: {
        name: 'Legacy',
        meaning: 'what you will leave behind in others and in the world',
      },
    },
  },

  daily: {
    name: 'Card of the Day',
    description: 'Your free card for today, the same one all day long.',
    positions: {
      card_of_the_day: {
        name: 'Card of the Day',
        meaning: 'the energy of today and the one thing worth keeping in mind',
      },
    },
  },
};

/** Position keys of each spread, in draw order, to check the catalogue against. */
export const SPREAD_POSITION_KEYS: Record<string, string[]> = Object.fromEntries(
  Object.entries(SPREAD_TEXTS_EN).map(([key, text]) => [key, Object.keys(text.positions)]),
);
