/**
 * Recognises a question that speaks of self-harm, suicide or a medical emergency, so the bot
 * answers with care and a pointer to real help instead of a reading. It errs on the side of
 * caring: a false alarm costs a gentle message, a miss could cost much more.
 */
const PATTERNS: RegExp[] = [
  // English
  /\b(kill|hurt|harm|cut)(ing)?\s+my\s?self\b/i,
  /\bsuicid(e|al)\b/i,
  /\b(end|take)\s+my\s+(own\s+)?life\b/i,
  /\bwant\s+to\s+die\b/i,
  /\b(don'?t|do not)\s+want\s+to\s+(live|be alive)\b/i,
  /\bself[-\s]?harm/i,
  /\boverdos(e|ed|ing)\b/i,
  /\b(heart attack|stroke|can'?t breathe|cannot breathe|chest pain|bleeding (a lot|heavily)|unconscious|seizure)\b/i,
  // Ukrainian
  /самогубств|суїцид|покінчити\s+з\s+собою|не\s+хочу\s+жити|хочу\s+померти|вбити\s+себе|нашкодити\s+собі|передозуван|серцевий\s+напад|інсульт|не\s+можу\s+дихати/i,
  // Russian
  /самоубийств|суицид|покончить\s+с\s+собой|не\s+хочу\s+жить|хочу\s+умереть|убить\s+себя|навредить\s+себе|передозировк|сердечный\s+приступ|инсульт|не\s+могу\s+дышать/i,
];

export function needsCare(text: string | null | undefined): boolean {
  if (!text) return false;
  const normalized = text.normalize('NFKC');
  return PATTERNS.some((pattern) => pattern.test(normalized));
}
