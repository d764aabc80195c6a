/** How to reach people: identity answers it for other domains (notifications), which never read its tables. */
export interface Contact {
  userId: string;
  email: string;
  displayName: string;
}

export interface RecipientDirectory {
  contactsOf(userIds: readonly string[]): Promise<Contact[]>;
}

export const RECIPIENT_DIRECTORY = Symbol('RECIPIENT_DIRECTORY');
