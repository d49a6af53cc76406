import type { CustomModel, DataFrame, ModelContext } from '../../../src/index.js';

interface Message {
  role: string;
  content: string;
}

/** An LLM-style model: chat messages in, a reply out, streamed word by word when asked. */
export default class EchoChat implements CustomModel<DataFrame, { choices: { message: Message }[] }> {
  predict(_context: ModelContext, input: DataFrame): { choices: { message: Message }[] } {
    const messages = input.column('messages').get(0) as Message[];
    const last = messages[messages.length - 1]!;
    return { choices: [{ message: { role: 'assistant', content: `you said: ${last.content}` } }] };
  }

  async *predictStream(context: ModelContext, input: DataFrame): AsyncIterable<{ delta: string }> {
    const reply = this.predict(context, input).choices[0]!.message.content;
    for (const word of reply.split(' ')) yield { delta: word };
  }
}
