package org.clientela.receivables.collection;

/** What a step of the collection schedule does. */
enum StepKind {
    /** An e-mail to the client's contact; a task for the manager when the client has no address. */
    EMAIL_REMINDER,
    /** The manager calls the client. */
    CALL_TASK,
    /** The manager sends the printed claim letter. */
    LETTER,
    /** A task for the head of the manager's team, who is told by e-mail too. */
    ESCALATION
}
