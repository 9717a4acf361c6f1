CREATE TABLE "affiliation_click_rollups" (
	"link_id" uuid NOT NULL,
	"hour" timestamp (3) with time zone NOT NULL,
	"clicks" integer DEFAULT 0 NOT NULL,
	"unique_clicks" integer DEFAULT 0 NOT NULL,
	"previews" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "affiliation_click_rollups_link_id_hour_pk" PRIMARY KEY("link_id","hour")
);
--> statement-breakpoint
CREATE TABLE "affiliation_clicks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"link_id" uuid NOT NULL,
	"organization_id" text NOT NULL,
	"visitor_key" text NOT NULL,
	"ip" text,
	"is_unique" boolean NOT NULL,
	"device" text,
	"browser" text,
	"os" text,
	"country" text,
	"referrer_host" text,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "affiliation_commissions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conversion_id" uuid NOT NULL,
	"organization_id" text NOT NULL,
	"influencer_id" text NOT NULL,
	"link_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"amount_minor" integer NOT NULL,
	"original_amount_minor" integer NOT NULL,
	"currency" text NOT NULL,
	"rule" jsonb NOT NULL,
	"fraud_signals" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"on_hold" boolean DEFAULT false NOT NULL,
	"approvable_at" timestamp (3) with time zone NOT NULL,
	"approved_at" timestamp (3) with time zone,
	"approved_by" text,
	"reversed_at" timestamp (3) with time zone,
	"rejection_reason" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "affiliation_commissions_conversion_id_unique" UNIQUE("conversion_id"),
	CONSTRAINT "affiliation_commissions_amount_check" CHECK ("affiliation_commissions"."amount_minor" >= 0)
);
--> statement-breakpoint
CREATE TABLE "affiliation_conversions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" text NOT NULL,
	"order_ref" text NOT NULL,
	"click_id" uuid,
	"link_id" uuid,
	"amount_minor" integer NOT NULL,
	"refunded_minor" integer DEFAULT 0 NOT NULL,
	"currency" text NOT NULL,
	"items" jsonb,
	"source" text NOT NULL,
	"ip" text,
	"customer_email" text,
	"customer_user_id" text,
	"fraud_signals" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "affiliation_conversions_amount_check" CHECK ("affiliation_conversions"."amount_minor" > 0),
	CONSTRAINT "affiliation_conversions_refund_check" CHECK ("affiliation_conversions"."refunded_minor" between 0 and "affiliation_conversions"."amount_minor")
);
--> statement-breakpoint
CREATE TABLE "affiliation_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"request_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"organization_id" text NOT NULL,
	"influencer_id" text NOT NULL,
	"channel" text,
	"alias" text,
	"active" boolean DEFAULT true NOT NULL,
	"creator_ip" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "affiliation_links_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "affiliation_merchant_settings" (
	"organization_id" text PRIMARY KEY NOT NULL,
	"attribution_window_days" integer DEFAULT 30 NOT NULL,
	"hold_days" integer DEFAULT 14 NOT NULL,
	"pixel_key" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "affiliation_merchant_settings_pixel_key_unique" UNIQUE("pixel_key")
);
--> statement-breakpoint
CREATE TABLE "affiliation_product_settings" (
	"product_id" uuid PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"auto_approve" boolean DEFAULT false NOT NULL,
	"min_commission_minor" integer,
	"max_commission_minor" integer,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "affiliation_refunds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conversion_id" uuid NOT NULL,
	"refund_ref" text NOT NULL,
	"amount_minor" integer NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "affiliation_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"product_id" uuid NOT NULL,
	"organization_id" text NOT NULL,
	"influencer_id" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"message" text DEFAULT '' NOT NULL,
	"audience" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"commission_override" jsonb,
	"decision_reason" text,
	"decided_by" text,
	"decided_at" timestamp (3) with time zone,
	"auto_approved" boolean DEFAULT false NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "affiliation_commissions" ADD CONSTRAINT "affiliation_commissions_conversion_id_affiliation_conversions_id_fk" FOREIGN KEY ("conversion_id") REFERENCES "public"."affiliation_conversions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "affiliation_links" ADD CONSTRAINT "affiliation_links_request_id_affiliation_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."affiliation_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "affiliation_refunds" ADD CONSTRAINT "affiliation_refunds_conversion_id_affiliation_conversions_id_fk" FOREIGN KEY ("conversion_id") REFERENCES "public"."affiliation_conversions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "affiliation_clicks_link_idx" ON "affiliation_clicks" USING btree ("link_id","created_at");--> statement-breakpoint
CREATE INDEX "affiliation_clicks_visitor_idx" ON "affiliation_clicks" USING btree ("organization_id","visitor_key","created_at");--> statement-breakpoint
CREATE INDEX "affiliation_commissions_org_idx" ON "affiliation_commissions" USING btree ("organization_id","created_at");--> statement-breakpoint
CREATE INDEX "affiliation_commissions_influencer_idx" ON "affiliation_commissions" USING btree ("influencer_id","created_at");--> statement-breakpoint
CREATE INDEX "affiliation_commissions_due_idx" ON "affiliation_commissions" USING btree ("status","on_hold","approvable_at");--> statement-breakpoint
CREATE UNIQUE INDEX "affiliation_conversions_order_idx" ON "affiliation_conversions" USING btree ("organization_id","order_ref");--> statement-breakpoint
CREATE INDEX "affiliation_conversions_link_idx" ON "affiliation_conversions" USING btree ("link_id","created_at");--> statement-breakpoint
CREATE INDEX "affiliation_links_influencer_idx" ON "affiliation_links" USING btree ("influencer_id","created_at");--> statement-breakpoint
CREATE INDEX "affiliation_links_org_idx" ON "affiliation_links" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "affiliation_links_request_idx" ON "affiliation_links" USING btree ("request_id");--> statement-breakpoint
CREATE UNIQUE INDEX "affiliation_refunds_ref_idx" ON "affiliation_refunds" USING btree ("conversion_id","refund_ref");--> statement-breakpoint
CREATE UNIQUE INDEX "affiliation_requests_pair_idx" ON "affiliation_requests" USING btree ("product_id","influencer_id");--> statement-breakpoint
CREATE INDEX "affiliation_requests_org_idx" ON "affiliation_requests" USING btree ("organization_id","status","created_at");--> statement-breakpoint
CREATE INDEX "affiliation_requests_influencer_idx" ON "affiliation_requests" USING btree ("influencer_id","created_at");