import type { PictureRequest, SpreadPicture } from './spread-picture';

/**
 * How large a picture's words come out on a phone 360 dp wide. Telegram for Android shows a photo
 * in a box 0.7 × the screen's shorter side wide and 100 dp taller than that, scaled to fit
 * (ChatMessageCell: photoWidth = min(displaySize) × 0.7, photoHeight = photoWidth + dp(100)).
 */
export const PHONE_WIDTH_DP = 360;
export const PHOTO_BOX = { width: Math.round(PHONE_WIDTH_DP * 0.7), height: Math.round(PHONE_WIDTH_DP * 0.7) + 100 };
/** Cap height of DejaVu Sans Condensed Bold, the names' face, per em. */
const NAME_CAP_HEIGHT = 0.729;
/** Cap height of DejaVu Sans, the labels' face, per em. */
const LABEL_CAP_HEIGHT = 0.729;

export interface Readability {
  width: number;
  height: number;
  /** Picture pixels per dp on the phone (at most 1: a small picture is not blown up). */
  scale: number;
  /** The smallest card name and position label, as font size and capital-letter height in dp. */
  name: { size: number; capHeight: number };
  label: { size: number; capHeight: number };
}

export function measureOnPhone(picture: SpreadPicture, request: PictureRequest): Readability {
  const measured = { names: [] as number[], labels: [] as number[] };
  const svg = picture.svg(request, measured);
  const [, width, height] = /width="(\d+(?:\.\d+)?)" height="(\d+(?:\.\d+)?)"/.exec(svg)?.map(Number) ?? [0, 1, 1];
  const scale = Math.min(1, PHOTO_BOX.width / width, PHOTO_BOX.height / height);
  const name = Math.min(...measured.names) * scale;
  const label = Math.min(...measured.labels) * scale;
  return {
    width,
    height,
    scale,
    name: { size: round(name), capHeight: round(name * NAME_CAP_HEIGHT) },
    label: { size: round(label), capHeight: round(label * LABEL_CAP_HEIGHT) },
  };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
