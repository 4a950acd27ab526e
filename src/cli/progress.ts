// A progress bar on standard error (only used when it is a terminal and there
// are many files). cli-progress draws it; this module keeps it out of the
// command and loads it only when needed.
import cliProgress from 'cli-progress';
import type { Lang } from '../model/label.js';

export interface Progress {
  tick(): void;
  /** Prints something (an error line) without tearing the bar. */
  interrupt(print: () => void): void;
  stop(): void;
}

const FORMAT = { zh: '检查中 {bar} {value}/{total} 个文件', en: 'Checking {bar} {value}/{total} files' };

export async function startProgress(total: number, lang: Lang, stream: NodeJS.WriteStream = process.stderr): Promise<Progress> {
  const bar = new cliProgress.SingleBar({
    format: FORMAT[lang], stream, clearOnComplete: true, hideCursor: true, barsize: 30, fps: 10,
  }, cliProgress.Presets.shades_classic);
  bar.start(total, 0);
  return {
    tick: () => bar.increment(),
    interrupt(print) {
      (stream as NodeJS.WriteStream).clearLine?.(0);
      (stream as NodeJS.WriteStream).cursorTo?.(0);
      print();
      bar.render();
    },
    stop: () => bar.stop(),
  };
}
