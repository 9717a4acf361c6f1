CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE TABLE "catalog_categories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"icon" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"names" jsonb NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "catalog_categories_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "catalog_product_images" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"product_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"alt" text DEFAULT '' NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"placeholder" text NOT NULL,
	"original_key" text NOT NULL,
	"variants" jsonb NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalog_products" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"title" text NOT NULL,
	"slug" text NOT NULL,
	"category_id" uuid NOT NULL,
	"description_html" text DEFAULT '' NOT NULL,
	"original_price_minor" integer NOT NULL,
	"discounted_price_minor" integer NOT NULL,
	"currency" text DEFAULT 'MAD' NOT NULL,
	"discount_percent" integer DEFAULT 0 NOT NULL,
	"highlights" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"included" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"conditions" text DEFAULT '' NOT NULL,
	"how_it_works" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"faq" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"address" text,
	"city" text,
	"city_key" text,
	"latitude" double precision,
	"longitude" double precision,
	"expires_at" timestamp (3) with time zone,
	"stock_quantity" integer,
	"min_per_purchase" integer DEFAULT 1 NOT NULL,
	"max_per_purchase" integer,
	"featured_state" text DEFAULT 'none' NOT NULL,
	"featured_decided_at" timestamp (3) with time zone,
	"deal_of_the_day_state" text DEFAULT 'none' NOT NULL,
	"deal_of_the_day_decided_at" timestamp (3) with time zone,
	"commission" jsonb,
	"moderation_hold" boolean DEFAULT false NOT NULL,
	"moderation_reason" text,
	"moderated_at" timestamp (3) with time zone,
	"search_document" text DEFAULT '' NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple', search_document)) STORED,
	"published_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "catalog_products_slug_unique" UNIQUE("slug"),
	CONSTRAINT "catalog_products_prices_check" CHECK ("catalog_products"."discounted_price_minor" <= "catalog_products"."original_price_minor"),
	CONSTRAINT "catalog_products_prices_positive" CHECK ("catalog_products"."discounted_price_minor" >= 0),
	CONSTRAINT "catalog_products_quantities_check" CHECK ("catalog_products"."max_per_purchase" is null or "catalog_products"."max_per_purchase" >= "catalog_products"."min_per_purchase")
);
--> statement-breakpoint
CREATE TABLE "catalog_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"product_id" uuid NOT NULL,
	"rating" integer NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"body" text NOT NULL,
	"author_name" text NOT NULL,
	"author_id" text,
	"hidden" boolean DEFAULT false NOT NULL,
	"reply_body" text,
	"replied_at" timestamp (3) with time zone,
	"replied_by" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "catalog_reviews_rating_check" CHECK ("catalog_reviews"."rating" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "catalog_search_words" (
	"word" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalog_slug_history" (
	"slug" text PRIMARY KEY NOT NULL,
	"product_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "catalog_product_images" ADD CONSTRAINT "catalog_product_images_product_id_catalog_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."catalog_products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_products" ADD CONSTRAINT "catalog_products_category_id_catalog_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."catalog_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_reviews" ADD CONSTRAINT "catalog_reviews_product_id_catalog_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."catalog_products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_slug_history" ADD CONSTRAINT "catalog_slug_history_product_id_catalog_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."catalog_products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "catalog_product_images_product_idx" ON "catalog_product_images" USING btree ("product_id","position");--> statement-breakpoint
CREATE INDEX "catalog_products_organization_idx" ON "catalog_products" USING btree ("organization_id","created_at");--> statement-breakpoint
CREATE INDEX "catalog_products_published_idx" ON "catalog_products" USING btree ("status","published_at","id");--> statement-breakpoint
CREATE INDEX "catalog_products_discount_idx" ON "catalog_products" USING btree ("status","discount_percent","id");--> statement-breakpoint
CREATE INDEX "catalog_products_price_idx" ON "catalog_products" USING btree ("status","discounted_price_minor","id");--> statement-breakpoint
CREATE INDEX "catalog_products_expiry_idx" ON "catalog_products" USING btree ("status","expires_at","id");--> statement-breakpoint
CREATE INDEX "catalog_products_category_idx" ON "catalog_products" USING btree ("category_id","status");--> statement-breakpoint
CREATE INDEX "catalog_products_city_idx" ON "catalog_products" USING btree ("city_key");--> statement-breakpoint
CREATE INDEX "catalog_products_fts_idx" ON "catalog_products" USING gin ("search_vector") WITH (fastupdate=false);--> statement-breakpoint
CREATE INDEX "catalog_reviews_product_idx" ON "catalog_reviews" USING btree ("product_id","hidden","created_at");--> statement-breakpoint
CREATE INDEX "catalog_search_words_prefix_idx" ON "catalog_search_words" USING btree ("word" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "catalog_search_words_trgm_idx" ON "catalog_search_words" USING gin ("word" gin_trgm_ops);