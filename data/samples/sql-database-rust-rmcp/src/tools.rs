use std::sync::Arc;

use rmcp::{
    handler::server::{router::tool::ToolRouter, wrapper::Parameters},
    model::{CallToolResult, Content, ServerCapabilities, ServerInfo},
    schemars, tool, tool_handler, tool_router, ErrorData as McpError, ServerHandler,
};
use serde::Deserialize;
use tokio_postgres::Client;

#[derive(Debug, Deserialize, schemars::JsonSchema)]
pub struct TableParams {
    /// Table name, optionally schema-qualified (public.users)
    pub table: String,
}

#[derive(Debug, Deserialize, schemars::JsonSchema)]
pub struct SqlParams {
    #[schemars(description = "SQL text to run")]
    pub sql: String,
}

#[derive(Clone)]
pub struct PgTalk {
    db: Arc<Client>,
    tool_router: ToolRouter<PgTalk>,
}

fn err(e: tokio_postgres::Error) -> McpError {
    McpError::internal_error(e.to_string(), None)
}

fn quote_ident(name: &str) -> String {
    name.split('.').map(|p| format!("\"{}\"", p.replace('"', "\"\""))).collect::<Vec<_>>().join(".")
}

#[tool_router]
impl PgTalk {
    pub fn new(db: Client) -> Self {
        Self { db: Arc::new(db), tool_router: Self::tool_router() }
    }

    #[tool(description = "List the tables of the database with their schema and estimated row count.")]
    async fn list_tables(&self) -> Result<CallToolResult, McpError> {
        let rows = self
            .db
            .query("SELECT schemaname || '.' || relname, n_live_tup FROM pg_stat_user_tables ORDER BY 1", &[])
            .await
            .map_err(err)?;
        let text = rows.iter().map(|r| format!("{} ({})", r.get::<_, String>(0), r.get::<_, i64>(1))).collect::<Vec<_>>().join("\n");
        Ok(CallToolResult::success(vec![Content::text(text)]))
    }

    /// Describe the columns of a table: name, type, nullability and default.
    #[tool]
    async fn describe_table(&self, Parameters(p): Parameters<TableParams>) -> Result<CallToolResult, McpError> {
        let rows = self
            .db
            .query(
                "SELECT column_name, data_type, is_nullable, column_default FROM information_schema.columns \
                 WHERE table_schema || '.' || table_name = $1 OR table_name = $1 ORDER BY ordinal_position",
                &[&p.table],
            )
            .await
            .map_err(err)?;
        Ok(CallToolResult::success(vec![Content::text(format!("{} columns", rows.len()))]))
    }

    #[tool(
        description = "Run a single read-only SELECT query and return the number of rows and the first row.",
        annotations(read_only_hint = true, open_world_hint = false)
    )]
    async fn query(&self, Parameters(p): Parameters<SqlParams>) -> Result<CallToolResult, McpError> {
        let sql = p.sql.trim();
        if !sql.to_ascii_lowercase().starts_with("select") {
            return Ok(CallToolResult::error(vec![Content::text("only SELECT queries are allowed")]));
        }
        let rows = self.db.query(sql, &[]).await.map_err(err)?;
        let first = rows.first().map(|r| format!("{r:?}")).unwrap_or_default();
        Ok(CallToolResult::success(vec![Content::text(format!("{} rows\n{first}", rows.len()))]))
    }

    #[tool(
        name = "execute_sql",
        description = r#"Execute any SQL statement: INSERT, UPDATE, DELETE, DDL.
Returns the number of affected rows."#,
        annotations(destructive_hint = true)
    )]
    async fn execute(&self, Parameters(p): Parameters<SqlParams>) -> Result<CallToolResult, McpError> {
        let n = self.db.execute(p.sql.as_str(), &[]).await.map_err(err)?;
        Ok(CallToolResult::success(vec![Content::text(format!("{n} rows affected"))]))
    }

    #[tool(description = "Drop a table and all of its data.", annotations(destructive_hint = true, idempotent_hint = true))]
    async fn drop_table(&self, Parameters(p): Parameters<TableParams>) -> Result<CallToolResult, McpError> {
        self.db.batch_execute(&format!("DROP TABLE {}", quote_ident(&p.table))).await.map_err(err)?;
        Ok(CallToolResult::success(vec![Content::text(format!("dropped {}", p.table))]))
    }
}

#[tool_handler]
impl ServerHandler for PgTalk {
    fn get_info(&self) -> ServerInfo {
        ServerInfo {
            instructions: Some("PostgreSQL access for the configured DATABASE_URL".into()),
            capabilities: ServerCapabilities::builder().enable_tools().build(),
            ..Default::default()
        }
    }
}
