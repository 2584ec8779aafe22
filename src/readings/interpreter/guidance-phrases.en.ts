import { list, quote, quoteAtEnd, the, turned, Turned as T, The as B } from './grammar.en';
import type { GuidancePhrases } from './phrase-book';

const SUBJECTS: Record<string, string> = {
  love: 'love',
  relationship: 'your relationship',
  career: 'your work',
  money: 'money',
  wellbeing: 'your wellbeing',
  growth: 'your own growth',
  general: 'the days ahead',
};

export const GUIDANCE_EN: GuidancePhrases = {
  question: [
    (c) => `You asked: ${quoteAtEnd(c.question)}`,
    (c) => `Let us come back to your question: ${quoteAtEnd(c.question)}`,
    (c) => `Your question was ${quoteAtEnd(c.question)}`,
    (c) => `You came to the cards with this: ${quoteAtEnd(c.question)}`,
    (c) => `Back to what you asked, ${quoteAtEnd(c.question)}`,
  ],
  noQuestion: [
    (c) => `You did not ask a specific question, so read this as guidance for ${SUBJECTS[c.subject]}, with ${the(c.card)} as its compass.`,
    (c) => `Without a set question, let ${the(c.card)} speak to whatever is most on your mind about ${SUBJECTS[c.subject]}.`,
    (c) => `No question was asked, so take ${the(c.card)} as the thread for ${SUBJECTS[c.subject]}.`,
  ],
  yesNo: {
    yes: [
      (c) => `The cards say yes, and ${turned(c.card)} says it most clearly.`,
      (c) => `The answer leans firmly towards yes, with ${turned(c.card)} leading the way.`,
      (c) => `Yes: the spread is on your side, above all ${turned(c.card)}.`,
      (c) => `Read as a whole, this is a yes, and ${turned(c.card)} confirms it.`,
    ],
    lean_yes: [
      (c) => `The cards lean towards yes, though not without conditions; ${turned(c.card)} shows which.`,
      (c) => `More yes than no, with ${turned(c.card)} as the deciding voice, but it depends on how you go about it.`,
      (c) => `A cautious yes: ${turned(c.card)} opens the door, and the rest of the spread asks you to walk through it carefully.`,
      (c) => `The balance tips towards yes, mostly thanks to ${turned(c.card)}.`,
    ],
    open: [
      (c) => `The cards do not give a clean yes or no; ${turned(c.card)} suggests the answer is still being shaped by what you do.`,
      (c) => `Neither yes nor no yet: the spread is evenly weighted, and ${turned(c.card)} says the deciding factor is still in your hands.`,
      (c) => `This is an undecided rather than a yes or a no, and ${turned(c.card)} shows what would tip it.`,
      (c) => `The spread hovers between yes and no; ${turned(c.card)} points to what it turns on.`,
    ],
    lean_no: [
      (c) => `The cards lean towards no, or at least not now and not like this; ${turned(c.card)} explains why.`,
      (c) => `More no than yes: ${turned(c.card)} and its neighbours ask you to wait or change the approach.`,
      (c) => `A cautious no: ${turned(c.card)} shows that something important is not yet in place.`,
      (c) => `The balance tips towards no, with ${turned(c.card)} the clearest voice of caution.`,
    ],
    no: [
      (c) => `The cards say no, at least for now, and ${turned(c.card)} says it most plainly.`,
      (c) => `The answer leans firmly towards no; ${turned(c.card)} is the clearest sign.`,
      (c) => `No, not as things stand: ${turned(c.card)} points away from it.`,
      (c) => `Read as a whole, this is a no, and ${turned(c.card)} is why; it may be protecting you from something.`,
    ],
  },
  reasonsFor: [
    (c) => `Speaking for it: ${list(c.cards.map(turned))}.`,
    (c) => `On the side of yes stand${c.count === 1 ? 's' : ''} ${list(c.cards.map(turned))}.`,
    (c) => `What supports it is ${list(c.cards.map(turned))}.`,
    (c) => `The encouraging ${c.count === 1 ? 'voice is' : 'voices are'} ${list(c.cards.map(turned))}.`,
  ],
  reasonsAgainst: [
    (c) => `Speaking against it: ${list(c.cards.map(turned))}.`,
    (c) => `The reservations come from ${list(c.cards.map(turned))}.`,
    (c) => `What holds it back is ${list(c.cards.map(turned))}.`,
    (c) => `The ${c.count === 1 ? 'voice' : 'voices'} of caution: ${list(c.cards.map(turned))}.`,
  ],
  decision: {
    fire: [
      (c) => `Between your options, the cards favour the bolder one, the path that excites you even if it scares you a little; ${turned(c.card)} backs the leap.`,
      (c) => `Choose the option with more life in it: ${turned(c.card)} favours action over safety here.`,
    ],
    water: [
      (c) => `Between your options, choose the one your heart keeps returning to; ${turned(c.card)} says feeling is the better guide this time.`,
      (c) => `The cards favour the choice that feels right, not the one that merely looks right, and ${turned(c.card)} underlines it.`,
    ],
    air: [
      (c) => `Between your options, choose the one you can explain clearly to yourself; ${turned(c.card)} favours the honest, well-thought-through path.`,
      (c) => `Write the options side by side: ${turned(c.card)} says the clearer, more truthful one is the right choice.`,
    ],
    earth: [
      (c) => `Between your options, the cards favour the steadier one, the choice that will still make sense in a year; ${turned(c.card)} values what lasts.`,
      (c) => `Choose the option that is practical and sustainable; ${turned(c.card)} favours solid ground over quick gains.`,
    ],
    balanced: [
      (c) => `No option wins outright; ${turned(c.card)} suggests the choice that keeps your heart and your practical needs in balance.`,
      (c) => `The cards do not force a decision: ${turned(c.card)} asks you to pick the option that costs you least of yourself.`,
    ],
  },
  timing: {
    fast: [
      (c) => `As for timing, this moves quickly: ${list(c.cards.map(the))} ${c.cards.length === 1 ? 'points' : 'point'} to days or weeks rather than months.`,
      (c) => `Things are moving fast; with ${list(c.cards.map(the))} in the spread, expect developments soon.`,
    ],
    steady: [
      (c) => `As for timing, expect a steady pace, weeks to a few months, as ${list(c.cards.map(the))} ${c.cards.length === 1 ? 'suggests' : 'suggest'}.`,
      (c) => `This unfolds at a natural pace; ${list(c.cards.map(the))} ${c.cards.length === 1 ? 'speaks' : 'speak'} of gradual progress rather than sudden change.`,
    ],
    slow: [
      (c) => `As for timing, patience is needed: ${list(c.cards.map(the))} ${c.cards.length === 1 ? 'points' : 'point'} to months rather than weeks.`,
      (c) => `This is slow to grow; ${list(c.cards.map(the))} ${c.cards.length === 1 ? 'asks' : 'ask'} you to give it a season.`,
    ],
    still: [
      (c) => `As for timing, things are on pause for now: ${list(c.cards.map(the))} ${c.cards.length === 1 ? 'suggests' : 'suggest'} waiting until the situation shifts before expecting movement.`,
      (c) => `The spread is still; ${list(c.cards.map(the))} ${c.cards.length === 1 ? 'says' : 'say'} the right moment has not arrived yet, and forcing it will not help.`,
    ],
  },
  brightestPeriod: [
    (c) => `The most favourable moment comes ${c.place}, with ${turned(c.card)}.`,
    (c) => `If you can choose when, choose the time ${c.place}: ${turned(c.card)} is the brightest card of the spread.`,
    (c) => `Look to the time ${c.place}, when ${turned(c.card)} brings ${c.essence}.`,
  ],
  open: {
    light: [
      (c) => `What you asked comes down to this: ${c.essence}, as ${turned(c.card)} shows, and it is within reach.`,
      (c) => `The short answer is ${turned(c.card)}: ${c.essence}.`,
      (c) => `Everything points towards ${turned(c.card)}: ${c.essence}, if you keep going as you are.`,
      (c) => `The cards answer with ${turned(c.card)}, and the answer is hopeful: ${c.essence}.`,
    ],
    dark: [
      (c) => `What you asked comes down to this: ${c.essence}, as ${turned(c.card)} warns, and that is something you can work with.`,
      (c) => `The honest answer is ${turned(c.card)}: ${c.essence}; the cards show it so you can change it.`,
      (c) => `Everything currently points towards ${turned(c.card)}: ${c.essence}, unless something shifts.`,
      (c) => `The cards answer with ${turned(c.card)}, and it asks for care: ${c.essence}.`,
    ],
  },
  gist: {
    light: [
      (c) => `If the whole spread had to be summed up in one card, it would be ${turned(c.card)}: ${c.essence}.`,
      (c) => `The card that gathers everything up is ${turned(c.card)}, and it is encouraging: ${c.essence}.`,
      (c) => `All of it points towards ${turned(c.card)}: ${c.essence}.`,
    ],
    dark: [
      (c) => `If the whole spread had to be summed up in one card, it would be ${turned(c.card)}: ${c.essence}, which asks for care.`,
      (c) => `The card that gathers everything up is ${turned(c.card)}, and it asks for attention: ${c.essence}.`,
      (c) => `All of it points towards ${turned(c.card)}: ${c.essence}, unless something shifts.`,
    ],
  },
  ally: [
    (c) => `Your best ally in this is ${turned(c.card)}, ${c.place}: ${c.essence}.`,
    (c) => `Lean on what ${turned(c.card)} offers ${c.place}: ${c.essence}.`,
    (c) => `The strongest support in the spread is ${turned(c.card)}: ${c.essence}.`,
    (c) => `When it gets hard, come back to ${turned(c.card)} ${c.place}, and to ${c.essence}.`,
  ],
  watch: [
    (c) => `Keep an eye on ${turned(c.card)} ${c.place}: where it speaks of ${c.essence}, things could slip.`,
    (c) => `The card to watch is ${turned(c.card)}: ${c.essence}.`,
    (c) => `Be careful ${c.place}, where ${turned(c.card)} points to ${c.essence}.`,
    (c) => `The weak spot is ${turned(c.card)} ${c.place}: ${c.essence}.`,
  ],
  answer: {
    hope: [
      (c) => `About what you hope for, you wrote ${quote(c.answer)}, and ${turned(c.card.card)} ${c.card.place} answers it with ${c.card.essence}.`,
      (c) => `You hope for this: ${quoteAtEnd(c.answer)} The card ${c.card.place}, ${turned(c.card.card)}, speaks to that hope: ${c.card.essence}.`,
      (c) => `${T(c.card.card)}, ${c.card.place}, is the cards’ reply to your hope, ${quote(c.answer)}: ${c.card.essence}.`,
    ],
    person: [
      (c) => `This reading is about ${quote(c.answer)}, and ${turned(c.card.card)} shows their side of it: ${c.card.essence}.`,
      (c) => `You told the cards who this is: ${quoteAtEnd(c.answer)} ${T(c.card.card)} stands for them here: ${c.card.essence}.`,
      (c) => `For ${quote(c.answer)}, the card is ${turned(c.card.card)}, and it says of them: ${c.card.essence}.`,
    ],
    obstacle: [
      (c) => `You named what holds you back: ${quoteAtEnd(c.answer)} ${T(c.card.card)} ${c.card.place} shows what is really at work there: ${c.card.essence}.`,
      (c) => `What you said stands in the way, ${quote(c.answer)}, is echoed by ${turned(c.card.card)}: ${c.card.essence}.`,
      (c) => `Set your words, ${quote(c.answer)}, beside ${turned(c.card.card)} ${c.card.place}: the cards read it as ${c.card.essence}.`,
    ],
    strength: [
      (c) => `You wrote ${quote(c.answer)}; ${turned(c.card.card)}, ${c.card.place}, confirms it as a strength: ${c.card.essence}.`,
      (c) => `What you said about yourself, ${quote(c.answer)}, is what ${turned(c.card.card)} ${c.card.place} points to: ${c.card.essence}.`,
      (c) => `Hold on to ${quote(c.answer)}: ${turned(c.card.card)} reads it as ${c.card.essence}.`,
    ],
    plan: [
      (c) => `For ${quote(c.answer)}, look to the card ${c.card.place}: ${turned(c.card.card)} brings ${c.card.essence}.`,
      (c) => `As for ${quote(c.answer)}, the card to follow is ${turned(c.card.card)} ${c.card.place}: ${c.card.essence}.`,
      (c) => `Your plan, ${quote(c.answer)}, meets ${turned(c.card.card)} ${c.card.place}, which suggests ${c.card.essence}.`,
    ],
    brightObstacle: [
      (c) => `You named what holds you back: ${quoteAtEnd(c.answer)} The card in that place is ${turned(c.card.card)}, a bright one, so the snag may be too much of a good thing rather than a wall.`,
      (c) => `What you said stands in the way, ${quote(c.answer)}, sits beside ${turned(c.card.card)}: not a bad card, but one whose excess can hold you back.`,
      (c) => `Set your words, ${quote(c.answer)}, beside ${turned(c.card.card)} ${c.card.place}: the cards read this obstacle through the card’s shadow, not its light.`,
    ],
    value: [
      (c) => `You named ${quote(c.answer)} as what matters most; ${turned(c.card.card)} ${c.card.place} stands for it here: ${c.card.essence}.`,
      (c) => `What you hold to, ${quote(c.answer)}, finds its card ${c.card.place}: ${turned(c.card.card)}, ${c.card.essence}.`,
      (c) => `Keep ${quote(c.answer)} as your touchstone: ${turned(c.card.card)} ${c.card.place} gives it a shape, ${c.card.essence}.`,
    ],
    dated: [
      (c) => `You mentioned ${quote(c.answer)}: the card ${c.card.place} is ${turned(c.card.card)}, ${c.card.essence}, and it sets the tone for it.`,
      (c) => `What you are expecting, ${quote(c.answer)}, comes under ${turned(c.card.card)}: ${c.card.essence}.`,
      (c) => `For ${quote(c.answer)}, the cards have ${turned(c.card.card)} ${c.card.place}: ${c.card.essence}; go into it with that in mind.`,
    ],
    fact: [
      (c) => `You wrote ${quote(c.answer)}; with that in mind, ${turned(c.card.card)} ${c.card.place} reads as ${c.card.essence}.`,
      (c) => `What you shared, ${quote(c.answer)}, gives ${turned(c.card.card)} its context: ${c.card.essence}.`,
      (c) => `Keep your own words, ${quote(c.answer)}, next to ${turned(c.card.card)}: ${c.card.essence}.`,
    ],
  },
  advice: {
    love: {
      fire: [
        () => 'In love, say what you want instead of waiting to be guessed: a clear, warm move now counts for more than a perfect one.',
        () => 'Let desire lead a little in love: suggest the plan, send the message, show your interest plainly.',
      ],
      water: [
        () => 'In love, lead with tenderness and honesty about what you feel; the right person will meet you there.',
        () => 'Give your feelings words: one sincere conversation will tell you more about this love than weeks of wondering.',
      ],
      air: [
        () => 'In love, clarity is kindness: ask the direct question, and listen to the answer rather than to your fears.',
        () => 'Write down what you truly want from love before you talk to anyone; a clear head makes a brave heart.',
      ],
      earth: [
        () => 'In love, watch what is done more than what is said: steady attention and small kept promises are the real signs.',
        () => 'Let love grow at its own pace: time together, practical care and patience will build more than grand gestures.',
      ],
      balanced: [
        () => 'In love, balance what your heart wants with what your head knows, and let both have a say before you act.',
        () => 'Give this love both warmth and honesty: feel it fully, and still look at it clearly.',
      ],
    },
    relationship: {
      fire: [
        () => 'For the two of you, bring some shared adventure back: plan something new together and let the spark have air.',
        () => 'Raise the issue with your partner directly and generously; a frank conversation will clear more than careful silence.',
      ],
      water: [
        () => 'In your relationship, make room for feelings on both sides: listen to understand, not to answer.',
        () => 'Tend the relationship through small tenderness: a touch, a kind word, an evening that belongs only to the two of you.',
      ],
      air: [
        () => 'Talk the relationship through plainly, one topic at a time, and agree on what each of you actually needs.',
        () => 'Name the unspoken thing between you kindly but clearly; relationships suffer more from fog than from honesty.',
      ],
      earth: [
        () => 'Strengthen the everyday of your relationship: shared routines, a fair share of the load and time kept for each other.',
        () => 'Show care for your partner in practical ways this week; between two people, reliability speaks louder than promises.',
      ],
      balanced: [
        () => 'Give the relationship both heart and structure: time to feel close, and clear agreements about the practical things.',
        () => 'Look at what each of you gives and receives in the relationship; small adjustments on both sides will rebalance a lot.',
      ],
    },
    career: {
      fire: [
        () => 'At work, take the initiative: put your idea forward, apply, or ask for the responsibility you want.',
        () => 'Your career moves when you do: choose one bold professional step and take it while the energy is high.',
      ],
      water: [
        () => 'At work, let what you care about guide the choice: meaningful work and good colleagues matter as much as the title.',
        () => 'Pay attention to how your work makes you feel; that feeling is information about where your career should go next.',
      ],
      air: [
        () => 'At work, clarify before you commit: ask the questions, read the terms, and put your case in clear words.',
        () => 'Sharpen your career plan on paper: what you want from your work, what you offer, and what you will say when asked.',
      ],
      earth: [
        () => 'At work, steady effort and visible results will serve you better than a dramatic move; build your case brick by brick.',
        () => 'Focus on your craft and your track record: one solid piece of work will open more doors in your career than ambition alone.',
      ],
      balanced: [
        () => 'In your career, combine a clear plan with a willingness to take one real step; neither works alone.',
        () => 'Weigh the practical side of your work and the meaning it gives you; the right move honours both.',
      ],
    },
    money: {
      fire: [
        () => 'With money, avoid deciding in a rush of excitement: let a bold idea cool for a day before you commit.',
        () => 'Put your money energy into earning rather than worrying: one active step towards income will steady you more than cutting back alone.',
      ],
      water: [
        () => 'With money, notice the feelings behind your spending and saving; comfort buying and fearful hoarding are both worth seeing clearly.',
        () => 'Let generosity and small pleasures have a place in your budget, within limits you set calmly rather than in the moment.',
      ],
      air: [
        () => 'With money, get the facts on paper: what comes in, what goes out, and what you actually owe.',
        () => 'Before any money decision, ask the plain questions and read the small print; clarity is your best protection.',
      ],
      earth: [
        () => 'With money, slow and steady wins: small regular habits will do more for your finances than one big move.',
        () => 'Build your reserves patiently and keep your money plans realistic; the cards reward care here, not luck.',
      ],
      balanced: [
        () => 'With money, keep both sides in view: what you need now and what you want to have later.',
        () => 'Make one practical money decision this week and let the rest wait until you see clearly.',
      ],
    },
    wellbeing: {
      fire: [
        () => 'For your energy, channel restlessness into movement you enjoy, and stop before you burn through your reserves.',
        () => 'Your wellbeing needs both fire and rest: do what lights you up, then let yourself truly switch off.',
      ],
      water: [
        () => 'For your wellbeing, treat your feelings as part of your health: let yourself rest, cry, laugh or talk as needed.',
        () => 'Look after your inner tides: gentle routines, good sleep and kind company will restore your energy more than pushing through.',
      ],
      air: [
        () => 'For your wellbeing, give your mind a break from looping thoughts: write them down, then step away from them.',
        () => 'Protect your energy from overload: fewer inputs, more quiet, and one worry at a time.',
      ],
      earth: [
        () => 'For your wellbeing, go back to the basics: sleep, food, movement and time outdoors.',
        () => 'Your body keeps its own accounts: listen to it, rest when it asks, and rebuild your energy slowly.',
      ],
      balanced: [
        () => 'For your wellbeing, balance rest and activity, company and solitude, and notice what truly restores you.',
        () => 'Treat your energy as something to tend daily rather than spend until it runs out.',
      ],
    },
    growth: {
      fire: [
        () => 'For your growth, follow what genuinely excites you; your path shows itself in what you cannot stop wanting to try.',
        () => 'Take one brave step towards who you want to become, and grow by doing rather than waiting to feel ready.',
      ],
      water: [
        () => 'For your growth, listen inward: what your dreams, moods and longings keep telling you is part of the answer.',
        () => 'Be as gentle with yourself as you are with others; growth happens where you feel safe enough to change.',
      ],
      air: [
        () => 'For your growth, question the story you tell about yourself and try on a truer one.',
        () => 'Grow by learning something deliberately: a book, a teacher, a conversation that stretches how you think.',
      ],
      earth: [
        () => 'For your growth, turn insight into habit: one small daily practice will change more than a dozen resolutions.',
        () => 'Root your growth in real life: what you do each day is who you are becoming.',
      ],
      balanced: [
        () => 'For your growth, honour both reflection and action: understand yourself, then live what you understand.',
        () => 'Notice which part of your life you have been neglecting, and let your growth start there, a little each day.',
      ],
    },
    general: {
      fire: [
        () => 'Choose one concrete step you can take this week, and take it while the energy is there.',
        () => 'Put your energy into action: start something small today instead of waiting for the perfect moment.',
      ],
      water: [
        () => 'Give your feelings room: talk honestly with someone you trust, or write down what you really feel.',
        () => 'Make time for the people who matter; one open, gentle conversation can shift a lot.',
      ],
      air: [
        () => 'Write the situation down plainly; clear thinking and an honest conversation will do more than waiting.',
        () => 'Gather the facts you need, then make a decision and say it out loud.',
      ],
      earth: [
        () => 'Keep it practical: a small, steady routine and a realistic plan will serve you better than a grand gesture.',
        () => 'Break the matter into small, concrete tasks and take the first one this week.',
      ],
      balanced: [
        () => 'Give some time to what you feel, what you think, what you want and what needs doing.',
        () => 'Combine honest reflection with one concrete action, and see which moves things more.',
      ],
    },
  },
  care: {
    wellbeing: [
      () => 'The cards speak to your energy and habits, not to a diagnosis: for anything in your body that worries you, a doctor is the right person to ask.',
      () => 'Take this as a reflection on how you look after yourself; the cards are no substitute for medical care.',
    ],
    money: [
      () => 'The cards can show your attitude to money, not the numbers themselves; for the figures, trust careful checking or a qualified adviser.',
      () => 'Treat this as a reading of your relationship with money, not as financial advice.',
    ],
  },
  closing: [
    (c) => `Carry ${turned(c.card)} with you for a few days, and notice where it shows up.`,
    (c) => `Nothing here is fixed: ${turned(c.card)} describes a current, and you still choose how to swim in it.`,
    (c) => `Let ${the(c.card)} be the image you return to when you need to remember this reading.`,
    (c) => `The cards show tendencies, not certainties; ${the(c.card)} is a companion for the road, not a sentence.`,
    (c) => `Come back to ${the(c.card)} in a few days and see what has changed; you remain the one who decides.`,
    (c) => `Whatever you choose, ${the(c.card)} reminds you that the next step is yours to take.`,
    (c) => `Take what rings true and leave the rest; ${the(c.card)} will make more sense as the days go on.`,
    (c) => `${B(c.card)} is the card to keep in mind; trust yourself to adapt as things unfold.`,
  ],
};

