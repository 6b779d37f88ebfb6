// Who runs a schedule's period: the first process to insert its ScheduleRun row. Every worker runs
// every schedule's timer (there is no leader to elect and lose), so the database decides, the same
// way on SQLite and PostgreSQL: a primary key on (name, periodStart).
import type { PrismaClient } from "@prisma/client";
import { prisma } from "~/db.server";
import { isUniqueViolation } from "~/db/unique-violation";

export interface SchedulePeriod {
  name: string;
  periodStart: Date;
}

/** The period store the scheduler claims from; a fake in tests that need no database. */
export interface ScheduleClaims {
  /**
   * True when this call won the period: it must enqueue, then complete() or release(). False when
   * another process holds or finished it. A claim left incomplete since before `staleBefore` (its
   * process died mid-enqueue) is taken over, so the period is not lost.
   */
  claim(period: SchedulePeriod, now: Date, staleBefore: Date): Promise<boolean>;
  complete(period: SchedulePeriod, now: Date): Promise<void>;
  /** The enqueue failed: the period is free again, for the next tick of any process. */
  release(period: SchedulePeriod): Promise<void>;
  /** Forgets the schedule's periods that started before `before` (they can never be claimed again). */
  forgetBefore(name: string, before: Date): Promise<void>;
}

type ScheduleDb = Pick<PrismaClient, "scheduleRun">;

export class DatabaseScheduleClaims implements ScheduleClaims {
  readonly #db: ScheduleDb;

  constructor(db: ScheduleDb = prisma) {
    this.#db = db;
  }

  async claim({ name, periodStart }: SchedulePeriod, now: Date, staleBefore: Date): Promise<boolean> {
    try {
      await this.#db.scheduleRun.create({ data: { name, periodStart, claimedAt: now } });
      return true;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
    // Conditional on the stale claim still being there: of two processes taking it over, one wins.
    const { count } = await this.#db.scheduleRun.updateMany({
      where: { name, periodStart, completedAt: null, claimedAt: { lt: staleBefore } },
      data: { claimedAt: now },
    });
    return count === 1;
  }

  async complete({ name, periodStart }: SchedulePeriod, now: Date): Promise<void> {
    await this.#db.scheduleRun.updateMany({ where: { name, periodStart }, data: { completedAt: now } });
  }

  async release({ name, periodStart }: SchedulePeriod): Promise<void> {
    await this.#db.scheduleRun.deleteMany({ where: { name, periodStart, completedAt: null } });
  }

  async forgetBefore(name: string, before: Date): Promise<void> {
    await this.#db.scheduleRun.deleteMany({ where: { name, periodStart: { lt: before } } });
  }
}
