CREATE TABLE "webhook_dispatch" (
	"delivery_id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"endpoint_id" uuid NOT NULL,
	"due_at" timestamp with time zone DEFAULT now() NOT NULL,
	"lease_until" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "webhook_dispatch" ADD CONSTRAINT "webhook_dispatch_delivery_id_webhook_delivery_id_fk" FOREIGN KEY ("delivery_id") REFERENCES "public"."webhook_delivery"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "webhook_dispatch_endpoint_id_due_at_idx" ON "webhook_dispatch" USING btree ("endpoint_id","due_at");--> statement-breakpoint
CREATE INDEX "webhook_dispatch_lease_until_endpoint_id_idx" ON "webhook_dispatch" USING btree ("lease_until","endpoint_id") WHERE "webhook_dispatch"."lease_until" is not null;--> statement-breakpoint
CREATE INDEX "webhook_delivery_workspace_id_created_at_idx" ON "webhook_delivery" USING btree ("workspace_id","created_at");