package io.queuedesk.activity;

/** Every kind of change the audit trail records (docs/RULES.md#activity-log). */
public enum ActivityAction {

	TICKET_CREATED, TICKET_UPDATED, TICKET_DELETED, TICKET_ASSIGNED, STATUS_CHANGED, TICKET_MOVED, TICKET_TRANSFERRED,
	COMMENT_ADDED, COMMENT_DELETED, ATTACHMENT_ADDED, ATTACHMENT_DELETED, USER_CREATED, ROLES_CHANGED, USER_ACTIVATED,
	USER_DEACTIVATED, PASSWORD_CHANGED, LOGIN_FAILED, ACCOUNT_LOCKED,
	// Sign-in through the directory (SPEC §11): a sign-in; a local account it took over.
	SIGNED_IN, ACCOUNT_LINKED

}
