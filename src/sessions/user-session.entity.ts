import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from 'src/users/user.entity';

export const SESSION_STATUSES = ['active', 'completed', 'expired', 'error'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

/** The seed's `user_sessions` table: one multi-step conversation (a questionnaire, a confirmation). */
@Entity('user_sessions')
@Check('valid_status', `status IN ('active', 'completed', 'expired', 'error')`)
export class UserSession {
  @PrimaryGeneratedColumn({ primaryKeyConstraintName: 'user_sessions_pkey' })
  id!: number;

  @Column({ name: 'user_id', type: 'integer' })
  userId!: number;

  @ManyToOne(() => User, { nullable: false })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'user_sessions_user_id_fkey' })
  user?: User;

  @Column({ name: 'session_type', type: 'varchar', length: 50, nullable: true })
  sessionType!: string;

  @Column({ name: 'started_at', type: 'timestamp', nullable: true, default: () => 'CURRENT_TIMESTAMP' })
  startedAt!: Date;

  @Column({ name: 'last_activity_at', type: 'timestamp', nullable: true, default: () => 'CURRENT_TIMESTAMP' })
  lastActivityAt!: Date;

  @Column({ name: 'completed_at', type: 'timestamp', nullable: true })
  completedAt!: Date | null;

  @Column({ type: 'varchar', length: 20, default: 'active' })
  status!: SessionStatus;

  @Column({ type: 'jsonb', nullable: true })
  data!: Record<string, unknown> | null;
}
