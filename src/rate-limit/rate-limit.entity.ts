import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { User } from 'src/users/user.entity';

/** The seed's `rate_limits` table: one fixed-window counter per user, endpoint and window. */
@Entity('rate_limits')
@Unique('rate_limits_user_id_endpoint_window_start_key', ['userId', 'endpoint', 'windowStart'])
export class RateLimit {
  @PrimaryGeneratedColumn({ primaryKeyConstraintName: 'rate_limits_pkey' })
  id!: number;

  @Column({ name: 'user_id', type: 'integer' })
  userId!: number;

  @ManyToOne(() => User, { nullable: false })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'rate_limits_user_id_fkey' })
  user?: User;

  /** The action and its window, e.g. `message:1m` or `reading:1d`. */
  @Column({ type: 'varchar', length: 100 })
  endpoint!: string;

  @Column({ name: 'request_count', type: 'integer', nullable: true, default: 1 })
  requestCount!: number;

  @Column({ name: 'window_start', type: 'timestamp', default: () => 'CURRENT_TIMESTAMP' })
  windowStart!: Date;
}
