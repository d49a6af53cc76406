import type { CustomModel, DataFrame, ModelContext } from '../../../src/index.js';

/** An LLM-style model: answers the last message, with the `temperature` param echoed back. */
export default {
  predict(_context: ModelContext, input: DataFrame, params: Readonly<Record<string, unknown>>): unknown {
    const messages = input.column('messages').get(0) as { content: string }[];
    const content = `you said: ${messages[messages.length - 1]!.content}`;
    return { choices: [{ message: { role: 'assistant', content } }], temperature: params.temperature };
  },
} satisfies CustomModel<DataFrame>;
