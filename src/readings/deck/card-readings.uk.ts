import { CARD_READINGS_EN } from './card-readings.en';
export const CARD_READINGS_UK = CARD_READINGS_EN;
