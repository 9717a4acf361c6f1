import { ar, en, Faker, fr } from '@faker-js/faker';
import type { AccountType } from '@souk/contracts/identity';
import type { KycData } from '@souk/contracts/kyc';
import type { Locale } from '@souk/contracts/locales';
import { checkDigitsFor } from '@souk/contracts/moroccan-identifiers';
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
    /** Digits completed by their mod-97 key: a RIB from 22, an ICE from 13. */
    withKey(digits: string): string {
      return `${digits}${checkDigitsFor(digits)}`;
    },
    /** A complete, valid individual KYC (an influencer): every identifier passes its checks. */
    kycIndividual(overrides: KycData = {}): KycData {
      const birth = faker.date.birthdate({ mode: 'age', min: 20, max: 60 });
      return {
        legalName: `${faker.person.firstName()} ${faker.person.lastName()}`,
        birthDate: birth.toISOString().slice(0, 10),
        cinNumber: `${faker.string.alpha({ length: 2, casing: 'upper' })}${faker.string.numeric(6)}`,
        address: `${faker.number.int({ min: 1, max: 200 })} rue ${faker.person.lastName()}`,
        city: faker.helpers.arrayElement(['Casablanca', 'Rabat', 'Marrakech', 'Fès', 'Tanger', 'Agadir']),
        bankAccount: this.withKey(faker.string.numeric(22)),
        bankName: faker.helpers.arrayElement([
          'Attijariwafa bank',
          'BMCE Bank of Africa',
          'Banque Populaire',
          'CIH Bank',
        ]),
        ...overrides,
      };
    },
    /** A complete, valid company KYC (a merchant team). */
    kycCompany(overrides: KycData = {}): KycData {
      return {
        companyName: `${faker.company.name()} SARL`,
        legalForm: 'sarl',
        ice: this.withKey(faker.string.numeric(13)),
        rcNumber: faker.string.numeric(6),
        rcCourt: faker.helpers.arrayElement(['Casablanca', 'Rabat', 'Marrakech']),
        taxId: faker.string.numeric(8),
        registeredAddress: `${faker.number.int({ min: 1, max: 200 })} boulevard ${faker.person.lastName()}, Casablanca`,
        representativeName: `${faker.person.firstName()} ${faker.person.lastName()}`,
        representativeCin: `${faker.string.alpha({ length: 1, casing: 'upper' })}${faker.string.numeric(6)}`,
        bankAccount: this.withKey(faker.string.numeric(22)),
        bankName: 'CIH Bank',
        ...overrides,
      };
    },
  };
}

export type Factories = ReturnType<typeof createFactories>;
