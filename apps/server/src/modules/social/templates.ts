import type { templateInputSchema } from '@souk/contracts/social';
import { desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Database } from '../../platform/db/database.ts';
import { socialTeamSettings, socialTemplates } from './schema.ts';

type TemplateRow = typeof socialTemplates.$inferSelect;

function present(row: TemplateRow) {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    locale: row.locale,
    body: row.body,
    hashtags: row.hashtags,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The official accounts' post templates (new deal, promotion, testimonial), kept by admins. */
export class TemplateService {
  constructor(private readonly db: Database) {}

  async list() {
    return (await this.db.select().from(socialTemplates).orderBy(desc(socialTemplates.createdAt))).map(present);
  }

  async create(userId: string, input: z.output<typeof templateInputSchema>) {
    const [row] = await this.db
      .insert(socialTemplates)
      .values({ ...input, createdBy: userId })
      .returning();
    return present(row as TemplateRow);
  }

  async remove(id: string): Promise<boolean> {
    const deleted = await this.db
      .delete(socialTemplates)
      .where(eq(socialTemplates.id, id))
      .returning({ id: socialTemplates.id });
    return deleted.length > 0;
  }
}

/** A merchant team's publishing settings (approval of editors' posts). */
export class TeamSettingsService {
  constructor(private readonly db: Database) {}

  async get(teamId: string) {
    const [row] = await this.db.select().from(socialTeamSettings).where(eq(socialTeamSettings.teamId, teamId));
    return { requireApproval: row?.requireApproval ?? false };
  }

  async set(teamId: string, requireApproval: boolean) {
    await this.db
      .insert(socialTeamSettings)
      .values({ teamId, requireApproval })
      .onConflictDoUpdate({ target: socialTeamSettings.teamId, set: { requireApproval, updatedAt: new Date() } });
    return { requireApproval };
  }
}
