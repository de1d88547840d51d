import asyncio
import email
import imaplib
import os
import smtplib
from email.message import EmailMessage
from enum import Enum

import httpx
import mcp.types as types
from mcp.server import Server
from mcp.server.stdio import stdio_server
from pydantic import BaseModel, Field

IMAP_HOST = os.environ["MAIL_IMAP_HOST"]
SMTP_HOST = os.environ["MAIL_SMTP_HOST"]
USER = os.environ["MAIL_USER"]
PASSWORD = os.environ["MAIL_PASSWORD"]
SLACK_TOKEN = os.environ.get("SLACK_BOT_TOKEN", "")


class MessagingTools(str, Enum):
    LIST_INBOX = "list_inbox"
    SEND_EMAIL = "send_email"
    CREATE_DRAFT = "create_draft"
    TRASH_EMAIL = "trash_email"
    POST_SLACK_MESSAGE = "post_slack_message"


class ListInbox(BaseModel):
    limit: int = Field(20, description="How many of the newest messages to list")
    unread_only: bool = False


class SendEmail(BaseModel):
    to: list[str] = Field(description="Recipient addresses")
    subject: str
    body: str = Field(description="Plain-text body")


class TrashEmail(BaseModel):
    uid: str = Field(description="IMAP UID of the message")


class PostSlackMessage(BaseModel):
    channel: str = Field(description="Channel id or name, e.g. #general")
    text: str


server = Server("mail-chat")


@server.list_tools()
async def list_tools() -> list[types.Tool]:
    return [
        types.Tool(
            name=MessagingTools.LIST_INBOX,
            description="List the newest messages in the user's inbox: sender, subject, date and first lines.",
            inputSchema=ListInbox.model_json_schema(),
            annotations=types.ToolAnnotations(readOnlyHint=True, openWorldHint=False),
        ),
        types.Tool(
            name=MessagingTools.SEND_EMAIL,
            description="Send an email from the user's account to one or more recipients.",
            inputSchema=SendEmail.model_json_schema(),
            annotations=types.ToolAnnotations(readOnlyHint=False, destructiveHint=False, openWorldHint=True),
        ),
        types.Tool(
            name=MessagingTools.CREATE_DRAFT,
            description="Save an email as a draft in the Drafts folder without sending it.",
            inputSchema=SendEmail.model_json_schema(),
        ),
        types.Tool(
            name=MessagingTools.TRASH_EMAIL,
            description="Move a message to the Trash folder. It can be restored from Trash for 30 days.",
            inputSchema=TrashEmail.model_json_schema(),
        ),
        types.Tool(
            name=MessagingTools.POST_SLACK_MESSAGE,
            description="Post a message to a Slack channel as the bot user.",
            inputSchema=PostSlackMessage.model_json_schema(),
        ),
    ]


def _compose(args: dict) -> EmailMessage:
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = USER, ", ".join(args["to"]), args["subject"]
    msg.set_content(args["body"])
    return msg


def _imap() -> imaplib.IMAP4_SSL:
    conn = imaplib.IMAP4_SSL(IMAP_HOST)
    conn.login(USER, PASSWORD)
    return conn


@server.call_tool()
async def call_tool(name: str, arguments: dict) -> list[types.TextContent]:
    match name:
        case MessagingTools.LIST_INBOX:
            args = ListInbox(**arguments)
            conn = _imap()
            conn.select("INBOX", readonly=True)
            _, data = conn.uid("search", None, "UNSEEN" if args.unread_only else "ALL")
            lines = []
            for uid in data[0].split()[-args.limit :]:
                _, parts = conn.uid("fetch", uid, "(BODY.PEEK[HEADER])")
                head = email.message_from_bytes(parts[0][1])
                lines.append(f"{uid.decode()} {head['From']} | {head['Subject']} | {head['Date']}")
            return [types.TextContent(type="text", text="\n".join(lines))]
        case MessagingTools.SEND_EMAIL:
            with smtplib.SMTP_SSL(SMTP_HOST) as smtp:
                smtp.login(USER, PASSWORD)
                smtp.send_message(_compose(arguments))
            return [types.TextContent(type="text", text="sent")]
        case MessagingTools.CREATE_DRAFT:
            conn = _imap()
            conn.append("Drafts", "\\Draft", None, _compose(arguments).as_bytes())
            return [types.TextContent(type="text", text="draft saved")]
        case MessagingTools.TRASH_EMAIL:
            conn = _imap()
            conn.select("INBOX")
            conn.uid("move", arguments["uid"], "Trash")
            return [types.TextContent(type="text", text="moved to Trash")]
        case MessagingTools.POST_SLACK_MESSAGE:
            async with httpx.AsyncClient() as client:
                r = await client.post(
                    "https://slack.com/api/chat.postMessage",
                    headers={"Authorization": f"Bearer {SLACK_TOKEN}"},
                    json={"channel": arguments["channel"], "text": arguments["text"]},
                )
            return [types.TextContent(type="text", text=r.text)]
    raise ValueError(f"Unknown tool: {name}")


async def main() -> None:
    async with stdio_server() as (read, write):
        await server.run(read, write, server.create_initialization_options())


def run() -> None:
    asyncio.run(main())
