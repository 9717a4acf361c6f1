import sharp from 'sharp';
import type { Services } from '../services.ts';
import type { Factories } from './factories.ts';

/** Who gets which KYC in the demo: approved for the merchants and the first influencer, one waiting. */
const approved = ['merchant@souk.test', 'merchant2@souk.test', 'merchant3@souk.test', 'influencer@souk.test'];
const waiting = ['influencer2@souk.test'];

/** A placeholder scan: a plain image with the document's name, so the reviewer's viewer shows something. */
async function placeholderScan(label: string): Promise<Buffer> {
  // Names carry characters SVG reserves ("Loisirs & Voyages").
  const text = label.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="480" height="300"><rect width="100%" height="100%" fill="#e8eef7"/><text x="24" y="160" font-size="28" font-family="sans-serif" fill="#334">${text}</text></svg>`;
  return sharp(Buffer.from(svg)).jpeg().toBuffer();
}

/**
 * KYC files for the demo accounts, made through the same services as the API (drafts, phone
 * code, uploads, submission, decision), so the demo data obeys every rule. Accounts missing
 * or already holding a file are skipped.
 */
export async function seedDemoKyc(services: Services, factories: Factories): Promise<void> {
  const admin = (await services.identity.users.listAdmins())[0];
  if (!admin) return;
  const context = { ipAddress: '127.0.0.1', userAgent: 'seed' };
  for (const email of [...approved, ...waiting]) {
    const user = await services.identity.users.findByEmail(email);
    if (!user) continue;
    const team =
      user.accountType === 'merchant'
        ? (await services.identity.teams.membershipsOf(user.id)).find((membership) => membership.role === 'owner')
        : undefined;
    const subject = team
      ? { type: 'organization' as const, id: team.teamId, name: team.name, kind: 'company' as const }
      : { type: 'user' as const, id: user.id, name: user.name, kind: 'individual' as const };
    if (await services.kyc.profiles.find(subject)) continue;

    const data =
      subject.kind === 'company'
        ? factories.kycCompany({ companyName: subject.name })
        : factories.kycIndividual({ legalName: user.name });
    await services.kyc.profiles.saveDraft(subject, user.id, data, 'fr', context);
    if (subject.kind === 'individual') {
      const phone = `+2126${factories.faker.string.numeric(8)}`;
      await services.kyc.phone.sendCode(subject, phone, 'fr');
      const [sms] = await services.messaging.sms.list({ limit: 1, to: phone });
      await services.kyc.phone.verify(subject, sms?.body.match(/\d{6}/)?.[0] ?? '');
    }
    const kinds =
      subject.kind === 'company'
        ? (['rc_extract', 'ice_certificate', 'representative_cin'] as const)
        : (['cin_front', 'cin_back'] as const);
    for (const kind of kinds) {
      const bytes = await placeholderScan(`${kind} — ${subject.name}`);
      await services.kyc.vault.upload(subject, user.id, { kind, fileName: `${kind}.jpg`, bytes }, 'fr');
    }
    const submitted = await services.kyc.profiles.submit(subject, user.id, 'fr', context);
    if (approved.includes(email) && submitted.id) {
      await services.kyc.review.decide(submitted.id, admin.id, { decision: 'approve' }, context);
    }
  }
}
