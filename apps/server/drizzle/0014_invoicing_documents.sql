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
ALTER TABLE "invoicing_documents" ADD CONSTRAINT "invoicing_documents_credited_invoice_id_invoicing_documents_id_fk" FOREIGN KEY ("credited_invoice_id") REFERENCES "public"."invoicing_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoicing_lines" ADD CONSTRAINT "invoicing_lines_document_id_invoicing_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."invoicing_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "invoicing_documents_sequence_idx" ON "invoicing_documents" USING btree ("series","year","sequence");--> statement-breakpoint
CREATE UNIQUE INDEX "invoicing_documents_source_idx" ON "invoicing_documents" USING btree ("type","source_kind","source_id");--> statement-breakpoint
CREATE INDEX "invoicing_documents_buyer_idx" ON "invoicing_documents" USING btree ("buyer_kind","buyer_id","issued_at");--> statement-breakpoint
CREATE INDEX "invoicing_documents_issued_idx" ON "invoicing_documents" USING btree ("issued_at","id");--> statement-breakpoint
CREATE INDEX "invoicing_documents_credited_idx" ON "invoicing_documents" USING btree ("credited_invoice_id");--> statement-breakpoint
CREATE UNIQUE INDEX "invoicing_lines_position_idx" ON "invoicing_lines" USING btree ("document_id","position");