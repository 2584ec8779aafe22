import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from 'src/users/user.entity';

export const READING_STATUSES = ['in_progress', 'completed', 'error', 'interrupted'] as const;
export type ReadingStatus = (typeof READING_STATUSES)[number];

/** One drawn card as stored in `readings.cards`. */
export interface DrawnCard {
  cardId: string;
  name: string;
  reversed: boolean;
  positionKey: string;
  positionName: string;
}

/** What `readings.questionnaire_responses` holds once the questions are answered (skips are null). */
export interface QuestionnaireResponses {
  questionnaire: string | null;
  answers: { question: string; answer: string | null }[];
}

/** The seed's `readings` table. */
@Entity('readings')
@Check('valid_status', `status IN ('in_progress', 'completed', 'error', 'interrupted')`)
@Check('cards_is_array', `jsonb_typeof(cards) = 'array'`)
export class Reading {
  @PrimaryGeneratedColumn({ primaryKeyConstraintName: 'readings_pkey' })
  id!: number;

  @Column({ name: 'user_id', type: 'integer' })
  userId!: number;

  @ManyToOne(() => User, { nullable: false })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'readings_user_id_fkey' })
  user?: User;

  @Column({ name: 'spread_type', type: 'varchar', length: 50 })
  spreadType!: string;

  @Column({ type: 'text', nullable: true })
  question!: string | null;

  @Column({ type: 'jsonb' })
  cards!: DrawnCard[];

  @Column({ type: 'text' })
  interpretation!: string;

  @Column({ name: 'created_at', type: 'timestamp', nullable: true, default: () => 'CURRENT_TIMESTAMP' })
  createdAt!: Date;

  @Column({ name: 'completed_at', type: 'timestamp', nullable: true })
  completedAt!: Date | null;

  @Column({ name: 'duration_seconds', type: 'integer', nullable: true })
  durationSeconds!: number | null;

  @Column({ type: 'varchar', length: 20, default: 'in_progress' })
  status!: ReadingStatus;

  @Column({ name: 'questionnaire_responses', type: 'jsonb', nullable: true })
  questionnaireResponses!: QuestionnaireResponses | null;

  @Column({ name: 'error_message', type: 'text', nullable: true })
  errorMessage!: string | null;
}
