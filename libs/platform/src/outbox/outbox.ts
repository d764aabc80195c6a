import { Injectable } from '@nestjs/common';
import type { NewDomainEvent } from '@careers/contracts';
import type { EntityManager } from 'typeorm';

export const OUTBOX_CHANNEL = 'outbox';

/**
 * Where a service writes the domain events of a change, in the transaction of
 * the change: nothing is published before commit, nothing committed is lost.
 * The relay (in the worker) is woken at commit by NOTIFY.
 */
@Injectable()
export class Outbox {
  async append(tx: EntityManager, ...events: NewDomainEvent[]): Promise<void> {
    if (events.length === 0) return;
    if (!tx.queryRunner?.isTransactionActive) throw new Error('Outbox.append needs the transaction of the change it describes.');
    await tx.query(
      `INSERT INTO outbox_event (type, aggregate_type, aggregate_id, payload)
       SELECT e.type, e.aggregate_type, e.aggregate_id, e.payload
       FROM jsonb_to_recordset($1::jsonb) AS e(type text, aggregate_type text, aggregate_id text, payload jsonb)`,
      [JSON.stringify(events.map((e) => ({ type: e.type, aggregate_type: e.aggregateType, aggregate_id: e.aggregateId, payload: e.payload })))],
    );
    // Delivered to listeners at commit, never for a rolled-back transaction.
    await tx.query(`SELECT pg_notify($1, '')`, [OUTBOX_CHANNEL]);
  }
}
