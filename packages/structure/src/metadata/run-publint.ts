import type { Message } from 'publint';

export interface PublintResult {
  messages: Array<Message & { text: string }>;
}

/**
 * publint on the package as npm would pack it (`npm pack --dry-run`, lifecycle scripts ignored), with each
 * message worded by publint itself. publint is ESM-only, hence the dynamic imports.
 */
export async function runPublint(pkgDir: string): Promise<PublintResult> {
  const { publint } = await import('publint');
  const { formatMessage } = await import('publint/utils');
  const { messages, pkg } = await publint({ pkgDir, pack: 'npm', level: 'suggestion' });
  return { messages: messages.map((message) => ({ ...message, text: formatMessage(message, pkg, { color: false }) ?? message.code })) };
}
