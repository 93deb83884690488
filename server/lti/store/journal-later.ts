// The write concern for launch records the launch need not wait to see on disk before it answers.
//
// A launch waits for two journaled writes: the login state and nonce spent (the replay guard: losing it could let an
// id_token be used twice) and the membership (the person's place in the course, which the class and the roster see).
// The rest it records — the person, the course, the link, the LMS's product family, a course page's origin — is
// re-derived from the signed claims of every launch, so these writes ask { j: false }: the store applies them before
// it answers (what the landed page reads is there), and its journal's next group commit, moments later, makes them
// durable (the membership's own commit, sent in the same turn, usually covers them). Only a crash of the store within
// those milliseconds loses one, and then the person's next launch writes it again: the "lately written" memories that
// let a launch skip a write (recent-writes.ts) live in the same process and are lost with it. The login writes its
// state and the rate-limit hit this way too: a lost state fails only its own launch (state_unknown: safe, and the
// person opens Playroute again), a lost hit lets one more login through. On MongoDB this is its default for a
// standalone server (w: 1 answers before the journal); the configured w is kept (the driver merges).
export const JOURNAL_LATER = { writeConcern: { j: false } } as const;
