/**
 * Progress lines of the demo load: the stage that runs and, while it runs, a line at most every few seconds from the
 * places that write rows — so a newcomer watching the start log never sees a long silence.
 */

/** Reports the stages of a demo load through `out`, throttled to one progress line per `everyMs`. */
export class DemoProgress {
  private last: number;
  private stageStart: number;
  private stage = '';

  constructor(
    private readonly out: (line: string) => void,
    private readonly now: () => number = Date.now,
    readonly everyMs = 3_000,
  ) {
    this.last = now();
    this.stageStart = this.last;
  }

  /** Writes a line; any line resets the throttle. */
  readonly log = (line: string): void => {
    this.last = this.now();
    this.out(line);
  };

  /** Starts a stage, named for people (Chinese first). */
  begin(label: string): void {
    this.stage = label;
    this.stageStart = this.now();
    this.log(`  ${label} …`);
  }

  /** A progress line when the last line is older than `everyMs`; `what` says how far the stage is. */
  tick(what?: () => string): void {
    const at = this.now();
    if (at - this.last < this.everyMs) return;
    const secs = Math.round((at - this.stageStart) / 1000);
    this.log(`    ${this.stage}：${what ? what() : '进行中 working'}（${secs} 秒 s）`);
  }
}

// One load runs at a time; the row writers deep inside the contributors report here without being passed a handle.
let current: DemoProgress | null = null;

/** Makes `p` the progress of the load that runs now (null when it ends). */
export function setDemoProgress(p: DemoProgress | null): void {
  current = p;
}

/** A progress line of the running load, if one runs and the last line is a few seconds old. */
export function demoTick(what?: () => string): void {
  current?.tick(what);
}
