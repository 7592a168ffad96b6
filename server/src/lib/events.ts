import { EventEmitter } from 'node:events';

/**
 * Domain events and what they carry. Services emit them after their transaction commits;
 * other features (notifications, webhooks, search indexing) subscribe and do their side effects.
 * Events never carry restricted item text.
 */
export interface DomainEvents {
  'report.submitted': { reportId: string; userId: string; week: string; late: boolean; at: string };
  'bulletin.published': { departmentId: string; week: string; version: number; publishedBy: string; at: string };
  /** `excerpt` is the start of the comment body; events never carry restricted item text. */
  'comment.created': {
    commentId: string;
    reportId: string;
    reportOwnerId: string;
    week: string;
    authorId: string;
    authorName: string;
    kind: 'comment' | 'feedback';
    excerpt: string;
    mentions: string[];
    at: string;
  };
  'report.graded': {
    reportId: string;
    reportOwnerId: string;
    week: string;
    grade: string;
    gradedBy: string;
    gradedByName: string;
    at: string;
  };
  /** After a week's deadline: who in a department has not submitted (names only, never report text). */
  'reminder.missing': {
    departmentId: string;
    week: string;
    deadline: string;
    missing: { userId: string; displayName: string }[];
    at: string;
  };
  /** An assessor answered a person's objection to a week's score (no reason or answer text). */
  'objection.answered': {
    objectionId: string;
    userId: string;
    week: string;
    outcome: 'upheld' | 'rejected';
    answeredBy: string;
    answeredByName: string;
    at: string;
  };
}

export type DomainEventName = keyof DomainEvents;

export type DomainEventListener<K extends DomainEventName> = (payload: DomainEvents[K]) => void | Promise<void>;

/**
 * The domain event bus of one app (one database). Each app owns its bus, so two apps in one
 * process (tests, the demo) never hear each other's events.
 */
export class EventBus {
  private readonly emitter = new EventEmitter();
  private readonly pending = new Set<Promise<unknown>>();

  constructor(private readonly onListenerError: (name: DomainEventName, err: unknown) => void = () => {}) {
    this.emitter.setMaxListeners(50);
  }

  /** Subscribes to a domain event; returns a function that unsubscribes. */
  on<K extends DomainEventName>(name: K, listener: DomainEventListener<K>): () => void {
    const wrapped = (payload: DomainEvents[K]) => {
      // A listener's failure must never fail the request that emitted the event.
      const run = Promise.resolve()
        .then(() => listener(payload))
        .catch((err: unknown) => this.onListenerError(name, err))
        .finally(() => this.pending.delete(run));
      this.pending.add(run);
    };
    this.emitter.on(name, wrapped);
    return () => this.emitter.off(name, wrapped);
  }

  /** Emits a domain event to this app's listeners; call it only after the change has committed. */
  emit<K extends DomainEventName>(name: K, payload: DomainEvents[K]): void {
    this.emitter.emit(name, payload);
  }

  /** Resolves when every listener started so far has finished (graceful shutdown, tests). */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }
}
