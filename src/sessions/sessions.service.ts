import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { UserSession } from './user-session.entity';
import { returning } from 'src/database/returning';

export const MAX_ACTIVE_SESSIONS = 3;
export type SessionEndReason = 'expired' | 'cancelled';
export type SessionEndListener = (sessions: UserSession[], reason: SessionEndReason) => Promise<void>;
export const SESSION_IDLE_MINUTES = 30;

/** The `user_sessions` table: multi-step conversations that survive restarts and span instances. */
@Injectable()
export class SessionsService {
  private readonly listeners: SessionEndListener[] = [];

  constructor(@InjectRepository(UserSession) private readonly sessions: Repository<UserSession>) {}

  /** Lets the module that owns a kind of conversation react when one ends without it (a reading is interrupted). */
  onEnded(listener: SessionEndListener): void {
    this.listeners.push(listener);
  }

  async notifyEnded(ended: UserSession[], reason: SessionEndReason): Promise<void> {
    if (ended.length === 0) return;
    for (const listener of this.listeners) await listener(ended, reason);
  }

  /** Opens a session; the oldest active ones beyond the per-user cap are expired. */
  async open(manager: EntityManager, userId: number, type: string, data: Record<string, unknown>): Promise<UserSession> {
    const session = await manager.save(manager.create(UserSession, { userId, sessionType: type, data, status: 'active' }));
    await manager.query(
      `UPDATE user_sessions SET status = 'expired', completed_at = now()
       WHERE id IN (SELECT id FROM user_sessions WHERE user_id = $1 AND status = 'active'
                    ORDER BY last_activity_at DESC, id DESC OFFSET $2)`,
      [userId, MAX_ACTIVE_SESSIONS],
    );
    return session;
  }

  findActive(userId: number, type?: string, manager: EntityManager = this.sessions.manager): Promise<UserSession | null> {
    return manager.findOne(UserSession, {
      where: { userId, status: 'active', ...(type ? { sessionType: type } : {}) },
      order: { lastActivityAt: 'DESC', id: 'DESC' },
    });
  }

  async advance(manager: EntityManager, id: number, data: Record<string, unknown>): Promise<void> {
    await manager.query(
      `UPDATE user_sessions SET data = $2, last_activity_at = now() WHERE id = $1 AND status = 'active'`,
      [id, data],
    );
  }

  /** Ends a session as completed, expired or error; false if it was no longer active. */
  async end(manager: EntityManager, id: number, status: 'completed' | 'expired' | 'error'): Promise<boolean> {
    const result = await manager.update(UserSession, { id, status: 'active' }, { status, completedAt: new Date() });
    return (result.affected ?? 0) > 0;
  }

  /** Ends every active conversation of the user (/cancel) and tells their owners; returns them. */
  async cancelActive(userId: number): Promise<UserSession[]> {
    const manager = this.sessions.manager;
    const rows = await returning<{ id: number }>(
      manager,
      `UPDATE user_sessions SET status = 'completed', completed_at = now()
       WHERE user_id = $1 AND status = 'active' RETURNING id`,
      [userId],
    );
    const cancelled = rows.length === 0 ? [] : await manager.findBy(UserSession, { id: In(rows.map((r) => r.id)) });
    await this.notifyEnded(cancelled, 'cancelled');
    return cancelled;
  }

  /** Expires sessions idle since before `cutoff`; returns them so their owners can react. */
  async expireIdle(manager: EntityManager, cutoff: Date): Promise<UserSession[]> {
    const rows = await returning<{ id: number }>(
      manager,
      
      `UPDATE user_sessions SET status = 'expired', completed_at = now()
       WHERE status = 'active' AND last_activity_at < $1 RETURNING id`,
      [cutoff],
    );
    return rows.length === 0 ? [] : manager.findBy(UserSession, { id: In(rows.map((r) => r.id)) });
  }

  /**
   * Claims up to `batch` active conversations of `type` whose data contains `state` and which
   * have been idle for `leaseMinutes`: each is claimed by one caller only (`SKIP LOCKED`), its
   * idle time restarts (the lease) and its `attempts` count goes up by one. Returns them.
   */
  async claimIdle(type: string, state: Record<string, unknown>, leaseMinutes: number, batch: number): Promise<UserSession[]> {
    const rows = await returning<{ id: number; user_id: number; started_at: Date; data: Record<string, unknown> }>(
      this.sessions.manager,
      `UPDATE user_sessions SET last_activity_at = now(),
         data = jsonb_set(data, '{attempts}', to_jsonb(COALESCE((data->>'attempts')::int, 0) + 1))
       WHERE id IN (
         SELECT id FROM user_sessions
         WHERE session_type = $1 AND status = 'active' AND data @> $2::jsonb
           AND last_activity_at < now() - make_interval(mins => $3)
         ORDER BY id LIMIT $4 FOR UPDATE SKIP LOCKED)
       RETURNING id, user_id, started_at, data`,
      [type, JSON.stringify(state), leaseMinutes, batch],
    );
    return rows.map((r) => this.sessions.create({ id: r.id, userId: r.user_id, sessionType: type, startedAt: r.started_at, status: 'active', data: r.data }));
  }

  /** Deletes up to `batch` conversations that ended before `cutoff`, oldest first (the retention job). */
  async deleteFinishedBefore(manager: EntityManager, cutoff: Date, batch: number): Promise<number> {
    const rows = await returning<{ id: number }>(
      manager,
      `DELETE FROM user_sessions WHERE id IN (
         SELECT id FROM user_sessions WHERE status <> 'active' AND completed_at < $1 ORDER BY completed_at LIMIT $2) RETURNING id`,
      [cutoff, batch],
    );
    return rows.length;
  }

  /** /deleteme: the conversations' contents go; their bare rows stay. */
  async eraseForUser(manager: EntityManager, userId: number): Promise<void> {
    await manager.query(
      `UPDATE user_sessions SET data = NULL,
         status = CASE WHEN status = 'active' THEN 'expired' ELSE status END,
         completed_at = COALESCE(completed_at, now())
       WHERE user_id = $1`,
      [userId],
    );
  }

  /**
   * Changes one session's data under a row lock, so that two writers (the user's next message and
   * an operator's answer) never lose each other's change. `change` returns the new data, or
   * undefined to leave the row as it is; `reopen` makes an ended conversation active again.
   */
  async update<T extends Record<string, unknown>>(
    id: number,
    change: (session: UserSession) => { data: T; reopen?: boolean } | undefined,
  ): Promise<UserSession | null> {
    return this.sessions.manager.transaction(async (manager) => {
      const session = await manager.findOne(UserSession, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!session) return null;
      const next = change(session);
      if (!next) return session;
      const reopen = next.reopen ?? false;
      await manager.query(
        `UPDATE user_sessions SET data = $2, last_activity_at = now(),
           status = CASE WHEN $3 THEN 'active' ELSE status END,
           completed_at = CASE WHEN $3 THEN NULL ELSE completed_at END
         WHERE id = $1`,
        [id, next.data, reopen],
      );
      return manager.findOneBy(UserSession, { id });
    });
  }

  findById(id: number): Promise<UserSession | null> {
    return this.sessions.findOneBy({ id });
  }

  /** Sessions of one type whose data contains `contains` (JSON containment), newest first. */
  findOfType(type: string, contains: Record<string, unknown>, options: { after?: number; limit: number }): Promise<UserSession[]> {
    const query = this.sessions
      .createQueryBuilder('s')
      .where('s.session_type = :type', { type })
      .andWhere('s.data @> :contains::jsonb', { contains: JSON.stringify(contains) })
      .orderBy('s.id', 'DESC')
      .take(options.limit);
    if (options.after) query.andWhere('s.id < :after', { after: options.after });
    return query.getMany();
  }

  listForUser(userId: number, limit: number): Promise<UserSession[]> {
    return this.sessions.find({ where: { userId }, order: { startedAt: 'DESC', id: 'DESC' }, take: limit });
  }
}
