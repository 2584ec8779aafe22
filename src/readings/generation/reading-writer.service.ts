import { Inject, Injectable } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import { CatalogService } from 'src/catalog/catalog.service';
import { Language } from 'src/common/i18n/i18n.service';
import { UserPreferences } from 'src/users/user.entity';
import { DeckStyle, DECKS } from '../deck/card';
import { DECK } from '../deck/deck';
import { drawCards } from '../flow/draw';
import { Interpretation, InterpretationInput, Interpreter, ReadingProgress } from '../interpreter/interpretation';
import { readQuestion } from '../interpreter/question-reader';
import { sentenceKeysOf } from '../interpreter/sentence-ledger';
import { BUILTIN_INTERPRETER, READING_INTERPRETER } from '../interpreter/interpreter-tokens';
import { ReadingsService } from '../readings.service';
import { positionSpec } from '../spreads/position-roles';
import { DrawnCard, QuestionnaireResponses } from '../reading.entity';
import { ReadingTextsService } from '../delivery/reading-texts.service';

export interface WrittenReading {
  spreadKey: string;
  cards: DrawnCard[];
  interpretation: Interpretation;
  spreadName: string;
}

export interface WriteRequest {
  spreadKey: string;
  positions: readonly string[];
  question: string | null;
  responses: QuestionnaireResponses | null;
  preferences: UserPreferences;
  language: Language;
  /** The built-in interpreter only (the free card of the day), whatever is configured. */
  builtinOnly?: boolean;
  /** Whose reading this is: their recent readings are passed on so that no sentence of them is said again. */
  userId?: number;
  /** Follows the text while an interpreter that writes as it goes (an LLM) writes it; see InterpretOptions. */
  onProgress?: (read: () => ReadingProgress, cards: DrawnCard[]) => void;
}

/** A reading repeats no sentence of the user's last this-many readings (this one included). */
export const UNREPEATED_READINGS = 20;

export function deckStyleOf(preferences: UserPreferences): DeckStyle {
  return (DECKS as readonly string[]).includes(preferences.deck ?? '') ? (preferences.deck as DeckStyle) : 'rws';
}

/** Draws the cards and writes the interpretation: the slow part of a reading, outside any transaction. */
@Injectable()
export class ReadingWriterService {
  constructor(
    @Inject(READING_INTERPRETER) private readonly interpreter: Interpreter,
    @Inject(BUILTIN_INTERPRETER) private readonly builtin: Interpreter,
    private readonly texts: ReadingTextsService,
    private readonly catalog: CatalogService,
    private readonly readings: ReadingsService,
  ) {}

  async write(request: WriteRequest): Promise<WrittenReading> {
    const { language, preferences, positions, spreadKey } = request;
    const deck = deckStyleOf(preferences);
    const spreadText = this.texts.spread(language, spreadKey, positions);
    const draws = drawCards(positions.length, DECK.length, this.catalog.catalog.reversalProbability, preferences.reversals !== false);
    const answers = request.responses?.answers ?? [];
    const recent = request.userId ? await this.readings.recentInterpretations(request.userId, UNREPEATED_READINGS - 1) : [];
    const input: InterpretationInput = {
      spreadKey,
      spreadName: spreadText.name,
      question: request.question,
      answers,
      questionnaire: request.responses?.questionnaire ?? null,
      language,
      deck,
      focus: readQuestion(request.question, answers.map((a) => a.answer), spreadKey),
      recentSentences: sentenceKeysOf(recent),
      cards: draws.map((draw, i) => {
        const facts = DECK[draw.index];
        const position = this.texts.position(language, spreadKey, positions, positions[i]);
        const { role, area } = positionSpec(spreadKey, positions[i]);
        return {
          facts,
          text: this.texts.card(language, facts.id),
          name: this.texts.cardName(language, facts.id, deck),
          reversed: draw.reversed,
          position: { key: positions[i], ...position, role, ...(area ? { area } : {}) },
        };
      }),
    };
    const cards: DrawnCard[] = input.cards.map((card) => ({
      cardId: card.facts.id,
      name: card.name,
      reversed: card.reversed,
      positionKey: card.position.key,
      positionName: card.position.name,
    }));
    const interpreter = request.builtinOnly ? this.builtin : this.interpreter;
    const { onProgress } = request;
    const interpretation = await interpreter.interpret(input, randomInt(2 ** 31), onProgress ? { onProgress: (read) => onProgress(read, cards) } : {});
    return { spreadKey, cards, interpretation, spreadName: spreadText.name };
  }
}
