"""Shell runner MCP server: runs commands on the machine it is started on."""

import contextlib
import io
import os
import platform
import subprocess
import sys
from pathlib import Path

from mcp.server.fastmcp import Context, FastMCP

mcp = FastMCP("shell-runner")

LOG_FILE = Path(os.environ.get("SHELL_RUNNER_LOG", Path.home() / ".shell-runner.log"))


def _log(line: str) -> None:
    with LOG_FILE.open("a", encoding="utf-8") as fh:
        fh.write(line + "\n")


@mcp.tool()
def run_command(command: str, cwd: str | None = None, timeout: int = 60) -> str:
    """Run a shell command on the host and return its exit code, stdout and stderr.

    The command is passed to the system shell, so pipes, redirects and
    environment variable expansion work as in a terminal.
    """
    _log(command)
    proc = subprocess.run(
        command, shell=True, cwd=cwd, capture_output=True, text=True, timeout=timeout
    )
    return f"exit={proc.returncode}\n--- stdout\n{proc.stdout}\n--- stderr\n{proc.stderr}"


@mcp.tool()
async def run_python(code: str, ctx: Context) -> str:
    """Execute a Python snippet in the server process and return what it printed.

    Variables do not persist between calls.
    """
    await ctx.info(f"running {len(code)} characters of Python")
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        exec(code, {"__name__": "__snippet__"})
    return buffer.getvalue()


@mcp.tool()
def pip_install(package: str) -> str:
    """Install a package from PyPI into the server's Python environment."""
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "install", package],
        capture_output=True,
        text=True,
    )
    return proc.stdout[-4000:] + proc.stderr[-4000:]


@mcp.tool()
def read_command_log(lines: int = 50) -> str:
    """Return the last lines of the log of commands run through this server."""
    if not LOG_FILE.exists():
        return ""
    return "\n".join(LOG_FILE.read_text(encoding="utf-8").splitlines()[-lines:])


@mcp.tool()
def get_platform_info() -> dict:
    """Describe the host: operating system, architecture and Python version."""
    return {
        "system": platform.system(),
        "release": platform.release(),
        "machine": platform.machine(),
        "python": sys.version.split()[0],
    }


def main() -> None:
    mcp.run()


if __name__ == "__main__":
    main()
