CREATE TABLE "billing_plan_overrides" (
	"plan_id" text PRIMARY KEY NOT NULL,
	"monthly_price_minor" integer,
	"quotas" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"updated_by" text,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "billing_renewals" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"plan_id" text NOT NULL,
	"period_start" timestamp (3) with time zone NOT NULL,
	"period_end" timestamp (3) with time zone NOT NULL,
	"amount_minor" integer NOT NULL,
	"currency" text NOT NULL,
	"reference" text NOT NULL,
	"invoice_id" text,
	"invoice_number" text,
	"status" text DEFAULT 'due' NOT NULL,
	"due_at" timestamp (3) with time zone NOT NULL,
	"paid_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "billing_renewals_reference_unique" UNIQUE("reference"),
	CONSTRAINT "billing_renewals_amount_check" CHECK ("billing_renewals"."amount_minor" >= 0)
);
--> statement-breakpoint
CREATE TABLE "billing_subscriptions" (
	"organization_id" text PRIMARY KEY NOT NULL,
	"plan_id" text NOT NULL,
	"status" text NOT NULL,
	"provider" text DEFAULT 'none' NOT NULL,
	"trial_used" boolean DEFAULT false NOT NULL,
	"trial_ends_at" timestamp (3) with time zone,
	"current_period_start" timestamp (3) with time zone,
	"current_period_end" timestamp (3) with time zone,
	"cancel_at_period_end" boolean DEFAULT false NOT NULL,
	"pending_plan_id" text,
	"grace_ends_at" timestamp (3) with time zone,
	"free_months" integer DEFAULT 0 NOT NULL,
	"stripe_customer_id" text,
	"stripe_subscription_id" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "billing_subscriptions_free_months_check" CHECK ("billing_subscriptions"."free_months" >= 0)
);
--> statement-breakpoint
CREATE TABLE "billing_usage" (
	"organization_id" text NOT NULL,
	"quota" text NOT NULL,
	"period" text NOT NULL,
	"used" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "billing_usage_organization_id_quota_period_pk" PRIMARY KEY("organization_id","quota","period"),
	CONSTRAINT "billing_usage_used_check" CHECK ("billing_usage"."used" >= 0)
);
--> statement-breakpoint
CREATE TABLE "payouts_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"line_id" uuid NOT NULL,
	"commission_id" uuid NOT NULL,
	"amount_minor" integer NOT NULL,
	"released_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payouts_items_amount_check" CHECK ("payouts_items"."amount_minor" >= 0)
);
--> statement-breakpoint
CREATE TABLE "payouts_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"run_id" uuid NOT NULL,
	"influencer_id" text NOT NULL,
	"beneficiary" text NOT NULL,
	"email" text NOT NULL,
	"rib" text NOT NULL,
	"amount_minor" integer NOT NULL,
	"currency" text NOT NULL,
	"reference" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"provider_reference" text,
	"paid_at" timestamp (3) with time zone,
	"failed_at" timestamp (3) with time zone,
	"failure_reason" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payouts_lines_reference_unique" UNIQUE("reference"),
	CONSTRAINT "payouts_lines_amount_check" CHECK ("payouts_lines"."amount_minor" > 0)
);
--> statement-breakpoint
CREATE TABLE "payouts_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"period" text NOT NULL,
	"currency" text NOT NULL,
	"status" text DEFAULT 'preview' NOT NULL,
	"minimum_minor" integer NOT NULL,
	"cutoff_at" timestamp (3) with time zone NOT NULL,
	"excluded" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"approved_by" text,
	"approved_at" timestamp (3) with time zone,
	"closed_at" timestamp (3) with time zone
);
--> statement-breakpoint
ALTER TABLE "payouts_items" ADD CONSTRAINT "payouts_items_line_id_payouts_lines_id_fk" FOREIGN KEY ("line_id") REFERENCES "public"."payouts_lines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payouts_lines" ADD CONSTRAINT "payouts_lines_run_id_payouts_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."payouts_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "billing_renewals_period_idx" ON "billing_renewals" USING btree ("organization_id","period_start");--> statement-breakpoint
CREATE UNIQUE INDEX "billing_subscriptions_stripe_idx" ON "billing_subscriptions" USING btree ("stripe_subscription_id");--> statement-breakpoint
CREATE INDEX "billing_subscriptions_status_idx" ON "billing_subscriptions" USING btree ("status","updated_at");--> statement-breakpoint
CREATE UNIQUE INDEX "payouts_items_live_commission_idx" ON "payouts_items" USING btree ("commission_id") WHERE released_at is null;--> statement-breakpoint
CREATE INDEX "payouts_items_line_idx" ON "payouts_items" USING btree ("line_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payouts_lines_run_influencer_idx" ON "payouts_lines" USING btree ("run_id","influencer_id");--> statement-breakpoint
CREATE INDEX "payouts_lines_influencer_idx" ON "payouts_lines" USING btree ("influencer_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "payouts_runs_period_idx" ON "payouts_runs" USING btree ("period","currency");