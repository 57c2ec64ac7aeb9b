/**
 * Items that callbacks (a worker's messages, a socket's data) push, read in their order by an async loop until
 * the queue is closed and empty.
 */
export function pushQueue<T>(): { push(item: T): void; close(): void; [Symbol.asyncIterator](): AsyncGenerator<T> } {
  const items: T[] = [];
  let closed = false;
  let wake: (() => void) | undefined;
  const poke = () => {
    const waiting = wake;
    wake = undefined;
    waiting?.();
  };
  return {
    push(item) {
      items.push(item);
      poke();
    },
    close() {
      closed = true;
      poke();
    },
    async *[Symbol.asyncIterator]() {
      while (!closed || items.length > 0) {
        if (items.length > 0) yield items.shift()!;
        else await new Promise<void>((resolve) => (wake = resolve));
      }
    },
  };
}
