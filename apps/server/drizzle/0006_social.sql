CREATE TABLE "social_accounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider" text NOT NULL,
	"owner_key" text NOT NULL,
	"owner_kind" text NOT NULL,
	"team_id" text,
	"connected_by" text NOT NULL,
	"external_id" text NOT NULL,
	"handle" text NOT NULL,
	"display_name" text NOT NULL,
	"avatar_url" text,
	"profile_url" text,
	"access_token" text NOT NULL,
	"refresh_token" text,
	"token_expires_at" timestamp (3) with time zone,
	"scopes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"provider_data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"reconnect_needed" boolean DEFAULT false NOT NULL,
	"health_reason" text,
	"disconnected_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "social_oauth_states" (
	"state" text PRIMARY KEY NOT NULL,
	"provider" text NOT NULL,
	"user_id" text NOT NULL,
	"owner_key" text NOT NULL,
	"code_verifier" text NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "social_posts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_key" text NOT NULL,
	"owner_kind" text NOT NULL,
	"team_id" text,
	"author_id" text NOT NULL,
	"status" text NOT NULL,
	"link_id" uuid,
	"product_id" uuid,
	"media" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"scheduled_at" timestamp (3) with time zone,
	"approval_required" boolean DEFAULT false NOT NULL,
	"decided_by" text,
	"decided_at" timestamp (3) with time zone,
	"decision_reason" text,
	"template_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "social_sandbox_grants" (
	"token" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"handle" text NOT NULL,
	"code_challenge" text,
	"redirect_uri" text,
	"expires_at" timestamp (3) with time zone,
	"revoked_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "social_sandbox_posts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"handle" text NOT NULL,
	"caption" text NOT NULL,
	"media" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"link_url" text,
	"client_ref" text,
	"status" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "social_targets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"post_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"provider" text NOT NULL,
	"caption" text NOT NULL,
	"options" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"link_id" uuid,
	"link_url" text,
	"status" text NOT NULL,
	"stage" text DEFAULT 'create' NOT NULL,
	"claimed_at" timestamp (3) with time zone,
	"due_at" timestamp (3) with time zone,
	"pending_data" jsonb,
	"attempts" integer DEFAULT 0 NOT NULL,
	"checks" integer DEFAULT 0 NOT NULL,
	"external_id" text,
	"external_url" text,
	"error_code" text,
	"error_kind" text,
	"error_detail" text,
	"published_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "social_team_settings" (
	"team_id" text PRIMARY KEY NOT NULL,
	"require_approval" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "social_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"locale" text NOT NULL,
	"body" text NOT NULL,
	"hashtags" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "social_transitions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"target_id" uuid NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"step" text NOT NULL,
	"reason_code" text,
	"detail" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "social_targets" ADD CONSTRAINT "social_targets_post_id_social_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."social_posts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_targets" ADD CONSTRAINT "social_targets_account_id_social_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."social_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_transitions" ADD CONSTRAINT "social_transitions_target_id_social_targets_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."social_targets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "social_accounts_identity_idx" ON "social_accounts" USING btree ("provider","external_id","owner_key");--> statement-breakpoint
CREATE INDEX "social_accounts_owner_idx" ON "social_accounts" USING btree ("owner_key");--> statement-breakpoint
CREATE INDEX "social_accounts_expiry_idx" ON "social_accounts" USING btree ("token_expires_at");--> statement-breakpoint
CREATE INDEX "social_posts_owner_idx" ON "social_posts" USING btree ("owner_key","scheduled_at");--> statement-breakpoint
CREATE INDEX "social_sandbox_posts_handle_idx" ON "social_sandbox_posts" USING btree ("handle","published_at");--> statement-breakpoint
CREATE UNIQUE INDEX "social_targets_pair_idx" ON "social_targets" USING btree ("post_id","account_id");--> statement-breakpoint
CREATE INDEX "social_targets_account_idx" ON "social_targets" USING btree ("account_id","published_at");--> statement-breakpoint
CREATE INDEX "social_targets_due_idx" ON "social_targets" USING btree ("status","due_at");--> statement-breakpoint
CREATE INDEX "social_transitions_target_idx" ON "social_transitions" USING btree ("target_id","id");