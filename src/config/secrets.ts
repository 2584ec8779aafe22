const SECRET_VARIABLES = ['TELEGRAM_BOT_TOKEN', 'WEBHOOK_SECRET', 'ADMIN_API_TOKENS', 'METRICS_TOKEN', 'LLM_API_KEY', 'DATABASE_URL', 'MIGRATION_DATABASE_URL', 'REDIS_URL'];

/** The secret parts of the configuration: tokens, keys, and passwords inside URLs. */
function secretValues(): string[] {
  const values: string[] = [];
  for (const name of SECRET_VARIABLES) {
    const value = process.env[name];
    if (!value) continue;
    if (name === 'ADMIN_API_TOKENS') values.push(...value.split(',').map((pair) => pair.split(':')[1] ?? ''));
    else if (name.endsWith('_URL')) values.push(...passwordOf(value));
    else values.push(value);
  }
  return values.filter((v) => v.length >= 6);
}

function passwordOf(url: string): string[] {
  try {
    const password = decodeURIComponent(new URL(url).password);
    return password ? [password, encodeURIComponent(password)] : [];
  } catch {
    return [];
  }
}

let cached: string[] | undefined;

/** Replaces every configured secret in `text` with `[redacted]`: for logs and fatal messages. */
export function redactSecrets(text: string): string {
  cached ??= secretValues();
  return cached.reduce((out, secret) => out.split(secret).join('[redacted]'), text);
}
