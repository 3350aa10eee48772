CREATE TABLE "file" (
	"workspace_id" uuid NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"purpose" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" bigint NOT NULL,
	"storage_key" text NOT NULL,
	"project_id" uuid,
	"created_by" uuid NOT NULL,
	"rejected_reason" text,
	"variants" jsonb,
	"completed_at" timestamp with time zone,
	"deleted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "file_status_check" CHECK ("file"."status" in ('pending', 'pending_scan', 'ready', 'rejected')),
	CONSTRAINT "file_size_check" CHECK ("file"."size" > 0)
);
--> statement-breakpoint
ALTER TABLE "file" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "file" ADD CONSTRAINT "file_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "file" ADD CONSTRAINT "file_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "file_workspace_id_id_idx" ON "file" USING btree ("workspace_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "file_storage_key_key" ON "file" USING btree ("storage_key");--> statement-breakpoint
CREATE INDEX "file_workspace_id_project_id_idx" ON "file" USING btree ("workspace_id","project_id");--> statement-breakpoint
CREATE INDEX "file_workspace_id_status_created_at_idx" ON "file" USING btree ("workspace_id","status","created_at");--> statement-breakpoint
CREATE POLICY "file_tenant_isolation" ON "file" AS PERMISSIVE FOR ALL TO public USING ("file"."workspace_id" = nullif(current_setting('app.workspace_id', true), '')::uuid) WITH CHECK ("file"."workspace_id" = nullif(current_setting('app.workspace_id', true), '')::uuid);