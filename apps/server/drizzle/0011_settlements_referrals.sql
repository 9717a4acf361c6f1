CREATE TABLE "referral_codes" (
	"user_id" text PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "referral_codes_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "referral_earnings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"referral_id" uuid NOT NULL,
	"referrer_user_id" text NOT NULL,
	"commission_id" uuid NOT NULL,
	"base_minor" integer NOT NULL,
	"amount_minor" integer NOT NULL,
	"currency" text NOT NULL,
	"status" text DEFAULT 'accrued' NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"reversed_at" timestamp (3) with time zone,
	CONSTRAINT "referral_earnings_commission_id_unique" UNIQUE("commission_id"),
	CONSTRAINT "referral_earnings_amount_check" CHECK ("referral_earnings"."amount_minor" > 0)
);
--> statement-breakpoint
CREATE TABLE "referrals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"referrer_user_id" text NOT NULL,
	"referred_user_id" text NOT NULL,
	"referrer_organization_id" text,
	"referred_organization_id" text,
	"bonus_ends_at" timestamp (3) with time zone,
	"bonus_bps" integer DEFAULT 0 NOT NULL,
	"reward_status" text DEFAULT 'none' NOT NULL,
	"rewarded_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "referrals_not_self_check" CHECK ("referrals"."referrer_user_id" <> "referrals"."referred_user_id")
);
--> statement-breakpoint
CREATE TABLE "commission_invoice_items" (
	"commission_id" uuid PRIMARY KEY NOT NULL,
	"invoice_id" uuid NOT NULL,
	"conversion_id" uuid NOT NULL,
	"order_ref" text NOT NULL,
	"sale_minor" integer NOT NULL,
	"commission_minor" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "commission_invoices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" text NOT NULL,
	"period" text NOT NULL,
	"currency" text NOT NULL,
	"status" text DEFAULT 'due' NOT NULL,
	"sales_minor" integer NOT NULL,
	"commissions_minor" integer NOT NULL,
	"fee_minor" integer NOT NULL,
	"fee_bps" integer NOT NULL,
	"total_minor" integer NOT NULL,
	"conversion_count" integer NOT NULL,
	"invoice_id" text NOT NULL,
	"invoice_number" text NOT NULL,
	"payment_method" text,
	"bank_reference" text,
	"due_at" timestamp (3) with time zone NOT NULL,
	"paid_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "settlement_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"settlement_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"order_id" uuid NOT NULL,
	"refund_id" uuid,
	"reference" text NOT NULL,
	"occurred_at" timestamp (3) with time zone NOT NULL,
	"gross_minor" integer NOT NULL,
	"refunded_minor" integer NOT NULL,
	"fee_minor" integer NOT NULL,
	"commission_minor" integer NOT NULL,
	"net_minor" integer NOT NULL,
	CONSTRAINT "settlement_lines_net_check" CHECK ("settlement_lines"."net_minor" = "settlement_lines"."gross_minor" - "settlement_lines"."refunded_minor" - "settlement_lines"."fee_minor" - "settlement_lines"."commission_minor")
);
--> statement-breakpoint
CREATE TABLE "settlements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" text NOT NULL,
	"period" text NOT NULL,
	"currency" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"gross_minor" integer NOT NULL,
	"refunds_minor" integer NOT NULL,
	"fee_minor" integer NOT NULL,
	"fee_vat_minor" integer NOT NULL,
	"commissions_minor" integer NOT NULL,
	"net_minor" integer NOT NULL,
	"fee_bps" integer NOT NULL,
	"plan_id" text NOT NULL,
	"order_count" integer NOT NULL,
	"fee_invoice_id" text,
	"fee_invoice_number" text,
	"bank_reference" text,
	"failure_reason" text,
	"decided_by" text,
	"paid_at" timestamp (3) with time zone,
	"failed_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "settlements_net_check" CHECK ("settlements"."net_minor" = "settlements"."gross_minor" - "settlements"."refunds_minor" - "settlements"."fee_minor" - "settlements"."fee_vat_minor" - "settlements"."commissions_minor")
);
--> statement-breakpoint
ALTER TABLE "referral_earnings" ADD CONSTRAINT "referral_earnings_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commission_invoice_items" ADD CONSTRAINT "commission_invoice_items_invoice_id_commission_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."commission_invoices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "settlement_lines" ADD CONSTRAINT "settlement_lines_settlement_id_settlements_id_fk" FOREIGN KEY ("settlement_id") REFERENCES "public"."settlements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "referral_earnings_referrer_idx" ON "referral_earnings" USING btree ("referrer_user_id","created_at");--> statement-breakpoint
CREATE INDEX "referral_earnings_status_idx" ON "referral_earnings" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "referrals_referred_idx" ON "referrals" USING btree ("referred_user_id");--> statement-breakpoint
CREATE INDEX "referrals_referrer_idx" ON "referrals" USING btree ("referrer_user_id","created_at");--> statement-breakpoint
CREATE INDEX "referrals_reward_idx" ON "referrals" USING btree ("reward_status");--> statement-breakpoint
CREATE INDEX "commission_invoice_items_invoice_idx" ON "commission_invoice_items" USING btree ("invoice_id");--> statement-breakpoint
CREATE UNIQUE INDEX "commission_invoices_org_period_idx" ON "commission_invoices" USING btree ("organization_id","period","currency");--> statement-breakpoint
CREATE INDEX "commission_invoices_period_idx" ON "commission_invoices" USING btree ("period","status");--> statement-breakpoint
CREATE UNIQUE INDEX "settlement_lines_order_idx" ON "settlement_lines" USING btree ("order_id") WHERE "settlement_lines"."kind" = 'order';--> statement-breakpoint
CREATE UNIQUE INDEX "settlement_lines_refund_idx" ON "settlement_lines" USING btree ("refund_id");--> statement-breakpoint
CREATE INDEX "settlement_lines_settlement_idx" ON "settlement_lines" USING btree ("settlement_id");--> statement-breakpoint
CREATE UNIQUE INDEX "settlements_org_period_idx" ON "settlements" USING btree ("organization_id","period","currency");--> statement-breakpoint
CREATE INDEX "settlements_period_idx" ON "settlements" USING btree ("period","status");