CREATE TABLE "plan_override" (
	"workspace_id" uuid NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan" text NOT NULL,
	"members" integer,
	"projects" integer,
	"storage_bytes" bigint,
	"reason" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "plan_override" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "workspace" ADD COLUMN "suspended_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "workspace" ADD COLUMN "suspended_reason" text;--> statement-breakpoint
ALTER TABLE "plan_override" ADD CONSTRAINT "plan_override_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "plan_override_workspace_id_id_idx" ON "plan_override" USING btree ("workspace_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_override_workspace_id_key" ON "plan_override" USING btree ("workspace_id");--> statement-breakpoint
CREATE POLICY "subscription_staff_read" ON "subscription" AS PERMISSIVE FOR SELECT TO public USING (current_setting('app.staff_read', true) = 'on');--> statement-breakpoint
CREATE POLICY "subscription_item_staff_read" ON "subscription_item" AS PERMISSIVE FOR SELECT TO public USING (current_setting('app.staff_read', true) = 'on');--> statement-breakpoint
CREATE POLICY "plan_override_tenant_isolation" ON "plan_override" AS PERMISSIVE FOR ALL TO public USING ("plan_override"."workspace_id" = nullif(current_setting('app.workspace_id', true), '')::uuid) WITH CHECK ("plan_override"."workspace_id" = nullif(current_setting('app.workspace_id', true), '')::uuid);