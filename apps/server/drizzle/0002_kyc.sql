CREATE TABLE "kyc_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"profile_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"storage_key" text NOT NULL,
	"key_id" text NOT NULL,
	"uploaded_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kyc_history" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"profile_id" uuid NOT NULL,
	"status" text NOT NULL,
	"actor" text NOT NULL,
	"actor_id" text,
	"reason" text,
	"note" text,
	"items" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kyc_phone_codes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text NOT NULL,
	"phone" text NOT NULL,
	"code_hash" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"consumed_at" timestamp with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kyc_profiles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" text NOT NULL,
	"subject_name" text NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"phone_number" text,
	"phone_verified_at" timestamp with time zone,
	"cin" text,
	"ice" text,
	"rib" text,
	"requested_items" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"decision_reason" text,
	"decision_note" text,
	"submitted_at" timestamp with time zone,
	"submitted_by" text,
	"decided_at" timestamp with time zone,
	"decided_by" text,
	"verified_at" timestamp with time zone,
	"approved_rib" text,
	"purge_after" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kyc_profiles_status_check" CHECK ("kyc_profiles"."status" in ('draft', 'submitted', 'in_review', 'needs_info', 'approved', 'rejected'))
);
--> statement-breakpoint
CREATE TABLE "sms_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"to_number" text NOT NULL,
	"purpose" text NOT NULL,
	"body" text NOT NULL,
	"status" text DEFAULT 'stored' NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "kyc_documents" ADD CONSTRAINT "kyc_documents_profile_id_kyc_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."kyc_profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kyc_history" ADD CONSTRAINT "kyc_history_profile_id_kyc_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."kyc_profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "kyc_documents_profile_kind_idx" ON "kyc_documents" USING btree ("profile_id","kind");--> statement-breakpoint
CREATE INDEX "kyc_history_profile_idx" ON "kyc_history" USING btree ("profile_id","created_at");--> statement-breakpoint
CREATE INDEX "kyc_phone_codes_user_idx" ON "kyc_phone_codes" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "kyc_profiles_subject_idx" ON "kyc_profiles" USING btree ("subject_type","subject_id");--> statement-breakpoint
CREATE INDEX "kyc_profiles_status_idx" ON "kyc_profiles" USING btree ("status","submitted_at");--> statement-breakpoint
CREATE INDEX "kyc_profiles_cin_idx" ON "kyc_profiles" USING btree ("cin");--> statement-breakpoint
CREATE INDEX "kyc_profiles_ice_idx" ON "kyc_profiles" USING btree ("ice");--> statement-breakpoint
CREATE INDEX "kyc_profiles_rib_idx" ON "kyc_profiles" USING btree ("rib");--> statement-breakpoint
CREATE INDEX "sms_messages_created_at_id_idx" ON "sms_messages" USING btree ("created_at" DESC NULLS LAST,"id" DESC NULLS LAST);