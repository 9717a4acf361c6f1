ALTER TABLE "commission_invoices" ALTER COLUMN "invoice_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "commission_invoices" ALTER COLUMN "invoice_number" DROP NOT NULL;