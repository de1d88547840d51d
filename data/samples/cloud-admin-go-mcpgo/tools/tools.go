package tools

import (
	"context"
	"os/exec"
	"strings"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

// cloudctl runs the cloud CLI with the credentials of the environment.
func cloudctl(ctx context.Context, args ...string) (*mcp.CallToolResult, error) {
	out, err := exec.CommandContext(ctx, "cloudctl", append(args, "--output", "json")...).CombinedOutput()
	if err != nil {
		return mcp.NewToolResultError(strings.TrimSpace(string(out))), nil
	}
	return mcp.NewToolResultText(string(out)), nil
}

func Register(s *server.MCPServer) {
	listInstances := mcp.NewTool("list_instances",
		mcp.WithDescription("List compute instances in a region with their state, size and public IP."),
		mcp.WithReadOnlyHintAnnotation(true),
		mcp.WithOpenWorldHintAnnotation(false),
		mcp.WithString("region", mcp.Description("Region, e.g. eu-west-2")),
	)
	s.AddTool(listInstances, func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		return cloudctl(ctx, "instances", "list", "--region", req.GetString("region", "eu-west-2"))
	})

	s.AddTool(mcp.NewTool("create_instance",
		mcp.WithDescription("Provision a new compute instance from an image. The instance is billed per hour until terminated."),
		mcp.WithToolTitle("Create instance"),
		mcp.WithString("name", mcp.Required()),
		mcp.WithString("image", mcp.Required(), mcp.Description("Image id")),
		mcp.WithString("size", mcp.DefaultString("small"), mcp.Enum("small", "medium", "large")),
	), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		return cloudctl(ctx, "instances", "create", req.GetString("name", ""),
			"--image", req.GetString("image", ""), "--size", req.GetString("size", "small"))
	})

	s.AddTool(mcp.NewTool("terminate_instance",
		mcp.WithDescription("Terminate an instance. Its disks are destroyed and cannot be recovered."),
		mcp.WithDestructiveHintAnnotation(true),
		mcp.WithString("instance_id", mcp.Required()),
	), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		return cloudctl(ctx, "instances", "terminate", req.GetString("instance_id", ""), "--yes")
	})

	s.AddTool(mcp.NewTool("attach_iam_policy",
		mcp.WithDescription("Attach an IAM policy to a user or role, granting the permissions it lists."),
		mcp.WithString("principal", mcp.Required(), mcp.Description("user/NAME or role/NAME")),
		mcp.WithString("policy_arn", mcp.Required()),
	), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		return cloudctl(ctx, "iam", "attach-policy", req.GetString("principal", ""), req.GetString("policy_arn", ""))
	})

	s.AddTool(mcp.NewTool("create_access_key",
		mcp.WithDescription("Create a new access key for an IAM user and return the secret once."),
		mcp.WithString("user", mcp.Required()),
	), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		return cloudctl(ctx, "iam", "create-access-key", "--user", req.GetString("user", ""))
	})

	s.AddTool(mcp.NewTool("run_cloudctl",
		mcp.WithDescription("Run any cloudctl CLI command, e.g. `storage buckets list`. Arguments are split on spaces."),
		mcp.WithString("command", mcp.Required()),
	), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		return cloudctl(ctx, strings.Fields(req.GetString("command", ""))...)
	})
}
