/**
 * An update not handled because its user already has as many updates waiting as allowed, or
 * because it waited for the user's lock longer than its budget. It is answered at once (the
 * user is told to slow down, once a window) instead of holding a webhook connection.
 */
export class UserBusyError extends Error {
  constructor(
    readonly userKey: string,
    readonly reason: 'queue_full' | 'wait_timeout',
  ) {
    super(reason === 'queue_full' ? `User ${userKey} has too many updates waiting` : `Timed out waiting for the lock of user ${userKey}`);
    this.name = 'UserBusyError';
  }
}
