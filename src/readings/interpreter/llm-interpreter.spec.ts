import { BuiltinInterpreter } from './builtin-interpreter';
import { FakeLlmServer } from './fake-llm-server';
import type { Interpretation, InterpretationInput, Interpreter } from './interpretation';
import type { ReadingProgress } from './interpretation';
import { minorCard, place, THE_SUN, THREE_CARDS, reading } from './interpretation.fixtures';
import type { LlmMaterial } from './llm-prompt';
import { LlmInterpreter, type LlmEvent, type LlmInterpreterOptions } from './llm-interpreter';

const API_KEY = 'sk-test-5ecret-key-0123456789';
const GOOD_REPLY = {
  theme: 'A spread of upheaval and hope.',
  journey: ['The Tower in the past.', 'The Five of Cups reversed now.', 'The Star ahead.'],
  guidance: 'Take one small step.',
};
const BUILTIN_RESULT: Interpretation = { theme: 'builtin', journey: ['a', 'b', 'c'], guidance: 'g', source: 'builtin' };

interface ChatBody {
  model: string;
  messages: { role: string; content: string }[];
  response_format?: { type: string };
  stream?: boolean;
}

/** Follows a reading's progress as the reading generator does: what it shows each time it looks. */
function follower() {
  const seen: ReadingProgress[] = [];
  return { seen, onProgress: (read: () => ReadingProgress) => seen.push(read()) };
}

describe('LlmInterpreter', () => {
  const server = new FakeLlmServer();
  let events: LlmEvent[];
  let fallback: jest.Mocked<Interpreter>;

  beforeAll(async () => {
    await server.start();
  });
  afterAll(async () => {
    await server.stop();
  });
  beforeEach(() => {
    server.reset();
    events = [];
    fallback = { interpret: jest.fn(async (_input: InterpretationInput, _seed: number) => BUILTIN_RESULT) };
  });

  const create = (options: Partial<LlmInterpreterOptions> = {}, backup: Interpreter = fallback) =>
    new LlmInterpreter(
      { baseUrl: server.baseUrl, apiKey: API_KEY, model: 'tarot-model', timeoutMs: 2_000, retries: 2, backoffMs: 5, ...options },
      backup,
      (event) => events.push(event),
    );
  const bodyOf = (i: number) => server.completions[i].body as ChatBody;
  const kinds = () => events.map((e) => e.kind);

  it('returns the model’s reading and sends it the cards and the question', async () => {
    server.enqueue({ kind: 'reply', content: GOOD_REPLY });
    const result = await create().interpret(reading(THREE_CARDS), 1);

    expect(result).toEqual({ ...GOOD_REPLY, source: 'llm' });
    expect(server.completions).toHaveLength(1);
    const body = bodyOf(0);
    const prompt = body.messages.map((m) => m.content).join('\n');
    for (const card of THREE_CARDS) expect(prompt).toContain(card.name);
    expect(prompt).toContain('Should I take the new job offer in Lviv?');
    expect(prompt).toContain('English');
    expect(body.model).toBe('tarot-model');
    expect(body.response_format).toEqual({ type: 'json_object' });
    expect(server.completions[0].headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(kinds()).toEqual(['success']);
    expect(fallback.interpret).not.toHaveBeenCalled();
  });

  it('names the reading’s language to the model', async () => {
    await create().interpret(reading(THREE_CARDS, { language: 'uk' }), 1);
    expect(bodyOf(0).messages[0].content).toContain('Ukrainian');
  });

  it('sends a placeholder key when none is configured', async () => {
    await create({ apiKey: undefined }).interpret(reading(THREE_CARDS), 1);
    expect(server.completions[0].headers.authorization).toBe('Bearer none');
  });

  it('retries a timeout and then falls back', async () => {
    server.setDefault({ kind: 'auto', delayMs: 1_000 });
    const result = await create({ timeoutMs: 100 }).interpret(reading(THREE_CARDS), 1);

    expect(result.source).toBe('builtin');
    expect(server.completions).toHaveLength(3);
    expect(kinds()).toEqual(['failure', 'failure', 'failure', 'fallback']);
    expect(events[0].error).toContain('100 ms');
    expect(fallback.interpret).toHaveBeenCalledWith(reading(THREE_CARDS), 1);
  });

  it('keeps a hanging model within the reading’s budget: no retry that would outlast it', async () => {
    server.setDefault({ kind: 'auto', delayMs: 60_000 });
    const started = Date.now();
    const result = await create({ timeoutMs: 1_500, budgetMs: 2_000, retries: 5 }).interpret(reading(THREE_CARDS), 1);
    expect(result.source).toBe('builtin');
    expect(Date.now() - started).toBeLessThan(2_000 + 1_000);
    expect(server.completions.length).toBeLessThanOrEqual(2);
    expect(kinds().at(-1)).toBe('fallback');
  });

  it('asks for at most max_tokens, and for max_completion_tokens when the model refuses max_tokens', async () => {
    server.enqueue({
      kind: 'status',
      status: 400,
      body: { error: { message: "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead." } },
    });
    const result = await create({ maxTokens: 1_234, retries: 0 }).interpret(reading(THREE_CARDS), 1);
    expect(result.source).toBe('llm');
    expect((bodyOf(0) as unknown as { max_tokens?: number }).max_tokens).toBe(1_234);
    expect(bodyOf(1) as unknown as { max_tokens?: number; max_completion_tokens?: number }).toMatchObject({ max_completion_tokens: 1_234 });
    expect((bodyOf(1) as unknown as { max_tokens?: number }).max_tokens).toBeUndefined();
  });

  it('says what was wrong with a 200 that is not a chat completion', async () => {
    server.setDefault({ kind: 'status', status: 200, body: { error: { message: 'quota exceeded' } } });
    const result = await create().interpret(reading(THREE_CARDS), 1);
    expect(result.source).toBe('builtin');
    expect(events[0].error).toBe('MalformedReplyError: the reply is not a chat completion (no "choices"; it has: error)');
  });

  it('opens the breaker after two readings that timed out, before the failure threshold', async () => {
    server.setDefault({ kind: 'auto', delayMs: 5_000 });
    const sut = create({ timeoutMs: 100, retries: 0, breaker: { failureThreshold: 5, timeoutThreshold: 2, resetMs: 60_000 } });
    await sut.interpret(reading(THREE_CARDS), 1);
    expect(kinds()).not.toContain('breaker_open');
    await sut.interpret(reading(THREE_CARDS), 1);
    expect(kinds()).toContain('breaker_open');
    await sut.interpret(reading(THREE_CARDS), 1);
    expect(server.completions).toHaveLength(2);
  });

  it('retries a 500 and succeeds', async () => {
    server.enqueue({ kind: 'status', status: 500 });
    const result = await create().interpret(reading(THREE_CARDS), 1);
    expect(result.source).toBe('llm');
    expect(server.completions).toHaveLength(2);
    expect(kinds()).toEqual(['failure', 'success']);
  });

  it('retries a 429 and a dropped connection', async () => {
    server.enqueue({ kind: 'status', status: 429, headers: { 'retry-after': '0' } }, { kind: 'drop' });
    const result = await create().interpret(reading(THREE_CARDS), 1);
    expect(result.source).toBe('llm');
    expect(server.completions).toHaveLength(3);
  });

  it('does not retry a 401, and falls back', async () => {
    server.setDefault({ kind: 'status', status: 401, body: { error: { message: 'Invalid API key' } } });
    const result = await create().interpret(reading(THREE_CARDS), 1);
    expect(result.source).toBe('builtin');
    expect(server.completions).toHaveLength(1);
    expect(kinds()).toEqual(['failure', 'fallback']);
  });

  it('does not retry a 400', async () => {
    server.setDefault({ kind: 'status', status: 400, body: { error: { message: 'bad model' } } });
    expect((await create().interpret(reading(THREE_CARDS), 1)).source).toBe('builtin');
    expect(server.completions).toHaveLength(1);
  });

  it('asks again without JSON mode when the server rejects response_format', async () => {
    server.enqueue({ kind: 'status', status: 400, body: { error: { message: "Unsupported parameter: 'response_format'" } } });
    const sut = create({ retries: 0 });
    expect((await sut.interpret(reading(THREE_CARDS), 1)).source).toBe('llm');
    expect(server.completions).toHaveLength(2);
    expect(bodyOf(1).response_format).toBeUndefined();
    await sut.interpret(reading(THREE_CARDS), 1);
    expect(bodyOf(2).response_format).toBeUndefined();
  });

  it.each([
    ['a body that is not JSON', { kind: 'malformed' as const }],
    ['content that is not JSON', { kind: 'reply' as const, content: 'The cards say yes!' }],
    ['a journey of the wrong length', { kind: 'reply' as const, content: { ...GOOD_REPLY, journey: ['only one'] } }],
    ['an empty guidance', { kind: 'reply' as const, content: { ...GOOD_REPLY, guidance: '  ' } }],
  ])('falls back without retrying on %s', async (_, behaviour) => {
    server.setDefault(behaviour);
    const result = await create().interpret(reading(THREE_CARDS), 1);
    expect(result).toEqual(BUILTIN_RESULT);
    expect(server.completions).toHaveLength(1);
    expect(kinds()).toEqual(['failure', 'fallback']);
  });

  it('accepts a reply wrapped in a code fence and strips Markdown emphasis', async () => {
    const content = `\`\`\`json\n${JSON.stringify({ ...GOOD_REPLY, theme: '**Upheaval** and hope.' })}\n\`\`\``;
    server.enqueue({ kind: 'reply', content });
    const result = await create().interpret(reading(THREE_CARDS), 1);
    expect(result.source).toBe('llm');
    expect(result.theme).toBe('Upheaval and hope.');
  });

  it('opens the breaker after the threshold and then skips the server until the reset', async () => {
    server.setDefault({ kind: 'status', status: 503 });
    const sut = create({ retries: 0, breaker: { failureThreshold: 2, resetMs: 300 } });

    await sut.interpret(reading(THREE_CARDS), 1);
    await sut.interpret(reading(THREE_CARDS), 1);
    expect(server.completions).toHaveLength(2);
    expect(kinds()).toContain('breaker_open');

    for (let i = 0; i < 3; i++) expect((await sut.interpret(reading(THREE_CARDS), 1)).source).toBe('builtin');
    expect(server.completions).toHaveLength(2);
    expect(events.filter((e) => e.kind === 'breaker_open')).toHaveLength(1);

    await new Promise((resolve) => setTimeout(resolve, 350));
    server.setDefault({ kind: 'auto' });
    expect((await sut.interpret(reading(THREE_CARDS), 1)).source).toBe('llm');
    expect(server.completions).toHaveLength(3);
    expect((await sut.interpret(reading(THREE_CARDS), 1)).source).toBe('llm');
  });

  it('never puts the API key in an error, even when the server echoes it', async () => {
    server.setDefault({
      kind: 'status',
      status: 401,
      body: { error: { message: `Incorrect API key provided: ${API_KEY}. Header was Bearer ${API_KEY}` } },
    });
    const result = await create().interpret(reading(THREE_CARDS), 1);
    expect(events.filter((e) => e.error)).not.toHaveLength(0);
    for (const event of events) expect(JSON.stringify(event)).not.toContain(API_KEY);
    expect(JSON.stringify(result)).not.toContain(API_KEY);
  });

  it('keeps the key out of the error the fallback itself throws', async () => {
    server.setDefault({ kind: 'status', status: 500, body: { error: { message: `boom ${API_KEY}` } } });
    const failing: Interpreter = { interpret: jest.fn(async () => Promise.reject(new Error('fallback failed'))) };
    const error = await create({ retries: 0 }, failing).interpret(reading(THREE_CARDS), 1).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect(String((error as Error).message)).not.toContain(API_KEY);
  });

  it('falls back to the built-in interpreter with a real reading', async () => {
    server.setDefault({ kind: 'status', status: 401 });
    const result = await create({}, new BuiltinInterpreter()).interpret(reading(THREE_CARDS), 1);
    expect(result.source).toBe('builtin');
    expect(result.journey).toHaveLength(3);
  });

  it('survives a metrics hook that throws', async () => {
    const sut = new LlmInterpreter({ baseUrl: server.baseUrl, model: 'm' }, fallback, () => {
      throw new Error('metrics down');
    });
    expect((await sut.interpret(reading(THREE_CARDS), 1)).source).toBe('llm');
  });

  describe('the prompt', () => {
    const materialOf = (i: number): LlmMaterial => {
      const user = bodyOf(i).messages.find((m) => m.role === 'user')!.content;
      return JSON.parse(user.slice(user.indexOf('{'))) as LlmMaterial;
    };

    it('gives every card its position’s role, and an upright bright card in the obstacle its shadow', async () => {
      const cards = [place(minorCard('pentacles', 3), 'current_role'), place(minorCard('wands', 6), 'strengths'), place(THE_SUN, 'obstacles'), place(minorCard('cups', 2), 'next_step')];
      await create().interpret(reading(cards, { spreadKey: 'career', spreadName: 'Career Path', question: 'How do I grow at work?' }), 1);
      const material = materialOf(0);
      expect(material.cards.map((c) => c.role)).toEqual(['situation', 'strength', 'challenge', 'advice']);
      expect(material.cards[2].roleBrief).toMatch(/shadow or its excess/);
      expect(material.cards[2].asObstacle).toEqual(expect.any(String));
      expect(material.cards[2].asObstacle!.length).toBeGreaterThan(20);
      expect(bodyOf(0).messages[0].content).toContain('through its position\'s role');
    });

    it('names the question’s domain and how to answer it, and reads each card in that area', async () => {
      await create().interpret(reading(THREE_CARDS), 1);
      const material = materialOf(0);
      expect(material.domain).toMatchObject({ subject: 'career', form: 'yes_no' });
      expect(material.domain.brief).toMatch(/clear leaning/);
      expect(material.domain.brief).toMatch(/work/);
      expect(material.cards.find((c) => c.card === 'The Star')?.inThisArea).toEqual(expect.any(String));
    });

    it('gives the questionnaire’s answers with what each is and the position that speaks to it', async () => {
      const cards = [place(minorCard('pentacles', 3), 'current_role'), place(minorCard('wands', 6), 'strengths'), place(THE_SUN, 'obstacles'), place(minorCard('cups', 2), 'next_step')];
      const answers = [
        { question: 'What is your role now?', answer: 'Junior designer at a studio' },
        { question: 'What would you like to do next?', answer: 'Lead my own projects' },
        { question: 'What are you good at?', answer: null },
        { question: 'What holds you back?', answer: 'Fear of speaking up' },
      ];
      await create().interpret(reading(cards, { spreadKey: 'career', spreadName: 'Career Path', answers, questionnaire: 'career_goals' }), 1);
      expect(materialOf(0).answers).toEqual([
        { question: 'What is your role now?', answer: 'Junior designer at a studio', kind: 'a fact of their situation', speaksTo: 'Current Role' },
        { question: 'What would you like to do next?', answer: 'Lead my own projects', kind: 'a plan', speaksTo: 'Next Step' },
        { question: 'What holds you back?', answer: 'Fear of speaking up', kind: 'an obstacle', speaksTo: 'Obstacles' },
      ]);
    });
  });

  describe('streaming', () => {
    it('asks for a stream when someone follows the progress, and reports the text as it grows', async () => {
      server.enqueue({ kind: 'reply', content: GOOD_REPLY, chunkChars: 10 });
      const { seen, onProgress } = follower();
      const result = await create().interpret(reading(THREE_CARDS), 1, { onProgress });

      expect(result).toEqual({ ...GOOD_REPLY, source: 'llm' });
      expect(bodyOf(0).stream).toBe(true);
      expect(seen.length).toBeGreaterThan(5);
      expect(seen.some((p) => p.theme !== undefined && p.theme.length < GOOD_REPLY.theme.length)).toBe(true);
      expect(seen.at(-1)).toEqual({ theme: GOOD_REPLY.theme, journey: GOOD_REPLY.journey, guidance: GOOD_REPLY.guidance });
      const themes = seen.map((p) => p.theme?.length ?? 0);
      expect(themes).toEqual([...themes].sort((a, b) => a - b));
    });

    it('does not stream when nobody follows the progress', async () => {
      await create().interpret(reading(THREE_CARDS), 1);
      expect(bodyOf(0).stream).toBeUndefined();
    });

    it('retries a stream cut midway, abandoning what was shown, and returns the whole reading', async () => {
      server.enqueue({ kind: 'reply', content: GOOD_REPLY, chunkChars: 10, cutAfterChars: 60 }, { kind: 'reply', content: GOOD_REPLY });
      const { seen, onProgress } = follower();
      const result = await create().interpret(reading(THREE_CARDS), 1, { onProgress });

      expect(result).toEqual({ ...GOOD_REPLY, source: 'llm' });
      expect(server.completions).toHaveLength(2);
      expect(kinds()).toEqual(['failure', 'success']);
      expect(events[0].error).toMatch(/^StreamCutError/);
      const shown = seen.findIndex((p) => p.theme);
      const restart = seen.findIndex((p, i) => i > shown && p.theme === undefined && p.journey.length === 0);
      expect(shown).toBeGreaterThanOrEqual(0);
      expect(restart).toBeGreaterThan(shown);
      expect(seen.at(-1)?.guidance).toBe(GOOD_REPLY.guidance);
    });

    it('falls back to the other interpreter when every stream is cut, and abandons the draft', async () => {
      server.setDefault({ kind: 'auto', chunkChars: 10, cutAfterChars: 40 });
      const { seen, onProgress } = follower();
      const result = await create({ retries: 1 }).interpret(reading(THREE_CARDS), 1, { onProgress });
      expect(result).toEqual(BUILTIN_RESULT);
      expect(server.completions).toHaveLength(2);
      expect(kinds()).toEqual(['failure', 'failure', 'fallback']);
      expect(seen.at(-1)).toEqual({ journey: [] });
    });

    it('keeps a stream that trickles within the attempt’s timeout', async () => {
      server.setDefault({ kind: 'auto', chunkChars: 5, chunkDelayMs: 100 });
      const started = Date.now();
      const result = await create({ timeoutMs: 300, budgetMs: 1_000, retries: 5 }).interpret(reading(THREE_CARDS), 1, follower());
      expect(result.source).toBe('builtin');
      expect(Date.now() - started).toBeLessThan(1_000 + 1_000);
      expect(events[0].error).toContain('300 ms');
    });

    it('works with a server that answers a stream request with the whole completion, and asks it whole from then on', async () => {
      server.setStreaming(false);
      const sut = create();
      const { seen, onProgress } = follower();
      expect(await sut.interpret(reading(THREE_CARDS), 1, { onProgress })).toMatchObject({ source: 'llm' });
      expect(bodyOf(0).stream).toBe(true);
      expect(seen).toEqual([]);
      expect((await sut.interpret(reading(THREE_CARDS), 1, { onProgress })).source).toBe('llm');
      expect(bodyOf(1).stream).toBeUndefined();
    });

    it('names a broken body given to a stream request, and falls back', async () => {
      server.setDefault({ kind: 'malformed' });
      const result = await create().interpret(reading(THREE_CARDS), 1, follower());
      expect(result).toEqual(BUILTIN_RESULT);
      expect(events[0].error).toBe('MalformedReplyError: the reply to a stream request is neither a stream nor JSON');
    });

    it('asks again without streaming when the server refuses stream', async () => {
      server.enqueue({ kind: 'status', status: 400, body: { error: { message: "Unsupported parameter: 'stream'" } } });
      const result = await create({ retries: 0 }).interpret(reading(THREE_CARDS), 1, follower());
      expect(result.source).toBe('llm');
      expect(server.completions).toHaveLength(2);
      expect(bodyOf(1).stream).toBeUndefined();
    });

    it('falls back without retrying when a stream that said it was finished is not a whole reading', async () => {
      server.setDefault({ kind: 'reply', content: '{"theme": "A long' });
      const result = await create().interpret(reading(THREE_CARDS), 1, follower());
      expect(result).toEqual(BUILTIN_RESULT);
      expect(server.completions).toHaveLength(1);
    });
  });
});
