import { connectClient } from './services';

export interface SchemaSnapshot {
  columns: string[];
  constraints: string[];
}

const TABLES = ['users', 'readings', 'transactions', 'user_sessions', 'rate_limits'];

/** Columns (type, length, nullability, default) and constraints of the seed's tables, as sorted text. */
export async function snapshotSchema(url: string): Promise<SchemaSnapshot> {
  const client = await connectClient(url);
  try {
    const columns = await client.query(
      `SELECT table_name, column_name, data_type, character_maximum_length, is_nullable, column_default
       FROM information_schema.columns WHERE table_schema = 'public' AND table_name = ANY($1)`,
      [TABLES],
    );
    const constraints = await client.query(
      `SELECT rel.relname AS table_name, con.conname, con.contype, pg_get_constraintdef(con.oid) AS definition
       FROM pg_constraint con JOIN pg_class rel ON rel.oid = con.conrelid
       JOIN pg_namespace ns ON ns.oid = rel.relnamespace
       WHERE ns.nspname = 'public' AND rel.relname = ANY($1)`,
      [TABLES],
    );
    return {
      columns: columns.rows.map((r) => Object.values(r).join(' | ')).sort(),
      constraints: constraints.rows.map((r) => Object.values(r).join(' | ')).sort(),
    };
  } finally {
    await client.end();
  }
}
