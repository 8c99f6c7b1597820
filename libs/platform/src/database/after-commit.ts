import { Logger } from '@nestjs/common';
import type { DataSource, EntityManager, EntitySubscriberInterface, QueryRunner, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';

type Callback = () => unknown;

const pending = new WeakMap<QueryRunner, Callback[]>();
const logger = new Logger('AfterCommit');

function run(fn: Callback): void {
  void Promise.resolve()
    .then(fn)
    .catch((err: Error) => logger.error({ err: err.message }, 'after-commit callback failed'));
}

/** Fires the callbacks of a transaction once its outermost COMMIT is done; drops them on rollback. */
class AfterCommitSubscriber implements EntitySubscriberInterface {
  afterTransactionCommit(event: TransactionCommitEvent): void {
    if (event.queryRunner.isTransactionActive) return;
    const callbacks = pending.get(event.queryRunner);
    pending.delete(event.queryRunner);
    callbacks?.forEach(run);
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    if (!event.queryRunner.isTransactionActive) pending.delete(event.queryRunner);
  }
}

function subscribe(dataSource: DataSource): void {
  if (!dataSource.subscribers.some((s) => s instanceof AfterCommitSubscriber)) dataSource.subscribers.push(new AfterCommitSubscriber());
}

/**
 * Runs `fn` once the manager's transaction has committed (at once outside a
 * transaction), e.g. to enqueue jobs for rows that a worker must be able to
 * read. Nothing runs if the transaction rolls back. Side effects here can be
 * lost if the process dies right after COMMIT, so pair it with a sweep that
 * finds committed rows whose follow-up never happened.
 */
export function afterCommit(manager: EntityManager, fn: Callback): void {
  const qr = manager.queryRunner;
  if (!qr || !qr.isTransactionActive) {
    run(fn);
    return;
  }
  subscribe(manager.connection);
  const list = pending.get(qr);
  if (list) list.push(fn);
  else pending.set(qr, [fn]);
}
