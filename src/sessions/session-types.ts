/**
 * The `user_sessions.session_type` of each kind of conversation. The modules holding the
 * conversations own what is in them; the names live here so that one module can ask whether a
 * user is in another's conversation (the gate lets a suspended user write to support) without
 * importing it.
 */
export const READING_SESSION = 'reading';
export const SUPPORT_SESSION = 'support';
