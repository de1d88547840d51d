import csv
import os
from datetime import date
from pathlib import Path

import duckdb
from mcp.server.fastmcp import FastMCP
from mcp.types import ToolAnnotations

DB_PATH = os.environ.get("ANALYTICS_DB", "events.duckdb")
EXPORT_DIR = Path(os.environ.get("ANALYTICS_EXPORT_DIR", "exports"))
DASHBOARD_BASE = "https://analytics.example.com/d"

mcp = FastMCP("analytics")


@mcp.tool(annotations=ToolAnnotations(readOnlyHint=True, openWorldHint=False))
def count_events(event: str, since: date, until: date | None = None) -> list[dict]:
    """Count occurrences of a product event per day, e.g. "signup" or "checkout_completed"."""
    con = duckdb.connect(DB_PATH, read_only=True)
    rows = con.execute(
        "SELECT day, count(*) FROM events WHERE name = ? AND day >= ? AND day <= coalesce(?, current_date) GROUP BY day ORDER BY day",
        [event, since, until],
    ).fetchall()
    return [{"day": str(d), "count": c} for d, c in rows]


@mcp.tool()
def get_user_events(user_id: str, limit: int = 100) -> list[dict]:
    """Return the raw event trail of one user: event name, timestamp, page and properties."""
    con = duckdb.connect(DB_PATH, read_only=True)
    rows = con.execute(
        "SELECT name, ts, page, props FROM events WHERE user_id = ? ORDER BY ts DESC LIMIT ?",
        [user_id, limit],
    ).fetchall()
    return [dict(zip(("name", "ts", "page", "props"), r)) for r in rows]


@mcp.tool(name="dashboard_url", description="Build the URL of a saved dashboard from its slug.")
def dashboard(slug: str) -> str:
    return f"{DASHBOARD_BASE}/{slug}"


@mcp.tool()
def export_report(event: str, since: date) -> str:
    """Write daily counts for an event to a new CSV file in the exports folder and return its path."""
    EXPORT_DIR.mkdir(parents=True, exist_ok=True)
    target = EXPORT_DIR / f"{event}-{since.isoformat()}.csv"
    with target.open("w", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["day", "count"])
        for row in count_events(event, since):
            writer.writerow([row["day"], row["count"]])
    return str(target)


if __name__ == "__main__":
    mcp.run()
