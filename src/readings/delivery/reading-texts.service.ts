import { Injectable } from '@nestjs/common';
import { Language } from 'src/common/i18n/i18n.service';
import { CardText, DeckStyle } from '../deck/card';
import { CARD_TEXTS_EN } from '../deck/card-texts.en';
import { CARD_TEXTS_RU } from '../deck/card-texts.ru';
import { CARD_TEXTS_UK } from '../deck/card-texts.uk';
import { QUESTIONNAIRE_TEXTS_EN } from '../spreads/questionnaire-texts.en';
import { QUESTIONNAIRE_TEXTS_RU } from '../spreads/questionnaire-texts.ru';
import { QUESTIONNAIRE_TEXTS_UK } from '../spreads/questionnaire-texts.uk';
import { QuestionnaireText, SpreadText } from '../spreads/spread-text';
import { SPREAD_TEXTS_EN } from '../spreads/spread-texts.en';
import { SPREAD_TEXTS_RU } from '../spreads/spread-texts.ru';
import { SPREAD_TEXTS_UK } from '../spreads/spread-texts.uk';

interface LanguageContent {
  cards: Record<string, CardText>;
  spreads: Record<string, SpreadText>;
  questionnaires: Record<string, QuestionnaireText>;
}

const CONTENT: Record<Language, LanguageContent> = {
  en: { cards: CARD_TEXTS_EN, spreads: SPREAD_TEXTS_EN, questionnaires: QUESTIONNAIRE_TEXTS_EN },
  uk: { cards: CARD_TEXTS_UK, spreads: SPREAD_TEXTS_UK, questionnaires: QUESTIONNAIRE_TEXTS_UK },
  ru: { cards: CARD_TEXTS_RU, spreads: SPREAD_TEXTS_RU, questionnaires: QUESTIONNAIRE_TEXTS_RU },
};

function humanize(key: string): string {
  const words = key.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * The reading texts of the message catalogue: card names and meanings, spread and position
 * names, questionnaire questions, per language. A spread an operator added to the catalogue
 * without texts gets readable names made from its keys.
 */
@Injectable()
export class ReadingTextsService {
  card(language: Language, cardId: string): CardText {
    return CONTENT[language].cards[cardId] ?? CONTENT.en.cards[cardId];
  }

  cardName(language: Language, cardId: string, deck: DeckStyle): string {
    return this.card(language, cardId).names[deck];
  }

  spread(language: Language, spreadKey: string, positions: readonly string[]): SpreadText {
    const text = CONTENT[language].spreads[spreadKey] ?? CONTENT.en.spreads[spreadKey];
    if (text) return text;
    return {
      name: humanize(spreadKey),
      description: '',
      positions: Object.fromEntries(positions.map((p) => [p, { name: humanize(p), meaning: humanize(p).toLowerCase() }])),
    };
  }

  position(language: Language, spreadKey: string, positions: readonly string[], positionKey: string) {
    const text = this.spread(language, spreadKey, positions).positions[positionKey];
    return text ?? { name: humanize(positionKey), meaning: humanize(positionKey).toLowerCase() };
  }

  questionnaire(language: Language, key: string | null): QuestionnaireText {
    if (!key) return [];
    return CONTENT[language].questionnaires[key] ?? CONTENT.en.questionnaires[key] ?? [];
  }
}
