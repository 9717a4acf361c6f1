import { ar, en, Faker, fr } from '@faker-js/faker';
import type { AccountType } from '@souk/contracts/identity';
import type { Locale } from '@souk/contracts/locales';
import type { NewUser } from '../modules/identity/user-service.ts';

/**
 * One set of data factories for the demo seed and the tests. A fixed seed makes the demo data
 * the same on every machine; tests pass their own seed to get distinct but repeatable data.
 */
export function createFactories(seed = 2026) {
  const faker = new Faker({ locale: [fr, en, ar] });
  faker.seed(seed);
  let sequence = 0;

  return {
    faker,
    user(overrides: Partial<NewUser> & { accountType?: AccountType | null } = {}): NewUser {
      sequence += 1;
      const firstName = faker.person.firstName();
      const lastName = faker.person.lastName();
      const locale: Locale = faker.helpers.arrayElement(['fr', 'en', 'ar'] as const);
      return {
        name: `${firstName} ${lastName}`,
        email: `${faker.internet
          .username({ firstName, lastName })
          .toLowerCase()
          .replace(/[^a-z0-9._-]/g, '')}.${sequence}@example.test`,
        password: faker.internet.password({ length: 16 }),
        role: 'user',
        accountType: faker.helpers.arrayElement(['merchant', 'influencer'] as const),
        locale,
        emailVerified: true,
        ...overrides,
      };
    },
  };
}

export type Factories = ReturnType<typeof createFactories>;
