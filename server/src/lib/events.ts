import { EventEmitter } from 'node:events';

/**
 * Domain events and what they carry. Services emit them after their transaction commits;
 * later features (notifications, webhooks, search indexing) subscribe here and enqueue jobs.
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
}

export type DomainEventName = keyof DomainEvents;

type Listener<K extends DomainEventName> = (payload: DomainEvents[K]) => void | Promise<void>;

const emitter = new EventEmitter();
emitter.setMaxListeners(50);

/** Subscribes to a domain event; returns a function that unsubscribes. */
export function onDomainEvent<K extends DomainEventName>(name: K, listener: Listener<K>): () => void {
  const wrapped = (payload: DomainEvents[K]) => {
    // A listener's failure must never fail the request that emitted the event.
    Promise.resolve()
      .then(() => listener(payload))
      .catch((err: unknown) => emitter.emit('listener_error', { name, err }));
  };
  emitter.on(name, wrapped);
  return () => emitter.off(name, wrapped);
}

/** Emits a domain event to in-process listeners; call it only after the change has committed. */
export function emitDomainEvent<K extends DomainEventName>(name: K, payload: DomainEvents[K]): void {
  emitter.emit(name, payload);
}
