import type { Services } from "../services.js";
import type { Job, JobOutcome } from "./job.js";
import { runJob } from "./run-job.js";
import { SCHEDULE } from "./schedule.js";

export interface Scheduler {
  /** Stops ticking, interrupts the running job between pages, and waits for it to settle. */
  stop(): Promise<void>;
}

export interface SchedulerOptions {
  readonly jobs?: readonly Job[];
  readonly intervalMs?: number;
  readonly log?: (line: string) => void;
}

const TICK_MS = 60_000;

/**
 * Checks the schedule every minute and runs what is due, one job at a time. Ticks never overlap: a long
 * harvest delays the next check rather than running beside it.
 */
export function startScheduler(services: Services, options: SchedulerOptions = {}): Scheduler {
  const jobs = options.jobs ?? SCHEDULE;
  const controller = new AbortController();
  let current: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | null = null;
  const tick = async () => {
    for (const job of jobs) {
      if (controller.signal.aborted) return;
      const period = job.period(services.clock.now());
      if (period === null) continue;
      const outcome = await runJob(services, job, period, { signal: controller.signal });
      if (outcome.status !== "skipped") options.log?.(describe(job, period, outcome));
    }
  };
  const schedule = () => {
    if (controller.signal.aborted) return;
    timer = setTimeout(() => {
      current = tick().finally(schedule);
    }, options.intervalMs ?? TICK_MS);
  };
  current = tick().finally(schedule);
  return {
    async stop() {
      controller.abort(new Error("the scheduler is stopping"));
      if (timer) clearTimeout(timer);
      await current.catch(() => undefined);
    },
  };
}

function describe(job: Job, period: string, outcome: JobOutcome): string {
  return `job ${job.name} ${period}: ${outcome.status}: ${outcome.detail}`;
}
