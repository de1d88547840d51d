/** Time as the crawler sees it; tests inject a clock whose sleeps return at once and advance `now`. */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** A clock for tests: sleeping advances time without waiting; `slept` totals what was asked. */
export function fakeClock(start = Date.now()): Clock & { slept: number[] } {
  let time = start;
  const slept: number[] = [];
  return {
    slept,
    now: () => time + (Date.now() - real0),
    async sleep(ms) {
      slept.push(ms);
      time += ms;
    },
  };
}

const real0 = Date.now();
