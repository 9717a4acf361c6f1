CREATE TABLE "payments_attempts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"gateway" text NOT NULL,
	"status" text DEFAULT 'started' NOT NULL,
	"amount_minor" integer NOT NULL,
	"currency" text NOT NULL,
	"gateway_reference" text,
	"payment_reference" text,
	"error_message" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payments_gateway_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"gateway" text NOT NULL,
	"kind" text NOT NULL,
	"external_id" text,
	"order_id" uuid,
	"outcome" text NOT NULL,
	"detail" text,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payments_order_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"type" text NOT NULL,
	"actor" text,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payments_order_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"title" text NOT NULL,
	"slug" text NOT NULL,
	"unit_price_minor" integer NOT NULL,
	"quantity" integer NOT NULL,
	"conditions" text DEFAULT '' NOT NULL,
	"address" text,
	"expires_at" timestamp (3) with time zone,
	CONSTRAINT "payments_order_items_quantity_check" CHECK ("payments_order_items"."quantity" > 0)
);
--> statement-breakpoint
CREATE TABLE "payments_orders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"status" text DEFAULT 'pending_payment' NOT NULL,
	"organization_id" text NOT NULL,
	"buyer_user_id" text,
	"buyer_name" text NOT NULL,
	"buyer_email" text NOT NULL,
	"buyer_phone" text NOT NULL,
	"locale" text NOT NULL,
	"currency" text NOT NULL,
	"total_minor" integer NOT NULL,
	"refunded_minor" integer DEFAULT 0 NOT NULL,
	"gateway" text NOT NULL,
	"gateway_test" boolean DEFAULT false NOT NULL,
	"click_id" text,
	"idempotency_key" text,
	"request_hash" text,
	"stock_held" boolean DEFAULT true NOT NULL,
	"last_payment_error" text,
	"reservation_expires_at" timestamp (3) with time zone,
	"paid_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payments_orders_reference_unique" UNIQUE("reference"),
	CONSTRAINT "payments_orders_amounts_check" CHECK ("payments_orders"."total_minor" >= 0 and "payments_orders"."refunded_minor" between 0 and "payments_orders"."total_minor")
);
--> statement-breakpoint
CREATE TABLE "payments_processed_webhooks" (
	"gateway" text NOT NULL,
	"event_id" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payments_processed_webhooks_gateway_event_id_pk" PRIMARY KEY("gateway","event_id")
);
--> statement-breakpoint
CREATE TABLE "payments_refunds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"amount_minor" integer NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"idempotency_key" text,
	"gateway_reference" text,
	"actor_id" text,
	"error_message" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payments_refunds_amount_check" CHECK ("payments_refunds"."amount_minor" > 0)
);
--> statement-breakpoint
CREATE TABLE "payments_sandbox_transactions" (
	"oid" text PRIMARY KEY NOT NULL,
	"trans_id" text NOT NULL,
	"amount_minor" integer NOT NULL,
	"refunded_minor" integer DEFAULT 0 NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payments_vouchers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"organization_id" text NOT NULL,
	"product_id" uuid NOT NULL,
	"code" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"expires_at" timestamp (3) with time zone,
	"redeemed_at" timestamp (3) with time zone,
	"redeemed_by" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payments_vouchers_code_unique" UNIQUE("code")
);
--> statement-breakpoint
ALTER TABLE "catalog_reviews" ADD COLUMN "verified_purchase" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "mail_messages" ADD COLUMN "attachments" jsonb;--> statement-breakpoint
ALTER TABLE "payments_attempts" ADD CONSTRAINT "payments_attempts_order_id_payments_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."payments_orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments_order_events" ADD CONSTRAINT "payments_order_events_order_id_payments_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."payments_orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments_order_items" ADD CONSTRAINT "payments_order_items_order_id_payments_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."payments_orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments_refunds" ADD CONSTRAINT "payments_refunds_order_id_payments_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."payments_orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments_vouchers" ADD CONSTRAINT "payments_vouchers_order_id_payments_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."payments_orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "payments_attempts_order_idx" ON "payments_attempts" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "payments_attempts_reference_idx" ON "payments_attempts" USING btree ("gateway","gateway_reference");--> statement-breakpoint
CREATE INDEX "payments_attempts_created_idx" ON "payments_attempts" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "payments_gateway_events_created_idx" ON "payments_gateway_events" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "payments_gateway_events_order_idx" ON "payments_gateway_events" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "payments_order_events_order_idx" ON "payments_order_events" USING btree ("order_id","created_at");--> statement-breakpoint
CREATE INDEX "payments_order_items_order_idx" ON "payments_order_items" USING btree ("order_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_orders_idempotency_idx" ON "payments_orders" USING btree ("idempotency_key");--> statement-breakpoint
CREATE INDEX "payments_orders_org_idx" ON "payments_orders" USING btree ("organization_id","created_at");--> statement-breakpoint
CREATE INDEX "payments_orders_buyer_idx" ON "payments_orders" USING btree ("buyer_user_id","created_at");--> statement-breakpoint
CREATE INDEX "payments_orders_created_idx" ON "payments_orders" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "payments_orders_pending_idx" ON "payments_orders" USING btree ("status","reservation_expires_at");--> statement-breakpoint
CREATE INDEX "payments_refunds_order_idx" ON "payments_refunds" USING btree ("order_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_refunds_idempotency_idx" ON "payments_refunds" USING btree ("order_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "payments_vouchers_order_idx" ON "payments_vouchers" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "payments_vouchers_org_idx" ON "payments_vouchers" USING btree ("organization_id","status");--> statement-breakpoint
ALTER TABLE "catalog_products" ADD CONSTRAINT "catalog_products_stock_check" CHECK ("catalog_products"."stock_quantity" is null or "catalog_products"."stock_quantity" >= 0);