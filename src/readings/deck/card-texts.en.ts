import { CardText } from './card';

/** English card texts, keyed by card id; prose written for this project. */
export const CARD_TEXTS_EN: Record<string, CardText> = {
  the_fool: {
    names: { rws: 'The Fool', thoth: 'The Fool', marseille: 'Le Mat' },
    upright: {
      keywords: ['beginnings', 'spontaneity', 'trust', 'openness'],
      meaning:
        'You are standing at the edge of something new, and the Fool invites you to step forward with curiosity rather than a complete map. Not knowing every detail is part of the gift, because it keeps you light enough to learn as you go. Pack what you truly need, leave the rest behind, and take the first step.',
    },
    reversed: {
      keywords: ['hesitation', 'recklessness', 'naivety', 'holding back'],
      meaning:
        'The leap you are considering is either being put off out of fear or rushed without a glance at the ground. Ask yourself which of the two sounds more like you right now. A short, honest look at the facts can turn a careless jump into a brave one, and a brave one into a real start.',
    },
  },
  the_magician: {
    names: { rws: 'The Magician', thoth: 'The Magus', marseille: 'Le Bateleur' },
    upright: {
      keywords: ['skill', 'focus', 'resourcefulness', 'willpower'],
      meaning:
        "Everything you need to begin is already within reach, even if it doesn't look impressive yet. The Magician asks you to lay out your tools, name your intention clearly and act on it. Your attention is the real power here, so point it at one thing and watch what it becomes.",
    },
    reversed: {
      keywords: ['scattered talent', 'smoke and mirrors', 'self-doubt', 'unused tools'],
      meaning:
        'Your abilities are real, but they may be spread too thin or aimed at impressing rather than creating. Notice whether anyone, including you, is using clever words to cover a lack of substance. Remember why you started, then pick one skill and put it honestly to work.',
    },
  },
  the_high_priestess: {
    names: { rws: 'The High Priestess', thoth: 'The Priestess', marseille: 'La Papesse' },
    upright: {
      keywords: ['intuition', 'stillness', 'inner knowing', 'mystery'],
      meaning:
        'Not every answer arrives through argument; some rise quietly once you stop pushing. The High Priestess asks you to listen to the part of you that notices before it explains. Give yourself a little silence today, and trust the impressions that keep returning.',
    },
    reversed: {
      keywords: ['outside noise', 'ignored instincts', 'secrets', 'disconnection'],
      meaning:
        'You may be gathering so many outside opinions that your own inner voice has gone quiet. Something kept hidden, by you or from you, could also be clouding the picture. Step away from the chatter, write down what you actually sense, and let that shape your next question.',
    },
  },
  the_empress: {
    names: { rws: 'The Empress', thoth: 'The Empress', marseille: "L'Impératrice" },
    upright: {
      keywords: ['nurture', 'abundance', 'creativity', 'sensuality'],
      meaning:
        'This is a season for growing things, whether a project, a relationship or your own sense of comfort. The Empress reminds you that care, patience and pleasure are productive rather than indulgent. Tend what you love generously, yourself included, and let it ripen at its own pace.',
    },
    reversed: {
      keywords: ['depletion', 'smothering', 'creative drought', 'self-neglect'],
      meaning:
        'You may be pouring so much care outward that your own well has run low, or holding on so tightly that others cannot grow. Creativity tends to dry up when rest and enjoyment are treated as optional extras. Take back a little time that belongs only to you, and notice what begins to flow again.',
    },
  },
  the_emperor: {
    names: { rws: 'The Emperor', thoth: 'The Emperor', marseille: "L'Empereur" },
    upright: {
      keywords: ['structure', 'authority', 'stability', 'leadership'],
      meaning:
        'Clear rules and firm foundations are what this moment asks of you. The Emperor invites you to take responsibility, set boundaries and make a plan that others can rely on. Order is not the enemy of freedom here; it is what lets your ambitions stand up straight.',
    },
    reversed: {
      keywords: ['rigidity', 'control', 'power struggle', 'missing discipline'],
      meaning:
        'Structure has either hardened into control or gone missing just where you need it. You might be clashing with someone over who is in charge, or resisting any routine at all. Ask which rules genuinely protect you and which only protect your pride, then loosen or tighten accordingly.',
    },
  },
  the_hierophant: {
    names: { rws: 'The Hierophant', thoth: 'The Hierophant', marseille: 'Le Pape' },
    upright: {
      keywords: ['tradition', 'guidance', 'shared values', 'learning'],
      meaning:
        'There is wisdom in what many people before you have tested and kept. The Hierophant suggests looking for a mentor, a community or a proven method instead of reinventing everything alone. Learning the rules well is often the first step toward knowing when to bend them.',
    },
    reversed: {
      keywords: ['questioning', 'nonconformity', 'stale dogma', 'personal code'],
      meaning:
        "An inherited rule or expectation may no longer fit the person you are becoming. Questioning it is healthy, as long as you replace it with something you can actually stand behind. Work out your own principles, and hold them with the respect you once gave to someone else's.",
    },
  },
  the_lovers: {
    names: { rws: 'The Lovers', thoth: 'The Lovers', marseille: "L'Amoureux" },
    upright: {
      keywords: ['connection', 'heartfelt choice', 'harmony', 'values'],
      meaning:
        'A meaningful bond or a decision of the heart sits at the centre of your situation. The Lovers ask you to choose according to what you truly value, not only what feels easiest today. When your heart and your principles agree, the road ahead becomes much clearer.',
    },
    reversed: {
      keywords: ['misalignment', 'indecision', 'disharmony', 'self-betrayal'],
      meaning:
        'Something feels out of tune, either between what you want and what you do or between you and someone close. You may be avoiding a choice in the hope that it will make itself. Be honest about your own values first, because clarity with yourself is what makes clarity with others possible.',
    },
  },
  the_chariot: {
    names: { rws: 'The Chariot', thoth: 'The Chariot', marseille: 'Le Chariot' },
    upright: {
      keywords: ['determination', 'momentum', 'self-control', 'victory'],
      meaning:
        'You have the drive to move forward, and the Chariot says it is time to take the reins. Opposing impulses, doubts and demands can all be steered if you keep your destination firmly in view. Stay disciplined and focused, and progress will follow.',
    },
    reversed: {
      keywords: ['lost direction', 'spinning wheels', 'forcefulness', 'stalling'],
      meaning:
        'Your energy may be pulling in several directions at once, leaving you busy without getting anywhere. Or you could be pushing so hard that you run over other people, or your own needs. Pause, decide where you actually want to go, and then move on with steadier hands.',
    },
  },
  strength: {
    names: { rws: 'Strength', thoth: 'Lust', marseille: 'La Force' },
    upright: {
      keywords: ['courage', 'compassion', 'patience', 'inner strength'],
      meaning:
        'The strength on offer here is gentle, steady and hard to shake. You can meet a difficult feeling or a difficult person with calm persistence instead of force. Trust that kindness and confidence together will tame more than any show of power could.',
    },
    reversed: {
      keywords: ['self-doubt', 'lost nerve', 'inner battle', 'frustration'],
      meaning:
        'You might be doubting your own resilience, or wrestling your impulses so hard that you feel worn out. Turned inward, this card asks for a softer approach with yourself. Acknowledge what frightens or angers you, breathe, and remember the times you have already come through.',
    },
  },
  the_hermit: {
    names: { rws: 'The Hermit', thoth: 'The Hermit', marseille: "L'Hermite" },
    upright: {
      keywords: ['reflection', 'solitude', 'wisdom', 'search for truth'],
      meaning:
        'Stepping back from the crowd will help you hear what matters most right now. The Hermit invites you to spend time alone with your questions, carrying just enough light for the next step. What you find in the quiet will be worth sharing later.',
    },
    reversed: {
      keywords: ['isolation', 'hiding away', 'loneliness', 'no time to think'],
      meaning:
        'Healthy solitude may have slipped into hiding, from the world or from a conversation you need to have. Or the opposite is happening, and you are so busy that you never let yourself think. Look for balance: some quiet for yourself, and some company to bring you back.',
    },
  },
  wheel_of_fortune: {
    names: { rws: 'Wheel of Fortune', thoth: 'Fortune', marseille: 'La Roue de Fortune' },
    upright: {
      keywords: ['cycles', 'change', 'turning point', 'luck'],
      meaning:
        'The wheel is turning, and circumstances are shifting in ways you did not entirely plan. Life moves in cycles, and this card marks the start of a new phase. Stay adaptable, watch for the openings that appear, and move with the turn instead of bracing against it.',
    },
    reversed: {
      keywords: ['resistance to change', 'setbacks', 'repeating patterns', 'feeling stuck'],
      meaning:
        'It may feel as if luck has paused, or as if the same situation keeps coming back around. Rather than blaming the turn of events, look for the part of the pattern you can influence. A small change in how you respond is often what finally lets the wheel move on.',
    },
  },
  justice: {
    names: { rws: 'Justice', thoth: 'Adjustment', marseille: 'La Justice' },
    upright: {
      keywords: ['fairness', 'truth', 'accountability', 'balance'],
      meaning:
        'Honesty and clear thinking are called for, and what you put in is likely to come back to you. Justice asks you to weigh the facts carefully and own your part in how things stand. Choices made with integrity now will keep their shape for a long time.',
    },
    reversed: {
      keywords: ['imbalance', 'bias', 'dodged responsibility', 'grudges'],
      meaning:
        'Something feels lopsided, whether in how you are being treated or in how you judge yourself and others. You may be tempted to sidestep accountability, or to keep score long after it helps. Look for the fullest picture you can, admit what is yours to own, and set the rest down.',
    },
  },
  the_hanged_man: {
    names: { rws: 'The Hanged Man', thoth: 'The Hanged Man', marseille: 'Le Pendu' },
    upright: {
      keywords: ['surrender', 'new perspective', 'pause', 'letting go'],
      meaning:
        'A pause is not a failure, and this one has something to show you. The Hanged Man asks you to stop forcing the situation and look at it from a completely different angle. What seems like delay may be the very space in which the answer becomes visible.',
    },
    reversed: {
      keywords: ['fruitless waiting', 'martyrdom', 'impatience', 'clinging'],
      meaning:
        'You may be stuck in a wait that teaches you nothing, or sacrificing yourself in ways nobody actually asked for. Alternatively, you could be rushing to escape a pause that still has something to give. Ask what you are really holding on to, and whether releasing it would set you free.',
    },
  },
  death: {
    names: { rws: 'Death', thoth: 'Death', marseille: "L'Arcane sans nom" },
    upright: {
      keywords: ['endings', 'transformation', 'release', 'renewal'],
      meaning:
        'A chapter is closing so that a new one can begin, and this card speaks of transformation rather than literal loss. Letting go of what has run its course makes room for something truer to who you are now. Honour what was, then turn toward what is ready to grow.',
    },
    reversed: {
      keywords: ['holding on', 'fear of change', 'stagnation', 'slow transition'],
      meaning:
        'You may be gripping something that has already ended, out of habit or fear of the unknown. The change is happening either way, but resistance makes it slower and heavier to carry. Give yourself permission to grieve a little, and then open your hands.',
    },
  },
  temperance: {
    names: { rws: 'Temperance', thoth: 'Art', marseille: 'Tempérance' },
    upright: {
      keywords: ['balance', 'moderation', 'patience', 'blending'],
      meaning:
        'This is a time for steady combination rather than extremes. Temperance asks you to mix different parts of your life, different people or different ideas patiently until they work together. A measured, unhurried approach will create something more lasting than any rushed fix.',
    },
    reversed: {
      keywords: ['excess', 'haste', 'discord', 'all or nothing'],
      meaning:
        'Something in your life has tipped toward too much or too little, and you can probably feel the strain. You might be rushing, overdoing it, or forcing together pieces that need more time. Return to small, regular adjustments, and let harmony rebuild itself gradually.',
    },
  },
  the_devil: {
    names: { rws: 'The Devil', thoth: 'The Devil', marseille: 'Le Diable' },
    upright: {
      keywords: ['attachment', 'temptation', 'compulsion', 'shadow self'],
      meaning:
        'Something has more hold over you than you would like, whether a habit, a relationship or a way of thinking. The Devil invites you to look at it honestly and without shame, because seeing the chain is the start of loosening it. Notice that the chains in this picture are loose enough to lift off.',
    },
    reversed: {
      keywords: ['loosening grip', 'awareness', 'private struggles', 'reclaiming power'],
      meaning:
        'You are beginning to see a pattern clearly, and that awareness is already weakening its grip. Watch for the quieter version too: a private fear or secret habit that nobody else sees. Take one concrete step away from what has been holding you, and be kind to yourself, since freedom is often won a little at a time.',
    },
  },
  the_tower: {
    names: { rws: 'The Tower', thoth: 'The Tower', marseille: 'La Maison Dieu' },
    upright: {
      keywords: ['sudden change', 'revelation', 'upheaval', 'awakening'],
      meaning:
        'Something built on shaky ground may be shaken loose, and the truth is coming into plain view. However unsettling, the Tower clears away what could not have sheltered you for long. Once the dust settles, you can rebuild on something sturdier and more honest.',
    },
    reversed: {
      keywords: ['delayed reckoning', 'inner upheaval', 'propping up', 'fear of collapse'],
      meaning:
        'You may sense that a structure in your life needs to change, yet be doing everything you can to keep it standing. Sometimes the upheaval happens inside first, as old beliefs crumble quietly before anything shifts outwardly. Choosing change on your own terms now is usually gentler than waiting for it to arrive unannounced.',
    },
  },
  the_star: {
    names: { rws: 'The Star', thoth: 'The Star', marseille: "L'Étoile" },
    upright: {
      keywords: ['hope', 'restoration', 'renewal', 'inspiration'],
      meaning:
        'After a hard stretch, the Star brings quiet hope and a sense of being restored. You can afford to open up, dream again and trust that things are able to improve. Let what inspires you lead the way, and share your light freely.',
    },
    reversed: {
      keywords: ['discouragement', 'dimmed faith', 'pessimism', 'hope for others only'],
      meaning:
        'Hope may feel far away right now, or you might be keeping it alive for everyone except yourself. The light has not gone out; it is simply harder to see from where you stand. Start with one small thing that renews you, and let your faith rebuild from there.',
    },
  },
  the_moon: {
    names: { rws: 'The Moon', thoth: 'The Moon', marseille: 'La Lune' },
    upright: {
      keywords: ['uncertainty', 'dreams', 'imagination', 'the unseen'],
      meaning:
        'Not everything is as it seems, and the path ahead is lit only by moonlight. The Moon asks you to move carefully, paying attention to dreams, moods and what lies beneath the surface. Trust your instincts, but check your fears before you treat them as facts.',
    },
    reversed: {
      keywords: ['fog lifting', 'surfacing feelings', 'misreadings', 'released fears'],
      meaning:
        'The fog is beginning to thin, and you may see that some of your worries were shadows rather than threats. At the same time, feelings you pushed down could be asking to be noticed. Be gentle with whatever surfaces, and let clearer understanding replace old anxieties.',
    },
  },
  the_sun: {
    names: { rws: 'The Sun', thoth: 'The Sun', marseille: 'Le Soleil' },
    upright: {
      keywords: ['joy', 'success', 'vitality', 'clarity'],
      meaning:
        'Warmth, confidence and clear skies surround you now. The Sun celebrates what is going well and invites you to enjoy it openly, without waiting for something to spoil it. Share your happiness, play a little, and let your natural brightness show.',
    },
    reversed: {
      keywords: ['clouded joy', 'overconfidence', 'forced cheer', 'delayed success'],
      meaning:
        'The light is still there, but passing clouds may be dimming your enjoyment or your confidence for a while. Alternatively, optimism could be tipping into overconfidence, or into a cheerful front that hides what you really feel. Reconnect with something simple that genuinely delights you, and let the warmth return in its own time.',
    },
  },
  judgement: {
    names: { rws: 'Judgement', thoth: 'The Aeon', marseille: 'Le Jugement' },
    upright: {
      keywords: ['awakening', 'calling', 'reckoning', 'fresh start'],
      meaning:
        'A clear call is rising in you, asking you to review your past and step into a new version of yourself. Judgement is about honest reflection and forgiveness, not condemnation. Answer the call, release what you have outgrown, and rise to meet what comes next.',
    },
    reversed: {
      keywords: ['self-criticism', 'ignored calling', 'reluctance', 'endless review'],
      meaning:
        'You may be judging yourself too harshly, or refusing to hear a call that keeps coming back. Fear of getting it wrong can keep you stuck reviewing the past instead of moving forward. Offer yourself the fairness you would give a friend, and take one step toward what you know is right.',
    },
  },
  the_world: {
    names: { rws: 'The World', thoth: 'The Universe', marseille: 'Le Monde' },
    upright: {
      keywords: ['completion', 'fulfilment', 'integration', 'wholeness'],
      meaning:
        'A cycle is coming to a satisfying close, and you can take real pride in how far you have come. The World brings a sense of wholeness, as if the pieces have finally found their places. Celebrate this achievement, and know that a new adventure is already waiting at the edge of the dance.',
    },
    reversed: {
      keywords: ['loose ends', 'shortcuts', 'missing closure', 'almost there'],
      meaning:
        'You are close to finishing something, yet a few loose ends keep you from feeling complete. It may be tempting to skip the final steps, or to move on before the lesson has settled. Give this chapter a proper ending, and the next one will start on solid ground.',
    },
  },

  ace_of_wands: {
    names: { rws: 'Ace of Wands', thoth: 'Ace of Wands', marseille: 'As de Bâtons' },
    upright: {
      keywords: ['inspiration', 'new venture', 'enthusiasm', 'creative spark'],
      meaning:
        "A fresh spark of inspiration is lighting up inside you, full of potential. The Ace of Wands encourages you to act while the idea is still warm, whether that means starting a project or saying yes to an adventure. Don't wait for perfect conditions; give the idea its first concrete form today.",
    },
    reversed: {
      keywords: ['damp kindling', 'false starts', 'low motivation', 'poor timing'],
      meaning:
        'The spark is there, but it may be struggling to catch because of doubt, distraction or bad timing. You might be starting many things and carrying none of them through. Protect the idea, remind yourself what excites you about it, and wait for a steadier moment to fan the flame.',
    },
  },
  two_of_wands: {
    names: { rws: 'Two of Wands', thoth: 'Two of Wands (Dominion)', marseille: 'Deux de Bâtons' },
    upright: {
      keywords: ['planning', 'vision', 'decisions', 'wider horizons'],
      meaning:
        'You have a secure foothold, and now you are gazing out at wider horizons. The Two of Wands asks you to make a plan and decide whether to stay where it is comfortable or venture further. Map your options honestly, then choose the direction that genuinely calls to you.',
    },
    reversed: {
      keywords: ['fear of the unknown', 'playing safe', 'vague goals', 'plans on paper'],
      meaning:
        'You may be holding the whole map in your hands while staying inside familiar walls. Fear of the unknown, or a fuzzy sense of what you want, can keep plans stuck on paper. Name one thing you truly want, and take a small step that moves it into real life.',
    },
  },
  three_of_wands: {
    names: { rws: 'Three of Wands', thoth: 'Three of Wands (Virtue)', marseille: 'Trois de Bâtons' },
    upright: {
      keywords: ['expansion', 'foresight', 'progress', 'ships coming in'],
      meaning:
        'Your efforts are under way, and you can begin to see the first ships coming in. The Three of Wands invites you to think bigger, widen your reach and prepare for what is arriving. Keep your eyes on the horizon while making sure the ground beneath you is secure.',
    },
    reversed: {
      keywords: ['slow returns', 'obstacles', 'short-sightedness', 'impatience'],
      meaning:
        'Plans may be moving more slowly than you hoped, or unexpected obstacles are holding back your growth. It is easy to get frustrated and drop the long view altogether. Review what is within your control, adjust the timeline, and stay patient with the journey.',
    },
  },
  four_of_wands: {
    names: { rws: 'Four of Wands', thoth: 'Four of Wands (Completion)', marseille: 'Quatre de Bâtons' },
    upright: {
      keywords: ['celebration', 'homecoming', 'milestones', 'community'],
      meaning:
        'A moment of joy and togetherness is here, and it deserves to be marked. The Four of Wands speaks of milestones reached, a feeling of home and the warmth of shared success. Gather your people, celebrate the occasion and let yourself feel proud.',
    },
    reversed: {
      keywords: ['unsettled home', 'not belonging', 'quiet celebration', 'missing support'],
      meaning:
        "Something may be keeping you from fully enjoying a milestone, such as tension at home or a sense that you don't quite belong. It is also possible that the celebration is happening privately rather than in public. Look for small ways to feel at home, and reach out to those who make you feel welcome.",
    },
  },
  five_of_wands: {
    names: { rws: 'Five of Wands', thoth: 'Five of Wands (Strife)', marseille: 'Cinq de Bâtons' },
    upright: {
      keywords: ['competition', 'friction', 'rivalry', 'lively debate'],
      meaning:
        'Many voices are competing for attention, and things may feel chaotic. The Five of Wands shows friction that can sharpen your skills as long as you keep it constructive. Make your point clearly, listen to the others, and let honest debate produce better ideas.',
    },
    reversed: {
      keywords: ['avoided conflict', 'inner tension', 'truce', 'wasted energy'],
      meaning:
        'You might be avoiding a disagreement that needs airing, or fighting battles that exist mostly in your own head. The struggle may also be winding down, offering a chance to find common ground. Decide which conflicts are really worth your energy, and let the rest pass by.',
    },
  },
  six_of_wands: {
    names: { rws: 'Six of Wands', thoth: 'Six of Wands (Victory)', marseille: 'Six de Bâtons' },
    upright: {
      keywords: ['recognition', 'victory', 'confidence', 'public praise'],
      meaning:
        'You have earned a win, and other people are noticing your efforts. The Six of Wands invites you to accept praise gracefully and ride this wave of confidence. Let the recognition encourage you, and remember to thank those who helped you get here.',
    },
    reversed: {
      keywords: ['need for approval', 'unseen effort', 'pride', 'private success'],
      meaning:
        'Recognition might be slow to come, leaving you wondering whether your work matters at all. Or you may be leaning too heavily on applause, or letting pride take the wheel. Value your achievement on your own terms, and let your sense of worth grow from the inside.',
    },
  },
  seven_of_wands: {
    names: { rws: 'Seven of Wands', thoth: 'Seven of Wands (Valour)', marseille: 'Sept de Bâtons' },
    upright: {
      keywords: ['perseverance', 'standing your ground', 'challenge', 'conviction'],
      meaning:
        'You have worked hard for your position, and now you may need to hold it. The Seven of Wands encourages you to defend your beliefs and boundaries, even when challenges come from several sides. Trust your conviction, because your footing is stronger than it feels.',
    },
    reversed: {
      keywords: ['overwhelm', 'giving in', 'defensiveness', 'exhaustion'],
      meaning:
        "Constantly guarding your position may be wearing you down, or tempting you to give in just to end the struggle. Check whether every challenge truly needs an answer from you. Save your energy for what matters most, and don't be afraid to ask for help holding the line.",
    },
  },
  eight_of_wands: {
    names: { rws: 'Eight of Wands', thoth: 'Eight of Wands (Swiftness)', marseille: 'Huit de Bâtons' },
    upright: {
      keywords: ['speed', 'movement', 'swift action', 'news'],
      meaning:
        'Things are picking up pace, and developments may arrive all at once. The Eight of Wands encourages you to act decisively and keep up with the momentum. Messages, journeys or rapid progress could be on their way, so stay ready to respond.',
    },
    reversed: {
      keywords: ['waiting', 'rushed decisions', 'crossed wires', 'lost aim'],
      meaning:
        'Momentum may have stalled, or everything is moving so fast that details are slipping through. Hurried messages could leave wires crossed. Slow down enough to check your aim, and trust that the timing will improve once you stop forcing it.',
    },
  },
  nine_of_wands: {
    names: { rws: 'Nine of Wands', thoth: 'Nine of Wands (Strength)', marseille: 'Neuf de Bâtons' },
    upright: {
      keywords: ['resilience', 'persistence', 'last push', 'boundaries'],
      meaning:
        'You have come a long way and faced many challenges, and you are still standing. The Nine of Wands asks you to hold on a little longer, because the finish line is close. Draw on everything you have learned, protect your energy and keep going.',
    },
    reversed: {
      keywords: ['guardedness', 'running on empty', 'stubbornness', 'old wounds'],
      meaning:
        'Past struggles may have left you overly wary, expecting trouble around every corner. You might also be pushing on from sheer stubbornness when what you need is rest and support. Lower your guard a little with people who have earned it, and let them help carry the load.',
    },
  },
  ten_of_wands: {
    names: { rws: 'Ten of Wands', thoth: 'Ten of Wands (Oppression)', marseille: 'Dix de Bâtons' },
    upright: {
      keywords: ['burden', 'responsibility', 'hard work', 'commitment'],
      meaning:
        'You have taken on a great deal, and the weight of it is starting to show. The Ten of Wands honours your dedication, but asks whether every task really has to be yours. The goal is near, so carry what matters and consider setting some of the rest down.',
    },
    reversed: {
      keywords: ['overload', 'delegation', 'unloading', 'misplaced duty'],
      meaning:
        'You may be carrying so much that you can no longer see where you are going. This is the moment to delegate, say no, or drop obligations that were never yours to begin with. Lightening the load is not weakness; it is how you reach the finish line.',
    },
  },
  page_of_wands: {
    names: { rws: 'Page of Wands', thoth: 'Princess of Wands', marseille: 'Valet de Bâtons' },
    upright: {
      keywords: ['curiosity', 'exploration', 'eagerness', 'free spirit'],
      meaning:
        "A spirit of exploration and playful eagerness surrounds you. The Page of Wands invites you to follow your curiosity, try something new and see where it leads. You don't need to know the outcome in order to begin.",
    },
    reversed: {
      keywords: ['aimlessness', 'procrastination', 'restlessness', 'half-finished ideas'],
      meaning:
        'Your enthusiasm may be scattering in every direction without landing anywhere. Perhaps you are full of ideas but hesitant to follow through, or impatient with the slow, dull parts. Choose one spark to nurture, and give it enough attention to see what it can become.',
    },
  },
  knight_of_wands: {
    names: { rws: 'Knight of Wands', thoth: 'Prince of Wands', marseille: 'Cavalier de Bâtons' },
    upright: {
      keywords: ['energy', 'passion', 'adventure', 'bold action'],
      meaning:
        'You are charged with energy and eager to ride straight ahead. The Knight of Wands encourages you to act boldly and chase what excites you. Let your passion carry you, but keep an eye on the road so the ride stays thrilling rather than reckless.',
    },
    reversed: {
      keywords: ['impulsiveness', 'hot temper', 'unfinished quests', 'impatience'],
      meaning:
        'Your fire may be burning too hot, leading to rash decisions or quick frustration. You might also be setting off on many adventures and finishing none of them. Channel your energy into one clear aim, and give yourself a moment to think before you leap.',
    },
  },
  queen_of_wands: {
    names: { rws: 'Queen of Wands', thoth: 'Queen of Wands', marseille: 'Reine de Bâtons' },
    upright: {
      keywords: ['confidence', 'warmth', 'determination', 'charisma'],
      meaning:
        'You radiate confidence and warmth, and others are naturally drawn to your energy. The Queen of Wands invites you to own your presence and lead with courage and generosity. Trust your ability to keep many things alight at once, and let your glow inspire those around you.',
    },
    reversed: {
      keywords: ['insecurity', 'jealousy', 'overbearing', 'self-neglect'],
      meaning:
        'Your usual confidence may be flickering, leaving you feeling overlooked or comparing yourself with others. Alternatively, your fire might be burning so brightly that it overwhelms the people near you. Reconnect with what makes you feel alive, and let your warmth come from a steadier place.',
    },
  },
  king_of_wands: {
    names: { rws: 'King of Wands', thoth: 'Knight of Wands', marseille: 'Roi de Bâtons' },
    upright: {
      keywords: ['vision', 'leadership', 'enterprise', 'boldness'],
      meaning:
        'You can see what is possible, and you have the charisma to bring others along. The King of Wands asks you to lead with purpose and take well-judged risks. Think long-term, trust your instincts and act with integrity.',
    },
    reversed: {
      keywords: ['arrogance', 'domineering', 'impossible standards', 'impatience with others'],
      meaning:
        'Your leadership may be slipping into impatience, or into a need to control every detail. You might also be setting standards so high that neither you nor anyone else can meet them. Step back, listen to those around you, and let your vision be shared rather than imposed.',
    },
  },

  ace_of_cups: {
    names: { rws: 'Ace of Cups', thoth: 'Ace of Cups', marseille: 'As de Coupes' },
    upright: {
      keywords: ['new feelings', 'emotional renewal', 'compassion', 'open heart'],
      meaning:
        'Your heart is opening to fresh feeling, connection or creativity. The Ace of Cups suggests an overflowing of love, whether it arrives as a new relationship, a deeper friendship or simple kindness toward yourself. Let yourself receive as freely as you give.',
    },
    reversed: {
      keywords: ['emotional blockage', 'self-protection', 'bottled feelings', 'running dry'],
      meaning:
        'Your emotions may feel blocked, or you might be holding back to avoid getting hurt. The cup is still in your hands, but it needs some tending before it can overflow again. Start by admitting to yourself what you truly feel, and let your heart refill slowly.',
    },
  },
  two_of_cups: {
    names: { rws: 'Two of Cups', thoth: 'Two of Cups (Love)', marseille: 'Deux de Coupes' },
    upright: {
      keywords: ['partnership', 'mutual attraction', 'unity', 'respect'],
      meaning:
        'A bond of mutual respect and affection is forming or deepening in your life. The Two of Cups celebrates a partnership, romantic, friendly or professional, in which both sides give and receive in equal measure. Honour this connection, and let honesty help it grow.',
    },
    reversed: {
      keywords: ['uneven giving', 'miscommunication', 'distance', 'shaken trust'],
      meaning:
        'A relationship may feel out of balance, with one person giving far more than the other. Small misunderstandings could be creating a distance that neither of you intended. Speak openly about what you need, and remember that the way you treat yourself sets the tone for every other bond.',
    },
  },
  three_of_cups: {
    names: { rws: 'Three of Cups', thoth: 'Three of Cups (Abundance)', marseille: 'Trois de Coupes' },
    upright: {
      keywords: ['friendship', 'celebration', 'togetherness', 'shared joy'],
      meaning:
        'Good friends, shared laughter and moments worth raising a glass to are highlighted. The Three of Cups invites you to enjoy the company of people who lift you up. Reach out, gather together and let that collective happiness nourish you.',
    },
    reversed: {
      keywords: ['overindulgence', 'gossip', 'left out', 'third-party tension'],
      meaning:
        'Your social circle may feel strained, with gossip or a third person stirring up friction. Alternatively, you could be throwing yourself into fun to avoid something that needs quieter attention. Choose your company with care, and look for connections that are genuine rather than merely busy.',
    },
  },
  four_of_cups: {
    names: { rws: 'Four of Cups', thoth: 'Four of Cups (Luxury)', marseille: 'Quatre de Coupes' },
    upright: {
      keywords: ['contemplation', 'apathy', 'reassessment', 'unnoticed offer'],
      meaning:
        "You may feel flat and uninspired, turning inward while something new waits quietly beside you. The Four of Cups invites you to reflect on what you really want instead of counting what already bores you. Take your time, but don't let discontent blind you to what is being held out.",
    },
    reversed: {
      keywords: ['stepping out', 'renewed interest', 'brooding', 'deep retreat'],
      meaning:
        'You might be emerging from a withdrawn spell, ready to say yes to life again. Or the mood has turned so far inward that brooding has become a habit of its own. Notice which is true for you, and take one small step toward anything that sparks even a flicker of interest.',
    },
  },
  five_of_cups: {
    names: { rws: 'Five of Cups', thoth: 'Five of Cups (Disappointment)', marseille: 'Cinq de Coupes' },
    upright: {
      keywords: ['loss', 'regret', 'grief', 'disappointment'],
      meaning:
        'Something has not turned out as you hoped, and it is natural to feel the loss. The Five of Cups honours your sorrow while gently pointing out that not every cup has spilled. When you are ready, turn around and see what is still standing behind you.',
    },
    reversed: {
      keywords: ['acceptance', 'moving on', 'making peace', 'buried sorrow'],
      meaning:
        'You are beginning to make peace with what happened, and the weight is starting to lift. Sometimes, though, sadness goes underground instead of resolving. Allow yourself to feel whatever still hurts, so that moving forward comes from real acceptance.',
    },
  },
  six_of_cups: {
    names: { rws: 'Six of Cups', thoth: 'Six of Cups (Pleasure)', marseille: 'Six de Coupes' },
    upright: {
      keywords: ['nostalgia', 'innocence', 'fond memories', 'kindness'],
      meaning:
        'Memories of simpler times may be surfacing, bringing comfort and sweetness with them. The Six of Cups invites you to reconnect with the playful, open-hearted parts of yourself. Small acts of kindness, given or received, carry special meaning right now.',
    },
    reversed: {
      keywords: ['living in the past', 'rose-tinted memories', 'old patterns', 'growing up'],
      meaning:
        'You may be holding the past so tightly that it is hard to enjoy the present. Memories can look rosier than they really were, and old patterns may still be steering your choices. Honour where you came from, then bring your attention back to the life you are building now.',
    },
  },
  seven_of_cups: {
    names: { rws: 'Seven of Cups', thoth: 'Seven of Cups (Debauch)', marseille: 'Sept de Coupes' },
    upright: {
      keywords: ['choices', 'imagination', 'wishful thinking', 'daydreams'],
      meaning:
        'Many possibilities shimmer before you, some solid and some made only of wishes. The Seven of Cups invites you to let your imagination roam while remembering that not every option is what it appears to be. Take time to tell the real from the dreamed before you reach for a cup.',
    },
    reversed: {
      keywords: ['sorting illusions', 'choice paralysis', 'sobering up', 'narrowing down'],
      meaning:
        'Illusions may be fading, letting you see what actually matters. Or there are so many choices that you have frozen in front of them. Narrow the field to one or two options, and commit to exploring the one that feels most grounded.',
    },
  },
  eight_of_cups: {
    names: { rws: 'Eight of Cups', thoth: 'Eight of Cups (Indolence)', marseille: 'Huit de Coupes' },
    upright: {
      keywords: ['walking away', 'seeking meaning', 'disillusionment', 'quiet departure'],
      meaning:
        'You may be realising that something no longer fulfils you, even if it once did. The Eight of Cups encourages you to leave behind what feels empty and go looking for deeper meaning. Walking away takes courage, and it can lead you toward what you truly need.',
    },
    reversed: {
      keywords: ['fear of leaving', 'aimless drifting', 'staying too long', 'mixed feelings'],
      meaning:
        'You might be torn between staying and going, unsure whether to give something one more chance. Or you could be drifting from one thing to the next without finding what you are after. Get clear on what you are really searching for before you make your move.',
    },
  },
  nine_of_cups: {
    names: { rws: 'Nine of Cups', thoth: 'Nine of Cups (Happiness)', marseille: 'Neuf de Coupes' },
    upright: {
      keywords: ['contentment', 'wishes granted', 'satisfaction', 'gratitude'],
      meaning:
        'This is a moment to feel pleased with what you have created and received. Often called the wish card, the Nine of Cups suggests that a hope of yours may be coming true. Enjoy the good things around you, and let gratitude deepen the pleasure.',
    },
    reversed: {
      keywords: ['hollow pleasure', 'smugness', 'unmet wishes', 'wanting more'],
      meaning:
        'Even with plenty around you, something may still feel missing. Or you could be chasing one treat after another without ever feeling full. Look inward to find what would genuinely satisfy you, beyond appearances and quick rewards.',
    },
  },
  ten_of_cups: {
    names: { rws: 'Ten of Cups', thoth: 'Ten of Cups (Satiety)', marseille: 'Dix de Coupes' },
    upright: {
      keywords: ['family harmony', 'belonging', 'emotional fulfilment', 'lasting love'],
      meaning:
        'Love, peace and a deep sense of belonging are highlighted. The Ten of Cups celebrates close bonds with family, friends or a chosen community. Cherish these connections, and know that you are part of something that matters.',
    },
    reversed: {
      keywords: ['family tension', 'picture-perfect ideals', 'clashing values', 'feeling apart'],
      meaning:
        'Home life may feel strained, or you might be measuring it against an ideal that no real family could match. Differing values within a close circle can quietly create distance. Favour honest conversation and small, genuine moments together over a perfect picture.',
    },
  },
  page_of_cups: {
    names: { rws: 'Page of Cups', thoth: 'Princess of Cups', marseille: 'Valet de Coupes' },
    upright: {
      keywords: ['creative beginnings', 'intuitive messages', 'wonder', 'sensitivity'],
      meaning:
        'A gentle surprise or a creative idea may appear when you least expect it, like a fish leaping from a cup. The Page of Cups invites you to stay open to your feelings, your intuition and a sense of wonder. Listen to your heart, and let yourself be playful with your imagination.',
    },
    reversed: {
      keywords: ['emotional immaturity', 'escapism', 'insecurity', 'dismissed hunches'],
      meaning:
        'You may be feeling emotionally raw, or unsure how to express what is going on inside. Daydreams could be pulling you away from daily life, or you might be brushing off your own quiet hunches. Give your feelings a safe outlet, and trust that it is fine to feel deeply.',
    },
  },
  knight_of_cups: {
    names: { rws: 'Knight of Cups', thoth: 'Prince of Cups', marseille: 'Cavalier de Coupes' },
    upright: {
      keywords: ['romance', 'charm', 'idealism', 'following the heart'],
      meaning:
        "You are moved by love, beauty and your heart's desires. The Knight of Cups invites you to follow your ideals and express your feelings openly. Whether it is a romantic gesture or a creative pursuit, let sincerity set the pace.",
    },
    reversed: {
      keywords: ['moodiness', 'empty promises', 'fickle feelings', 'lofty daydreams'],
      meaning:
        "Your feelings may be swinging from high to low, making it hard to stay the course. Perhaps promises, yours or someone else's, sound lovely but lack follow-through. Ground your ideals in steady action so that your heart can trust where it is heading.",
    },
  },
  queen_of_cups: {
    names: { rws: 'Queen of Cups', thoth: 'Queen of Cups', marseille: 'Reine de Coupes' },
    upright: {
      keywords: ['empathy', 'emotional security', 'intuition', 'calm'],
      meaning:
        'You have a deep well of empathy and emotional wisdom to draw from. The Queen of Cups invites you to care for yourself and others with warmth and gentle boundaries. Trust your intuition, and let your compassion create a safe place for feelings to land.',
    },
    reversed: {
      keywords: ['emotional overwhelm', 'codependence', 'absorbing moods', 'blurred boundaries'],
      meaning:
        "You may be soaking up everyone else's feelings until there is little room left for your own. Caring this much can tip into losing track of yourself. Make some space to recharge, and let your compassion include you as well.",
    },
  },
  king_of_cups: {
    names: { rws: 'King of Cups', thoth: 'Knight of Cups', marseille: 'Roi de Coupes' },
    upright: {
      keywords: ['emotional balance', 'diplomacy', 'calm authority', 'generosity'],
      meaning:
        'You are learning to balance feeling with reason, staying steady even when the waters are rough. The King of Cups asks you to lead with kindness, listen deeply and answer with wisdom. Your calm presence is a real gift to the people around you.',
    },
    reversed: {
      keywords: ['bottled-up emotions', 'emotional leverage', 'coldness', 'volatility'],
      meaning:
        'You may be keeping your emotions tightly locked away, looking calm on the surface while a storm gathers underneath. Alternatively, feelings might be used to steer other people rather than to connect with them. Find healthy ways to express what you feel, and stay honest with yourself and others.',
    },
  },

  ace_of_swords: {
    names: { rws: 'Ace of Swords', thoth: 'Ace of Swords', marseille: "As d'Épées" },
    upright: {
      keywords: ['clarity', 'breakthrough', 'truth', 'sharp mind'],
      meaning:
        'A clear idea cuts cleanly through the confusion that has been surrounding you. The Ace of Swords brings mental breakthroughs and the courage to say what is true. Use this clarity to make a decision and set a firm direction while your thinking is sharp.',
    },
    reversed: {
      keywords: ['mental fog', 'clouded judgement', 'cutting words', 'half-truths'],
      meaning:
        'Your thoughts may feel foggy, or your words could be coming out sharper than you intend. It might be hard to see the whole truth just yet, especially if you only have part of the story. Give your mind some space to clear, and choose your words with care before you speak.',
    },
  },
  two_of_swords: {
    names: { rws: 'Two of Swords', thoth: 'Two of Swords (Peace)', marseille: "Deux d'Épées" },
    upright: {
      keywords: ['difficult choice', 'stalemate', 'weighing options', 'guarded heart'],
      meaning:
        'You face a choice in which both options carry weight, and you may have been putting off deciding. The Two of Swords asks you to lower the blindfold and look honestly at where you stand. Facing the decision will bring more peace than staying balanced in mid-air.',
    },
    reversed: {
      keywords: ['information overload', 'feelings breaking through', 'outside pressure', 'lifting the blindfold'],
      meaning:
        'You may be overwhelmed by too much information, or by people pushing you to choose their way. It is also possible that emotions you held back are now breaking through the calm. Let yourself feel them, then make the best choice you can with what you honestly know.',
    },
  },
  three_of_swords: {
    names: { rws: 'Three of Swords', thoth: 'Three of Swords (Sorrow)', marseille: "Trois d'Épées" },
    upright: {
      keywords: ['heartache', 'sorrow', 'painful truth', 'release of tears'],
      meaning:
        'A painful truth or disappointment may have cut you deeply. The Three of Swords acknowledges that sorrow is part of every full life, and that it is all right for you to feel it. Let the rain fall, knowing that clearer skies and understanding tend to follow.',
    },
    reversed: {
      keywords: ['recovery', 'easing pain', 'unspoken hurt', 'returning optimism'],
      meaning:
        'You are starting to move through the hurt, and the sharpest edge of it is fading. Sometimes, though, pain lingers quietly inside, unspoken yet still present. Be gentle with yourself, and remember that naming a wound is the first step toward mending it.',
    },
  },
  four_of_swords: {
    names: { rws: 'Four of Swords', thoth: 'Four of Swords (Truce)', marseille: "Quatre d'Épées" },
    upright: {
      keywords: ['rest', 'recuperation', 'stillness', 'retreat'],
      meaning:
        'Your mind and spirit are asking for time to rest and recharge. The Four of Swords encourages you to step away from the noise, reflect and let your energy return. A pause taken now will help you come back with greater strength and clarity.',
    },
    reversed: {
      keywords: ['restlessness', 'pushing through', 'reluctant return', 'busy mind'],
      meaning:
        'You might be pushing on without enough rest, or feeling restless whenever you try to slow down. Alternatively, you may be ready to come back from a break but hesitant to re-enter the fray. Listen to what your body and mind are telling you, and honour your own pace.',
    },
  },
  five_of_swords: {
    names: { rws: 'Five of Swords', thoth: 'Five of Swords (Defeat)', marseille: "Cinq d'Épées" },
    upright: {
      keywords: ['hollow victory', 'conflict', 'self-interest', 'tension'],
      meaning:
        'A recent conflict may have left bruised feelings, even if someone walked away as the winner. The Five of Swords asks you to consider whether winning is worth what it costs. Choose your battles wisely, and value respect over simply being right.',
    },
    reversed: {
      keywords: ['reconciliation', 'making amends', 'lingering resentment', 'walking away'],
      meaning:
        'You may be ready to put a dispute behind you, or wish you could make peace. There could also be some leftover resentment that needs to be let out before it sours. Reach out if it feels safe, and let go of the need to have the last word.',
    },
  },
  six_of_swords: {
    names: { rws: 'Six of Swords', thoth: 'Six of Swords (Science)', marseille: "Six d'Épées" },
    upright: {
      keywords: ['transition', 'moving on', 'calmer waters', 'journey'],
      meaning:
        'You are leaving troubled waters behind and heading toward calmer shores. The Six of Swords speaks of transition, recovery and the relief of moving forward at last. Trust the crossing, even if a little sadness travels with you.',
    },
    reversed: {
      keywords: ['stuck in transition', 'unfinished business', 'emotional baggage', 'rough crossing'],
      meaning:
        "You might be struggling to leave the past behind, or feel that the journey has stalled halfway across. Unresolved issues could be weighing down the boat. Deal with what you can, set down what isn't yours to carry, and trust that progress is still possible, even if it is slower than you hoped.",
    },
  },
  seven_of_swords: {
    names: { rws: 'Seven of Swords', thoth: 'Seven of Swords (Futility)', marseille: "Sept d'Épées" },
    upright: {
      keywords: ['strategy', 'cunning', 'going it alone', 'hidden motives'],
      meaning:
        'You may need to be strategic, or act on your own, to get where you want to go. The Seven of Swords can also hint that someone is not being entirely open. Stay alert, protect what is yours, and check that your own methods are ones you would be comfortable explaining.',
    },
    reversed: {
      keywords: ['coming clean', 'conscience', 'exposed plans', 'self-deception'],
      meaning:
        'Secrets may be coming to light, or you might feel the urge to come clean about something. It is also possible that the person you are not being honest with is yourself. Choose openness and integrity, and notice how much lighter that makes you feel.',
    },
  },
  eight_of_swords: {
    names: { rws: 'Eight of Swords', thoth: 'Eight of Swords (Interference)', marseille: "Huit d'Épées" },
    upright: {
      keywords: ['restriction', 'feeling trapped', 'self-imposed limits', 'helplessness'],
      meaning:
        'You may feel boxed in by circumstances, yet the bindings are looser than they seem. The Eight of Swords invites you to question the stories you are telling yourself about what is possible. Look for one small way to take back your power, and step toward it.',
    },
    reversed: {
      keywords: ['loosening bonds', 'fresh options', 'inner critic', 'self-liberation'],
      meaning:
        'You are beginning to recognise your own power and to find ways out of a limiting situation. Or the walls have moved inside, and a harsh inner critic is doing the holding now. Talk back to those thoughts, and celebrate each step you take toward freedom.',
    },
  },
  nine_of_swords: {
    names: { rws: 'Nine of Swords', thoth: 'Nine of Swords (Cruelty)', marseille: "Neuf d'Épées" },
    upright: {
      keywords: ['anxiety', 'worry', 'restless nights', 'fearful thoughts'],
      meaning:
        'Worries may be keeping you up at night, with your mind circling the same questions again and again. The Nine of Swords acknowledges your fears, yet reminds you that they often look larger in the dark. Share what is weighing on you with someone you trust, and let morning light put things back in proportion.',
    },
    reversed: {
      keywords: ['easing worry', 'facing fears', 'hidden anxieties', 'reaching out'],
      meaning:
        "You may be finding some relief from anxious thoughts, or feeling ready to face what has been troubling you. Some fears might still be lurking below the surface, quieter but not yet gone. Talk about what's on your mind, and let other people help you see the parts of the picture that fear leaves out.",
    },
  },
  ten_of_swords: {
    names: { rws: 'Ten of Swords', thoth: 'Ten of Swords (Ruin)', marseille: "Dix d'Épées" },
    upright: {
      keywords: ['painful ending', 'rock bottom', 'closure', 'dawn after darkness'],
      meaning:
        'A difficult chapter has reached its end, and it may feel like you have hit the bottom. The Ten of Swords also shows the sky brightening on the horizon, because what is finished cannot hurt you in the same way again. Let this be the end of the story, and turn slowly toward the new light.',
    },
    reversed: {
      keywords: ['slow recovery', 'resilience', 'reopening wounds', 'refusing to let go'],
      meaning:
        'You are getting back on your feet, even if progress feels slow. Be careful not to keep reopening an old hurt by replaying it or refusing to let it end. Give yourself time, lean on your resilience, and allow the healing to continue.',
    },
  },
  page_of_swords: {
    names: { rws: 'Page of Swords', thoth: 'Princess of Swords', marseille: "Valet d'Épées" },
    upright: {
      keywords: ['curious mind', 'new ideas', 'vigilance', 'eagerness to learn'],
      meaning:
        'Your mind is wide awake, curious and eager to pick up something new. The Page of Swords encourages you to ask the awkward questions, read widely and test your ideas out loud. Keep your eyes open and a notebook handy, because this is a good time to learn fast.',
    },
    reversed: {
      keywords: ['hasty words', 'all talk', 'gossip', 'scattered thoughts'],
      meaning:
        'You may be speaking before you have thought things through, or getting pulled into gossip and idle argument. Your ideas might also be scattered, leaving plenty of talk and little to show for it. Listen more than you speak for a while, and point your sharp mind at one real question.',
    },
  },
  knight_of_swords: {
    names: { rws: 'Knight of Swords', thoth: 'Prince of Swords', marseille: "Cavalier d'Épées" },
    upright: {
      keywords: ['ambition', 'drive', 'decisiveness', 'fast thinking'],
      meaning:
        'You are moving fast toward your goals, fuelled by ideas and a strong sense of purpose. The Knight of Swords encourages you to act with confidence and cut straight to the point. Keep an eye on the people and details you pass along the way, so that speed does not cost you allies.',
    },
    reversed: {
      keywords: ['recklessness', 'rushing ahead', 'tactlessness', 'burning bridges'],
      meaning:
        'You might be charging ahead without thinking things through, trampling on feelings in your hurry to be done. Arguments started in haste can burn bridges you will want later. Take a breath, weigh the consequences, and set off again with a clearer plan.',
    },
  },
  queen_of_swords: {
    names: { rws: 'Queen of Swords', thoth: 'Queen of Swords', marseille: "Reine d'Épées" },
    upright: {
      keywords: ['clear judgement', 'independence', 'honesty', 'perceptiveness'],
      meaning:
        'You see situations clearly, and you can speak hard truths with grace instead of cruelty. The Queen of Swords invites you to trust your own judgement, hold clear boundaries and cut away what is false. Experience has made you wise, and people can lean on your honest counsel.',
    },
    reversed: {
      keywords: ['coldness', 'bitterness', 'harsh criticism', "arm's length"],
      meaning:
        "Old hurts may be making you sharp, guarded or quick to criticise, yourself included. Keeping everyone at arm's length can feel safe while leaving you lonely. Let a little softness back in, and remember that compassion can sit right beside clarity.",
    },
  },
  king_of_swords: {
    names: { rws: 'King of Swords', thoth: 'Knight of Swords', marseille: "Roi d'Épées" },
    upright: {
      keywords: ['intellectual authority', 'fairness', 'principle', 'clear reasoning'],
      meaning:
        'You are called to lead with clear thinking, fairness and integrity. The King of Swords asks you to decide on the basis of facts and principles, not moods or pressure. Explain your reasoning plainly, and others will trust the direction you set.',
    },
    reversed: {
      keywords: ['cold logic', 'misused authority', 'rigidity', 'winning over solving'],
      meaning:
        'Logic may be turning into a weapon for winning arguments instead of solving problems. You could also be leaning on authority or rules while leaving empathy out of the room. Balance your sharp mind with a warm heart, and use your influence to help rather than to control.',
    },
  },

  ace_of_pentacles: {
    names: { rws: 'Ace of Pentacles', thoth: 'Ace of Disks', marseille: 'As de Deniers' },
    upright: {
      keywords: ['opportunity', 'new foundations', 'prosperity', 'tangible start'],
      meaning:
        'A solid, practical opportunity is being placed in your palm. The Ace of Pentacles points to a fresh start in the material side of life, such as work, home or a skill you can build on over time. Plant this seed with care, and give it steady attention so it can take root.',
    },
    reversed: {
      keywords: ['missed chance', 'vague plans', 'shaky ground', 'reluctance to commit'],
      meaning:
        'An opportunity may be slipping past because plans are vague or the timing feels wrong. You might also be reaching for something shiny without checking that the ground beneath it will hold. Slow down, get practical about the first steps, and choose the seed you are truly ready to tend.',
    },
  },
  two_of_pentacles: {
    names: { rws: 'Two of Pentacles', thoth: 'Two of Disks (Change)', marseille: 'Deux de Deniers' },
    upright: {
      keywords: ['juggling', 'adaptability', 'flexibility', 'shifting priorities'],
      meaning:
        'You are keeping several things in the air at once, and so far you are managing with surprising grace. The Two of Pentacles asks you to stay light on your feet and adjust as priorities shift. A sense of humour and a flexible schedule will carry you further than rigid control.',
    },
    reversed: {
      keywords: ['overcommitment', 'dropped balls', 'disorganisation', 'stretched thin'],
      meaning:
        'You may have taken on more than you can comfortably juggle, and things are starting to slip. Rather than trying even harder, it may be time to put something down. Decide what truly matters this week, and let the rest wait its turn.',
    },
  },
  three_of_pentacles: {
    names: { rws: 'Three of Pentacles', thoth: 'Three of Disks (Works)', marseille: 'Trois de Deniers' },
    upright: {
      keywords: ['teamwork', 'craftsmanship', 'collaboration', 'building skills'],
      meaning:
        'Good work is getting done because different people are bringing their skills to the same table. The Three of Pentacles celebrates craftsmanship, learning and the value of honest feedback. Share your ideas, respect what others contribute, and take pride in building something well.',
    },
    reversed: {
      keywords: ['poor teamwork', 'crossed purposes', 'sloppy work', 'doing it all alone'],
      meaning:
        'A project may be suffering because people are pulling in different directions, or nobody is really listening. You might also be trying to do everything yourself, or hurrying past the details. Bring everyone back to a shared plan, and let quality matter more than speed.',
    },
  },
  four_of_pentacles: {
    names: { rws: 'Four of Pentacles', thoth: 'Four of Disks (Power)', marseille: 'Quatre de Deniers' },
    upright: {
      keywords: ['security', 'conservation', 'control', 'holding tight'],
      meaning:
        'You have worked hard for a sense of stability, and it is natural to want to protect it. The Four of Pentacles asks you to look at what you are holding on to, and why. Keeping things safe is wise, as long as your grip still leaves room for generosity and change.',
    },
    reversed: {
      keywords: ['scarcity mindset', 'possessiveness', 'careless release', 'fear of loss'],
      meaning:
        'Your grip may have tightened into a fear that there will never be enough, whether of time, love or resources. Or, swinging the other way, you might be letting things go too carelessly. Ask what real security would look like for you, and hold what you value with an open hand.',
    },
  },
  five_of_pentacles: {
    names: { rws: 'Five of Pentacles', thoth: 'Five of Disks (Worry)', marseille: 'Cinq de Deniers' },
    upright: {
      keywords: ['hardship', 'exclusion', 'worry', 'out in the cold'],
      meaning:
        'You may be going through a lean or lonely stretch, feeling shut outside while everyone else seems warm. The Five of Pentacles acknowledges how hard that is, and points to the lit window just nearby. Help and community are closer than they appear, so let yourself ask and receive.',
    },
    reversed: {
      keywords: ['turning a corner', 'accepting help', 'lingering worry', 'pride'],
      meaning:
        "Things may be starting to improve, even if your worry hasn't quite caught up with the good news. Sometimes the hardest part is letting others in, especially when pride keeps you standing outside. Accept the hand that is offered, and notice the small signs that you are turning a corner.",
    },
  },
  six_of_pentacles: {
    names: { rws: 'Six of Pentacles', thoth: 'Six of Disks (Success)', marseille: 'Six de Deniers' },
    upright: {
      keywords: ['generosity', 'giving and receiving', 'fair exchange', 'support'],
      meaning:
        'Giving and receiving are flowing in a healthy way, and kindness is finding its way to where it is needed. The Six of Pentacles asks you to share what you can and to accept support graciously when it comes. A fair exchange leaves everyone standing a little taller.',
    },
    reversed: {
      keywords: ['strings attached', 'one-sided giving', 'power imbalance', 'unable to receive'],
      meaning:
        'Help may be arriving with strings attached, or you might be the one who always gives and never receives. Watch for generosity that quietly turns into control, on either side. Look for exchanges where both people keep their dignity, and allow yourself to receive as well as give.',
    },
  },
  seven_of_pentacles: {
    names: { rws: 'Seven of Pentacles', thoth: 'Seven of Disks (Failure)', marseille: 'Sept de Deniers' },
    upright: {
      keywords: ['patience', 'long-term view', 'assessment', 'steady growth'],
      meaning:
        "You have planted and tended, and now comes the pause between effort and harvest. The Seven of Pentacles invites you to step back, review your progress and decide where your energy should go next. Growth that can't be rushed is often the kind that lasts.",
    },
    reversed: {
      keywords: ['impatience', 'disappointing yield', 'misplaced effort', 'second-guessing'],
      meaning:
        "Progress may feel slow, and you might be tempted to dig up the seeds just to check they're growing. Or effort is still going into something that no longer deserves it. Be honest about what is actually working, then either wait patiently or move your care elsewhere.",
    },
  },
  eight_of_pentacles: {
    names: { rws: 'Eight of Pentacles', thoth: 'Eight of Disks (Prudence)', marseille: 'Huit de Deniers' },
    upright: {
      keywords: ['diligence', 'mastery', 'practice', 'attention to detail'],
      meaning:
        'Steady, careful work is turning into real skill. The Eight of Pentacles encourages you to commit to your craft, one patient repetition at a time. Pride in the small details now will show up later as quality that others can see.',
    },
    reversed: {
      keywords: ['perfectionism', 'tedium', 'cutting corners', 'lost purpose'],
      meaning:
        'You might be polishing the same piece endlessly, or feeling so bored that you have started to cut corners. Either way, the joy of getting better at something has gone missing. Reconnect with why this work matters to you, or ask whether your effort belongs somewhere else.',
    },
  },
  nine_of_pentacles: {
    names: { rws: 'Nine of Pentacles', thoth: 'Nine of Disks (Gain)', marseille: 'Neuf de Deniers' },
    upright: {
      keywords: ['self-sufficiency', 'refinement', 'independence', 'well-earned comfort'],
      meaning:
        'You have built a life with your own hands, and you can enjoy its fruits without apology. The Nine of Pentacles celebrates independence, good taste and the quiet pleasure of walking in a garden you grew yourself. Take a moment to savour what your discipline has made possible.',
    },
    reversed: {
      keywords: ['overwork', 'keeping up appearances', 'leaning on others', 'lonely success'],
      meaning:
        "You might be working so hard to keep up appearances that there is little time left to enjoy anything. Or you could be relying on others' support while doubting your ability to stand on your own. Ask what independence really means to you, and make room for the simple pleasures you have earned.",
    },
  },
  ten_of_pentacles: {
    names: { rws: 'Ten of Pentacles', thoth: 'Ten of Disks (Wealth)', marseille: 'Dix de Deniers' },
    upright: {
      keywords: ['legacy', 'family roots', 'lasting security', 'heritage'],
      meaning:
        'This card speaks of what endures: family ties, shared customs and foundations built to outlast a single season. The Ten of Pentacles invites you to think about what you are building for the long run, and whom it will serve. Appreciate the roots that hold you, and tend them for those who come after.',
    },
    reversed: {
      keywords: ['family friction', 'inherited patterns', 'short-term thinking', 'heavy expectations'],
      meaning:
        'Long-standing family patterns or expectations may be causing friction, or an old structure has started to feel too heavy to carry. You might also be tempted to trade what lasts for something quick. Keep what is worth keeping, and have the honest conversations that let the rest change.',
    },
  },
  page_of_pentacles: {
    names: { rws: 'Page of Pentacles', thoth: 'Princess of Disks', marseille: 'Valet de Deniers' },
    upright: {
      keywords: ['eager student', 'new skill', 'practical dreams', 'steady start'],
      meaning:
        'A practical dream is taking shape, and you are ready to learn what it will take. The Page of Pentacles encourages you to study, plan and take the first grounded step. Small, reliable effort is how your ambitions will put down roots.',
    },
    reversed: {
      keywords: ['stalled learning', 'no follow-through', 'distraction', 'unrealistic plans'],
      meaning:
        'You may be dreaming about a goal without taking the first real step, or losing interest once the work becomes routine. Distractions could be pulling you away from something that deserves your focus. Break the goal into one small task for today, and see it through to the end.',
    },
  },
  knight_of_pentacles: {
    names: { rws: 'Knight of Pentacles', thoth: 'Prince of Disks', marseille: 'Cavalier de Deniers' },
    upright: {
      keywords: ['reliability', 'routine', 'perseverance', 'methodical progress'],
      meaning:
        'Slow and steady is your strength right now. The Knight of Pentacles asks you to keep showing up, following your plan with patience and care. Others can count on you, and your consistency will bring results that last.',
    },
    reversed: {
      keywords: ['stuck in a rut', 'boredom', 'stubbornness', 'excessive caution'],
      meaning:
        'Routine may have hardened into a rut, and caution might be stopping you from moving at all. You could also be working so doggedly that you have forgotten why you started. Shake up one small habit, and let a little adventure back into your steady pace.',
    },
  },
  queen_of_pentacles: {
    names: { rws: 'Queen of Pentacles', thoth: 'Queen of Disks', marseille: 'Reine de Deniers' },
    upright: {
      keywords: ['practical care', 'groundedness', 'warm home', 'down-to-earth wisdom'],
      meaning:
        'You have a gift for making people feel looked after in practical, down-to-earth ways. The Queen of Pentacles invites you to create comfort for yourself and others, whether through a good meal, a welcoming space or simply being present. Balance the care you give with generous care for yourself.',
    },
    reversed: {
      keywords: ['overgiving', 'fussing', 'work-home imbalance', 'neglected nest'],
      meaning:
        "You may be tending everyone else's needs while your own quietly go unmet. Or care is turning into fussing and control, leaving others little room to grow. Restore the balance between home, work and rest, and remember that you deserve the comfort you give so freely.",
    },
  },
  king_of_pentacles: {
    names: { rws: 'King of Pentacles', thoth: 'Knight of Disks', marseille: 'Roi de Deniers' },
    upright: {
      keywords: ['steady leadership', 'security', 'generous provider', 'discipline'],
      meaning:
        'You have built something solid, and others can lean on your steadiness. The King of Pentacles invites you to lead with patience, reliability and a generous spirit. Use what you have built to support both your own ambitions and the people you care about.',
    },
    reversed: {
      keywords: ['possessiveness', 'status worries', 'inflexibility', 'all work'],
      meaning:
        'Security may be turning into an obsession, whether with status, possessions or control. Or you might be so focused on work that relationships and joy are quietly left behind. Remember what all that building was meant to protect, and give your time and attention back to the people you love.',
    },
  },
};
