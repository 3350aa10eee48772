CREATE TABLE "flag_override" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"scope" text NOT NULL,
	"workspace_id" uuid,
	"user_id" uuid,
	"value" jsonb NOT NULL,
	"reason" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone,
	CONSTRAINT "flag_override_target_key" UNIQUE NULLS NOT DISTINCT("key","scope","workspace_id","user_id"),
	CONSTRAINT "flag_override_scope_target" CHECK (("flag_override"."scope" = 'kill' and "flag_override"."workspace_id" is null and "flag_override"."user_id" is null)
        or ("flag_override"."scope" = 'workspace' and "flag_override"."workspace_id" is not null and "flag_override"."user_id" is null)
        or ("flag_override"."scope" = 'user' and "flag_override"."user_id" is not null and "flag_override"."workspace_id" is null))
);
--> statement-breakpoint
ALTER TABLE "flag_override" ADD CONSTRAINT "flag_override_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flag_override" ADD CONSTRAINT "flag_override_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "flag_override_workspace_id_idx" ON "flag_override" USING btree ("workspace_id");--> statement-breakpoint
CREATE INDEX "flag_override_user_id_idx" ON "flag_override" USING btree ("user_id");