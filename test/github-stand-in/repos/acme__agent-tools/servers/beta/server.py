from fastmcp import FastMCP

mcp = FastMCP("beta")


@mcp.tool
def list_users() -> list[str]:
    """Lists the users of the workspace."""
    return []
