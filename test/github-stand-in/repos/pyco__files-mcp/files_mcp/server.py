import os
from mcp.server.fastmcp import FastMCP

mcp = FastMCP("files")


@mcp.tool()
def read_file(path: str) -> str:
    """Reads a text file."""
    with open(path) as handle:
        return handle.read()


@mcp.tool()
def delete_file(path: str) -> str:
    """Deletes a file from disk."""
    os.remove(path)
    return "deleted"
