import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DomainEvent, DomainEventType } from '@careers/contracts';
import { DataSource, type EntityManager } from 'typeorm';

/**
 * A listener turns one kind of event into effects. It writes them in `tx`;
 * anything outside the database (a socket push) goes in the returned
 * after-commit callback, which runs once the effects are committed.
 */
export interface EventListener<T extends DomainEventType = DomainEventType> {
  /** Unique and stable: it names the listener's jobs and its deliveries. */
  name: string;
  event: T;
  handle(event: DomainEvent<T>, tx: EntityManager): Promise<(() => Promise<void>) | void>;
}

/**
 * The listeners of this process, by name. Each event becomes one job per
 * listener; a listener's effect happens once per event because its delivery row
 * (event, listener) is written in the same transaction as the effect, and a
 * replayed job finds it there and does nothing.
 */
@Injectable()
export class EventListeners {
  private readonly byName = new Map<string, EventListener>();

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Call it from the listener's constructor: providers are built before any queue starts consuming. */
  register<T extends DomainEventType>(listener: EventListener<T>): void {
    if (this.byName.has(listener.name)) throw new Error(`Two event listeners are named ${listener.name}`);
    this.byName.set(listener.name, listener as unknown as EventListener);
  }

  namesFor(type: string): string[] {
    return [...this.byName.values()].filter((l) => l.event === type).map((l) => l.name);
  }

  /** Runs one listener on one event, exactly once in effect. Returns false when it had run already. */
  async run(name: string, event: DomainEvent): Promise<boolean> {
    const listener = this.byName.get(name);
    if (!listener) throw new Error(`No event listener named ${name} in this process`);
    let afterCommit: (() => Promise<void>) | void = undefined;
    const ran = await this.db.transaction(async (tx) => {
      const fresh: unknown[] = await tx.query(
        `INSERT INTO event_delivery (event_id, listener) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING 1`,
        [event.id, name],
      );
      if (fresh.length === 0) return false;
      afterCommit = await listener.handle(event, tx);
      await tx.query(
        `UPDATE outbox_event e SET completed_at = now()
         WHERE e.id = $1 AND NOT EXISTS (
           SELECT 1 FROM unnest(e.listeners) AS l(name)
           WHERE NOT EXISTS (SELECT 1 FROM event_delivery d WHERE d.event_id = e.id AND d.listener = l.name))`,
        [event.id],
      );
      return true;
    });
    if (ran && afterCommit) await (afterCommit as () => Promise<void>)();
    return ran;
  }
}
