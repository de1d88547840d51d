import os
from typing import Annotated, Literal

import httpx
from mcp.server.fastmcp import FastMCP
from mcp.types import ToolAnnotations
from pydantic import Field

API = "https://api.paygate.example/v1"
client = httpx.Client(
    base_url=API, headers={"Authorization": f"Bearer {os.environ['PAYGATE_SECRET_KEY']}"}, timeout=30
)

mcp = FastMCP("paygate")


def _post(path: str, data: dict) -> dict:
    r = client.post(path, data=data)
    r.raise_for_status()
    return r.json()


@mcp.tool()
def get_balance() -> dict:
    """Return the available and pending balance of the merchant account, per currency."""
    return client.get("/balance").json()


@mcp.tool()
def list_invoices(customer: str | None = None, limit: int = 20) -> list[dict]:
    """List recent invoices with amount, status and customer email."""
    params = {"limit": limit} | ({"customer": customer} if customer else {})
    return client.get("/invoices", params=params).json()["data"]


@mcp.tool(
    name="create_charge",
    description="Charge a customer's saved payment method immediately. Amount is in the smallest currency unit.",
    annotations=ToolAnnotations(
        title="Create charge",
        readOnlyHint=False,
        destructiveHint=True,
        idempotentHint=False,
        openWorldHint=True,
    ),
)
def charge_customer(
    customer: str,
    amount: Annotated[int, Field(gt=0, description="Amount in cents")],
    currency: str = "usd",
) -> dict:
    return _post("/charges", {"customer": customer, "amount": amount, "currency": currency})


@mcp.tool(
    name="refund_payment",
    description="Refund a payment in full or in part. The money is returned to the customer's card.",
    annotations=ToolAnnotations(title="Refund payment", destructiveHint=True),
)
def refund(payment_id: str, amount: int | None = None) -> dict:
    data = {"payment": payment_id} | ({"amount": amount} if amount else {})
    return _post("/refunds", data)


@mcp.tool(
    name="create_payment_link",
    description="Create a shareable checkout link for a product and price. Nobody is charged until a buyer pays.",
    annotations=ToolAnnotations(readOnlyHint=False, destructiveHint=False),
)
def payment_link(price_id: str, quantity: int = 1) -> str:
    return _post("/payment_links", {"line_items[0][price]": price_id, "line_items[0][quantity]": quantity})["url"]


@mcp.tool(
    name="cancel_subscription",
    description="Cancel a customer's subscription, either now or at the end of the billing period.",
)
def cancel_subscription(
    subscription_id: str, when: Literal["now", "period_end"] = "period_end"
) -> dict:
    if when == "now":
        r = client.delete(f"/subscriptions/{subscription_id}")
        return r.json()
    return _post(f"/subscriptions/{subscription_id}", {"cancel_at_period_end": "true"})


def main() -> None:
    mcp.run()
