import type { AccountType } from '@souk/contracts/identity';
import type { Locale } from '@souk/contracts/locales';
import type { Executor } from '../../platform/db/database.ts';

/** How other modules reach a person: the identity module's only public read of users. */
export interface UserContact {
  id: string;
  name: string;
  email: string;
  locale: Locale | null;
  role: 'admin' | 'user';
  accountType: AccountType | null;
}

export interface UserDirectory {
  /** Reads through `executor` when given, so a caller's open transaction sees its own writes. */
  getContact(userId: string, options?: { executor?: Executor | undefined }): Promise<UserContact | null>;
  listAdmins(): Promise<UserContact[]>;
}
