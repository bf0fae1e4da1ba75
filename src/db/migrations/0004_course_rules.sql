CREATE TABLE "course_rules" (
	"node_id" uuid PRIMARY KEY NOT NULL,
	"review_lead_days" integer,
	"featured_per_centre" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "course_rules" ADD CONSTRAINT "course_rules_node_id_org_nodes_id_fk" FOREIGN KEY ("node_id") REFERENCES "public"."org_nodes"("id") ON DELETE cascade ON UPDATE no action;