import { visible } from './terminal-text.ts';

/** A one-line progress bar on stderr, drawn only when stderr is a terminal. */
export function progressBar(label: string): { update(done: number, total: number, item: string): void; done(): void } {
  const tty = process.stderr.isTTY === true;
  let drawn = false;
  return {
    update(done, total, item) {
      if (!tty) return;
      const width = 24;
      const filled = total === 0 ? width : Math.round((done / total) * width);
      const name = visible(item.length > 40 ? `${item.slice(0, 39)}…` : item);
      process.stderr.write(`\r${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} ${name}\u001b[K`);
      drawn = true;
    },
    done() {
      if (drawn) process.stderr.write('\r\u001b[K');
    },
  };
}
