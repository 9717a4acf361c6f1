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
CREATE TABLE "invoicing_counters" (
	"series" text NOT NULL,
	"year" integer NOT NULL,
	"last_number" integer NOT NULL,
	CONSTRAINT "invoicing_counters_series_year_pk" PRIMARY KEY("series","year"),
	CONSTRAINT "invoicing_counters_positive" CHECK ("invoicing_counters"."last_number" >= 0)
);
--> statement-breakpoint
CREATE TABLE "invoicing_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"type" text NOT NULL,
	"series" text NOT NULL,
	"year" integer NOT NULL,
	"sequence" integer NOT NULL,
	"number" text NOT NULL,
	"source_kind" text NOT NULL,
	"source_id" text NOT NULL,
	"credited_invoice_id" uuid,
	"buyer_kind" text NOT NULL,
	"buyer_id" text NOT NULL,
	"buyer_name" text NOT NULL,
	"buyer_email" text NOT NULL,
	"buyer_address" text,
	"buyer_ice" text,
	"locale" text NOT NULL,
	"seller" jsonb NOT NULL,
	"currency" text NOT NULL,
	"subtotal_minor" bigint NOT NULL,
	"vat_rate_bps" integer NOT NULL,
	"vat_minor" bigint NOT NULL,
	"total_minor" bigint NOT NULL,
	"payment_method" text NOT NULL,
	"status" text NOT NULL,
	"due_at" timestamp (3) with time zone,
	"pay_url" text,
	"paid_at" timestamp (3) with time zone,
	"issued_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"pdf_key" text,
	"pdf_stored_at" timestamp (3) with time zone,
	"mailed_at" timestamp (3) with time zone,
	CONSTRAINT "invoicing_documents_number_unique" UNIQUE("number"),
	CONSTRAINT "invoicing_documents_amounts_check" CHECK ("invoicing_documents"."subtotal_minor" >= 0 and "invoicing_documents"."vat_minor" >= 0 and "invoicing_documents"."total_minor" = "invoicing_documents"."subtotal_minor" + "invoicing_documents"."vat_minor"),
	CONSTRAINT "invoicing_documents_vat_rate_check" CHECK ("invoicing_documents"."vat_rate_bps" between 0 and 10000),
	CONSTRAINT "invoicing_documents_sequence_check" CHECK ("invoicing_documents"."sequence" >= 1),
	CONSTRAINT "invoicing_documents_credit_check" CHECK (("invoicing_documents"."type" = 'credit_note') = ("invoicing_documents"."credited_invoice_id" is not null)),
	CONSTRAINT "invoicing_documents_paid_check" CHECK (("invoicing_documents"."status" = 'paid') = ("invoicing_documents"."paid_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "invoicing_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"document_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"description" text NOT NULL,
	"quantity" integer NOT NULL,
	"unit_amount_minor" bigint NOT NULL,
	"amount_minor" bigint NOT NULL,
	CONSTRAINT "invoicing_lines_quantity_check" CHECK ("invoicing_lines"."quantity" >= 1),
	CONSTRAINT "invoicing_lines_amount_check" CHECK ("invoicing_lines"."unit_amount_minor" >= 0 and "invoicing_lines"."amount_minor" = "invoicing_lines"."quantity" * "invoicing_lines"."unit_amount_minor")
);
--> statement-breakpoint
CREATE TABLE "ledger_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"transaction_id" uuid NOT NULL,
	"account" text NOT NULL,
	"owner_id" text,
	"currency" text NOT NULL,
	"amount_minor" bigint NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ledger_entries_amount_check" CHECK ("ledger_entries"."amount_minor" <> 0),
	CONSTRAINT "ledger_entries_currency_check" CHECK ("ledger_entries"."currency" ~ '^[A-Z]{3}$')
);
--> statement-breakpoint
CREATE TABLE "ledger_transactions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"reference" text NOT NULL,
	"memo" text,
	"occurred_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
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
	CONSTRAINT "payouts_lines_amount_check" CHECK ("payouts_lines"."amount_minor" >= 0)
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
	"invoice_id" text,
	"invoice_number" text,
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
ALTER TABLE "catalog_products" ADD COLUMN "paused_by_plan" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "invoicing_documents" ADD CONSTRAINT "invoicing_documents_credited_invoice_id_invoicing_documents_id_fk" FOREIGN KEY ("credited_invoice_id") REFERENCES "public"."invoicing_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoicing_lines" ADD CONSTRAINT "invoicing_lines_document_id_invoicing_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."invoicing_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_transaction_id_ledger_transactions_id_fk" FOREIGN KEY ("transaction_id") REFERENCES "public"."ledger_transactions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payouts_items" ADD CONSTRAINT "payouts_items_line_id_payouts_lines_id_fk" FOREIGN KEY ("line_id") REFERENCES "public"."payouts_lines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payouts_lines" ADD CONSTRAINT "payouts_lines_run_id_payouts_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."payouts_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_earnings" ADD CONSTRAINT "referral_earnings_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commission_invoice_items" ADD CONSTRAINT "commission_invoice_items_invoice_id_commission_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."commission_invoices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "settlement_lines" ADD CONSTRAINT "settlement_lines_settlement_id_settlements_id_fk" FOREIGN KEY ("settlement_id") REFERENCES "public"."settlements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "billing_renewals_period_idx" ON "billing_renewals" USING btree ("organization_id","period_start");--> statement-breakpoint
CREATE UNIQUE INDEX "billing_subscriptions_stripe_idx" ON "billing_subscriptions" USING btree ("stripe_subscription_id");--> statement-breakpoint
CREATE INDEX "billing_subscriptions_status_idx" ON "billing_subscriptions" USING btree ("status","updated_at");--> statement-breakpoint
CREATE UNIQUE INDEX "invoicing_documents_sequence_idx" ON "invoicing_documents" USING btree ("series","year","sequence");--> statement-breakpoint
CREATE UNIQUE INDEX "invoicing_documents_source_idx" ON "invoicing_documents" USING btree ("type","source_kind","source_id");--> statement-breakpoint
CREATE INDEX "invoicing_documents_buyer_idx" ON "invoicing_documents" USING btree ("buyer_kind","buyer_id","issued_at");--> statement-breakpoint
CREATE INDEX "invoicing_documents_issued_idx" ON "invoicing_documents" USING btree ("issued_at","id");--> statement-breakpoint
CREATE INDEX "invoicing_documents_credited_idx" ON "invoicing_documents" USING btree ("credited_invoice_id");--> statement-breakpoint
CREATE UNIQUE INDEX "invoicing_lines_position_idx" ON "invoicing_lines" USING btree ("document_id","position");--> statement-breakpoint
CREATE INDEX "ledger_entries_transaction_idx" ON "ledger_entries" USING btree ("transaction_id");--> statement-breakpoint
CREATE INDEX "ledger_entries_account_idx" ON "ledger_entries" USING btree ("account","owner_id","currency");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_transactions_kind_reference_idx" ON "ledger_transactions" USING btree ("kind","reference");--> statement-breakpoint
CREATE INDEX "ledger_transactions_occurred_idx" ON "ledger_transactions" USING btree ("occurred_at");--> statement-breakpoint
CREATE UNIQUE INDEX "payouts_items_live_commission_idx" ON "payouts_items" USING btree ("commission_id") WHERE released_at is null;--> statement-breakpoint
CREATE INDEX "payouts_items_line_idx" ON "payouts_items" USING btree ("line_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payouts_lines_run_influencer_idx" ON "payouts_lines" USING btree ("run_id","influencer_id");--> statement-breakpoint
CREATE INDEX "payouts_lines_influencer_idx" ON "payouts_lines" USING btree ("influencer_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "payouts_runs_period_idx" ON "payouts_runs" USING btree ("period","currency");--> statement-breakpoint
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