import type { AccountType } from '@souk/contracts/identity';
import type { Locale } from '@souk/contracts/locales';

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
  getContact(userId: string): Promise<UserContact | null>;
  listAdmins(): Promise<UserContact[]>;
}
