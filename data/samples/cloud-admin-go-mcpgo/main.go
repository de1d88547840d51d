package main

import (
	"log"

	"github.com/mark3labs/mcp-go/server"

	"github.com/example-org/cloudctl-mcp/tools"
)

func main() {
	s := server.NewMCPServer("cloudctl-mcp", "0.5.0", server.WithToolCapabilities(false))
	tools.Register(s)
	if err := server.ServeStdio(s); err != nil {
		log.Fatal(err)
	}
}
